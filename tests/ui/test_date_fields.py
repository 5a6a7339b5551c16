"""Date fields take a whole date as it is typed or pasted, show week numbers, and keep what was there when
what was typed is no date."""

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDateEdit
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.dates import date_edit, date_of


def field(qtbot: QtBot, day: dt.date = dt.date(2026, 12, 3)) -> QDateEdit:
    edit = date_edit(day)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


def select_all(qtbot: QtBot, edit: QDateEdit) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def test_a_whole_date_typed_over_the_selected_one_is_taken_as_typed(qtbot: QtBot) -> None:
    edit = field(qtbot)
    seen: list[dt.date] = []
    edit.dateChanged.connect(lambda _day: seen.append(date_of(edit)))

    select_all(qtbot, edit)
    qtbot.keyClicks(edit, "2027-01-20")

    assert date_of(edit) == dt.date(2027, 1, 20)  # not 2026-01-20, as Qt's own field makes it
    assert edit.text() == "2027-01-20"
    assert seen == [dt.date(2027, 1, 20)]  # no half-typed date on the way


def test_digits_only_and_a_short_month_are_read_too(qtbot: QtBot) -> None:
    edit = field(qtbot)
    select_all(qtbot, edit)
    qtbot.keyClicks(edit, "20270120")
    assert date_of(edit) == dt.date(2027, 1, 20)

    select_all(qtbot, edit)
    qtbot.keyClicks(edit, "2027-1-5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert date_of(edit) == dt.date(2027, 1, 5)


def test_a_date_pasted_over_the_selected_one_is_taken(qtbot: QtBot) -> None:
    edit = field(qtbot)
    QGuiApplication.clipboard().setText(" 2028-05-06 ")
    select_all(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert date_of(edit) == dt.date(2028, 5, 6)


def test_what_is_no_date_leaves_the_date_as_it_was(qtbot: QtBot) -> None:
    edit = field(qtbot)
    select_all(qtbot, edit)
    qtbot.keyClicks(edit, "2027-02-30")
    assert date_of(edit) == dt.date(2026, 12, 3)
    assert edit.text() == "2026-12-03"

    select_all(qtbot, edit)
    qtbot.keyClicks(edit, "2027-0")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert (date_of(edit), edit.text()) == (dt.date(2026, 12, 3), "2026-12-03")


def test_the_arrow_keys_still_step_the_date(qtbot: QtBot) -> None:
    edit = field(qtbot)
    select_all(qtbot, edit)
    qtbot.keyClicks(edit, "2027-01-20")
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert date_of(edit) == dt.date(2028, 1, 20)  # the year is the selected part


def test_the_calendar_shows_week_numbers(qtbot: QtBot) -> None:
    edit = field(qtbot)
    calendar = edit.calendarWidget()
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.verticalHeaderFormat() is QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers


def test_a_click_on_the_arrow_opens_a_calendar_with_week_numbers_made_only_then(qtbot: QtBot) -> None:
    edit = field(qtbot, dt.date(2027, 3, 17))
    # Not made with the field: a page with date fields shows sooner without calendars nobody opened.
    assert edit.findChildren(QCalendarWidget) == []

    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))

    popups = [
        widget for widget in QApplication.topLevelWidgets() if widget.isVisible() and widget is not edit
    ]
    calendars = [calendar for popup in popups for calendar in popup.findChildren(QCalendarWidget)]
    assert len(calendars) == 1
    assert calendars[0].verticalHeaderFormat() is QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers
    assert calendars[0].selectedDate().toPython() == dt.date(2027, 3, 17)
    popups[0].hide()
