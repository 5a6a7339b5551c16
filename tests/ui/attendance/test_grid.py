"""The group's attendance grid: typing a paper sheet down a column, clicking, totals and highlights."""

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Mark, SessionStatus
from biv_desktop.services.attendance import grid, mark
from biv_desktop.ui.attendance.grid_model import MARK_ROLE, AttendanceGridModel
from biv_desktop.ui.attendance.grid_widget import AttendanceGridWidget
from biv_desktop.ui.attendance.marks import (
    ABSENT_COLOURS,
    FLAG_BACKGROUND,
    NOTIFIED_COLOURS,
    PRESENT_COLOURS,
    RUN_BACKGROUND,
    TOTALS_BACKGROUND,
)
from biv_desktop.ui.attendance.session_dialog import SessionAttendanceDialog
from biv_desktop.ui.attendance.walk_in_dialog import WalkInDialog

P, F, A = Mark.PRESENT, Mark.ABSENT, Mark.NOTIFIED_ABSENCE
ABDI, AYAAN, HODAN, KHADAR, SAGAL = range(5)
TOTALS = 5  # the row of totals per session, under the five participants


def cell(widget: AttendanceGridWidget, row: int, number: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """What the grid shows for a participant (row) at session ``number`` (its column); for MARK_ROLE
    the Mark itself."""
    index = widget.model.index(row, number)
    return widget.model.mark_at(index) if role == MARK_ROLE else index.data(role)


def totals(widget: AttendanceGridWidget, row: int) -> list[str]:
    """A row's present, absent, notified and rate columns."""
    first = widget.model.first_total_column()
    return [widget.model.index(row, column).data() for column in range(first, first + 4)]


def click(qtbot: QtBot, widget: AttendanceGridWidget, row: int, number: int) -> None:
    rect = widget.table.visualRect(widget.model.index(row, number))
    qtbot.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_grid_model_keeps_qts_model_contract(qtmodeltester: ModelTester, somali: Any) -> None:
    model = AttendanceGridModel()
    model.set_grid(grid(somali.database, somali.group_id, somali.today))
    qtmodeltester.check(model, force_py=True)
    # The tester keeps watching: a mark's targeted changes and an emptied grid must keep the contract too.
    model.apply(mark(somali.database, somali.session[2], somali.person["Abdi"], F, today=somali.today))
    model.set_grid(None)
    assert model.rowCount() == model.columnCount() == 0


def test_the_grid_shows_participants_by_sessions_with_dates_in_the_header(
    grid_widget: AttendanceGridWidget,
) -> None:
    model = grid_widget.model
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "Abdi Testsson",
        "Ayaan Testsson",
        "Hodan Testsson",
        "Khadar Testsson",
        "Sagal Testsson",
        "Närvarande per träff",
    ]
    header = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert header[:3] == ["Deltagare", "1\n3/2", "2\n10/2"]
    assert header[-4:] == ["Närv.", "Frånv.", "Anm.", "Andel"]
    # Held sessions without marks show the gap; today's session is open but not held yet.
    assert (cell(grid_widget, ABDI, 1), cell(grid_widget, ABDI, 6), cell(grid_widget, TOTALS, 1)) == (
        "·",
        "",
        "0/5",
    )
    assert totals(grid_widget, ABDI) == ["0", "0", "0", "–"]


def test_a_paper_sheet_is_typed_in_down_a_column_by_keyboard(
    qtbot: QtBot, grid_widget: AttendanceGridWidget
) -> None:
    table = grid_widget.table
    table.setCurrentIndex(grid_widget.model.index(ABDI, 3))
    table.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_F, Qt.Key.Key_3, Qt.Key.Key_N, Qt.Key.Key_2):
        qtbot.keyClick(table, key)
    assert [cell(grid_widget, row, 3, MARK_ROLE) for row in range(5)] == [P, F, A, P, F]
    assert [cell(grid_widget, row, 3) for row in range(5)] == ["✓", "✗", "A", "✓", "✗"]
    # At the bottom of the column the cursor carries on at the top of the next session's.
    assert (table.currentIndex().row(), table.currentIndex().column()) == (ABDI, 4)
    assert cell(grid_widget, TOTALS, 3) == "2/5"
    assert totals(grid_widget, AYAAN) == ["0", "1", "0", "0\u00a0%"]
    assert totals(grid_widget, TOTALS) == ["2", "2", "1", "40\u00a0%"]
    # Delete (or 0) clears a mark, and the cursor moves on as after any mark.
    table.setCurrentIndex(grid_widget.model.index(AYAAN, 3))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert cell(grid_widget, AYAAN, 3, MARK_ROLE) is None
    assert (table.currentIndex().row(), table.currentIndex().column()) == (HODAN, 3)
    assert grid_widget.summary.text().startswith("<b>Närvaro 50\u00a0%</b>")


