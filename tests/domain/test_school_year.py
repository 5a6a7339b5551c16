"""The school year and the breaks the program proposes for it."""

import datetime as dt

import holidays
import pytest

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.school_year import (
    BreakKind,
    SchoolYear,
    easter_sunday,
    planning_school_year,
    school_year_of,
    sports_break,
    usual_breaks,
)


def test_easter_is_computed_as_the_holiday_calendar_has_it() -> None:
    for year in range(2000, 2060):
        calendar = holidays.country_holidays("SE", years=year, language="en_US")
        good_friday = next(day for day, name in calendar.items() if name == "Good Friday")
        assert easter_sunday(year) == good_friday + dt.timedelta(days=2)


@pytest.mark.parametrize(
    ("day", "start_year"),
    [
        (dt.date(2026, 6, 30), 2025),
        (dt.date(2026, 7, 1), 2026),
        (dt.date(2026, 12, 31), 2026),
        (dt.date(2027, 1, 1), 2026),
        (dt.date(2027, 3, 15), 2026),
    ],
)
def test_a_school_year_runs_from_july_to_june(day: dt.date, start_year: int) -> None:
    year = school_year_of(day)
    assert year == SchoolYear(start_year)
    assert year.starts_on <= day <= year.ends_on


@pytest.mark.parametrize(
    ("day", "start_year"),
    [
        (dt.date(2027, 4, 30), 2026),
        (dt.date(2027, 5, 1), 2027),
        (dt.date(2027, 6, 30), 2027),
        (dt.date(2027, 7, 1), 2027),
        (dt.date(2027, 12, 1), 2027),
    ],
)
def test_from_may_the_coming_school_year_is_planned(day: dt.date, start_year: int) -> None:
    assert planning_school_year(day) == SchoolYear(start_year)


def test_school_year_label_and_bounds() -> None:
    year = SchoolYear(2026)
    assert year.label == "2026/27"
    assert SchoolYear(2099).label == "2099/00"
    assert (year.starts_on, year.ends_on) == (dt.date(2026, 7, 1), dt.date(2027, 6, 30))
    assert year.next() == SchoolYear(2027)
    assert year.overlaps(dt.date(2026, 6, 29), dt.date(2026, 7, 1))
    assert not year.overlaps(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert not year.overlaps(dt.date(2027, 7, 1), dt.date(2027, 7, 9))


def test_the_usual_breaks_of_2026_27() -> None:
    breaks = usual_breaks(SchoolYear(2026))
    assert [item.kind for item in breaks] == [
        BreakKind.AUTUMN,
        BreakKind.CHRISTMAS,
        BreakKind.SPORTS,
        BreakKind.EASTER,
    ]
    autumn, christmas, sports, easter = breaks
    # Week 44 of 2026 is 26 October – 1 November.
    assert (autumn.name, autumn.starts_on, autumn.ends_on) == (
        "Höstlov 2026",
        dt.date(2026, 10, 26),
        dt.date(2026, 11, 1),
    )
    assert (christmas.name, christmas.starts_on, christmas.ends_on) == (
        "Jullov 2026/2027",
        dt.date(2026, 12, 20),
        dt.date(2027, 1, 8),
    )
    # Week 8 of 2027 is 22–28 February.
    assert (sports.name, sports.starts_on, sports.ends_on) == (
        "Sportlov 2027",
        dt.date(2027, 2, 22),
        dt.date(2027, 2, 28),
    )
    # Easter Sunday 2027 is 28 March: påsklov from Annandag påsk, 29 March, to 4 April.
    assert (easter.name, easter.starts_on, easter.ends_on) == (
        "Påsklov 2027",
        dt.date(2027, 3, 29),
        dt.date(2027, 4, 4),
    )
    assert "28 mars" in easter.basis
    assert all(SchoolYear(2026).overlaps(item.starts_on, item.ends_on) for item in breaks)


@pytest.mark.parametrize("start_year", range(2020, 2045))
def test_every_proposal_is_a_whole_week_or_more_in_its_school_year_and_in_order(start_year: int) -> None:
    breaks = usual_breaks(SchoolYear(start_year), sports_week=10)
    for item in breaks:
        assert item.ends_on >= item.starts_on + dt.timedelta(days=6)
        assert SchoolYear(start_year).starts_on <= item.starts_on <= SchoolYear(start_year).ends_on
    assert [item.starts_on for item in breaks] == sorted(item.starts_on for item in breaks)
    # Påsklov starts on Annandag påsk, a public holiday.
    calendar = holidays.country_holidays("SE", years=start_year + 1, language="en_US")
    assert calendar.get(breaks[-1].starts_on) == "Easter Monday"


def test_sportlov_is_the_chosen_week() -> None:
    assert sports_break(2027, 7).starts_on == dt.date(2027, 2, 15)
    assert sports_break(2027, 10).starts_on.isocalendar()[1] == 10
    assert sports_break(2027, 10).starts_on.weekday() == 0
    assert "vecka 10" in sports_break(2027, 10).basis


@pytest.mark.parametrize("week", [0, 5, 12, 53])
def test_a_sportlov_outside_weeks_6_to_11_is_refused_in_swedish(week: int) -> None:
    with pytest.raises(ValidationError, match="Sportlovet ligger i vecka 6–11") as raised:
        sports_break(2027, week)
    assert raised.value.field == "sports_week"
