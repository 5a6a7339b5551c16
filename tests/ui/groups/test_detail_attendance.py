"""Attendance in a group's detail: the Närvaro tab's grid, the room view and the sheets for the chosen session,
and the whole course's sheet."""

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Mark
from biv_desktop.services.attendance import mark, session_attendance
from biv_desktop.services.groups.detail import SessionRow
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.ui.groups import detail_attendance
from biv_desktop.ui.groups.detail_dialog import GroupDetailDialog

SOMALI = "BIV Somaliska 10–12 år, Berga, vt 2026"  # sessions 1–5 held without marks, 6 today (planned)
SOMALI_PARENTS = "BIV Somaliska föräldrar, Berga, vt 2026"
STATUS = 5  # the sessions table's status column


class Recorder:
    """Stands in for a screen the detail opens: records the arguments and answers as the test chose."""

    def __init__(self, answer: object = None) -> None:
        self.answer = answer
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self.during: Any = None  # something the screen does while open, e.g. record a mark

    def __call__(self, *args: Any, **kwargs: Any) -> object:
        self.calls.append((args, kwargs))
        if self.during is not None:
            self.during(*args)
        return self.answer


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> dict[str, Recorder]:
    """The room view and the print previews, as the group's detail looks them up, replaced by recorders."""
    names = ("open_session_attendance", "print_session_sheet", "print_course_sheet")
    recorders = {name: Recorder() for name in names}
    for name, recorder in recorders.items():
        monkeypatch.setattr(detail_attendance, name, recorder)
    return recorders


def group_id(register: Any, name: str) -> int:
    return next(row.id for row in list_groups(register.database) if row.name == name)


@pytest.fixture
def detail(qtbot: QtBot, register: Any) -> Iterator[GroupDetailDialog]:
    """The Somali children's detail, shown and active so its keys reach it."""
    dialog = GroupDetailDialog(register.database, group_id(register, SOMALI), register.today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    yield dialog


def statuses(detail: GroupDetailDialog) -> list[str]:
    return [detail.sessions.index(row, STATUS).data() for row in range(detail.sessions.rowCount())]


def session(detail: GroupDetailDialog, number: int) -> SessionRow:
    return next(row for row in detail.sessions.rows() if row.number == number)


def choose(detail: GroupDetailDialog, number: int) -> None:
    detail.tabs.setCurrentIndex(0)
    detail.session_table.setFocus()
    detail.session_table.selectRow(number - 1)


def test_the_attendance_tab_shows_the_groups_grid(detail: GroupDetailDialog) -> None:
    assert [detail.tabs.tabText(i) for i in range(detail.tabs.count())] == [
        "&Träffar (14)",
        "&Deltagare (5)",
        "&Närvaro",
    ]
    detail.tabs.setCurrentIndex(2)
    grid = detail.attendance.grid
    assert grid.isVisible()
    assert [grid.model.row_at(row).name for row in range(5)] == [  # type: ignore[union-attr]
        f"{name} Testsson" for name in ("Abdi", "Ayaan", "Hodan", "Khadar", "Sagal")
    ]
    assert "5 av 14 träffar genomförda" in grid.summary.text()


def test_typing_a_mark_in_the_grid_shows_the_session_as_held_on_the_sessions_tab(
    qtbot: QtBot, detail: GroupDetailDialog
) -> None:
    assert statuses(detail)[5] == "Planerad"
    detail.tabs.setCurrentIndex(2)
    table = detail.attendance.grid.table
    model = detail.attendance.grid.model
    today = model.column_of(session(detail, 6).id)
    table.setFocus()
    table.setCurrentIndex(model.index(0, today))
    qtbot.keyClick(table, Qt.Key.Key_1)  # Abdi present today
    assert statuses(detail)[5] == "Genomförd"
    assert "6 hållna, 8 planerade" in detail.facts.period.text()
    assert detail.changed  # the groups list reads the groups again
    # The grid was not read again under the typist: the cursor went on down the column.
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, today)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, today)


