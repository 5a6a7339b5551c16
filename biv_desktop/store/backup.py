"""Copies of the register made with SQLite's online backup API, never by copying the open file."""

import datetime as dt
import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path

from biv_desktop.store import cipher, integrity
from biv_desktop.store.database import is_writable
from biv_desktop.store.errors import DamagedDatabaseError, DiskFullError, ReadOnlyDatabaseError, StoreError

# Told how far a copy has come: (pages done, pages in all).
Progress = Callable[[int, int], None]
# Pages copied between two progress reports (a megabyte at SQLite's usual 4 KiB pages).
STEP_PAGES = 256


def backup_file(
    source: Path, destination: Path, *, progress: Progress | None = None, step_pages: int = STEP_PAGES
) -> Path:
    """Write a consistent copy of ``source`` to ``destination`` (user-only), check it, and return it.

    The copy is written under a temporary name and renamed when whole, so a crash or a failure leaves
    no half file and an earlier backup under the same name stays as it was. ``progress``, if given, is
    told after every ``step_pages`` pages; an exception it raises (a cancel) stops the copy, leaving
    nothing behind, and is raised again as it is.
    """
    partial = destination.with_name(destination.name + ".part")
    # The nearest folder that exists: a register's own backups folder may still have to be made in it.
    existing = next((folder for folder in destination.parents if folder.exists()), destination.parent)
    if existing.is_dir() and not is_writable(existing):
        # Refused before anything is tried, for an administrator too (see database.is_writable).
        # Named by the folder that refused, which may be above the one the backup goes in.
        raise _explain(PermissionError(errno.EACCES, "read-only folder"), source, existing / destination.name)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        remove_with_journals(partial)
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        _copy(source, partial, progress, step_pages)
        os.replace(partial, destination)
        sync_folder(destination.parent)
    except BaseException as error:
        _clean_up(partial)
        if isinstance(error, (StoreError, *cipher.FileOrDatabaseError)):
            raise _explain(error, source, destination) from error
        raise
    return destination


def _copy(source: Path, partial: Path, progress: Progress | None, step_pages: int) -> None:
    # A backup of an encrypted register is encrypted with its key: the backup API copies the pages
    # into a target keyed the same, so no plain copy is written (store.cipher).
    with closing(cipher.connect(partial, key=cipher.key_for(source))) as dst:
        _copy_pages(source, dst, progress, step_pages)
        # A backup is one standalone file, whatever journal the register uses.
        dst.execute("PRAGMA journal_mode = DELETE")
        _check_copy(source, dst)


def _copy_pages(source: Path, dst: sqlite3.Connection, progress: Progress | None, step_pages: int) -> None:
    with closing(cipher.connect(source, read_only=True, isolation_level=None)) as src:
        if progress is None:
            src.backup(dst)
        else:
            # One read transaction across all steps: the copy is one moment's snapshot, and a program
            # writing meanwhile neither restarts it nor gets into it.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            src.backup(
                dst,
                pages=max(1, step_pages),
                progress=lambda _status, remaining, total: progress(total - remaining, total),
                sleep=0,
            )
            src.execute("COMMIT")


def _check_copy(source: Path, dst: sqlite3.Connection) -> None:
    if integrity.problems(dst):
        raise DamagedDatabaseError(
            f"Säkerhetskopian av {source} blev inte hel eftersom databasen är skadad. Behåll den senaste "
            "hela säkerhetskopian och öppna den.",
            source,
        )


# Bytes 18 and 19 of a SQLite file: its write and read format versions, 2 in WAL mode and 1 otherwise.
_WAL_VERSIONS = slice(18, 20)


def backup_bytes(source: Path, *, progress: Progress | None = None, step_pages: int = STEP_PAGES) -> bytes:
    """A consistent, checked copy of ``source`` as the bytes of a standalone SQLite file, made in memory.

    For a backup that is sealed before it is written (store.sealed): no plain copy ever touches a disk.
    """
    try:
        if cipher.key_for(source) is not None:
            return _plain_bytes_of_encrypted(source, progress)
        with closing(sqlite3.connect(":memory:")) as dst:
            _copy_pages(source, dst, progress, step_pages)
            _check_copy(source, dst)
            data = bytearray(dst.serialize())
    except cipher.Error as error:
        raise _explain(error, source, source) from error
    # What 'PRAGMA journal_mode = DELETE' does to a file: the copy opens without a -wal file.
    data[_WAL_VERSIONS] = b"\x01\x01"
    return bytes(data)


def _plain_bytes_of_encrypted(source: Path, progress: Progress | None) -> bytes:
    """The plain bytes of an encrypted register, made in memory only (for a sealed backup).

    SQLCipher's driver can neither copy pages into a plain database nor serialize one, so the copy is
    made table by table (``copy_tables``) into memory.
    """
    with (
        closing(cipher.connect(source, read_only=True, isolation_level=None)) as src,
        closing(sqlite3.connect(":memory:", isolation_level=None)) as dst,
    ):
        copy_tables(src, dst, progress)
        _check_copy(source, dst)
        data = bytearray(dst.serialize())
    data[_WAL_VERSIONS] = b"\x01\x01"
    return bytes(data)


def write_encrypted(data: bytes, destination: Path, key: str) -> None:
    """Write the plain SQLite file ``data`` (an opened sealed backup) to ``destination`` encrypted with
    ``key``, from memory, so that no plain copy of it touches the disk of an encrypted register."""
    with (
        closing(sqlite3.connect(":memory:", isolation_level=None)) as src,
        closing(cipher.connect(destination, key=key, isolation_level=None)) as dst,
    ):
        src.deserialize(data)
        copy_tables(src, dst, None)
    if os.name == "posix":
        destination.chmod(0o600)


