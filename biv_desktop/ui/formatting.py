"""Dates, days and times written the Swedish way for the screens, through the application's locale."""

import datetime as dt

from PySide6.QtCore import QLocale

from biv_desktop.domain.calendar import time_range
from biv_desktop.ui.common.dates import to_qdate


def short_weekday(weekday: int) -> str:
    """A weekday's short name, Monday being 0, e.g. 'tis'."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def day_and_time(weekday: int, start: dt.time, end: dt.time) -> str:
    """When a group meets, e.g. 'tis 17:00–19:00'."""
    return f"{short_weekday(weekday)} {time_range(start, end)}"


def day_in_words(day: dt.date) -> str:
    """A day in words without the year, e.g. 'tisdag 10 mars'."""
    return QLocale().toString(to_qdate(day), "dddd d MMMM")


def date_in_words(day: dt.date) -> str:
    """A date in words, e.g. 'tisdag 10 mars 2026'."""
    return QLocale().toString(to_qdate(day), "dddd d MMMM yyyy")


def period(first: dt.date, last: dt.date) -> str:
    """A period of dates, e.g. '2025-04-01 – 2026-03-31'."""
    return f"{first.isoformat()} – {last.isoformat()}"
