"""Copies of the register made with SQLite's online backup API, never by copying the open file."""

import datetime as dt
import os
import sqlite3
from pathlib import Path

from biv_desktop.store.errors import DamagedDatabaseError, DiskFullError


def backup_file(source: Path, destination: Path) -> Path:
    """Write a consistent copy of ``source`` to ``destination`` (user-only), check it, and return it.

    The copy is written under a temporary name and renamed when whole, so a crash leaves no half file.
    """
    destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = destination.with_name(destination.name + ".part")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        src.close()
        dst.close()
        if result != "ok":
            raise DamagedDatabaseError(f"Säkerhetskopian av {source} blev inte hel ({result}).", source)
        os.replace(partial, destination)
    except sqlite3.OperationalError as error:
        partial.unlink(missing_ok=True)
        if "full" in str(error).lower():
            raise DiskFullError(
                "Disken är full, så säkerhetskopian kunde inte skrivas.", destination
            ) from error
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def backup_name(database: Path, reason: str, now: dt.datetime | None = None) -> str:
    """A backup's file name: the database's name, the moment and why, e.g. 'biv-2026-11-25T101500-migrering.sqlite'."""
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    return f"{database.stem}-{stamp}-{reason}.sqlite"