def copy_tables(src: sqlite3.Connection, dst: sqlite3.Connection, progress: Progress | None) -> None:
    """Copy an SQLite database between two drivers (plain and SQLCipher): the schema's own SQL, then every
    row, in one read transaction, with the header fields the program reads (its id mark and change mark)."""
    src.execute("BEGIN")  # one read transaction: the copy is one moment's snapshot
    dst.execute("BEGIN")
    schema = src.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY type != 'table'"
    ).fetchall()
    tables = [name for kind, name, _sql in schema if kind == "table"]
    for sql in (sql for kind, _name, sql in schema if kind == "table"):
        dst.execute(sql)
    for done, table in enumerate(tables):
        rows = src.execute(f'SELECT * FROM "{table}"')
        places = ", ".join("?" for _ in rows.description)
        dst.executemany(f'INSERT INTO "{table}" VALUES ({places})', rows)
        if progress is not None:
            progress(done + 1, len(tables))
    for sql in (sql for kind, _name, sql in schema if kind != "table"):
        dst.execute(sql)
    if src.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        dst.executemany(
            "INSERT INTO sqlite_sequence VALUES (?, ?)", src.execute("SELECT * FROM sqlite_sequence")
        )
    for name in ("application_id", "user_version"):
        dst.execute(f"PRAGMA {name} = {int(src.execute(f'PRAGMA {name}').fetchone()[0])}")
    src.execute("COMMIT")
    dst.execute("COMMIT")


# Less free space than this, beside an input/output error, is a full disk.
NEARLY_FULL_BYTES = 1 << 20


def failure_kind(error: BaseException) -> str:
    """What went wrong, from SQLite's error name or the operating system's error number:
    'full', 'read-only', 'damaged', 'io' (could not read or write: a full disk, a pulled stick) or 'other'."""
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return "full"
        if isinstance(error, PermissionError) or error.errno == errno.EROFS:
            return "read-only"
        return "io"
    name = str(getattr(error, "sqlite_errorname", "") or "")
    text = str(error).lower()
    if name == "SQLITE_FULL" or "full" in text:
        return "full"
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")) or "readonly" in text:
        return "read-only"
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "disk i/o error" in text:
        return "io"
    if isinstance(error, cipher.DatabaseError):
        return "damaged"  # SQLITE_CORRUPT, SQLITE_NOTADB and whatever else keeps SQLite from reading it
    return "other"


def nearly_full(path: Path) -> bool:
    """Whether the disk that holds ``path`` (or would) has next to no free space left."""
    folder = next((folder for folder in (path, *path.parents) if folder.is_dir()), None)
    try:
        return folder is not None and shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def full_or_read_only(kind: str, path: Path, *, full: str, read_only: str) -> StoreError | None:
    """The error for a write to ``path`` that failed (``kind`` as failure_kind tells it) because the disk
    is full, or could not be written while it is nearly full (DiskFullError saying ``full``), or because the
    place is write-protected (ReadOnlyDatabaseError saying ``read_only``); None for any other failure."""
    if kind == "full" or (kind == "io" and nearly_full(path)):
        return DiskFullError(full, path)
    if kind == "read-only":
        return ReadOnlyDatabaseError(read_only, path)
    return None


def _explain(error: BaseException, source: Path, destination: Path) -> StoreError:
    """The Swedish sentence for a backup that could not be written."""
    if isinstance(error, StoreError):
        return error
    kind = failure_kind(error)
    if kind == "io" and nearly_full(source) and not nearly_full(destination):
        return DiskFullError(
            f"Disken där databasen {source.name} ligger är full, så ingen säkerhetskopia kunde göras. "
            "Frigör utrymme och försök igen.",
            source,
        )
    refused = full_or_read_only(
        kind,
        destination,
        full=f"Disken är full, så säkerhetskopian {destination.name} kunde inte skrivas. Frigör utrymme och "
        "försök igen.",
        read_only=f"Säkerhetskopian kunde inte skrivas i {destination.parent}. Ändra behörigheterna eller "
        "välj en annan mapp.",
    )
    if refused is not None:
        return refused
    if kind == "damaged":
        return DamagedDatabaseError(
            f"Databasen {source} går inte att läsa, så ingen säkerhetskopia kunde göras. Öppna den senaste "
            "säkerhetskopian.",
            source,
        )
    if kind == "io":
        return StoreError(
            f"Säkerhetskopian {destination} kunde inte skrivas eftersom disken inte gick att läsa eller skriva. "
            "Kontrollera att USB-minnet eller disken sitter i, och försök igen.",
            destination,
        )
    return StoreError(
        f"Säkerhetskopian {destination} kunde inte skrivas ({error}). Välj en annan mapp och försök igen.",
        destination,
    )


def remove_with_journals(partial: Path) -> None:
    """Remove a database file and whatever SQLite kept beside it while writing: all of it holds personal data."""
    for leftover in (
        partial,
        *(partial.with_name(partial.name + end) for end in ("-journal", "-wal", "-shm")),
    ):
        leftover.unlink(missing_ok=True)


def _clean_up(partial: Path) -> None:
    # After a failure: tidy what can be tidied, without hiding the failure itself.
    with suppress(OSError):
        remove_with_journals(partial)


def sync_folder(folder: Path) -> None:
    """Flush the folder to disk after a file in it was renamed into place: only then does the rename
    survive a power cut (POSIX; Windows has no need)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        # Some file systems of USB sticks (FAT) cannot flush a folder; the file itself is already whole.
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def backup_name(database: Path, reason: str, now: dt.datetime | None = None) -> str:
    """A backup's file name: the database's name, the moment and why, e.g. 'biv-2026-11-25T101500-migrering.sqlite'."""
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    return f"{database.stem}-{stamp}-{reason}.sqlite"
