"""Swedish ways of naming days, dates and terms."""

import datetime as dt

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def weekday_name(weekday: int) -> str:
    """The Swedish name of a weekday, Monday being 0."""
    return WEEKDAYS[weekday]


def long_date(day: dt.date) -> str:
    """A date the Swedish way in words, e.g. 'måndag 8 april 2024'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def term_label(day: dt.date) -> str:
    """The school term a date falls in: 'vt 2026' for spring (Jan–Jun), 'ht 2026' for autumn (Jul–Dec)."""
    return f"{'vt' if day.month <= 6 else 'ht'} {day.year}"


def time_range(start: dt.time, end: dt.time) -> str:
    """A session's time, e.g. '17:00–19:00'."""
    return f"{start:%H:%M}–{end:%H:%M}"
