"""The days no session is held: Swedish public holidays and the break weeks the coordinator marks."""

import bisect
import datetime as dt
import functools
import importlib.util
import itertools
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol, cast

from biv_desktop.domain.errors import ValidationError

if TYPE_CHECKING:
    from holidays import HolidayBase

# The `holidays` package can list every Sunday of the year as "Söndag" (the Swedish law counts Sundays as
# holidays). Groups may meet on Sundays, so a Sunday is only a day off when it is also a named holiday.
SUNDAY_NAME = "Söndag"


class HolidayCalendar(Protocol):
    """Anything that names the holiday on a date, or says there is none."""

    def holiday_on(self, day: dt.date) -> str | None: ...


@functools.cache
def _swedish_year(year: int) -> Mapping[dt.date, str]:
    """One year's days off by their Swedish names, computed once per year and shared read-only."""
    # Imported here, when a date is first checked: the package is large and the window's start needs none.
    from holidays.constants import DE_FACTO, PUBLIC

    calendar = _sweden()(years=year, language="sv", categories=(PUBLIC, DE_FACTO), include_sundays=False)
    named: dict[dt.date, str] = {}
    for day in sorted(calendar):
        # Filtered by name as well as by the option, because the option's default has changed between releases.
        names = [name for name in calendar.get_list(day) if name != SUNDAY_NAME]
        if names:
            named[day] = ", ".join(names)
    return MappingProxyType(named)


_SWEDEN_MODULE = "biv_desktop.domain.schedule._holidays_sweden"


@functools.cache
def _sweden() -> Callable[..., "HolidayBase"]:
    """The package's Swedish calendar, loaded by itself where the package lies in plain files.

    Importing it the usual way (``country_holidays("SE")``, or ``holidays.countries.sweden``) first runs
    ``holidays.countries``, which imports all of the package's 250 countries: 160 of the 210 ms the schedule
    page's first showing spent on holidays. The Swedish module needs none of them, only the package's core.
    Where it cannot be found as a file (a frozen program) or the countries are imported already, or loading
    it alone fails, the usual way is taken.
    """
    import holidays

    source = Path(holidays.__file__).parent / "countries" / "sweden.py"
    if "holidays.countries" not in sys.modules and source.is_file():
        # Under a name of its own, so the package's holidays.countries.sweden stays the package's to import.
        spec = importlib.util.spec_from_file_location(_SWEDEN_MODULE, source)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            sys.modules[_SWEDEN_MODULE] = module
            try:
                spec.loader.exec_module(module)
                return cast(Callable[..., "HolidayBase"], module.Sweden)
            except (ImportError, AttributeError):
                del sys.modules[_SWEDEN_MODULE]
    return functools.partial(holidays.country_holidays, "SE")


@dataclass(frozen=True)
class SwedishHolidays:
    """The Swedish days off, by their Swedish names: the statutory public holidays and three eves.

    Midsommarafton, Julafton and Nyårsafton are not public holidays in law, but the annual leave act treats
    them as Sundays and hardly anyone (children, leaders, interpreters, caretakers) is available then, so they
    count as days off here. Ordinary Sundays do not: a group may meet on a Sunday.
    """

    def holiday_on(self, day: dt.date) -> str | None:
        return _swedish_year(day.year).get(day)

    def between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """Every day off from `first` to `last` inclusive, in date order, e.g. for a list in the settings."""
        return [
            (day, name)
            for year in range(first.year, last.year + 1)
            for day, name in _swedish_year(year).items()
            if first <= day <= last
        ]


SWEDISH_HOLIDAYS = SwedishHolidays()


@dataclass(frozen=True)
class BreakWeek:
    """A break the coordinator marks (a school holiday, say): no sessions from `starts_on` to `ends_on`."""

    name: str
    starts_on: dt.date
    ends_on: dt.date

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise ValidationError("ends_on", "Uppehållet måste sluta samma dag som det börjar eller senare.")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.starts_on <= day <= self.ends_on

    @property
    def title(self) -> str:
        """The break's name, or a plain word when the coordinator left it empty."""
        return self.name.strip() or "Uppehåll"

    @property
    def label(self) -> str:
        """E.g. 'Påsklov (2026-03-30–2026-04-05)'."""
        return f"{self.title} ({self.starts_on.isoformat()}–{self.ends_on.isoformat()})"


class DaysOff:
    """Holidays and break weeks together, answering quickly whether a day is off and why."""

    __slots__ = ("_breaks", "_holidays", "_reach", "_starts")

    def __init__(
        self, holidays: HolidayCalendar = SWEDISH_HOLIDAYS, breaks: Iterable[BreakWeek] = ()
    ) -> None:
        self._holidays = holidays
        self._breaks = tuple(sorted(breaks, key=lambda item: (item.starts_on, item.ends_on)))
        self._starts = [item.starts_on for item in self._breaks]
        # The latest end among the breaks up to each index: lets a lookup stop early when breaks overlap.
        self._reach = list(itertools.accumulate((item.ends_on for item in self._breaks), max))

    def holiday_on(self, day: dt.date) -> str | None:
        """The name of the holiday on `day`, if it is one."""
        return self._holidays.holiday_on(day)

    def break_on(self, day: dt.date) -> BreakWeek | None:
        """The break week `day` falls in (the latest-starting one if breaks overlap), if any."""
        index = bisect.bisect_right(self._starts, day) - 1
        while index >= 0 and self._reach[index] >= day:
            if self._breaks[index].ends_on >= day:
                return self._breaks[index]
            index -= 1
        return None

    def reason(self, day: dt.date) -> str | None:
        """Why no session is held on `day` (a holiday's or a break's name), or None if the day is free."""
        holiday = self.holiday_on(day)
        if holiday is not None:
            return holiday
        found = self.break_on(day)
        return found.title if found is not None else None
