"""Backups and restore as the window and the command line use them, with Swedish sentences throughout.

- ``open_for_window``: the register with its lock, so a second program on the same file is refused.
- ``backup_at_start``: a checked backup into the backups folder when the register changed since the
  newest one there, then the rotation (its counts can be set with the settings in ``ROTATION_SETTINGS``).
- ``backup_to``: a backup to a place the user chooses (a USB stick), beside a running window too.
- ``restore`` (the open register) / ``restore_file`` (one that is not open, or could not be opened):
  check the chosen file, back up the register (or move a damaged one aside), then replace it.
- ``shared_folder_warning``: a sentence for a register in a cloud-synchronised or network folder.

Progress callbacks get (done, total) and may raise to cancel; nothing is left half-done then.
"""

import datetime as dt
import os
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from biv_desktop.domain.calendar import long_date
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register.encryption import settle_backups
from biv_desktop.store import backups as store_backups
from biv_desktop.store import backups_restore as store_restore
from biv_desktop.store import cipher, migrate
from biv_desktop.store.backup import Progress, backup_file
from biv_desktop.store.database import (
    APPLICATION_ID,
    Database,
    is_special_file,
    special_file_message,
    translate_os_error,
)
from biv_desktop.store.errors import NotOurDatabaseError, OtherRegisterError, StoreError
from biv_desktop.store.identity import default_root, register_folder
from biv_desktop.store.lock import (
    LockedDatabase,
    RegisterInUseError,
    RegisterLock,
    SharedFolder,
    open_locked_register,
    shared_folder_kind,
)
from biv_desktop.store.models import Setting
from biv_desktop.store.sealed import is_sealed

__all__ = [
    "ROTATION_SETTINGS",
    "BackupSummary",
    "LockedDatabase",
    "Progress",
    "RegisterInUseError",
    "RestoreSummary",
    "backup_at_start",
    "backup_to",
    "backups_folder",
    "check_backup",
    "check_destination",
    "check_file_name",
    "newest_good_backup",
    "open_for_window",
    "other_register",
    "restore",
    "restore_file",
    "rotation_policy",
    "shared_folder_warning",
]

# Settings (in the register's setting table) that change how many backups the rotation keeps.
ROTATION_SETTINGS = {
    "backup_keep_daily": "daily",
    "backup_keep_weekly": "weekly",
    "backup_keep_monthly": "monthly",
}
REASON_LABELS = {
    store_backups.AT_START: "automatisk vid start",
    store_backups.BEFORE_UPGRADE: "före uppgradering",
    store_backups.BEFORE_RESTORE: "före återställning",
    store_backups.BEFORE_REPLACING: "före ersättning",
}


@dataclass(frozen=True)
class BackupSummary:
    """A backup file as the user is shown it before restoring."""

    path: Path  # the file to restore from: for a sealed backup its opened copy (see sealed_backups)
    taken_at: dt.datetime
    reason: str  # Swedish, e.g. "automatisk vid start"; empty for a file saved elsewhere
    chosen: Path | None = None  # the sealed file the user chose, when ``path`` is its opened copy

    @property
    def file(self) -> Path:
        """The file as the user knows it: the one she chose."""
        return self.chosen or self.path

    @property
    def taken_label(self) -> str:
        """E.g. 'måndag 8 april 2026 kl. 10.15'."""
        return f"{long_date(self.taken_at.date())} kl. {self.taken_at:%H.%M}"


@dataclass(frozen=True)
class RestoreSummary:
    """What a restore did."""

    restored_from: Path
    safety_backup: Path | None  # the register just before the restore
    set_aside: Path | None  # a damaged register moved into the backups folder


def open_for_window(path: Path, backups: Path) -> LockedDatabase:
    """Open the register for the window, holding its lock until ``close()``.

    Raises RegisterInUseError (a StoreError) naming who has it open, or what ``open_register`` raises.
    Half-written copies a killed program left of this register are removed (it holds the lock now).
    """
    database = open_locked_register(path, backups)
    store_backups.remove_leftovers(backups, database.path)
    # A switch of encryption cut short may have left some of its backups as they were.
    settle_backups(database.path, backups)
    return database


def backups_folder(path: Path, backups: Path) -> Path:
    """The folder inside ``backups`` that holds the register ``path``'s own backups."""
    return register_folder(backups, path.expanduser().absolute())


