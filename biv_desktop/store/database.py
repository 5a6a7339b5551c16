"""Opening the register's SQLite file safely, and one transaction per service call."""

import errno
import logging
import os
import secrets
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from biv_desktop.store import cipher, integrity
from biv_desktop.store.errors import (
    BusyDatabaseError,
    DamagedDatabaseError,
    DiskFullError,
    NotOurDatabaseError,
    PassphraseNeededError,
    ReadOnlyDatabaseError,
    StoreError,
)

log = logging.getLogger(__name__)

# Marks the file as ours in the SQLite header ("BIVD"), so another program's database is told apart.
APPLICATION_ID = 0x42495644
SQLITE_HEADER = cipher.SQLITE_HEADER
BUSY_TIMEOUT_MS = 5000


def _pragmas(foreign_keys: bool) -> tuple[str, ...]:
    return (
        # Set before any transaction begins: SQLite ignores this pragma inside one.
        f"foreign_keys = {'ON' if foreign_keys else 'OFF'}",
        "journal_mode = WAL",
        "synchronous = FULL",  # a committed edit survives a power cut; the write rate is tiny
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "secure_delete = ON",  # a deleted name really leaves the file
    )


def make_engine(path: Path, *, migrating: bool = False) -> Engine:
    """An engine for an existing, checked file, with the safety pragmas on every connection.

    ``migrating`` gives the one connection a schema upgrade runs on: foreign keys off (tables are
    rebuilt) and the write lock taken at BEGIN, so the whole upgrade is one transaction.
    """
    pragmas = _pragmas(foreign_keys=not migrating)
    begin = "BEGIN IMMEDIATE" if migrating else "BEGIN"

    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # The sqlite3 module would commit before DDL and begin only before DML; with this,
        # SQLAlchemy's BEGIN below covers every statement, schema changes included.
        dbapi_connection.isolation_level = None
        with closing(dbapi_connection.cursor()) as cursor:
            for pragma in pragmas:
                cursor.execute(f"PRAGMA {pragma}")

    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    # URL.create, not a "sqlite:///..." string: a folder name may hold '?' or '#'.
    url = URL.create("sqlite", database=str(path))
    if cipher.key_for(path) is None:
        engine = create_engine(url, poolclass=NullPool if migrating else None)
    else:
        # An encrypted register: each connection is made (and keyed) by store.cipher, so the passphrase
        # is never part of the URL; SQLCipher's driver is named so its errors are told like SQLite's.
        engine = create_engine(
            url,
            poolclass=NullPool if migrating else None,
            creator=lambda: cipher.connect(path, check_same_thread=False),
            module=cipher.driver_for(path),
        )
    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


