"""Planning a group's sessions: weekly dates around Swedish holidays and break weeks, and their themes."""

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.days_off import SWEDISH_HOLIDAYS, BreakWeek
from biv_desktop.domain.schedule.plan import (
    PlannedSession,
    SkippedDate,
    assign_themes,
    end_time_after,
    plan_sessions,
)

MONDAY, TUESDAY, THURSDAY, FRIDAY, SUNDAY = 0, 1, 3, 4, 6
FIVE_PM = dt.time(17, 0)


def dates(sessions: list[PlannedSession]) -> list[dt.date]:
    return [session.date for session in sessions]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# Examples the coordinator would check by hand -------------------------------------------------------------


def test_a_monday_group_starting_before_easter_skips_easter_monday() -> None:
    sessions = plan_sessions(d("2026-03-30"), MONDAY, FIVE_PM)

    assert dates(sessions) == [
        d(day)
        for day in (
            "2026-03-30", "2026-04-13", "2026-04-20", "2026-04-27", "2026-05-04", "2026-05-11", "2026-05-18",
            "2026-05-25", "2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29", "2026-07-06",
        )
    ]  # fmt: skip
    assert [session.number for session in sessions] == list(range(1, 15))
    assert sessions[1].skipped == (SkippedDate(d("2026-04-06"), "Annandag påsk"),)
    assert sessions[1].skipped[0].description == "2026-04-06 hoppas över: Annandag påsk"
    assert all(not session.skipped for session in sessions if session.number != 2)


def test_a_friday_group_skips_good_friday_may_day_and_midsummer_eve() -> None:
    sessions = plan_sessions(d("2026-03-27"), FRIDAY, FIVE_PM)

    assert dates(sessions) == [
        d(day)
        for day in (
            "2026-03-27", "2026-04-10", "2026-04-17", "2026-04-24", "2026-05-08", "2026-05-15", "2026-05-22",
            "2026-05-29", "2026-06-05", "2026-06-12", "2026-06-26", "2026-07-03", "2026-07-10", "2026-07-17",
        )
    ]  # fmt: skip
    skipped = [skip.description for session in sessions for skip in session.skipped]
    assert skipped == [
        "2026-04-03 hoppas över: Långfredagen",
        "2026-05-01 hoppas över: Första maj",
        "2026-06-19 hoppas över: Midsommarafton",
    ]


def test_a_thursday_group_skips_ascension_day() -> None:
    sessions = plan_sessions(d("2026-04-23"), THURSDAY, FIVE_PM, count=6)

    assert dates(sessions) == [
        d("2026-04-23"), d("2026-04-30"), d("2026-05-07"), d("2026-05-21"), d("2026-05-28"), d("2026-06-04"),
    ]  # fmt: skip
    assert sessions[3].skipped == (SkippedDate(d("2026-05-14"), "Kristi himmelsfärdsdag"),)


def test_a_tuesday_group_waits_out_the_autumn_break_and_the_christmas_holidays() -> None:
    breaks = [
        BreakWeek("Höstlov", d("2026-10-26"), d("2026-10-30")),
        BreakWeek("Jullov", d("2026-12-21"), d("2027-01-08")),
    ]

    sessions = plan_sessions(d("2026-10-19"), TUESDAY, dt.time(16, 30), breaks=breaks)

    assert dates(sessions) == [
        d(day)
        for day in (
            "2026-10-20", "2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01", "2026-12-08",
            "2026-12-15", "2027-01-12", "2027-01-19", "2027-01-26", "2027-02-02", "2027-02-09", "2027-02-16",
        )
    ]  # fmt: skip
    assert sessions[1].skipped == (SkippedDate(d("2026-10-27"), "Höstlov"),)
    assert sessions[8].skipped == (
        SkippedDate(d("2026-12-22"), "Jullov"),
        SkippedDate(d("2026-12-29"), "Jullov"),
        SkippedDate(d("2027-01-05"), "Jullov"),
    )