def rotation_policy(database: Database) -> store_backups.RotationPolicy:
    """The rotation's counts: the defaults, or what the settings in ``ROTATION_SETTINGS`` say."""
    with database.transaction() as session:
        rows = session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_(ROTATION_SETTINGS))
        ).all()
    counts: dict[str, int] = {}
    for key, value in rows:
        if value.strip().isdigit() and 1 <= int(value) <= 1000:
            counts[ROTATION_SETTINGS[key]] = int(value)
    default = store_backups.RotationPolicy()
    return store_backups.RotationPolicy(
        daily=counts.get("daily", default.daily),
        weekly=counts.get("weekly", default.weekly),
        monthly=counts.get("monthly", default.monthly),
    )


def backup_at_start(
    database: Database, backups: Path, *, now: dt.datetime | None = None, progress: Progress | None = None
) -> Path | None:
    """Back the register up into ``backups`` if it changed since its newest backup there, and rotate.

    Returns the new backup, or None when nothing had changed. Raises a StoreError (a full disk, a
    read-only folder) that the caller shows as a warning: the register itself is untouched.
    """
    policy = rotation_policy(database)
    return store_backups.backup_if_changed(database.path, backups, policy, now=now, progress=progress)


def _is_our_database(path: Path) -> bool:
    try:
        # An encrypted register (or backup of one) is ours when a passphrase this session knows opens it.
        if cipher.what_stops_opening(path, cipher.read_header(path)) is not None:
            return False
        immutable = not path.with_name(path.name + "-wal").exists()
        with closing(cipher.connect(path, read_only=True, immutable=immutable)) as connection:
            return bool(connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID)
    except cipher.FileOrDatabaseError:
        return False


