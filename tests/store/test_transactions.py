"""One transaction per service call: it happens whole or not at all, and storage failures speak Swedish."""

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from biv_desktop.store.database import Database
from biv_desktop.store.errors import BusyDatabaseError, DiskFullError, ReadOnlyDatabaseError
from biv_desktop.store.models import Family, Premises


def family_names(database: Database) -> list[str]:
    with database.transaction() as session:
        return list(session.scalars(select(Family.name).order_by(Family.id)))


def test_a_block_that_raises_leaves_nothing_half_written(database: Database) -> None:
    with database.transaction() as session:
        session.add(Family(name="Familjen Exempelsson"))
    with pytest.raises(ValueError, match="avbrutet"), database.transaction() as session:
        session.add(Family(name="Familjen Påhittad"))
        session.add(Premises(name="Berga församlingshem", district="Berga"))
        session.flush()  # both rows really reached SQLite before the failure
        session.execute(text("UPDATE family SET name = 'ändrad'"))
        raise ValueError("avbrutet")
    assert family_names(database) == ["Familjen Exempelsson"]
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Premises)) == 0


def test_a_full_disk_is_told_in_swedish_and_keeps_what_was_saved(database: Database) -> None:
    with database.transaction() as session:
        session.add(Family(name="Familjen Testdotter"))
    with pytest.raises(DiskFullError) as caught, database.transaction() as session:
        # The database may not grow on this connection: the next new page is a full disk to SQLite.
        pages = session.execute(text("PRAGMA page_count")).scalar_one()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))
        session.add_all(Family(name="Familjen Påhittad " + "å" * 2000) for _ in range(50))
    assert "Disken är full" in caught.value.message
    assert "Frigör utrymme och försök igen" in caught.value.message
    assert isinstance(caught.value.__cause__, Exception)  # SQLite's own error kept for the log

    database.engine.dispose()  # space freed: fresh connections have no limit
    assert family_names(database) == ["Familjen Testdotter"]
    with database.transaction() as session:
        session.add(Family(name="Familjen Påhittad"))
    assert family_names(database) == ["Familjen Testdotter", "Familjen Påhittad"]


def test_a_write_refused_after_opening_is_told_as_read_only(database: Database) -> None:
    """A file that became read-only while open: SQLite reports it the same way as a query-only connection."""
    with pytest.raises(ReadOnlyDatabaseError) as caught, database.transaction() as session:
        session.execute(text("PRAGMA query_only = ON"))
        session.add(Family(name="Familjen Påhittad"))
    assert str(database.path) in caught.value.message
    assert "behörigheterna" in caught.value.message
    database.engine.dispose()
    assert family_names(database) == []


def test_a_register_locked_by_another_program_is_told_as_busy(database: Database) -> None:
    with closing(sqlite3.connect(database.path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(BusyDatabaseError) as caught, database.transaction() as session:
            session.execute(text("PRAGMA busy_timeout = 0"))  # fail now instead of waiting five seconds
            session.add(Family(name="Familjen Påhittad"))
        other.execute("ROLLBACK")
    assert "försök igen" in caught.value.message
    database.engine.dispose()
    with database.transaction() as session:
        session.add(Family(name="Familjen Påhittad"))
    assert family_names(database) == ["Familjen Påhittad"]


def test_a_broken_rule_is_not_dressed_up_as_a_storage_error(database: Database) -> None:
    """Services turn constraint violations into ValidationErrors themselves, so they pass through as they are."""
    with database.transaction() as session:
        session.add(Premises(name="Rydsgården", district="Ryd"))
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.add(Premises(name="Rydsgården", district="Ryd"))
