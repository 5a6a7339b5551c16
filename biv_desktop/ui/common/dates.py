"""The one conversion between Python's dates and Qt's, and the date field every form uses.

Qt's date field edits one part (year, month, day) at a time: with the whole date selected, typing
``2027-01-20`` keeps the old year (2026-01-20), so a group could be saved a year early without a word. The
field here takes a whole date typed or pasted over a selected one as typed, and its calendar shows week
numbers (the coordinator plans in weeks).
"""

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent, QValidator
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QSizePolicy, QToolTip, QWidget

from biv_desktop.ui.common.text import translator

DATE_FORMAT = "yyyy-MM-dd"
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
# A whole date as people type or paste it: 2027-01-20, 2027-1-5, 20270120, 2027.01.20 or 2027/01/20.
WHOLE_DATE = re.compile(r"(\d{4})[-./ ]?(\d{1,2})[-./ ]?(\d{1,2})")
TYPED = re.compile(r"[\d\-./ ]")

tr = translator("Dates")


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def to_qtime(time: dt.time) -> QTime:
    return QTime(time.hour, time.minute)


def from_qtime(time: QTime) -> dt.time:
    return dt.time(time.hour(), time.minute())


def parse_whole_date(text: str) -> dt.date | None:
    """The date in ``text`` if it is a whole, real date (year, month and day), else None."""
    found = WHOLE_DATE.fullmatch(text.strip())
    if found is None:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _complete(text: str) -> bool:
    """Whether typing has clearly reached the end of a date: 2027-01-20 or 20270120."""
    return len(text) == 10 or (len(text) == 8 and text.isdigit())


class DateField(QDateEdit):
    """A date field written 2026-03-31 that takes a whole date typed or pasted over the selected one."""

    def __init__(self, day: QDate, parent: QWidget | None = None) -> None:
        super().__init__(day, parent)
        self._typed: str | None = None  # what has been typed over the whole date, while it is being typed
        self._validator: QValidator | None = None  # Qt's own, set aside while a whole date is typed
        self._calendar: QCalendarWidget | None = None

    def _calendar_ready(self) -> None:
        """Give the field its calendar (week numbers, a grid) before Qt makes its own plain one.

        Built at the first press of the mouse on the field, since Qt opens the calendar only from a click
        on the field's arrow: built with each field, the calendars (each with a month menu, a year box
        and a table of days) cost the schedule page's first showing about 2 ms and the follow-up page's
        about 6 ms, for calendars seldom opened.
        """
        if self._calendar is None and self.calendarPopup():
            self._calendar = QCalendarWidget(self)
            self._calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
            self._calendar.setGridVisible(True)
            self.setCalendarWidget(self._calendar)

    def calendarWidget(self) -> QCalendarWidget:
        self._calendar_ready()
        return super().calendarWidget()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._calendar_ready()
        super().mousePressEvent(event)

    def _whole_selected(self) -> bool:
        line = self.lineEdit()
        return line.hasSelectedText() and line.selectedText() == line.text()

    def _take(self, text: str) -> bool:
        """Set the date from ``text`` if it is a whole date in the field's range; whether it was."""
        day = parse_whole_date(text)
        if day is None or not FIRST_DAY <= day <= LAST_DAY:
            return False
        self.setDate(to_qdate(day))
        self.selectAll()
        return True

    def _show(self, text: str) -> None:
        # Shown without Qt reading it: Qt would take each part-typed date (2027-01-2) as the field's date,
        # and its validator would "fix" the text as it goes.
        line = self.lineEdit()
        line.blockSignals(True)
        line.setText(text)
        line.blockSignals(False)

    def _start_typing(self) -> None:
        self._typed = ""
        self._validator = self.lineEdit().validator()
        self.lineEdit().setValidator(None)  # type: ignore[arg-type]  # Qt takes None: no validator

    def _stop_typing(self, keep: bool) -> None:
        typed, self._typed = self._typed, None
        if typed is None:
            return
        if self._validator is not None:
            self.lineEdit().setValidator(self._validator)
        if not (keep and self._take(typed)):
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))  # the date as it was, read again
            if keep and typed:
                QToolTip.showText(
                    self.mapToGlobal(self.rect().bottomLeft()),
                    tr("”{typed}” är inget datum mellan {first} och {last}. Datumet är oförändrat.").format(
                        typed=typed, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
                    ),
                    self,
                )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        pasted = event.matches(QKeySequence.StandardKey.Paste) and self._whole_selected()
        if pasted and self._take(QGuiApplication.clipboard().text()):
            return
        text = event.text()
        typing = bool(text) and TYPED.fullmatch(text) is not None
        if self._typed is None and typing and text.isdigit() and self._whole_selected():
            self._start_typing()
        if self._typed is not None:
            if typing:
                self._typed += text
                self._show(self._typed)
                if _complete(self._typed):
                    self._stop_typing(keep=True)
                return
            if event.key() == Qt.Key.Key_Backspace:
                self._typed = self._typed[:-1]
                self._show(self._typed)
                return
            self._stop_typing(keep=event.key() != Qt.Key.Key_Escape)
            if event.key() == Qt.Key.Key_Escape:
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._stop_typing(keep=True)
        super().focusOutEvent(event)


def date_edit(day: dt.date | None = None, *, fixed_width: bool = False) -> QDateEdit:
    """A date field written 2026-03-31, with a calendar showing week numbers to pick from (today if no day
    is given); a whole date typed or pasted over the selected one is taken as typed.

    ``fixed_width`` keeps its ten characters' width in a form whose other fields grow.
    """
    edit = DateField(to_qdate(day or dt.date.today()))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))
    if fixed_width:
        edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    """The day a date field shows."""
    return from_qdate(edit.date())