def _register_files(database: Path) -> list[Path]:
    return [
        database,
        *(database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal", ".lock")),
    ]


# The longest file name (in bytes) common file systems take; a USB stick's FAT/exFAT takes 255 characters.
MAX_NAME_BYTES = 255


def check_file_name(path: Path, field: str = "destination") -> None:
    """Refuse a file name no file system takes, with a Swedish ValidationError for ``field``."""
    try:
        os.fsencode(path)  # a lone surrogate (pasted text) has no bytes a file system can take
    except UnicodeEncodeError:
        raise ValidationError(
            field, "Filnamnet innehåller ett tecken som inte får finnas i ett filnamn. Välj ett annat namn."
        ) from None
    if "\x00" in str(path):
        raise ValidationError(
            field, "Filnamnet innehåller ett tecken som inte får finnas i ett filnamn. Välj ett annat namn."
        )
    if len(os.fsencode(path.name)) > MAX_NAME_BYTES:
        raise ValidationError(field, "Filnamnet är för långt. Välj ett kortare namn.")


def backup_to(
    database: Path, destination: Path, *, progress: Progress | None = None, backups: Path | None = None
) -> Path:
    """Write a checked backup of the register ``database`` to ``destination``, a file the user chose.

    A file of ours already there (an earlier backup, or a register) is replaced only when nobody has it
    open (its lock is free and it has no -wal beside it), after a safety copy of it into ``backups``
    (beside it when None), and only once the new copy is whole. Any other existing file is left alone
    with a ValidationError, and so is the register itself.

    The copy is a plain SQLite file: the window and the command line write one only after the user chose
    it and was warned; ``sealed_backups.backup_sealed_to`` writes the sealed one they offer first.
    """
    check_file_name(destination)
    destination = destination.expanduser().absolute()
    database = database.expanduser().absolute()
    try:
        return _backup_to(database, destination, progress, backups)
    except OSError as error:  # the file system refused the name or the place before anything was written
        raise translate_os_error(error, destination) from error


def _backup_to(database: Path, destination: Path, progress: Progress | None, backups: Path | None) -> Path:
    check_destination(database, destination)
    if not destination.exists():
        return backup_file(database, destination, progress=progress)
    if not _is_our_database(destination):
        raise ValidationError(
            "destination",
            f"Filen {destination} finns redan och är ingen säkerhetskopia från BIV Desktop. Välj ett annat "
            "filnamn; den befintliga filen lämnas orörd.",
        )
    return store_backups.replace_our_file(
        database, destination, backups or default_root(destination), progress=progress
    )


def check_destination(database: Path, destination: Path) -> None:
    """Refuse, before anything is written, a backup of ``database`` to ``destination`` (both absolute)
    that would go over the register itself, into a folder or a special file, or of a file not ours."""
    if destination in _register_files(database) or (
        destination.exists() and database.exists() and destination.samefile(database)
    ):
        raise ValidationError(
            "destination",
            "Säkerhetskopian kan inte sparas över själva databasen. Välj ett annat filnamn, gärna på ett "
            "USB-minne.",
        )
    for given in (database, destination):
        if is_special_file(given):
            raise ValidationError("destination", special_file_message(given))
    if not database.is_file():
        raise StoreError(f"Databasen {database} finns inte.", database)
    if not _is_our_database(database):
        raise NotOurDatabaseError(f"Filen {database} är ingen BIV Desktop-databas.", database)
    if destination.is_dir():
        raise ValidationError("destination", f"{destination} är en mapp. Välj ett filnamn i mappen.")


def _summary(path: Path) -> BackupSummary:
    named = store_backups.parse_backup_name(path)
    if named is not None:
        return BackupSummary(path, named.taken_at, REASON_LABELS.get(named.reason, ""))
    # A file the user named herself: when it was written is the best guess of when it was taken.
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return BackupSummary(path, modified, "")


def check_backup(path: Path) -> BackupSummary:
    """Check a file the user wants to restore: ours, intact and not newer than the program.

    Raises a StoreError with a Swedish sentence otherwise; nothing is changed either way. A sealed
    backup is opened with ``sealed_backups.opened_backup`` instead.
    """
    path = path.expanduser().absolute()
    if is_sealed(path):
        raise StoreError(
            f"Säkerhetskopian {path} är krypterad och öppnas med lösenfrasen den sparades med.", path
        )
    checked = store_restore.check_backup(path)
    return _summary(checked.path)


def newest_good_backup(database: Path, backups: Path) -> BackupSummary | None:
    """The newest backup of the register in ``backups`` that can be restored, if any."""
    checked = store_restore.newest_good_backup(backups, database.expanduser().absolute())
    return None if checked is None else _summary(checked.path)


def other_register(path: Path, backup: Path, backups: Path) -> OtherRegisterError | None:
    """Why restoring ``backup`` over the register ``path`` needs a yes: it is another register's (the error
    names both registers with their sizes); None when it is this register's own, or nothing is replaced."""
    return store_restore.other_register(backup.expanduser().absolute(), path.expanduser().absolute(), backups)


def _restore_file(
    path: Path, backup: Path, backups: Path, progress: Progress | None, confirmed: bool = False
) -> RestoreSummary:
    result = store_restore.restore_backup(
        backup.expanduser().absolute(), path, backups, progress=progress, other_register_confirmed=confirmed
    )
    # A backup from an earlier version of the program is brought up to this one's schema.
    migrate.upgrade(path, backups)
    return RestoreSummary(result.backup.path, result.safety_backup, result.set_aside)


def restore(
    database: Database,
    backup: Path,
    backups: Path,
    *,
    progress: Progress | None = None,
    other_register_confirmed: bool = False,
) -> RestoreSummary:
    """Replace the open register's content with ``backup``, after checking it and backing the register up.

    The caller holds the register's lock (the window's register does) and no unit of work is running;
    ``database`` reads the restored content afterwards. On failure the register is as it was.
    """
    database.engine.dispose()
    try:
        return _restore_file(database.path, backup, backups, progress, other_register_confirmed)
    finally:
        database.engine.dispose()


def restore_file(
    path: Path,
    backup: Path,
    backups: Path,
    *,
    progress: Progress | None = None,
    other_register_confirmed: bool = False,
) -> RestoreSummary:
    """Restore ``backup`` over the register file ``path``, which nobody has open, holding its lock meanwhile.

    For the command line, and for a register that could not be opened: a damaged one is moved into
    ``backups`` first (named '…-skadad.sqlite'), so nothing is lost; a missing one is created.
    Raises RegisterInUseError if a window has the register open.
    """
    path = path.expanduser().absolute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = RegisterLock.acquire(path)
    except OSError as error:
        raise translate_os_error(error, path) from error
    try:
        return _restore_file(path, backup, backups, progress, other_register_confirmed)
    finally:
        lock.release()


def shared_folder_warning(path: Path) -> str | None:
    """A Swedish warning for a register in a cloud-synchronised or network folder; None elsewhere."""
    kind = shared_folder_kind(path)
    if kind is SharedFolder.CLOUD:
        return (
            f"Databasen {path} ligger i en mapp som en molntjänst (som OneDrive, Dropbox, Google Drive eller "
            "iCloud) synkroniserar. Tjänsten kan kopiera filen medan programmet skriver i den, och en ändring "
            "från en annan dator kan skriva över dina. Flytta databasen till en mapp som bara finns på den "
            "här datorn, och ta säkerhetskopior till ett USB-minne i stället."
        )
    if kind is SharedFolder.NETWORK:
        return (
            f"Databasen {path} ligger på en nätverksenhet. Om förbindelsen bryts medan programmet sparar kan "
            "databasen skadas, och skyddet mot att två program öppnar den samtidigt fungerar inte säkert "
            "där. Flytta databasen till en mapp på den här datorn."
        )
    return None