def test_a_click_cycles_a_cell_and_the_totals_follow(qtbot: QtBot, grid_widget: AttendanceGridWidget) -> None:
    with qtbot.waitSignal(grid_widget.changed):
        click(qtbot, grid_widget, HODAN, 2)
    assert cell(grid_widget, HODAN, 2, MARK_ROLE) is P
    assert totals(grid_widget, HODAN) == ["1", "0", "0", "100\u00a0%"]
    assert cell(grid_widget, TOTALS, 2) == "1/5"
    click(qtbot, grid_widget, HODAN, 2)
    assert cell(grid_widget, HODAN, 2, MARK_ROLE) is F
    assert totals(grid_widget, HODAN) == ["0", "1", "0", "0\u00a0%"]
    click(qtbot, grid_widget, HODAN, 2)
    assert cell(grid_widget, HODAN, 2, MARK_ROLE) is A
    assert totals(grid_widget, TOTALS) == ["0", "0", "1", "0\u00a0%"]


def test_only_the_changed_cells_are_announced(qtbot: QtBot, grid_widget: AttendanceGridWidget) -> None:
    changed: list[tuple[int, int, int, int]] = []

    def record(top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        changed.append((top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column()))

    grid_widget.model.dataChanged.connect(record)
    click(qtbot, grid_widget, KHADAR, 2)
    last = grid_widget.model.columnCount() - 1
    first_total = grid_widget.model.first_total_column()
    assert sorted(changed) == sorted(
        [
            (KHADAR, 2, KHADAR, 2),
            (KHADAR, 0, KHADAR, 0),
            (KHADAR, first_total, KHADAR, last),
            (TOTALS, 2, TOTALS, 2),
            (TOTALS, first_total, TOTALS, last),
        ]
    )


def test_marking_todays_session_makes_it_held_in_the_header(
    qtbot: QtBot, grid_widget: AttendanceGridWidget
) -> None:
    session = grid_widget.model.session_at(6)
    assert session is not None and session.status is SessionStatus.PLANNED
    with qtbot.waitSignal(grid_widget.model.headerDataChanged):
        click(qtbot, grid_widget, SAGAL, 6)
    held = grid_widget.model.session_at(6)
    assert held is not None and held.status is SessionStatus.HELD
    assert cell(grid_widget, ABDI, 6) == "·"  # the others now show they are not marked yet
    assert cell(grid_widget, TOTALS, 6) == "1/5"


def test_two_missed_sessions_in_a_row_are_highlighted(
    qtbot: QtBot, grid_widget: AttendanceGridWidget
) -> None:
    table = grid_widget.table
    for number, key in ((3, Qt.Key.Key_1), (4, Qt.Key.Key_2), (5, Qt.Key.Key_3)):
        table.setCurrentIndex(grid_widget.model.index(AYAAN, number))
        qtbot.keyClick(table, key)
    background = Qt.ItemDataRole.BackgroundRole
    assert cell(grid_widget, AYAAN, 4, background).color() == RUN_BACKGROUND
    assert cell(grid_widget, AYAAN, 5, background).color() == RUN_BACKGROUND
    assert cell(grid_widget, AYAAN, 3, background).color() != RUN_BACKGROUND
    assert cell(grid_widget, AYAAN, 0, background).color() == FLAG_BACKGROUND
    assert "Har missat de 2 senaste träffarna" in cell(grid_widget, AYAAN, 0, Qt.ItemDataRole.ToolTipRole)
    assert grid_widget.flags.isVisible()
    assert grid_widget.flags.text().endswith(": Ayaan Testsson")
    # Back in the room today: the run stays visible, but there is no one to reach out to any more.
    table.setCurrentIndex(grid_widget.model.index(AYAAN, 6))
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert cell(grid_widget, AYAAN, 5, background).color() == RUN_BACKGROUND
    assert cell(grid_widget, AYAAN, 0, background) is None
    assert not grid_widget.flags.isVisible()


def test_a_session_still_to_come_takes_only_a_notified_absence(
    qtbot: QtBot, grid_widget: AttendanceGridWidget
) -> None:
    table = grid_widget.table
    table.setCurrentIndex(grid_widget.model.index(ABDI, 7))
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert cell(grid_widget, ABDI, 7, MARK_ROLE) is None
    assert grid_widget.message.text().startswith("Träffen har inte varit än: före träffen kan bara anmäld")
    assert (table.currentIndex().row(), table.currentIndex().column()) == (ABDI, 7)
    click(qtbot, grid_widget, ABDI, 7)
    assert cell(grid_widget, ABDI, 7, MARK_ROLE) is A
    assert grid_widget.model.session_at(7).status is SessionStatus.PLANNED  # type: ignore[union-attr]
    click(qtbot, grid_widget, ABDI, 7)
    assert cell(grid_widget, ABDI, 7, MARK_ROLE) is None


def test_a_walk_in_added_in_the_room_shows_in_the_grid_and_its_totals(
    qtbot: QtBot, grid_widget: AttendanceGridWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    def register_guest(dialog: WalkInDialog) -> int:
        dialog.first_name.setText("Nasra")
        dialog.birth_year.setText("2015")
        dialog.gender.setCurrentIndex(dialog.gender.findText("Flicka"))
        dialog.accept()
        return int(dialog.result())

    def take_attendance(dialog: SessionAttendanceDialog) -> int:
        dialog.mark_all_present()
        dialog.add_walk_in()
        return 0

    monkeypatch.setattr(WalkInDialog, "exec", register_guest)
    monkeypatch.setattr(SessionAttendanceDialog, "exec", take_attendance)
    assert cell(grid_widget, TOTALS, 6) == ""
    # Double-clicking today's heading opens the room view; the grid reads what was recorded there.
    with qtbot.waitSignal(grid_widget.changed):
        grid_widget.table.horizontalHeader().sectionDoubleClicked.emit(6)
    names = [grid_widget.model.index(row, 0).data() for row in range(grid_widget.model.rowCount())]
    assert names[:-1] == [
        "Abdi Testsson",
        "Ayaan Testsson",
        "Hodan Testsson",
        "Khadar Testsson",
        "Nasra",
        "Sagal Testsson",
    ]
    assert cell(grid_widget, grid_widget.model.totals_row(), 6) == "6/6"
    assert totals(grid_widget, names.index("Nasra")) == ["1", "0", "0", "100\u00a0%"]
    assert cell(grid_widget, names.index("Nasra"), 5) == ""  # not in the group before today


def test_marks_and_totals_are_coloured_and_bold_as_the_legend_says(
    qtbot: QtBot, grid_widget: AttendanceGridWidget
) -> None:
    table = grid_widget.table
    for row, key in ((ABDI, Qt.Key.Key_1), (AYAAN, Qt.Key.Key_2), (HODAN, Qt.Key.Key_3)):
        table.setCurrentIndex(grid_widget.model.index(row, 5))
        qtbot.keyClick(table, key)
    background, foreground, font = (
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    )
    for row, expected in ((ABDI, PRESENT_COLOURS), (AYAAN, ABSENT_COLOURS), (HODAN, NOTIFIED_COLOURS)):
        assert (
            cell(grid_widget, row, 5, foreground).color(),
            cell(grid_widget, row, 5, background).color(),
        ) == (expected)
        assert cell(grid_widget, row, 5, font).bold()
        assert cell(grid_widget, row, 5, Qt.ItemDataRole.TextAlignmentRole) == int(
            Qt.AlignmentFlag.AlignCenter
        )
    assert cell(grid_widget, KHADAR, 5, font) is None  # not marked: plain
    assert cell(grid_widget, TOTALS, 5, background).color() == TOTALS_BACKGROUND
    assert cell(grid_widget, TOTALS, 5, font).bold()
    assert cell(grid_widget, TOTALS, 0) == "Närvarande per träff"
    assert cell(grid_widget, TOTALS, 0, background).color() == TOTALS_BACKGROUND
