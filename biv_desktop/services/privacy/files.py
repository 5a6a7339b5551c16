"""After a clean-up: the removed text out of the database's files, a fresh backup, and the older backups.

SQLite keeps earlier versions of changed pages in the write-ahead log (the -wal file beside the
database) until a checkpoint, and a backup is a copy of the database as it was. So after anonymising
or deleting, the log is checkpointed and emptied (the database itself overwrote the removed text, as
it runs with secure_delete on), a fresh backup is taken, and the rotation runs. Older backups still hold
the removed names; the user is told until when the rotation keeps them, or may remove them at once.
"""

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from biv_desktop.domain.retention import backup_kept_until
from biv_desktop.services.register.backup import rotation_policy
from biv_desktop.store import backups as store_backups
from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.database import Database
from biv_desktop.store.errors import BusyDatabaseError, StoreError
from biv_desktop.store.identity import register_folder

log = logging.getLogger(__name__)

# Why the backup was taken: the last part of its file name (no name from inside the register).
AFTER_CLEAN_UP = "efter-gallring"


@dataclass(frozen=True)
class OlderBackup:
    """A backup taken before the clean-up, which still holds the removed data."""

    path: Path
    taken_at: dt.datetime
    kept_until: dt.date | None  # None: a safety backup (before an upgrade or a restore), kept until replaced


@dataclass(frozen=True)
class TraceReport:
    """What ``remove_traces`` did: the fresh backup and the older backups that still hold removed data."""

    fresh_backup: Path
    older: tuple[OlderBackup, ...]
    removed_by_rotation: int

    @property
    def latest_expiry(self) -> dt.date | None:
        """When the rotation has removed the last older backup (with a backup at least once a month)."""
        return max((backup.kept_until for backup in self.older if backup.kept_until), default=None)

    @property
    def safety_backups(self) -> int:
        return sum(1 for backup in self.older if backup.kept_until is None)


def checkpoint(database: Database) -> None:
    """Move every change from the write-ahead log into the database file and empty the log.

    SQLite only: the log and this pragma are SQLite's. Raises BusyDatabaseError if another program is
    reading the register and the log could not be emptied.
    """
    connection = database.engine.raw_connection()
    try:
        driver = connection.driver_connection
        assert driver is not None
        busy, _log_frames, _moved = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        connection.close()
    if busy:
        raise BusyDatabaseError(
            "Ett annat program läser databasen just nu, så de borttagna uppgifterna kunde inte rensas ur "
            "databasens loggfil. Stäng det andra programmet och gör gallringen igen.",
            database.path,
        )


def _older_backups(folder: Path, database: Database, fresh: Path, monthly: int) -> tuple[OlderBackup, ...]:
    found = []
    for backup in store_backups.list_backups(folder, database.path):
        if backup.path == fresh:
            continue
        safety = backup.reason in store_backups.SAFETY_REASONS or backup.reason == store_backups.DAMAGED
        kept_until = None if safety else backup_kept_until(backup.taken_at.date(), monthly)
        found.append(OlderBackup(backup.path, backup.taken_at, kept_until))
    return tuple(found)


def remove_traces(database: Database, backups: Path, *, now: dt.datetime | None = None) -> TraceReport:
    """Empty the write-ahead log, take a fresh backup into ``backups`` and rotate; list the older backups.

    Raises a StoreError (busy, a full disk, a read-only folder) with a Swedish sentence.
    """
    checkpoint(database)
    now = now or dt.datetime.now()
    folder = register_folder(backups, database.path)  # this register's own backups (see store.identity)
    fresh = backup_file(database.path, folder / backup_name(database.path, AFTER_CLEAN_UP, now))
    policy = rotation_policy(database)
    removed = store_backups.rotate(backups, database.path, policy, now, keep=fresh)
    log.info("Clean-up: fresh backup taken, %d older backups removed by the rotation", len(removed))
    return TraceReport(fresh, _older_backups(backups, database, fresh, policy.monthly), len(removed))


def remove_older_backups(report: TraceReport) -> int:
    """Delete the backups taken before the clean-up, keeping the fresh one; how many were deleted.

    Raises StoreError if one could not be deleted; those deleted before it stay deleted.
    """
    removed = 0
    for backup in report.older:
        try:
            backup.path.unlink(missing_ok=True)
            # A damaged register set aside by a restore may have its write-ahead log beside it.
            backup.path.with_name(backup.path.name + "-wal").unlink(missing_ok=True)
        except OSError as error:
            raise StoreError(
                f"Säkerhetskopian {backup.path.name} kunde inte tas bort. Kontrollera behörigheterna i "
                f"{backup.path.parent} och försök igen.",
                backup.path,
            ) from error
        removed += 1
    return removed
