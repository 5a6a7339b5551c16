"""The demo's calendar: agreement years, school terms, school breaks and weekly session dates."""

import datetime as dt
from dataclasses import dataclass

import holidays

from biv_desktop.domain.schedule.school_year import (
    ProposedBreak,
    autumn_break,
    christmas_break,
    easter_break,
    sports_break,
)

SESSIONS_PER_GROUP = 14
FIRST_AGREEMENT_YEAR = 2017


@dataclass(frozen=True, order=True)
class Term:
    """A school term: spring (vt, groups start late January or February) or autumn (ht, start in September)."""

    year: int
    autumn: bool

    @property
    def label(self) -> str:
        return f"{'ht' if self.autumn else 'vt'} {self.year}"

    @property
    def start_weeks(self) -> tuple[int, ...]:
        """ISO weeks a group may start in: late enough that the schedule fits before the summer or Christmas."""
        return (36, 37) if self.autumn else (4, 5, 6)

    def day_in_week(self, week: int, weekday: int) -> dt.date:
        return dt.date.fromisocalendar(self.year, week, weekday + 1)


@dataclass(frozen=True, order=True)
class AgreementYear:
    """An agreement period, 1 April to 31 March: the year the obligations (six groups, four places) count in."""

    start_year: int

    @property
    def starts_on(self) -> dt.date:
        return dt.date(self.start_year, 4, 1)

    @property
    def ends_on(self) -> dt.date:
        return dt.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}/{self.start_year + 1}"

    @property
    def terms(self) -> tuple[Term, Term]:
        return Term(self.start_year, autumn=True), Term(self.start_year + 1, autumn=False)

    @property
    def halves(self) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
        """The two follow-up periods: April–September and October–March."""
        y = self.start_year
        return (dt.date(y, 4, 1), dt.date(y, 9, 30)), (dt.date(y, 10, 1), dt.date(y + 1, 3, 31))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.starts_on <= day <= self.ends_on


def agreement_year_of(day: dt.date) -> AgreementYear:
    return AgreementYear(day.year if day.month >= 4 else day.year - 1)


def covered_years(today: dt.date, years: int) -> list[AgreementYear]:
    """The agreement years the demo fills: ``years`` of them ending with today's.

    Once today's year has reached its spring term, the next year is planned too, so there is always
    something ahead to look at.
    """
    current = agreement_year_of(today)
    last = current.start_year + (1 if today.month < 4 else 0)
    return [AgreementYear(start) for start in range(current.start_year - years + 1, last + 1)]


def school_breaks(first_year: int, last_year: int) -> list[ProposedBreak]:
    """Sportlov (week 8), påsklov, höstlov and jullov of each calendar year: the program's usual proposals."""
    breaks: list[ProposedBreak] = []
    for year in range(first_year, last_year + 1):
        breaks.extend((sports_break(year), easter_break(year), autumn_break(year), christmas_break(year)))
    return breaks


def public_holidays(first_year: int, last_year: int) -> set[dt.date]:
    """Sweden's public holidays; Sundays are left out (the package can list every Sunday as one)."""
    calendar = holidays.country_holidays("SE", years=range(first_year, last_year + 1), include_sundays=False)
    return set(calendar.keys())


class SessionCalendar:
    """Knows which days a weekly group can meet on: not a public holiday, not in a school break."""

    def __init__(self, breaks: list[ProposedBreak], holiday_dates: set[dt.date]) -> None:
        self._closed = set(holiday_dates)
        for school_break in breaks:
            day = school_break.starts_on
            while day <= school_break.ends_on:
                self._closed.add(day)
                day += dt.timedelta(days=1)

    def is_open(self, day: dt.date) -> bool:
        return day not in self._closed

    def weekly_dates(self, first: dt.date, count: int = SESSIONS_PER_GROUP) -> list[dt.date]:
        """``count`` dates a week apart from ``first``, stepping over closed days."""
        dates: list[dt.date] = []
        day = first
        while len(dates) < count:
            if self.is_open(day):
                dates.append(day)
            day += dt.timedelta(days=7)
        return dates
