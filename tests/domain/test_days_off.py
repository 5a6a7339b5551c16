"""Swedish holidays and break weeks: which days no session is held on, and why."""

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.days_off import SUNDAY_NAME, SWEDISH_HOLIDAYS, BreakWeek, DaysOff


def test_the_2026_days_off_are_the_public_holidays_and_the_three_eves() -> None:
    days = dict(SWEDISH_HOLIDAYS.between(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))

    assert days == {
        dt.date(2026, 1, 1): "Nyårsdagen",
        dt.date(2026, 1, 6): "Trettondedag jul",
        dt.date(2026, 4, 3): "Långfredagen",
        dt.date(2026, 4, 5): "Påskdagen",
        dt.date(2026, 4, 6): "Annandag påsk",
        dt.date(2026, 5, 1): "Första maj",
        dt.date(2026, 5, 14): "Kristi himmelsfärdsdag",
        dt.date(2026, 5, 24): "Pingstdagen",
        dt.date(2026, 6, 6): "Nationaldagen",
        dt.date(2026, 6, 19): "Midsommarafton",
        dt.date(2026, 6, 20): "Midsommardagen",
        dt.date(2026, 10, 31): "Alla helgons dag",
        dt.date(2026, 12, 24): "Julafton",
        dt.date(2026, 12, 25): "Juldagen",
        dt.date(2026, 12, 26): "Annandag jul",
        dt.date(2026, 12, 31): "Nyårsafton",
    }


def test_an_ordinary_sunday_is_not_a_holiday() -> None:
    assert SWEDISH_HOLIDAYS.holiday_on(dt.date(2026, 3, 1)) is None
    assert SWEDISH_HOLIDAYS.holiday_on(dt.date(2027, 9, 12)) is None


def test_a_holiday_on_a_sunday_is_named_without_the_word_sunday() -> None:
    assert SWEDISH_HOLIDAYS.holiday_on(dt.date(2026, 4, 5)) == "Påskdagen"
    assert SWEDISH_HOLIDAYS.holiday_on(dt.date(2027, 6, 6)) == "Nationaldagen"


# The days off that can fall on a Sunday; a fixed weekday (Långfredagen, Midsommarafton ...) never does.
SUNDAY_CAPABLE = {
    "Påskdagen",
    "Pingstdagen",
    "Nationaldagen",
    "Julafton",
    "Juldagen",
    "Annandag jul",
    "Nyårsafton",
    "Nyårsdagen",
    "Trettondedag jul",
    "Första maj",
}


def test_no_sunday_in_a_century_is_off_just_for_being_a_sunday() -> None:
    sunday = dt.date(2000, 1, 2)
    while sunday.year <= 2100:
        name = SWEDISH_HOLIDAYS.holiday_on(sunday)
        if name is not None:
            assert set(name.split(", ")) <= SUNDAY_CAPABLE, (sunday, name)
        sunday += dt.timedelta(weeks=1)


def test_between_spans_years_in_date_order() -> None:
    days = SWEDISH_HOLIDAYS.between(dt.date(2026, 12, 20), dt.date(2027, 1, 10))

    assert days == [
        (dt.date(2026, 12, 24), "Julafton"),
        (dt.date(2026, 12, 25), "Juldagen"),
        (dt.date(2026, 12, 26), "Annandag jul"),
        (dt.date(2026, 12, 31), "Nyårsafton"),
        (dt.date(2027, 1, 1), "Nyårsdagen"),
        (dt.date(2027, 1, 6), "Trettondedag jul"),
    ]


def test_a_break_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as raised:
        BreakWeek("Sportlov", dt.date(2026, 2, 27), dt.date(2026, 2, 23))

    assert raised.value.field == "ends_on"


def test_a_break_covers_its_first_and_last_day() -> None:
    sportlov = BreakWeek("Sportlov", dt.date(2026, 2, 23), dt.date(2026, 2, 27))

    assert dt.date(2026, 2, 23) in sportlov
    assert dt.date(2026, 2, 27) in sportlov
    assert dt.date(2026, 2, 28) not in sportlov
    assert sportlov.label == "Sportlov (2026-02-23–2026-02-27)"


def test_a_holiday_is_the_reason_before_a_break() -> None:
    days_off = DaysOff(breaks=[BreakWeek("Jullov", dt.date(2026, 12, 21), dt.date(2027, 1, 8))])

    assert days_off.reason(dt.date(2026, 12, 24)) == "Julafton"
    assert days_off.reason(dt.date(2026, 12, 22)) == "Jullov"
    assert days_off.reason(dt.date(2027, 1, 11)) is None


def test_an_unnamed_break_still_gives_a_reason() -> None:
    days_off = DaysOff(breaks=[BreakWeek("  ", dt.date(2026, 2, 23), dt.date(2026, 2, 27))])

    assert days_off.reason(dt.date(2026, 2, 24)) == "Uppehåll"


BASE = dt.date(2026, 1, 1)


@st.composite
def break_weeks(draw: st.DrawFn) -> BreakWeek:
    start = BASE + dt.timedelta(days=draw(st.integers(0, 120)))
    return BreakWeek(
        draw(st.sampled_from(["Sportlov", "Påsklov", ""])),
        start,
        start + dt.timedelta(draw(st.integers(0, 40))),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(break_weeks(), max_size=8), st.integers(-5, 170))
def test_break_lookup_agrees_with_checking_every_break(breaks: list[BreakWeek], offset: int) -> None:
    day = BASE + dt.timedelta(days=offset)

    found = DaysOff(breaks=breaks).break_on(day)

    containing = [item for item in breaks if item.starts_on <= day <= item.ends_on]
    if containing:
        assert found in containing
    else:
        assert found is None


FRESH_PROCESS = """
import datetime as dt, json, sys
from biv_desktop.domain.schedule.days_off import SWEDISH_HOLIDAYS
days = SWEDISH_HOLIDAYS.between(dt.date(1990, 1, 1), dt.date(2060, 12, 31))
countries = "holidays.countries" in sys.modules
import holidays.countries  # the package's own way still works after
usual = holidays.countries.sweden.Sweden(years=2026, language="sv").get(dt.date(2026, 12, 25))
print(json.dumps({"countries": countries, "usual": usual, "days": [[d.isoformat(), n] for d, n in days]}))
"""


def test_a_fresh_process_names_the_same_days_off_without_importing_every_countrys_calendar() -> None:
    # The Swedish calendar is loaded by itself (the package's 250 countries took most of the schedule page's
    # first showing); the days and names must be those the package gives the usual way.
    from holidays import country_holidays
    from holidays.constants import DE_FACTO, PUBLIC

    fresh = json.loads(
        subprocess.run(
            [sys.executable, "-c", FRESH_PROCESS], capture_output=True, text=True, check=True
        ).stdout
    )
    usual = country_holidays(
        "SE", years=range(1990, 2061), language="sv", categories=(PUBLIC, DE_FACTO), include_sundays=False
    )
    expected = []
    for day in sorted(usual):
        names = [name for name in usual.get_list(day) if name != SUNDAY_NAME]
        if names:
            expected.append([day.isoformat(), ", ".join(names)])
    assert fresh["countries"] is False
    assert fresh["usual"] == "Juldagen"
    assert fresh["days"] == expected
    assert ["2026-06-19", "Midsommarafton"] in expected
