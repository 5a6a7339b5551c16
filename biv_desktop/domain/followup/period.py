"""Follow-up periods: the date range a report covers, agreement years, their halves and pro-rating.

The agreement runs in agreement years counted from its first day (1 April to 31 March in the seed). The
municipality follows up at least every half year, so the report's default periods are the two halves of
the agreement year that today falls in: from the year's first day six months on, and the rest.
"""

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from biv_desktop.domain.errors import ValidationError

HALF_YEAR_MONTHS = 6


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive range of days, first to last."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValidationError(
                "period",
                f"Periodens första dag ({self.first.isoformat()}) ligger efter dess sista dag "
                f"({self.last.isoformat()}). Byt plats på datumen.",
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    @property
    def days(self) -> int:
        """How many days the period has, both ends included."""
        return (self.last - self.first).days + 1

    def overlap_days(self, other: "Period") -> int:
        """How many days this period shares with another."""
        first, last = max(self.first, other.first), min(self.last, other.last)
        return max(0, (last - first).days + 1)

    @property
    def label(self) -> str:
        """The period the Swedish way, e.g. '2024-04-01 – 2024-09-30'."""
        return f"{self.first.isoformat()} – {self.last.isoformat()}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day some months later (or earlier), the last day of the month where that day is missing."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def agreement_years(starts_on: dt.date, ends_on: dt.date) -> list[tuple[Period, int]]:
    """The agreement's years, counted from its first day, each with the day count of a whole year.

    The last year is cut at the agreement's end; its whole-year length is kept beside it, so that a
    yearly obligation is pro-rated over a real year and a short tail gets a share that fits its length.
    """
    years: list[tuple[Period, int]] = []
    number = 0
    while True:
        first = add_months(starts_on, 12 * number)
        if first > ends_on:
            return years
        whole_last = add_months(starts_on, 12 * (number + 1)) - dt.timedelta(days=1)
        years.append((Period(first, min(whole_last, ends_on)), (whole_last - first).days + 1))
        number += 1


def pro_rated(per_year: int, starts_on: dt.date, ends_on: dt.date, period: Period) -> float:
    """A yearly number's share for the part of the period the agreement covers, day by day.

    E.g. six groups a year over the half year 1 April – 30 September of a 1 April – 31 March year:
    6 × 183 / 365 ≈ 3.0. Days the agreement does not cover add nothing.
    """
    return sum(
        per_year * year.overlap_days(period) / length for year, length in agreement_years(starts_on, ends_on)
    )


def _halves(year: Period) -> list[Period]:
    middle = add_months(year.first, HALF_YEAR_MONTHS)
    if middle > year.last:
        return [year]
    return [Period(year.first, middle - dt.timedelta(days=1)), Period(middle, year.last)]


def default_halves(agreements: Sequence[tuple[dt.date, dt.date]], today: dt.date) -> list[Period]:
    """The halves of the agreement year today falls in: the periods a follow-up report offers first.

    With an agreement running today, its agreement year that holds today. Without one (the agreement has
    run out and the next is not yet entered), the latest earlier agreement's years are carried on to today,
    since agreements are extended period by period on the same dates. With no agreement at all, the halves
    of the calendar year.
    """
    for starts_on, ends_on in sorted(agreements, reverse=True):
        if starts_on <= today <= ends_on:
            for year, _length in agreement_years(starts_on, ends_on):
                if today in year:
                    return _halves(year)
    earlier = [starts_on for starts_on, _ends_on in agreements if starts_on <= today]
    if earlier:
        anchor = max(earlier)
        years = today.year - anchor.year - 1
        while add_months(anchor, 12 * (years + 1)) <= today:
            years += 1
        first = add_months(anchor, 12 * years)
        return _halves(Period(first, add_months(first, 12) - dt.timedelta(days=1)))
    return _halves(Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)))