def test_ta_narvaro_opens_the_room_view_for_the_chosen_session_and_shows_what_was_recorded(
    qtbot: QtBot, detail: GroupDetailDialog, register: Any, opened: dict[str, Recorder]
) -> None:
    room = opened["open_session_attendance"]
    room.answer = True

    def abdi_present(_parent: Any, database: Any, session_id: int) -> None:
        abdi = session_attendance(database, session_id, register.today).rows[0]
        mark(database, session_id, abdi.participant_id, Mark.PRESENT, today=register.today)

    room.during = abdi_present
    choose(detail, 6)
    qtbot.keyClick(detail.session_table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    today = session(detail, 6)
    assert room.calls == [((detail, register.database, today.id), {"today": register.today})]
    assert statuses(detail)[5] == "Genomförd"
    assert detail.message.text() == "Närvaron för träff 6 är sparad."
    assert detail.attendance.chosen_session() == today  # still chosen
    grid = detail.attendance.grid
    assert grid.model.mark_at(grid.model.index(0, grid.model.column_of(today.id))) is Mark.PRESENT


def test_enter_and_the_button_open_the_room_view_too(
    qtbot: QtBot, detail: GroupDetailDialog, opened: dict[str, Recorder]
) -> None:
    room = opened["open_session_attendance"]
    room.answer = False
    choose(detail, 4)
    qtbot.keyClick(detail.session_table, Qt.Key.Key_Return)
    choose(detail, 5)
    detail.attendance.take_button.click()
    assert [call[0][2] for call in room.calls] == [session(detail, 4).id, session(detail, 5).id]
    assert detail.message.text() == ""
    assert not detail.changed


def test_the_session_actions_wait_for_a_chosen_session(detail: GroupDetailDialog) -> None:
    attendance = detail.attendance
    detail.session_table.clearSelection()
    detail.session_table.setCurrentIndex(detail.sessions.index(-1, -1))
    assert not attendance.take_button.isEnabled()
    assert not attendance.print_session_button.isEnabled()
    choose(detail, 2)
    assert attendance.take_button.isEnabled() and attendance.print_session_button.isEnabled()


def test_the_sheets_are_printed_for_the_chosen_session_and_the_whole_course(
    qtbot: QtBot, detail: GroupDetailDialog, register: Any, opened: dict[str, Recorder]
) -> None:
    choose(detail, 3)
    qtbot.keyClick(detail.session_table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    detail.attendance.print_course_button.click()
    detail.tabs.setCurrentIndex(2)
    detail.attendance.grid.table.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(detail.attendance.grid.table, Qt.Key.Key_P, ctrl_shift)  # from any tab
    assert opened["print_session_sheet"].calls == [
        ((detail, register.database, session(detail, 3).id, register.today), {})
    ]
    somali = group_id(register, SOMALI)
    assert (
        opened["print_course_sheet"].calls == [((detail, register.database, somali, register.today), {})] * 2
    )
    assert opened["open_session_attendance"].calls == []


def test_the_context_menu_acts_on_the_session_under_the_pointer(
    detail: GroupDetailDialog, opened: dict[str, Recorder]
) -> None:
    choose(detail, 1)
    under_pointer = detail.sessions.index(7, 4)
    menu = detail.attendance.menu_at(detail.session_table.visualRect(under_pointer).center())
    assert [action.text() for action in menu.actions()] == ["Ta närvaro…", "Skriv ut närvarolista…"]
    menu.actions()[1].trigger()
    assert opened["print_session_sheet"].calls[0][0][2] == session(detail, 8).id


def test_showing_the_linked_group_shows_its_grid_and_prints_its_course(
    detail: GroupDetailDialog, register: Any, opened: dict[str, Recorder]
) -> None:
    detail.show_group(group_id(register, SOMALI_PARENTS))
    grid = detail.attendance.grid.grid()
    assert grid is not None
    assert [row.name for row in grid.rows] == [f"{name} Testsson" for name in ("Cabdi", "Faadumo", "Maryan")]
    detail.attendance.print_course_button.click()
    assert opened["print_course_sheet"].calls[0][0][2] == group_id(register, SOMALI_PARENTS)


def test_reading_the_group_again_reads_its_grid_again(detail: GroupDetailDialog, register: Any) -> None:
    """After a save elsewhere in the detail (an edit, someone leaving) the grid shows the register as it is."""
    before = detail.attendance.grid.grid()
    assert before is not None
    abdi = before.rows[0]
    mark(register.database, session(detail, 2).id, abdi.participant_id, Mark.ABSENT, today=register.today)
    detail.reload()
    after = detail.attendance.grid.grid()
    assert after is not None and after.totals.absent == before.totals.absent + 1
