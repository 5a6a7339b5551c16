"""The one conversion between Python's dates and Qt's, and the date field every form uses."""

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QSizePolicy

DATE_FORMAT = "yyyy-MM-dd"
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date | None = None, *, fixed_width: bool = False) -> QDateEdit:
    """A date field written 2026-03-31, with a calendar to pick from (today if no day is given).

    ``fixed_width`` keeps its ten characters' width in a form whose other fields grow.
    """
    edit = QDateEdit(to_qdate(day or dt.date.today()))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))
    if fixed_width:
        edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    """The day a date field shows."""
    return from_qdate(edit.date())
