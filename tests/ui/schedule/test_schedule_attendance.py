"""Attendance from the schedule: the room view and the sheets for the chosen session, every sheet of the period,
by key, button and context menu, and from the session's form; one real round in the room view at the end."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from biv_desktop.services.schedule import ScheduleRow
from biv_desktop.ui import printing
from biv_desktop.ui.attendance.session_dialog import SessionAttendanceDialog
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.schedule import attendance_actions
from biv_desktop.ui.schedule import table as columns
from biv_desktop.ui.schedule.page import SchedulePage
from biv_desktop.ui.schedule.session_dialog import SessionDialog

IndexOf = Callable[..., QModelIndex]
SOMALI_CHILDREN = "BIV Somaliska 10–12 år, Berga, vt 2026"
DARI = "BIS Dari 13–15 år, Skäggetorp, vt 2026"


class Recorder:
    """Stands in for a screen the page opens: records the arguments and answers as the test chose."""

    def __init__(self, answer: object = None) -> None:
        self.answer = answer
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> object:
        self.calls.append((args, kwargs))
        return self.answer


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> dict[str, Recorder]:
    """The room view and the print previews, where the schedule looks them up, replaced by recorders: the
    previews in ui.printing, which the schedule imports when it first prints."""
    recorders = {
        name: Recorder() for name in ("open_session_attendance", "print_session_sheet", "print_pack")
    }
    monkeypatch.setattr(attendance_actions, "open_session_attendance", recorders["open_session_attendance"])
    for name in ("print_session_sheet", "print_pack"):
        monkeypatch.setattr(printing, name, recorders[name])
    return recorders


@pytest.fixture
def active(page: SchedulePage, qtbot: QtBot) -> SchedulePage:
    """The page as the active window, so its keys reach it, with the keyboard in its table."""
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    return page


def session_at(index: QModelIndex) -> ScheduleRow:
    line = index.data(ROW_ROLE)
    assert isinstance(line, ScheduleRow)
    return line


def test_ctrl_t_opens_the_room_view_for_the_chosen_session_and_shows_it_afterwards(
    active: SchedulePage, index_of: IndexOf, qtbot: QtBot, opened: dict[str, Recorder]
) -> None:
    room = opened["open_session_attendance"]
    room.answer = True
    dari = session_at(index_of(DARI, 7))
    active.table.setCurrentIndex(index_of(DARI, 7))
    qtbot.keyClick(active.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert room.calls == [((active, active.database, dari.id), {"today": dt.date(2026, 3, 10)})]
    assert active.message_label.text() == f"Närvaron för träff 7 i {DARI} är sparad."
    assert active.current_session() == dari  # still chosen after the page read the period again
    assert active.table.hasFocus()


def test_closing_the_room_view_without_recording_leaves_the_page_as_it_was(
    active: SchedulePage, index_of: IndexOf, opened: dict[str, Recorder]
) -> None:
    opened["open_session_attendance"].answer = False
    active.table.setCurrentIndex(index_of(DARI, 7))
    active.attendance.take_button.click()
    assert len(opened["open_session_attendance"].calls) == 1
    assert active.message_label.isHidden()


def test_ctrl_p_previews_the_chosen_sessions_sheet(
    active: SchedulePage, index_of: IndexOf, qtbot: QtBot, opened: dict[str, Recorder]
) -> None:
    active.table.setCurrentIndex(index_of(SOMALI_CHILDREN, 7))
    qtbot.keyClick(active.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    session_id = session_at(index_of(SOMALI_CHILDREN, 7)).id
    assert opened["print_session_sheet"].calls == [
        ((active, active.database, session_id, dt.date(2026, 3, 10)), {})
    ]
    assert opened["open_session_attendance"].calls == []


def test_ctrl_shift_p_prints_every_sheet_of_the_shown_period_at_the_chosen_premises(
    active: SchedulePage, qtbot: QtBot, opened: dict[str, Recorder]
) -> None:
    pack = opened["print_pack"]
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    assert active.attendance.pack_button.toolTip() == (
        "Närvarolistor för alla träffar 2026-03-09 – 2026-04-05, i en utskrift (Ctrl+Shift+P)"
    )
    qtbot.keyClick(active.table, Qt.Key.Key_P, ctrl_shift)
    active.period.shift(1)
    active.premises_filter.setCurrentIndex(active.premises_filter.findText("Skäggetorps kyrkcenter"))
    premises_id = active.premises_filter.currentData()
    assert isinstance(premises_id, int)
    assert "2026-03-16 – 2026-04-12 i Skäggetorps kyrkcenter" in active.attendance.pack_button.toolTip()
    active.table.setFocus()
    qtbot.keyClick(active.table, Qt.Key.Key_P, ctrl_shift)
    expected = [
        ((active, active.database, dt.date(2026, 3, 9), dt.date(2026, 4, 5)), {"premises_id": None}),
        ((active, active.database, dt.date(2026, 3, 16), dt.date(2026, 4, 12)), {"premises_id": premises_id}),
    ]
    assert [(args, {"premises_id": kwargs["premises_id"]}) for args, kwargs in pack.calls] == expected
    assert {kwargs["printed_on"] for _args, kwargs in pack.calls} == {dt.date(2026, 3, 10)}


def test_the_session_actions_wait_for_a_chosen_session_and_the_pack_for_sessions(
    page: SchedulePage, index_of: IndexOf
) -> None:
    buttons = page.attendance
    assert page.current_session() is None
    assert not buttons.take_button.isEnabled() and not buttons.print_button.isEnabled()
    assert not page.open_button.isEnabled()
    assert buttons.pack_button.isEnabled()
    page.table.setCurrentIndex(index_of(DARI, 7))
    assert (
        buttons.take_button.isEnabled() and buttons.print_button.isEnabled() and page.open_button.isEnabled()
    )
    page.period.set_period(dt.date(2026, 6, 1), dt.date(2026, 6, 7))  # a week without sessions
    assert not buttons.pack_button.isEnabled()
    assert not buttons.take_button.isEnabled()


def test_the_context_menu_chooses_the_line_under_the_pointer_and_offers_the_actions(
    page: SchedulePage, index_of: IndexOf, opened: dict[str, Recorder]
) -> None:
    opened["open_session_attendance"].answer = False
    page.table.setCurrentIndex(index_of(SOMALI_CHILDREN, 6))
    under_pointer = index_of(DARI, 8, columns.THEME)
    menu = page.attendance.menu_at(page.table.visualRect(under_pointer).center())
    texts = [action.text().replace("&", "") for action in menu.actions()]
    assert texts == [
        "Öppna träffen…",
        "Ta närvaro…",
        "Skriv ut närvarolista…",
        "",
        "Skriv ut alla närvarolistor…",
    ]
    assert page.current_session() == session_at(under_pointer)
    next(action for action in menu.actions() if action.text() == "&Ta närvaro…").trigger()
    assert opened["open_session_attendance"].calls[0][0][2] == session_at(under_pointer).id


def test_the_session_form_hands_over_to_the_room_view_and_the_sheet(
    page: SchedulePage, index_of: IndexOf, opened: dict[str, Recorder], monkeypatch: pytest.MonkeyPatch
) -> None:
    buttons = iter(["attendance_button", "print_button"])

    def press(dialog: SessionDialog) -> int:
        getattr(dialog, next(buttons)).click()
        return dialog.result()

    monkeypatch.setattr(SessionDialog, "exec", press)
    page.table.setCurrentIndex(index_of(DARI, 7))
    dari_id = session_at(index_of(DARI, 7)).id
    page.open_current()
    assert [call[0][2] for call in opened["open_session_attendance"].calls] == [dari_id]
    page.open_current()
    assert [call[0][2] for call in opened["print_session_sheet"].calls] == [dari_id]


def test_ctrl_t_in_the_session_form_goes_on_to_the_room_view(
    page: SchedulePage,
    index_of: IndexOf,
    qtbot: QtBot,
    opened: dict[str, Recorder],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def keys(dialog: SessionDialog) -> int:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        return dialog.result()

    monkeypatch.setattr(SessionDialog, "exec", keys)
    page.table.setCurrentIndex(index_of(SOMALI_CHILDREN, 8))
    page.open_current()
    assert [call[0][2] for call in opened["open_session_attendance"].calls] == [
        session_at(index_of(SOMALI_CHILDREN, 8)).id
    ]


def test_the_session_form_asks_before_dropping_unsaved_changes(
    page: SchedulePage,
    index_of: IndexOf,
    opened: dict[str, Recorder],
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    def change_then_take_attendance(dialog: SessionDialog) -> int:
        dialog.note.setText("Ta med lera")
        dialog.attendance_button.click()
        assert dialog.next_step is None  # the user chose Avbryt: the form stays as it was
        assert dialog.note.text() == "Ta med lera"
        dialog.attendance_button.click()
        return dialog.result()

    message_boxes.presses = ["Avbryt", "Fortsätt utan att spara"]
    monkeypatch.setattr(SessionDialog, "exec", change_then_take_attendance)
    page.table.setCurrentIndex(index_of(DARI, 7))
    page.open_current()
    assert [box["text"] for box in message_boxes.shown] == ["Gå vidare utan att spara ändringarna?"] * 2
    assert len(opened["open_session_attendance"].calls) == 1
    assert session_at(index_of(DARI, 7)).note == ""  # the change was dropped, as the question said


def test_attendance_taken_in_the_room_makes_a_past_session_held_in_the_table(
    qtbot: QtBot, register: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thursday: Tuesday's session of the Somali children is still planned, as nobody took attendance."""
    page = SchedulePage(register.database, dt.date(2026, 3, 12))
    qtbot.addWidget(page)
    page.resize(1130, 800)
    page.show()
    page.refresh()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    rooms: list[list[str]] = []

    def in_the_room(room: SessionAttendanceDialog) -> int:
        room.show()
        room.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is room)
        first = room.attendees.lines()[0]
        assert first.hasFocus()
        qtbot.keyClick(first, Qt.Key.Key_N)  # Abdi: present
        rooms.append([line.button.text() for line in room.attendees.lines()])
        qtbot.keyClick(room.focusWidget(), Qt.Key.Key_Escape)  # Stäng: the mark is already saved
        return room.result()

    monkeypatch.setattr(SessionAttendanceDialog, "exec", in_the_room)
    tuesday = next(
        page.proxy.index(position, 0)
        for position in range(page.proxy.rowCount())
        if isinstance(line := page.proxy.index(position, 0).data(ROW_ROLE), ScheduleRow)
        and (line.group_name, line.number) == (SOMALI_CHILDREN, 6)
    )
    assert tuesday.siblingAtColumn(columns.STATUS).data() == "Planerad"
    page.table.setFocus()
    page.table.setCurrentIndex(tuesday)
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert rooms == [["Närvarande"] + ["Inte markerad"] * 4]
    chosen = page.table.currentIndex()
    assert session_at(chosen).number == 6 and session_at(chosen).group_name == SOMALI_CHILDREN
    assert chosen.siblingAtColumn(columns.STATUS).data() == "Genomförd"
    assert page.message_label.text() == f"Närvaron för träff 6 i {SOMALI_CHILDREN} är sparad."
