"""The backups folder: automatic backups when the register changed, and their rotation.

Every backup is a file ``backup_name(register, reason)`` written by ``backup.backup_file`` (SQLite's
online backup API, checked by ``integrity``, renamed into place only when whole). The name holds the
register file's name, the moment and the reason, never anything from inside the register. The functions
here take the backups folder and work in the register's own folder inside it (``identity.register_folder``),
so one register's backups are never listed, rotated or offered for another's.

Whether the register changed since its newest backup is read from the change mark in both files' headers
(see ``database.change_mark``): no data is compared, so the check costs two header reads at start-up.

Rotation (``RotationPolicy``) keeps the newest backup of each of the last ``daily`` days that have one,
of the last ``weekly`` ISO weeks and of the last ``monthly`` months, and besides those the newest
``safety`` backups taken before an upgrade, a restore or a replacement, and the newest ``safety`` damaged
files set aside by a restore, whatever their age. Everything else in the register's folder is deleted.

Checking a backup and restoring it are in ``backups_restore``.
"""

import dataclasses
import datetime as dt
import re
import stat
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from biv_desktop.store import cipher, encryption
from biv_desktop.store.backup import Progress, backup_file, backup_name
from biv_desktop.store.database import change_mark
from biv_desktop.store.errors import StoreError
from biv_desktop.store.identity import register_folder
from biv_desktop.store.lock import RegisterInUseError, RegisterLock

# Why a backup was taken: the last part of its file name.
AT_START = "start"
BEFORE_UPGRADE = "fore-uppgradering"  # written by migrate.upgrade
BEFORE_RESTORE = "fore-aterstallning"
BEFORE_REPLACING = "fore-ersattning"  # a file of ours that a backup to a chosen place was written over
DAMAGED = "skadad"  # not a backup: a damaged register moved aside by a restore, kept for rescue
SAFETY_REASONS = frozenset({BEFORE_UPGRADE, BEFORE_RESTORE, BEFORE_REPLACING})

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite$")
_STAMP = "%Y-%m-%dT%H%M%S"
# A half-written backup older than this was left by a crash, not by a backup still being written.
STALE_PART_AGE = dt.timedelta(hours=1)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in the backups folder, as its name describes it."""

    path: Path
    taken_at: dt.datetime
    reason: str
    # When the file was written (nanoseconds), to order backups taken within the same second.
    written_ns: int = 0

    @property
    def order(self) -> tuple[dt.datetime, int, str]:
        """Newer backups sort later: by the second in the name, then by when the file was written."""
        return (self.taken_at, self.written_ns, self.path.name)


@dataclass(frozen=True)
class RotationPolicy:
    """How many backups the rotation keeps; see the module's docstring."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    safety: int = 5