def test_christmas_eve_and_new_years_eve_are_days_off() -> None:
    sessions = plan_sessions(d("2026-12-17"), THURSDAY, FIVE_PM, count=2)

    assert dates(sessions) == [d("2026-12-17"), d("2027-01-07")]
    assert [skip.reason for skip in sessions[1].skipped] == ["Julafton", "Nyårsafton"]


def test_a_sunday_group_meets_on_sundays_except_holidays() -> None:
    sessions = plan_sessions(d("2026-03-01"), SUNDAY, dt.time(13, 0))

    assert dates(sessions) == [
        d(day)
        for day in (
            "2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29", "2026-04-12", "2026-04-19",
            "2026-04-26", "2026-05-03", "2026-05-10", "2026-05-17", "2026-05-31", "2026-06-07", "2026-06-14",
        )
    ]  # fmt: skip
    assert [skip.reason for session in sessions for skip in session.skipped] == ["Påskdagen", "Pingstdagen"]


def test_the_first_session_is_the_first_matching_weekday_on_or_after_the_start() -> None:
    # 2026-03-04 is a Wednesday; the group meets on Mondays.
    sessions = plan_sessions(d("2026-03-04"), MONDAY, FIVE_PM, count=1)

    assert dates(sessions) == [d("2026-03-09")]


def test_a_first_session_on_a_holiday_moves_a_week() -> None:
    sessions = plan_sessions(d("2026-04-06"), MONDAY, FIVE_PM, count=2)

    assert dates(sessions) == [d("2026-04-13"), d("2026-04-20")]
    assert sessions[0].skipped == (SkippedDate(d("2026-04-06"), "Annandag påsk"),)


def test_sessions_last_two_hours_unless_told_otherwise() -> None:
    default = plan_sessions(d("2026-03-02"), MONDAY, FIVE_PM, count=1)[0]
    custom = plan_sessions(d("2026-03-02"), MONDAY, FIVE_PM, dt.time(18, 30), count=1)[0]

    assert (default.start_time, default.end_time) == (dt.time(17, 0), dt.time(19, 0))
    assert custom.end_time == dt.time(18, 30)


def test_end_time_after_adds_the_length() -> None:
    assert end_time_after(dt.time(15, 45)) == dt.time(17, 45)
    assert end_time_after(dt.time(9, 0), 90) == dt.time(10, 30)


def test_a_session_cannot_run_past_midnight() -> None:
    with pytest.raises(ValidationError) as raised:
        end_time_after(dt.time(22, 30))

    assert raised.value.field == "start_time"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"weekday": 7}, "weekday"),
        ({"weekday": -1}, "weekday"),
        ({"count": 0}, "count"),
        ({"count": 53}, "count"),
        ({"end_time": dt.time(17, 0)}, "end_time"),
        ({"end_time": dt.time(16, 0)}, "end_time"),
        ({"start": d("1999-12-31")}, "start_date"),
        ({"start": d("2101-01-01")}, "start_date"),
    ],
)
def test_bad_input_gets_a_swedish_sentence(arguments: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"start": d("2026-03-02"), "weekday": MONDAY, "start_time": FIVE_PM}
    values |= arguments

    with pytest.raises(ValidationError) as raised:
        plan_sessions(**values)  # type: ignore[arg-type]

    assert raised.value.field == field
    assert raised.value.message.endswith(".")


def test_breaks_covering_three_years_stop_the_search_with_a_message() -> None:
    endless = BreakWeek("Felinmatat uppehåll", d("2026-01-01"), d("2029-06-30"))

    with pytest.raises(ValidationError) as raised:
        plan_sessions(d("2026-03-02"), MONDAY, FIVE_PM, breaks=[endless])

    assert raised.value.field == "breaks"
    assert "ingen ledig vecka" in raised.value.message


def test_a_long_break_is_waited_out() -> None:
    long_break = BreakWeek("Renovering", d("2026-03-01"), d("2028-08-31"))

    sessions = plan_sessions(d("2026-03-02"), MONDAY, FIVE_PM, count=2, breaks=[long_break])

    assert dates(sessions) == [d("2028-09-04"), d("2028-09-11")]
    assert len(sessions[0].skipped) == 131


