"""A group's weekly sessions: their dates around holidays and break weeks, their times and their themes."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.days_off import SWEDISH_HOLIDAYS, BreakWeek, DaysOff, HolidayCalendar

SESSIONS_PER_GROUP = 14
DEFAULT_SESSION_MINUTES = 120
MAX_SESSIONS = 52
FIRST_YEAR, LAST_YEAR = 2000, 2100
# How far to look for a free week before giving up: breaks covering three years are surely a mistake.
SEARCH_WEEKS = 3 * 52
WEEK = dt.timedelta(weeks=1)

ThemeT = TypeVar("ThemeT")


@dataclass(frozen=True)
class SkippedDate:
    """A date a session would have had, passed over because it is a holiday or in a break."""

    date: dt.date
    reason: str

    @property
    def description(self) -> str:
        """E.g. '2026-04-06 hoppas över: Annandag påsk'."""
        return f"{self.date.isoformat()} hoppas över: {self.reason}"


@dataclass(frozen=True)
class FreeDate:
    """The first free date found, with the dates passed over on the way."""

    date: dt.date
    skipped: tuple[SkippedDate, ...] = ()


@dataclass(frozen=True)
class PlannedSession:
    """One session of a planned group, before it is saved: number, date, times and the dates it skipped."""

    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    skipped: tuple[SkippedDate, ...] = ()


def check_weekday(weekday: int) -> None:
    """Refuse a weekday that is not 0 (Monday) to 6 (Sunday)."""
    if not 0 <= weekday <= 6:
        raise ValidationError("weekday", "Välj en veckodag mellan måndag och söndag.")


def check_start_date(start: dt.date) -> None:
    """Refuse a start date so far off it must be a typing mistake."""
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        raise ValidationError(
            "start_date", f"Startdatumet måste ligga mellan år {FIRST_YEAR} och {LAST_YEAR}."
        )


def check_times(start_time: dt.time, end_time: dt.time) -> None:
    """Refuse a session that ends before it starts."""
    if end_time <= start_time:
        raise ValidationError("end_time", "Sluttiden måste vara efter starttiden.")


def end_time_after(start_time: dt.time, minutes: int = DEFAULT_SESSION_MINUTES) -> dt.time:
    """When a session starting at `start_time` ends, by default two hours later, on the same day."""
    if minutes <= 0:
        raise ValidationError("length", "En träff måste vara längre än noll minuter.")
    start_minute = start_time.hour * 60 + start_time.minute
    end_minute = start_minute + minutes
    if end_minute >= 24 * 60:
        raise ValidationError("start_time", "Träffen skulle sluta efter midnatt. Välj en tidigare starttid.")
    return dt.time(end_minute // 60, end_minute % 60)


def first_weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The first date on or after `day` that falls on `weekday` (0 Monday – 6 Sunday)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def next_free_date(candidate: dt.date, days_off: DaysOff) -> FreeDate:
    """`candidate` if it is free, else the same weekday in the first free week after it."""
    skipped: list[SkippedDate] = []
    day = candidate
    for _ in range(SEARCH_WEEKS + 1):
        reason = days_off.reason(day)
        if reason is None:
            return FreeDate(day, tuple(skipped))
        skipped.append(SkippedDate(day, reason))
        day += WEEK
    raise ValidationError(
        "breaks",
        f"Det finns ingen ledig vecka inom tre år från {candidate.isoformat()}. "
        "Kontrollera uppehållen: de täcker alla veckor.",
    )


def plan_sessions(
    start: dt.date,
    weekday: int,
    start_time: dt.time,
    end_time: dt.time | None = None,
    *,
    count: int = SESSIONS_PER_GROUP,
    holidays: HolidayCalendar = SWEDISH_HOLIDAYS,
    breaks: Iterable[BreakWeek] = (),
) -> list[PlannedSession]:
    """A group's weekly sessions, the first on the first free `weekday` on or after `start`.

    A date that is a holiday or inside a break moves to the next free week, and every later session follows
    it: each session takes the first free week after the one before. Without an end time a session lasts
    two hours.
    """
    check_start_date(start)
    check_weekday(weekday)
    if not 1 <= count <= MAX_SESSIONS:
        raise ValidationError("count", f"Antalet träffar måste vara mellan 1 och {MAX_SESSIONS}.")
    end = end_time_after(start_time) if end_time is None else end_time
    check_times(start_time, end)
    days_off = DaysOff(holidays, breaks)
    sessions: list[PlannedSession] = []
    candidate = first_weekday_on_or_after(start, weekday)
    for number in range(1, count + 1):
        found = next_free_date(candidate, days_off)
        sessions.append(PlannedSession(number, found.date, start_time, end, found.skipped))
        candidate = found.date + WEEK
    return sessions


def assign_themes(count: int, themes: Sequence[ThemeT]) -> list[ThemeT | None]:
    """The theme for each of `count` sessions, in the plan's order.

    A plan with fewer themes than sessions leaves the last sessions without a theme (None) for the
    coordinator to fill in, rather than repeating earlier themes: a repeated "Vem är jag?" late in a printed
    schedule would read as a mistake, an empty theme reads as something still to decide. Themes beyond
    `count` are left out.
    """
    if count < 0:
        raise ValidationError("count", "Antalet träffar kan inte vara negativt.")
    chosen: list[ThemeT | None] = list(themes[:count])
    chosen.extend([None] * (count - len(chosen)))
    return chosen
