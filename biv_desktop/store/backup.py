"""Copies of the register made with SQLite's online backup API, never by copying the open file."""

import datetime as dt
import errno
import os
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from biv_desktop.store.database import read_only_uri
from biv_desktop.store.errors import DamagedDatabaseError, DiskFullError, ReadOnlyDatabaseError, StoreError


def backup_file(source: Path, destination: Path) -> Path:
    """Write a consistent copy of ``source`` to ``destination`` (user-only), check it, and return it.

    The copy is written under a temporary name and renamed when whole, so a crash or a failure leaves
    no half file and an earlier backup under the same name stays as it was.
    """
    partial = destination.with_name(destination.name + ".part")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _remove(partial)
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        _copy(source, partial)
        os.replace(partial, destination)
        _sync_folder(destination.parent)
    except BaseException as error:
        _clean_up(partial)
        if isinstance(error, StoreError | sqlite3.Error | OSError):
            raise _explain(error, source, destination) from error
        raise
    return destination


def _copy(source: Path, partial: Path) -> None:
    with (
        closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
        closing(sqlite3.connect(partial)) as dst,
    ):
        src.backup(dst)
        # A backup is one standalone file, whatever journal the register uses.
        dst.execute("PRAGMA journal_mode = DELETE")
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise DamagedDatabaseError(
            f"Säkerhetskopian av {source} blev inte hel eftersom databasen är skadad. Behåll den senaste "
            "hela säkerhetskopian och öppna den.",
            source,
        )


def _explain(error: BaseException, source: Path, destination: Path) -> StoreError:
    """The Swedish sentence for a backup that could not be written."""
    if isinstance(error, StoreError):
        return error
    text = str(error).lower()
    if "full" in text or (isinstance(error, OSError) and error.errno == errno.ENOSPC):
        return DiskFullError(
            f"Disken är full, så säkerhetskopian {destination.name} kunde inte skrivas. Frigör utrymme och "
            "försök igen.",
            destination,
        )
    if isinstance(error, PermissionError) or "readonly" in text:
        return ReadOnlyDatabaseError(
            f"Säkerhetskopian kunde inte skrivas i {destination.parent}. Ändra behörigheterna eller välj "
            "en annan mapp.",
            destination,
        )
    if isinstance(error, sqlite3.DatabaseError):
        return DamagedDatabaseError(
            f"Databasen {source} går inte att läsa, så ingen säkerhetskopia kunde göras. Öppna den senaste "
            "säkerhetskopian.",
            source,
        )
    return StoreError(
        f"Säkerhetskopian {destination} kunde inte skrivas ({error}). Välj en annan mapp och försök igen.",
        destination,
    )


def _remove(partial: Path) -> None:
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)


def _clean_up(partial: Path) -> None:
    # After a failure: tidy what can be tidied, without hiding the failure itself.
    with suppress(OSError):
        _remove(partial)


def _sync_folder(folder: Path) -> None:
    # The rename reaches the disk only when the folder itself is flushed (POSIX; Windows has no need).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_name(database: Path, reason: str, now: dt.datetime | None = None) -> str:
    """A backup's file name: the database's name, the moment and why, e.g. 'biv-2026-11-25T101500-migrering.sqlite'."""
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    return f"{database.stem}-{stamp}-{reason}.sqlite"
