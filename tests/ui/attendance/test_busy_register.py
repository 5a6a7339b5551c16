"""A register another program holds locked: marking says so in the store's own words and loses nothing.

Another connection takes SQLite's write lock (BEGIN IMMEDIATE) while the user marks attendance, in the
room view and in the grid; the store's BusyDatabaseError sentence is shown (not the crash handler's
apology), and once the lock is released, marking works again with the earlier marks still there.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from biv_desktop.domain.enums import Mark
from biv_desktop.services.attendance import session_attendance
from biv_desktop.store.database import Database, translate_operational_error
from biv_desktop.ui.attendance.grid_widget import AttendanceGridWidget
from biv_desktop.ui.attendance.session_dialog import SessionAttendanceDialog

P = Mark.PRESENT
ABDI, AYAAN = 0, 1
TODAY = 6  # the Somali group's session today, and its column in the grid


def busy_sentence(database: Database) -> str:
    """The store's own Swedish sentence for a register another program holds."""
    return str(translate_operational_error(Exception("database is locked"), database.path))


def marks_saved(somali: object) -> dict[str, Mark | None]:
    sheet = session_attendance(somali.database, somali.session[TODAY], somali.today)  # type: ignore[attr-defined]
    return {row.first_name: row.mark for row in sheet.rows}


@pytest.fixture
def impatient(somali: object) -> None:
    """The register waits 50 ms, not seconds, for another program's lock (connections made from now on)."""
    database: Database = somali.database  # type: ignore[attr-defined]

    def short_wait(connection: sqlite3.Connection, _record: object) -> None:
        connection.execute("PRAGMA busy_timeout = 50")

    event.listen(database.engine, "connect", short_wait)
    database.engine.dispose()


@pytest.fixture
def locker(somali: object) -> Iterator[sqlite3.Connection]:
    """Another program's connection to the register, ready to take the write lock."""
    database: Database = somali.database  # type: ignore[attr-defined]
    with closing(sqlite3.connect(database.path, timeout=0, isolation_level=None)) as connection:
        yield connection
        if connection.in_transaction:
            connection.execute("ROLLBACK")


def test_the_room_view_tells_a_busy_register_in_the_stores_words_and_loses_no_mark(
    qtbot: QtBot,
    impatient: None,
    locker: sqlite3.Connection,
    room: SessionAttendanceDialog,
    somali: object,
    message_boxes: object,
) -> None:
    lines = room.attendees.lines()
    qtbot.keyClick(lines[ABDI], Qt.Key.Key_1)
    locker.execute("BEGIN IMMEDIATE")
    message_boxes.presses.append("OK")  # type: ignore[attr-defined]
    qtbot.keyClick(lines[AYAAN], Qt.Key.Key_1)
    assert [box["text"] for box in message_boxes.shown] == [busy_sentence(somali.database)]  # type: ignore[attr-defined]
    assert "Förlåt" not in message_boxes.shown[0]["text"]  # type: ignore[attr-defined]
    assert lines[AYAAN].button.text() == "Inte markerad"
    locker.execute("ROLLBACK")
    qtbot.keyClick(lines[AYAAN], Qt.Key.Key_1)
    saved = marks_saved(somali)
    assert (saved["Abdi"], saved["Ayaan"]) == (P, P)
    assert room.changed


def test_the_grid_tells_a_busy_register_in_the_stores_words_and_loses_no_mark(
    qtbot: QtBot,
    impatient: None,
    locker: sqlite3.Connection,
    grid_widget: AttendanceGridWidget,
    somali: object,
    message_boxes: object,
) -> None:
    table = grid_widget.table
    table.setCurrentIndex(grid_widget.model.index(ABDI, TODAY))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)
    locker.execute("BEGIN IMMEDIATE")
    message_boxes.presses.append("OK")  # type: ignore[attr-defined]
    qtbot.keyClick(table, Qt.Key.Key_1)  # Ayaan, where the cursor moved on to
    assert [box["text"] for box in message_boxes.shown] == [busy_sentence(somali.database)]  # type: ignore[attr-defined]
    # Refused: the cursor stays on Ayaan's cell, so the sheet is typed on from where it stopped.
    assert (table.currentIndex().row(), table.currentIndex().column()) == (AYAAN, TODAY)
    assert grid_widget.model.mark_at(grid_widget.model.index(AYAAN, TODAY)) is None
    locker.execute("ROLLBACK")
    qtbot.keyClick(table, Qt.Key.Key_1)
    saved = marks_saved(somali)
    assert (saved["Abdi"], saved["Ayaan"]) == (P, P)
    assert grid_widget.model.mark_at(grid_widget.model.index(AYAAN, TODAY)) == P
