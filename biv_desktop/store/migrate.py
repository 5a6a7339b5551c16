"""Bringing a database file to the program's schema with Alembic, after a backup, in one transaction."""

import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from biv_desktop.paths import package_dir
from biv_desktop.store import cipher, identity, integrity
from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.database import (
    APPLICATION_ID,
    make_engine,
    translate_operational_error,
)
from biv_desktop.store.errors import DamagedDatabaseError, NewerDatabaseError, StoreError, UpgradeFailedError
from biv_desktop.store.revisions import read_revisions

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
# An absolute path, found the same way in a frozen program (where the scripts ship as data files).
MIGRATIONS = package_dir() / "store" / "migrations"


def alembic_config() -> "Config":
    # Alembic is loaded only here, when an upgrade is due or a script cannot be read plainly (see revisions).
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema revision the program ships."""
    shipped = read_revisions(MIGRATIONS / "versions")
    if shipped is not None:
        return shipped.head
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision the program ships: a file at any other was written by a newer program."""
    shipped = read_revisions(MIGRATIONS / "versions")
    if shipped is not None:
        return set(shipped.known)
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(path: Path) -> str | None:
    """The schema revision a file is at, or None for a new file; one query."""
    with closing(cipher.connect(path, read_only=True)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except cipher.OperationalError as error:
            if str(error).startswith("no such table"):
                return None
            raise
    return str(row[0]) if row else None


def _table_count(path: Path) -> int:
    with closing(cipher.connect(path, read_only=True)) as connection:
        return int(
            connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        )


def check_not_newer(path: Path) -> None:
    """Refuse a file written by a newer program: its revision is one this program does not know."""
    revision = current_revision(path)
    if revision is None:
        return
    if revision not in known_revisions():
        raise NewerDatabaseError(
            f"Databasen {path} har skapats av en nyare version av BIV Desktop. Uppdatera programmet "
            "för att öppna den; filen lämnas orörd.",
            path,
        )


def upgrade(path: Path, backups: Path | None, seed: Callable[[Session], None] | None = None) -> Path | None:
    """Bring the file to the head revision, whole or not at all. Returns the backup taken first, if any.

    A file that already has a schema is backed up into ``backups`` (beside the file when None) first.
    ``seed`` fills a new file in the same transaction that creates its tables, so a new register is
    never left with tables but without its defaults.
    """
    revision = current_revision(path)
    if revision == head_revision():
        return None  # the usual start: one query, and Alembic is never loaded
    check_not_newer(path)
    if revision is None and _table_count(path) > 0:
        raise DamagedDatabaseError(
            f"Databasen {path} saknar uppgift om sin version och kan inte öppnas säkert. Öppna den senaste "
            "säkerhetskopian.",
            path,
        )
    backup = None
    if revision is not None:
        folder = identity.register_folder(backups or identity.default_root(path), path)
        backup = backup_file(path, folder / backup_name(path, "fore-uppgradering"))
        log.info("Backed up before migrating from %s", revision)
    engine = make_engine(path, migrating=True)
    try:
        with engine.connect() as connection, connection.begin():
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            _run_alembic(connection)
            if revision is None and seed is not None:
                with Session(bind=connection) as session:
                    seed(session)
                    session.flush()
            _check_foreign_keys(connection, path, backup)
            _check_schema(connection, path)
    except DBAPIError as error:
        translated = translate_operational_error(error, path)
        if isinstance(translated, StoreError):
            raise translated from error
        log.exception("Upgrading the schema from %s failed", revision)
        raise UpgradeFailedError(
            f"Databasen {path} kunde inte uppgraderas till den här versionen av BIV Desktop och lämnas som "
            f"den var. Använd den tidigare versionen av programmet{_backup_hint(backup)}.",
            path,
        ) from error
    finally:
        engine.dispose()
    return backup


def _backup_hint(backup: Path | None) -> str:
    return f", eller öppna säkerhetskopian {backup}" if backup is not None else ""


def _check_foreign_keys(connection: Connection, path: Path, backup: Path | None) -> None:
    """Refuse (and so roll back) an upgrade that leaves a reference pointing at nothing."""
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        tables = sorted({str(row[0]) for row in problems})
        log.error("Foreign key check failed after upgrading, in tables %s", ", ".join(tables))
        raise DamagedDatabaseError(
            f"Databasen {path} har trasiga kopplingar och kunde inte uppgraderas; den lämnas som den var. "
            f"Använd den tidigare versionen av programmet{_backup_hint(backup)}.",
            path,
        )


def _check_schema(connection: Connection, path: Path) -> None:
    """Refuse (and so roll back) an upgrade that leaves a table or a column the program needs missing."""
    # SQLite's or SQLCipher's connection: the same interface (store.cipher).
    driver = cast(sqlite3.Connection, connection.connection.driver_connection)
    if integrity.schema_problems(driver):
        log.error("The schema is incomplete after upgrading")
        raise DamagedDatabaseError(
            f"Databasen {path} saknar delar som programmet behöver och kunde inte uppgraderas; den lämnas "
            "som den var. Återställ en säkerhetskopia av den (Arkiv → Återställ från säkerhetskopia, eller "
            "biv-desktop restore).",
            path,
        )


def _run_alembic(connection: Connection) -> None:
    from alembic import command

    # The connection is already in our transaction, so Alembic joins it rather than committing.
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