def list_backups(root: Path, database: Path) -> list[BackupInfo]:
    """The backups of the register ``database`` in the backups folder ``root``, newest first.

    Only that register's own folder is looked in (see ``store.identity``), so another register's backups,
    whatever its file is called, are never listed, offered or rotated away here.
    """
    folder = register_folder(root, database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        backup = parse_backup_name(path, database)
        if backup is None:
            continue
        try:
            status = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(status.st_mode):
            found.append(dataclasses.replace(backup, written_ns=status.st_mtime_ns))
    return sorted(found, key=lambda backup: backup.order, reverse=True)


def parse_backup_name(path: Path, database: Path | None = None) -> BackupInfo | None:
    """What a name made by ``backup_name`` says; None for other names (or another register's backups)."""
    match = _NAME.match(path.name)
    if match is None or (database is not None and match["stem"] != database.stem):
        return None
    try:
        taken_at = dt.datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return BackupInfo(path, taken_at, match["reason"])


def _newest_per_period(
    backups: list[BackupInfo], count: int, period: Callable[[dt.datetime], object]
) -> set[Path]:
    kept: set[Path] = set()
    periods: set[object] = set()
    for backup in backups:  # newest first
        key = period(backup.taken_at)
        if key in periods:
            continue
        if len(periods) == count:
            break
        periods.add(key)
        kept.add(backup.path)
    return kept


def backups_to_remove(
    backups: Iterable[BackupInfo], policy: RotationPolicy, keep: Path | None = None
) -> list[BackupInfo]:
    """The backups the rotation deletes, newest first; the newest backup, and ``keep``, are always kept."""
    ordered = sorted(backups, key=lambda backup: backup.order, reverse=True)
    regular = [backup for backup in ordered if backup.reason != DAMAGED]
    kept = _newest_per_period(regular, policy.daily, lambda moment: moment.date())
    kept |= _newest_per_period(regular, policy.weekly, lambda moment: moment.isocalendar()[:2])
    kept |= _newest_per_period(regular, policy.monthly, lambda moment: (moment.year, moment.month))
    safety = [backup for backup in regular if backup.reason in SAFETY_REASONS]
    kept |= {backup.path for backup in safety[: policy.safety]}
    damaged = [backup for backup in ordered if backup.reason == DAMAGED]
    kept |= {backup.path for backup in damaged[: policy.safety]}
    if regular:
        kept.add(regular[0].path)
    if keep is not None:
        kept.add(keep)
    return [backup for backup in ordered if backup.path not in kept]


def rotate(
    root: Path,
    database: Path,
    policy: RotationPolicy,
    now: dt.datetime | None = None,
    *,
    keep: Path | None = None,
) -> list[Path]:
    """Delete the backups of ``database`` the policy does not keep, and half files left by a crash.

    ``keep`` (the backup just written) is never deleted, even when another backup has the same second.
    """
    removed = []
    for backup in backups_to_remove(list_backups(root, database), policy, keep):
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    folder = register_folder(root, database)
    moment = (now or dt.datetime.now()).timestamp()
    for leftover in folder.glob(f"{glob_escape(database.stem)}-*.sqlite.part*") if folder.is_dir() else ():
        with suppress(OSError):
            if moment - leftover.stat().st_mtime > STALE_PART_AGE.total_seconds():
                leftover.unlink()
                removed.append(leftover)
    return removed


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def changed_since_newest_backup(database: Path, root: Path) -> bool:
    """Whether ``database`` changed since its newest backup in ``root`` (True when it has none)."""
    backups = [backup for backup in list_backups(root, database) if backup.reason != DAMAGED]
    if not backups:
        return True
    try:
        newest = change_mark(backups[0].path)
    except cipher.Error:
        return True  # an unreadable newest backup is no backup
    return change_mark(database) != newest


def backup_if_changed(
    database: Path,
    root: Path,
    policy: RotationPolicy,
    *,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> Path | None:
    """The start-up backup: taken only if the register changed since its newest one, then rotated."""
    if not changed_since_newest_backup(database, root):
        return None
    folder = register_folder(root, database)
    written = backup_file(database, folder / backup_name(database, AT_START, now), progress=progress)
    rotate(root, database, policy, now, keep=written)
    return written


def replace_our_file(
    database: Path, destination: Path, root: Path, *, progress: Progress | None = None
) -> Path:
    """Write a backup of ``database`` over ``destination``, an existing file of ours (an older backup, or
    a register): only while nobody has it open, and after a safety copy of it into its own folder in
    ``root``. Refused with a StoreError if it is open in a program or has a -wal beside it (the last
    edits of a program that crashed are only there), and left as it was."""
    for end in ("-wal", "-journal"):
        if destination.with_name(destination.name + end).exists():
            raise StoreError(
                f"Filen {destination} är en BIV Desktop-databas med en {end}-fil bredvid sig: den är öppen i "
                "ett program, eller så stängdes programmet inte ordentligt och de senaste ändringarna finns "
                "bara där. Säkerhetskopian sparades inte; ingenting har ändrats. Välj ett annat filnamn, "
                "eller öppna den databasen i BIV Desktop och stäng den först.",
                destination,
            )
    try:
        lock = RegisterLock.acquire(destination)
    except RegisterInUseError as error:
        raise StoreError(
            f"Filen {destination} är en BIV Desktop-databas som är öppen just nu"
            f"{f' ({error.holder.describe()})' if error.holder else ''}. Säkerhetskopian sparades inte; "
            "ingenting har ändrats. Välj ett annat filnamn.",
            destination,
        ) from error
    try:
        folder = register_folder(root, destination)
        backup_file(destination, folder / backup_name(destination, BEFORE_REPLACING))
        written = backup_file(database, destination, progress=progress)
    finally:
        lock.release()
    return written


def remove_leftovers(root: Path, database: Path) -> list[Path]:
    """Delete half-written copies a killed program left: in the register's own backups folder, and a
    restore's copy beside the register. Called by the holder of the register's lock, so nothing of this
    register is being written meanwhile."""
    removed = []
    folder = register_folder(root, database)
    candidates = [
        *(folder.glob("*.sqlite.part*") if folder.is_dir() else ()),
        *database.parent.glob(f"{glob_escape(database.name)}.aterstalls*"),
        root / "registers.json.part",
    ]
    removed.extend(encryption.remove_leftovers(database))
    for leftover in candidates:
        with suppress(OSError):
            if leftover.is_file():
                leftover.unlink()
                removed.append(leftover)
    return removed
