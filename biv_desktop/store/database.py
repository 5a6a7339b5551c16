"""Opening the register's SQLite file safely, and one transaction per service call."""

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from biv_desktop.store.errors import (
    DamagedDatabaseError,
    DiskFullError,
    NotOurDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)

log = logging.getLogger(__name__)

# Marks the file as ours in the SQLite header ("BIVD"), so another program's database is told apart.
APPLICATION_ID = 0x42495644
SQLITE_HEADER = b"SQLite format 3\x00"


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "foreign_keys = ON",
        "journal_mode = WAL",
        "synchronous = FULL",  # a committed edit survives a power cut; the write rate is tiny
        "busy_timeout = 5000",
        "secure_delete = ON",  # a deleted name really leaves the file
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    """An engine for an existing, checked file, with the safety pragmas on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


class Database:
    """An open register: the one way services reach the data."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work that commits whole or not at all, with storage errors told in Swedish."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except OperationalError as error:
            raise translate_operational_error(error, self.path) from error
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


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
    return error


def create_private_file(path: Path) -> None:
    """Create an empty file that only the user can read (SQLite gives its -wal and -shm the same mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def probe(path: Path) -> bool:
    """Check an existing file before anything writes to it. True if it is empty (a new register).

    Raises NotOurDatabaseError, DamagedDatabaseError or ReadOnlyDatabaseError, with a way forward.
    """
    if path.is_dir():
        raise NotOurDatabaseError(f"{path} är en mapp, inte en databasfil. Välj en fil.", path)
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except PermissionError as error:
        raise ReadOnlyDatabaseError(f"Du har inte behörighet att läsa {path}.", path) from error
    if not header:
        return True
    if header != SQLITE_HEADER:
        raise NotOurDatabaseError(
            f"Filen {path} är ingen BIV Desktop-databas. Välj en annan fil; den här lämnas orörd.", path
        )
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            table_count = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            check = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
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
    if check != "ok":
        raise DamagedDatabaseError(f"Databasen {path} är skadad. Öppna den senaste säkerhetskopian.", path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(
            f"Databasen {path} eller dess mapp är skrivskyddad. Ändra behörigheterna eller kopiera "
            "filen till en mapp där du får skriva.",
            path,
        )
    return bool(table_count == 0)
