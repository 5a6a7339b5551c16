"""Switching a register's encryption on or off, or changing its passphrase, by copy, check and swap.

The register is never changed in place. Its content is written with SQLCipher's ``sqlcipher_export`` into a
new file beside it (``<name>.krypteras``) under the new key (or none), that file is checked (SQLite's whole
integrity check, the same number of rows in every table, the same schema revision and the same header
marks) and flushed to disk, and only then renamed over the register (``os.replace``, one step). Until that
rename the register is the old file, whole; after it, the new one, whole. The old file is first given a
second name (a hard link, ``<name>.gammal``), so that after the swap its bytes can be overwritten with
zeros before it is removed: a plain register's names do not stay readable in the freed disk space (as far
as the disk lets a program overwrite; full-disk encryption is still recommended). A program killed at any
moment leaves one of the two registers whole, plus perhaps a leftover that ``remove_leftovers`` (at the
next start, by the lock's holder) removes the same careful way.
"""

import os
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from biv_desktop.store import cipher, integrity
from biv_desktop.store.backup import remove_with_journals, sync_folder
from biv_desktop.store.database import BUSY_TIMEOUT_MS, translate_operational_error, translate_os_error
from biv_desktop.store.errors import DamagedDatabaseError, StoreError

NEW_SUFFIX = ".krypteras"  # the new copy, until it is whole and checked
OLD_SUFFIX = ".gammal"  # the old file's second name, until it has been overwritten
_MARKS = ("application_id", "user_version")


def convert(path: Path, new_key: str | None) -> None:
    """Rewrite the register (or backup) file at ``path`` under ``new_key`` (None: plain), whole or not at all.

    The caller holds the register's lock and has closed its own connections; the current key of ``path``
    (if any) is known to ``store.cipher``. Afterwards ``store.cipher`` knows the new key for ``path``.
    """
    fresh = path.with_name(path.name + NEW_SUFFIX)
    old = path.with_name(path.name + OLD_SUFFIX)
    remove_with_journals(fresh)
    journal = _settle_journal(path)
    try:
        _export(path, fresh, new_key)
        _check_copy(path, fresh, new_key)
        if journal == "wal":
            _set_journal(fresh, new_key, "WAL")  # the register as the program keeps it, a backup standalone
        _fsync(fresh)
        remove_with_journals(old)
        # A file system without hard links (FAT): the old bytes are freed, not overwritten.
        with suppress(OSError):
            os.link(path, old)
        os.replace(fresh, path)
        sync_folder(path.parent)
    except BaseException as error:
        with suppress(OSError):
            remove_with_journals(fresh)
            # Failed before the swap: the second name is still the register itself, so only the name goes.
            if old.exists() and os.path.samefile(old, path):
                old.unlink()
        if isinstance(error, cipher.FileOrDatabaseError):
            raise _not_switched(error, path) from error
        raise
    if new_key is None:
        cipher.forget(path)
    else:
        cipher.remember(path, new_key)
    with suppress(OSError):
        overwrite_and_remove(old)


def _not_switched(error: Exception, path: Path) -> StoreError:
    """The Swedish sentence for a switch that failed before the swap: the register is as it was."""
    if isinstance(error, OSError):
        translated: Exception = translate_os_error(error, path)
    else:
        translated = translate_operational_error(error, path)
    reason = translated.message if isinstance(translated, StoreError) else ""
    return StoreError(
        f"Databasen {path} kunde inte skrivas om, så krypteringen ändrades inte; databasen är som den var. "
        f"{reason}".strip(),
        path,
    )


def _set_journal(path: Path, key: str | None, mode: str) -> None:
    with closing(cipher.connect(path, isolation_level=None, key=key, sqlcipher=True)) as connection:
        connection.execute(f"PRAGMA journal_mode = {mode}").fetchone()


def _settle_journal(path: Path) -> str:
    """Move the write-ahead log into the file and leave WAL mode, so no -wal stays beside either file;
    returns the journal mode the file had."""
    with closing(cipher.connect(path, isolation_level=None)) as connection:
        mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise StoreError(
                f"Databasen {path} används av ett annat program just nu. Stäng det och försök igen; "
                "ingenting har ändrats.",
                path,
            )
        connection.execute("PRAGMA journal_mode = DELETE")
    return mode


def _export(path: Path, fresh: Path, new_key: str | None) -> None:
    key = cipher.key_for(path)
    with closing(cipher.connect(path, isolation_level=None, key=key, sqlcipher=True)) as connection:
        # Bound parameters: the passphrase is never part of a statement's text.
        connection.execute("ATTACH DATABASE ? AS fresh KEY ?", (str(fresh), new_key or ""))
        connection.execute("SELECT sqlcipher_export('fresh')").fetchall()
        # sqlcipher_export copies the schema and the rows, not these two header fields.
        for name in _MARKS:
            value = int(connection.execute(f"PRAGMA main.{name}").fetchone()[0])
            connection.execute(f"PRAGMA fresh.{name} = {value}")
        connection.execute("DETACH DATABASE fresh")
    if os.name == "posix":
        fresh.chmod(0o600)


def _facts(connection: sqlite3.Connection) -> dict[str, object]:
    """What must be the same in the old and the new file: every table's row count and the header marks."""
    execute = connection.execute
    tables = [
        str(row[0])
        for row in execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    facts: dict[str, object] = {
        table: int(execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]) for table in tables
    }
    for name in _MARKS:
        facts[f"PRAGMA {name}"] = int(execute(f"PRAGMA {name}").fetchone()[0])
    if "alembic_version" in tables:
        facts["revision"] = execute("SELECT version_num FROM alembic_version").fetchone()
    return facts


def _check_copy(path: Path, fresh: Path, new_key: str | None) -> None:
    with closing(cipher.connect(path, read_only=True)) as connection:
        before = _facts(connection)
    with closing(cipher.connect(fresh, read_only=True, key=new_key, sqlcipher=True)) as connection:
        problems = integrity.integrity_problems(connection)
        after = _facts(connection)
    if problems or before != after:
        raise DamagedDatabaseError(
            f"Den nya kopian av databasen {path} blev inte likadan som databasen, så den användes inte. "
            "Databasen är som den var.",
            path,
        )


def overwrite_and_remove(path: Path) -> None:
    """Overwrite the file at ``path`` with zeros, flush it, and remove it (with any journal beside it)."""
    for file in (path, *(path.with_name(path.name + end) for end in ("-journal", "-wal", "-shm"))):
        if not file.is_file():
            continue
        size = file.stat().st_size
        with file.open("r+b") as handle:
            block = b"\0" * (1 << 16)
            written = 0
            while written < size:
                written += handle.write(block[: min(len(block), size - written)])
            handle.flush()
            os.fsync(handle.fileno())
        file.unlink()


def remove_leftovers(path: Path) -> list[Path]:
    """Remove what a killed switch left beside the register ``path`` (by the lock's holder, at start).

    The old file's second name may still be the register itself (killed before the swap): then only
    that name goes; a file of its own is overwritten first, like the new copy that never got swapped in.
    """
    removed = []
    for base in (path.with_name(path.name + NEW_SUFFIX), path.with_name(path.name + OLD_SUFFIX)):
        if not base.is_file() and not base.with_name(base.name + "-journal").is_file():
            continue
        with suppress(OSError):
            if path.exists() and base.exists() and os.path.samefile(base, path):
                base.unlink()
            else:
                overwrite_and_remove(base)
            removed.append(base)
    return removed


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
