"""The Swedish school year and its usual breaks, as the program proposes them for the coordinator to confirm.

Schools set their own breaks, so nothing here is saved by itself: these are proposals. Höstlov is week 44
everywhere in Sweden; jullov runs over Christmas and New Year; sportlov lies in one of weeks 7–10 by
region (Linköping, like the rest of Östergötland, has week 8); påsklov follows Easter, which moves.
"""

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from biv_desktop.domain.errors import ValidationError

AUTUMN_BREAK_WEEK = 44
# The weeks a sportlov can be chosen in: Swedish regions spread it over weeks 7–10; one either side is allowed.
SPORTS_BREAK_WEEKS = range(6, 12)
LINKOPING_SPORTS_BREAK_WEEK = 8
# Jullov as most schools in Linköping have it: from just before Christmas until after Trettondedag jul.
CHRISTMAS_BREAK_STARTS = (12, 20)
CHRISTMAS_BREAK_ENDS = (1, 8)
# A school year counts from the summer: July belongs to the year that starts in August.
SCHOOL_YEAR_STARTS_MONTH = 7
# From May the autumn's groups are being planned, so the coming school year is the one to set up.
PLANNING_AHEAD_FROM_MONTH = 5


class BreakKind(Enum):
    """The four school breaks of a year, in the order they come."""

    AUTUMN = "höstlov"
    CHRISTMAS = "jullov"
    SPORTS = "sportlov"
    EASTER = "påsklov"


@dataclass(frozen=True, order=True)
class SchoolYear:
    """A school year, autumn term of ``start_year`` and spring term of the year after."""

    start_year: int

    @property
    def label(self) -> str:
        """E.g. '2026/27'."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def starts_on(self) -> dt.date:
        return dt.date(self.start_year, SCHOOL_YEAR_STARTS_MONTH, 1)

    @property
    def ends_on(self) -> dt.date:
        return dt.date(self.start_year + 1, SCHOOL_YEAR_STARTS_MONTH, 1) - dt.timedelta(days=1)

    def overlaps(self, starts_on: dt.date, ends_on: dt.date) -> bool:
        """Whether a period from ``starts_on`` to ``ends_on`` has a day in this school year."""
        return starts_on <= self.ends_on and ends_on >= self.starts_on

    def next(self) -> "SchoolYear":
        return SchoolYear(self.start_year + 1)


def school_year_of(day: dt.date) -> SchoolYear:
    """The school year a day belongs to; from July on, the one starting that autumn."""
    return SchoolYear(day.year if day.month >= SCHOOL_YEAR_STARTS_MONTH else day.year - 1)


def planning_school_year(today: dt.date) -> SchoolYear:
    """The school year whose breaks matter for planning now: today's, or from May on the coming one."""
    current = school_year_of(today)
    return current.next() if PLANNING_AHEAD_FROM_MONTH <= today.month < SCHOOL_YEAR_STARTS_MONTH else current


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


@dataclass(frozen=True)
class ProposedBreak:
    """A school break the program suggests; ``basis`` says in Swedish what the dates were taken from."""

    kind: BreakKind
    name: str
    starts_on: dt.date
    ends_on: dt.date
    basis: str


# Easter Sunday falls between 22 March and 25 April.
_MONTHS = {3: "mars", 4: "april"}


def _iso_week(year: int, week: int) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of an ISO week."""
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def autumn_break(year: int) -> ProposedBreak:
    """Höstlov: week 44 of ``year``, Monday to Sunday."""
    return ProposedBreak(
        BreakKind.AUTUMN, f"Höstlov {year}", *_iso_week(year, AUTUMN_BREAK_WEEK), f"vecka {AUTUMN_BREAK_WEEK}"
    )


def christmas_break(year: int) -> ProposedBreak:
    """Jullov: from 20 December of ``year`` to 8 January of the year after."""
    return ProposedBreak(
        BreakKind.CHRISTMAS,
        f"Jullov {year}/{year + 1}",
        dt.date(year, *CHRISTMAS_BREAK_STARTS),
        dt.date(year + 1, *CHRISTMAS_BREAK_ENDS),
        "jul och nyår, till och med dagen efter trettondedag jul",
    )


def sports_break(year: int, week: int = LINKOPING_SPORTS_BREAK_WEEK) -> ProposedBreak:
    """Sportlov: the chosen week of ``year``, Monday to Sunday."""
    if week not in SPORTS_BREAK_WEEKS:
        raise ValidationError(
            "sports_week",
            f"Sportlovet ligger i vecka {SPORTS_BREAK_WEEKS.start}–{SPORTS_BREAK_WEEKS.stop - 1}. Välj en av dem.",
        )
    return ProposedBreak(BreakKind.SPORTS, f"Sportlov {year}", *_iso_week(year, week), f"vecka {week}")


def easter_break(year: int) -> ProposedBreak:
    """Påsklov: the week after Easter, from Annandag påsk to the Sunday after."""
    easter = easter_sunday(year)
    monday = easter + dt.timedelta(days=1)
    return ProposedBreak(
        BreakKind.EASTER,
        f"Påsklov {year}",
        monday,
        monday + dt.timedelta(days=6),
        f"veckan efter påsk (påskdagen är {easter.day} {_MONTHS[easter.month]})",
    )


def usual_breaks(
    school_year: SchoolYear, sports_week: int = LINKOPING_SPORTS_BREAK_WEEK
) -> list[ProposedBreak]:
    """The school year's four usual breaks in date order: höstlov, jullov, sportlov and påsklov."""
    spring = school_year.start_year + 1
    return [
        autumn_break(school_year.start_year),
        christmas_break(school_year.start_year),
        sports_break(spring, sports_week),
        easter_break(spring),
    ]
