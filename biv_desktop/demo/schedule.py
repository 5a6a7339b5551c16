"""The demo's calendar: agreement years, school terms, school breaks and weekly session dates."""

import datetime as dt
from dataclasses import dataclass

import holidays

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


@dataclass(frozen=True)
class SchoolBreak:
    """A school holiday the coordinator marks so that no session falls in it."""

    name: str
    starts_on: dt.date
    ends_on: dt.date


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon_correction = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday_offset = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    late = (golden + 11 * epact + 22 * weekday_offset) // 451
    month, day = divmod(epact + weekday_offset - 7 * late + 114, 31)
    return dt.date(year, month, day + 1)


def _iso_week(year: int, week: int) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def school_breaks(first_year: int, last_year: int) -> list[SchoolBreak]:
    """Sportlov (week 8), påsklov (the week after Easter), höstlov (week 44) and jullov for each year."""
    breaks: list[SchoolBreak] = []
    for year in range(first_year, last_year + 1):
        easter_monday = easter_sunday(year) + dt.timedelta(days=1)
        breaks.append(SchoolBreak(f"Sportlov {year}", *_iso_week(year, 8)))
        breaks.append(SchoolBreak(f"Påsklov {year}", easter_monday, easter_monday + dt.timedelta(days=6)))
        breaks.append(SchoolBreak(f"Höstlov {year}", *_iso_week(year, 44)))
        breaks.append(
            SchoolBreak(f"Jullov {year}/{year + 1}", dt.date(year, 12, 20), dt.date(year + 1, 1, 8))
        )
    return breaks


def public_holidays(first_year: int, last_year: int) -> set[dt.date]:
    """Sweden's public holidays; Sundays are left out (the package can list every Sunday as one)."""
    calendar = holidays.country_holidays("SE", years=range(first_year, last_year + 1), include_sundays=False)
    return set(calendar.keys())


class SessionCalendar:
    """Knows which days a weekly group can meet on: not a public holiday, not in a school break."""

    def __init__(self, breaks: list[SchoolBreak], holiday_dates: set[dt.date]) -> None:
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