def test_a_calendar_where_every_day_is_a_holiday_terminates() -> None:
    class EveryDayOff:
        def holiday_on(self, day: dt.date) -> str | None:
            return "Fest"

    with pytest.raises(ValidationError):
        plan_sessions(d("2026-03-02"), MONDAY, FIVE_PM, holidays=EveryDayOff())


# Properties ------------------------------------------------------------------------------------------------


@st.composite
def plans(draw: st.DrawFn) -> tuple[dt.date, int, int, list[BreakWeek]]:
    start = draw(st.dates(min_value=d("2000-01-01"), max_value=d("2100-12-31")))
    weekday = draw(st.integers(0, 6))
    count = draw(st.integers(1, 52))
    breaks: list[BreakWeek] = []
    for _ in range(draw(st.integers(0, 6))):
        begins = start + dt.timedelta(days=draw(st.integers(-30, 400)))
        breaks.append(BreakWeek("Lov", begins, begins + dt.timedelta(days=draw(st.integers(0, 60)))))
    return start, weekday, count, breaks


def is_off(day: dt.date, breaks: list[BreakWeek]) -> bool:
    return SWEDISH_HOLIDAYS.holiday_on(day) is not None or any(
        b.starts_on <= day <= b.ends_on for b in breaks
    )


@settings(max_examples=120, deadline=None)
@given(plans())
def test_planned_sessions_keep_every_rule(plan: tuple[dt.date, int, int, list[BreakWeek]]) -> None:
    start, weekday, count, breaks = plan

    sessions = plan_sessions(start, weekday, FIVE_PM, count=count, breaks=breaks)

    assert len(sessions) == count
    assert [session.number for session in sessions] == list(range(1, count + 1))
    assert all(session.date.weekday() == weekday for session in sessions)
    assert all(not is_off(session.date, breaks) for session in sessions)
    for before, after in itertools.pairwise(sessions):
        assert after.date - before.date >= dt.timedelta(weeks=1)
    first_free = next(
        start + dt.timedelta(days=offset)
        for offset in range(10_000)
        if (start + dt.timedelta(days=offset)).weekday() == weekday
        and not is_off(start + dt.timedelta(days=offset), breaks)
    )
    assert sessions[0].date == first_free


@settings(max_examples=120, deadline=None)
@given(plans())
def test_each_session_takes_the_first_free_week_and_names_the_weeks_it_skipped(
    plan: tuple[dt.date, int, int, list[BreakWeek]],
) -> None:
    start, weekday, count, breaks = plan

    sessions = plan_sessions(start, weekday, FIVE_PM, count=count, breaks=breaks)

    previous_week = sessions[0].date - dt.timedelta(weeks=len(sessions[0].skipped) + 1)
    for session in sessions:
        between = [
            previous_week + dt.timedelta(weeks=n) for n in range(1, (session.date - previous_week).days // 7)
        ]
        assert [skip.date for skip in session.skipped] == between
        assert all(is_off(skip.date, breaks) and skip.reason for skip in session.skipped)
        previous_week = session.date


# Themes ----------------------------------------------------------------------------------------------------


def test_every_session_gets_its_theme_in_order() -> None:
    themes = [f"Tema {n}" for n in range(1, 15)]

    assert assign_themes(14, themes) == themes


def test_a_short_plan_leaves_the_last_sessions_without_a_theme() -> None:
    assert assign_themes(5, ["Vem är jag?", "Flykten", "Det nya landet"]) == [
        "Vem är jag?",
        "Flykten",
        "Det nya landet",
        None,
        None,
    ]


def test_a_long_plan_gives_each_session_one_theme() -> None:
    assert assign_themes(2, ["Vem är jag?", "Flykten", "Det nya landet"]) == ["Vem är jag?", "Flykten"]


@given(st.integers(0, 60), st.lists(st.text(max_size=5), max_size=60))
def test_themes_are_assigned_to_exactly_the_sessions(count: int, themes: list[str]) -> None:
    assigned = assign_themes(count, themes)

    assert len(assigned) == count
    assert assigned[: len(themes)] == themes[:count]
    assert all(theme is None for theme in assigned[len(themes) :])
