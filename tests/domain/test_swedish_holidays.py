"""The days off are worked out from the calendar rules; they agree with the `holidays` package (which the
demo data uses) on every day and name from 1990 to 2100, the years a register can plan in."""

import datetime as dt

import holidays
from holidays.constants import DE_FACTO, PUBLIC

from biv_desktop.domain.schedule.swedish_holidays import easter_sunday, swedish_days_off


def from_the_package(year: int) -> dict[dt.date, str]:
    calendar = holidays.country_holidays(
        "SE", years=year, language="sv", categories=(PUBLIC, DE_FACTO), include_sundays=False
    )
    named = {day: ", ".join(name for name in calendar.get_list(day) if name != "Söndag") for day in calendar}
    return {day: name for day, name in sorted(named.items()) if name}


def test_every_year_a_register_plans_in_agrees_with_the_holidays_package() -> None:
    differing = [year for year in range(1990, 2101) if swedish_days_off(year) != from_the_package(year)]
    assert differing == []


def test_easter_falls_where_the_church_calendar_puts_it() -> None:
    assert easter_sunday(2026) == dt.date(2026, 4, 5)
    assert easter_sunday(2038) == dt.date(2038, 4, 25)  # the latest possible
    assert easter_sunday(2285) == dt.date(2285, 3, 22)  # the earliest possible


def test_two_holidays_on_one_day_keep_both_names() -> None:
    assert swedish_days_off(2008)[dt.date(2008, 5, 1)] == "Första maj, Kristi himmelsfärdsdag"
    assert swedish_days_off(2049)[dt.date(2049, 6, 6)] == "Nationaldagen, Pingstdagen"


def test_whit_monday_was_a_holiday_until_national_day_took_its_place() -> None:
    assert "Annandag pingst" in swedish_days_off(2004).values()
    assert "Nationaldagen" not in swedish_days_off(2004).values()
    assert "Annandag pingst" not in swedish_days_off(2005).values()
    assert swedish_days_off(2005)[dt.date(2005, 6, 6)] == "Nationaldagen"
