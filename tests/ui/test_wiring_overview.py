"""The overview's week table leads to the room view: a double-click or Enter on a session takes attendance."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Mark
from biv_desktop.services.attendance import mark, session_attendance
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.overview import page as overview_module
from biv_desktop.ui.overview import week_table
from biv_desktop.ui.overview.page import OverviewPage


class RoomView:
    """Stands in for open_session_attendance: records the session and, if told to, marks its first
    participant present as the coordinator would in the room."""

    def __init__(self, database: Any, today: Any, *, record: bool) -> None:
        self.database, self.today, self.record = database, today, record
        self.opened: list[tuple[Any, int, Any]] = []

    def __call__(self, parent: Any, database: Any, session_id: int, *, today: Any = None) -> bool:
        self.opened.append((parent, session_id, today))
        if self.record:
            first = session_attendance(database, session_id, self.today).rows[0]
            mark(database, session_id, first.participant_id, Mark.PRESENT, today=self.today)
        return self.record


@pytest.fixture
def overview(window: MainWindow) -> OverviewPage:
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    return page


def status(page: OverviewPage, row: int) -> str:
    return str(page.week_model.index(row, week_table.STATUS).data())


def test_a_double_click_on_todays_session_takes_attendance_and_the_week_shows_it_held(
    qtbot: QtBot, overview: OverviewPage, register: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = RoomView(register.database, register.today, record=True)
    monkeypatch.setattr(overview_module, "open_session_attendance", room)
    assert status(overview, 0) == "Planerad"
    todays = overview.week_model.row_at(0)
    table = overview.week_table
    cell = table.visualRect(overview.week_model.index(0, week_table.GROUP)).center()
    # A real double-click: the first click chooses the line, the second press is the double-click.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert room.opened == [(overview, todays.id, register.today)]
    assert status(overview, 0) == "Genomförd"
    assert table.currentIndex().row() == 0  # still on the session, ready for the next


def test_enter_on_a_session_opens_its_room_view(
    qtbot: QtBot, overview: OverviewPage, register: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = RoomView(register.database, register.today, record=False)
    monkeypatch.setattr(overview_module, "open_session_attendance", room)
    table = overview.week_table
    table.setFocus()
    table.setCurrentIndex(overview.week_model.index(2, week_table.DAY))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [session_id for _parent, session_id, _today in room.opened] == [overview.week_model.row_at(2).id]
    assert [status(overview, row) for row in range(3)] == ["Planerad"] * 3
    assert overview.attendance_hint.text() == "Dubbelklicka på en träff eller tryck Enter för att ta närvaro."
    assert overview.attendance_hint.isVisible()