class Database:
    """An open register: the one way services reach the data."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work that commits whole or not at all, with storage errors told in Swedish.

        A unit of work that changed anything also renews the register's change mark (see ``change_mark``).
        """
        session = self._sessions()
        try:
            with session.begin():
                changes_before = _total_changes(session)
                yield session
                session.flush()
                if _total_changes(session) != changes_before:
                    _renew_change_mark(session)
        except IntegrityError:
            raise  # a broken rule of the data model: the service that wrote it explains it
        except DBAPIError as error:
            translated = translate_operational_error(error, self.path)
            if isinstance(translated, StoreError):
                raise translated from error
            raise
        finally:
            session.close()

    def reconnect(self) -> None:
        """Open new connections on the file (after it was swapped: store.encryption), the old ones closed."""
        self.engine.dispose()
        self.engine = make_engine(self.path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()


# The change mark: SQLite's header field user_version (unused otherwise: Alembic keeps its revision in a
# table) holds a random number that every committing unit of work that changed a row renews, in the same
# transaction. A backup copies the header, so "the register changed since its newest backup" is "their
# marks differ", read from the two headers without looking at the data. Random rather than a counter, so
# a restored older copy that is edited again cannot count its way back to a mark it shared with a backup.
def _total_changes(session: Session) -> int:
    return int(session.execute(text("SELECT total_changes()")).scalar_one())


def _renew_change_mark(session: Session) -> None:
    session.execute(text(f"PRAGMA user_version = {secrets.randbelow(2**31 - 1) + 1}"))


def change_mark(path: Path) -> int:
    """The register's change mark (0 until its first change through ``Database.transaction``)."""
    with closing(cipher.connect(path, read_only=True)) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def translate_operational_error(error: Exception, path: Path) -> StoreError | Exception:
    """Turn SQLite's storage errors into ones the user can act on; leave others as they are."""
    text = str(error).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(
            "Disken är full, så ändringen kunde inte sparas. Frigör utrymme och försök igen; "
            "det som redan var sparat finns kvar.",
            path,
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(
            f"Databasen {path} går inte att skriva till. Kontrollera behörigheterna eller öppna en annan fil.",
            path,
        )
    if "malformed" in text or "not a database" in text:
        return DamagedDatabaseError(f"Databasen {path} är skadad. Öppna den senaste säkerhetskopian.", path)
    if "database is locked" in text:
        return BusyDatabaseError(
            f"Databasen {path} används just nu av ett annat program, så ändringen kunde inte sparas. "
            "Stäng det andra programmet och försök igen.",
            path,
        )
    return error


def translate_os_error(error: OSError, path: Path) -> StoreError:
    """Say in Swedish why the operating system refused to create or read a file, with a way forward."""
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return ReadOnlyDatabaseError(
            f"Du har inte behörighet att skriva {path} eller dess mapp. Ändra behörigheterna eller välj "
            "en mapp där du får skriva.",
            path,
        )
    if error.errno == errno.ENOSPC:
        return DiskFullError(
            f"Disken är full, så {path} kunde inte skrivas. Frigör utrymme och försök igen.", path
        )
    log.warning(
        "Could not create or read the register: %s", errno.errorcode.get(error.errno or 0, error.errno)
    )
    return StoreError(
        f"Filen {path} gick inte att skapa eller öppna. Kontrollera att mappen finns och att du får skriva "
        "där, eller välj en annan fil.",
        path,
    )


def is_writable(path: Path) -> bool:
    """Whether the program may write to ``path``, a file or a folder.

    On POSIX a file or folder that nobody may write to was marked read-only on purpose, so it is
    treated as read-only even when the operating system would let an administrator (root) write.
    """
    if not os.access(path, os.W_OK):
        return False
    return os.name != "posix" or bool(path.stat().st_mode & 0o222)


def create_private_file(path: Path) -> None:
    """Create an empty file that only the user can read (SQLite gives its -wal and -shm the same mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def is_special_file(path: Path) -> bool:
    """Whether ``path`` is there but neither a regular file nor a folder: a named pipe (which would make a
    read wait for ever), a device or a socket. Such a thing is refused before it is opened."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def special_file_message(path: Path) -> str:
    return (
        f"{path} är ingen vanlig fil (utan till exempel en namngiven pipe eller en enhet) och kan inte "
        "användas. Välj en vanlig fil."
    )


def probe(path: Path) -> bool:
    """Check an existing file before anything writes to it. True if it is empty (a new register).

    Raises NotOurDatabaseError, DamagedDatabaseError or ReadOnlyDatabaseError, with a way forward.
    """
    if path.is_dir():
        raise NotOurDatabaseError(f"{path} är en mapp, inte en databasfil. Välj en fil.", path)
    if is_special_file(path):
        raise NotOurDatabaseError(special_file_message(path), path)
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except PermissionError as error:
        raise ReadOnlyDatabaseError(
            f"Du har inte behörighet att läsa {path}. Ändra behörigheterna eller välj en annan fil.", path
        ) from error
    writable = is_writable(path) and is_writable(path.parent)
    is_new = not header or _check_sqlite_file(path, header, writable)
    if not writable:
        raise ReadOnlyDatabaseError(
            f"Databasen {path} eller dess mapp är skrivskyddad. Ändra behörigheterna eller kopiera "
            "filen till en mapp där du får skriva.",
            path,
        )
    return is_new


def _check_sqlite_file(path: Path, header: bytes, writable: bool) -> bool:
    """Tell our databases from others' and from damaged ones. True for a database with no tables yet."""
    stop = cipher.what_stops_opening(path, header)
    if stop == "passphrase":
        raise PassphraseNeededError(
            f"Databasen {path} är krypterad. Skriv lösenfrasen för att öppna den.", path
        )
    if stop == "not sqlite":
        raise NotOurDatabaseError(
            f"Filen {path} är ingen BIV Desktop-databas. Välj en annan fil; den här lämnas orörd.", path
        )
    # With no -wal file beside it the main file is complete, and reading it as immutable leaves no
    # -wal and -shm files behind next to someone else's file.
    immutable = not path.with_name(f"{path.name}-wal").exists()
    try:
        with closing(cipher.connect(path, read_only=True, immutable=immutable)) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            table_count = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            # The whole check (not quick_check, which misses an index that disagrees with its row) and
            # the schema's shape: a file that fails either is never written to, so a backup can replace it.
            found = integrity.problems(connection) if application_id == APPLICATION_ID else []
    except cipher.DatabaseError as error:
        if not writable:
            # A database in WAL mode cannot be read where its -shm file cannot be made: not damage.
            return False
        raise DamagedDatabaseError(
            f"Databasen {path} är skadad och går inte att läsa. Öppna den senaste säkerhetskopian.", path
        ) from error
    if application_id != APPLICATION_ID:
        if table_count == 0 and application_id == 0:
            return True
        raise NotOurDatabaseError(
            f"Filen {path} är en databas från ett annat program. Välj en annan fil; den här lämnas orörd.",
            path,
        )
    if found:
        raise DamagedDatabaseError(f"Databasen {path} är skadad. Öppna den senaste säkerhetskopian.", path)
    return bool(table_count == 0)
