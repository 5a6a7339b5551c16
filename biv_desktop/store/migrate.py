"""Bringing a database file to the program's schema with Alembic, after a backup."""

import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.database import APPLICATION_ID
from biv_desktop.store.errors import DamagedDatabaseError, NewerDatabaseError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path) -> str | None:
    """The schema revision a file is at, or None for a new file."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def check_not_newer(path: Path) -> None:
    """Refuse a file written by a newer program: its revision is one this program does not know."""
    revision = current_revision(path)
    if revision is None:
        return
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise NewerDatabaseError(
            f"Databasen {path} har skapats av en nyare version av BIV Desktop. Uppdatera programmet "
            "för att öppna den; filen lämnas orörd.",
            path,
        )


def upgrade(path: Path, backups: Path | None) -> Path | None:
    """Bring the file to the head revision. Backs the file up first unless it is new. Returns the backup."""
    check_not_newer(path)
    revision = current_revision(path)
    if revision == head_revision():
        return None
    backup = None
    if revision is not None and backups is not None:
        backup = backup_file(path, backups / backup_name(path, "fore-uppgradering"))
        log.info("Backed up before migrating from %s", revision)
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            # Foreign keys are ignored inside a transaction, so they are switched off before it begins.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.exec_driver_sql("PRAGMA journal_mode = WAL")
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.commit()
            _run_alembic(connection)
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise DamagedDatabaseError(
                    f"Databasen {path} har trasiga kopplingar efter uppgraderingen. Öppna säkerhetskopian "
                    f"{backup}."
                    if backup
                    else f"Databasen {path} har trasiga kopplingar.",
                    path,
                )
    finally:
        engine.dispose()
    return backup


def _run_alembic(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    connection.commit()


def revision_of(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()
