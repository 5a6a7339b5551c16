"""A schedule keeps its shape: moves, cancellations, shifts and break weeks keep the themes in plan order."""

import datetime as dt
import itertools
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.days_off import BreakWeek, DaysOff
from biv_desktop.domain.schedule.plan import plan_sessions
from biv_desktop.domain.schedule.reshaping import (
    GroupShape,
    Slot,
    Way,
    cancel,
    clear_days_off,
    follow,
    move,
    restore,
)

TUESDAY = 1
THEMES = [f"Tema {number}" for number in range(1, 14)] + ["Fest och avslutning"]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def planned_group(start: dt.date, breaks: tuple[BreakWeek, ...] = (), count: int = 14) -> GroupShape:
    sessions = plan_sessions(start, TUESDAY, dt.time(17), count=count, breaks=breaks)
    slots = [Slot(session.number, session.date, SessionStatus.PLANNED) for session in sessions]
    return GroupShape.of(slots, TUESDAY, DaysOff(breaks=breaks))


def held_themes(shape: GroupShape) -> list[str]:
    """The themes the group will hold, in date order (a session's theme is its number's place in the plan)."""
    held = sorted((slot for slot in shape.slots if slot.takes_place), key=lambda slot: slot.date)
    return [THEMES[slot.number - 1] for slot in held]


def dates(shape: GroupShape) -> list[dt.date]:
    return [slot.date for slot in shape.slots if slot.takes_place]


# Examples the coordinator would check by hand -------------------------------------------------------------


def test_cancelling_with_themes_moving_up_keeps_the_party_last() -> None:
    group = planned_group(
        d("2027-01-19")
    )  # Tuesdays, 19 January to 20 April (Easter week is free of holidays)
    eighth = group.slot(8).date

    after = cancel(group, 8, Way.SHIFT_LATER)

    assert eighth not in dates(after)
    assert held_themes(after) == THEMES  # all fourteen, in order
    assert after.slot(8).date == group.slot(9).date  # theme 8 takes the next week
    assert after.slot(14).date == d("2027-04-27")  # one week later than planned
    assert after.slot(7) == group.slot(7)


def test_cancelling_only_this_one_drops_its_theme_and_moves_nothing_else() -> None:
    group = planned_group(d("2027-01-19"))

    after = cancel(group, 8, Way.ONLY_THIS)

    assert after.slot(8).status is SessionStatus.CANCELLED
    assert held_themes(after) == THEMES[:7] + THEMES[8:]
    assert held_themes(after)[-1] == "Fest och avslutning"
    assert dates(after) == [slot.date for slot in group.slots if slot.number != 8]


def test_the_closing_session_cannot_be_cancelled_on_its_own() -> None:
    group = planned_group(d("2027-01-19"))

    with pytest.raises(ValidationError, match="Avslutningen"):
        cancel(group, 14, Way.ONLY_THIS)
    assert held_themes(cancel(group, 14, Way.SHIFT_LATER))[-1] == "Fest och avslutning"


def test_a_break_week_added_later_shifts_the_rest_a_week() -> None:
    group = planned_group(d("2027-01-19"))
    study_days = BreakWeek("Studiedagar v. 11", d("2027-03-15"), d("2027-03-19"))

    after = clear_days_off(GroupShape.of(group.slots, TUESDAY, DaysOff(breaks=[study_days])))

    assert d("2027-03-16") not in dates(after)
    moved = after.changes_from(group)
    assert [before.number for before, _after in moved] == [9, 10, 11, 12, 13, 14]
    assert all(now.date == before.date + dt.timedelta(weeks=1) for before, now in moved)


def test_moving_only_one_session_past_the_next_is_refused() -> None:
    group = planned_group(d("2027-01-19"))

    with pytest.raises(ValidationError, match="före träff 6"):
        move(group, 5, group.slot(6).date + dt.timedelta(days=1), Way.ONLY_THIS)
    shifted = move(group, 5, group.slot(6).date + dt.timedelta(days=1), Way.SHIFT_LATER)
    assert held_themes(shifted) == THEMES
    assert shifted.slot(6).date == group.slot(7).date


def test_a_move_onto_a_holiday_is_refused_with_its_name() -> None:
    group = planned_group(d("2027-01-19"))

    with pytest.raises(ValidationError, match="Annandag påsk"):
        move(group, 12, d("2027-03-29"), Way.SHIFT_LATER)


def test_the_parents_group_follows_number_by_number() -> None:
    children = planned_group(d("2027-01-19"))
    parents = planned_group(d("2027-01-19"))

    after = cancel(children, 3, Way.SHIFT_LATER)
    followed = follow(parents, children, after)

    assert dates(followed) == dates(after)


def test_a_parents_group_meeting_another_day_follows_week_by_week() -> None:
    children = planned_group(d("2027-01-19"))  # Tuesdays
    wednesdays = plan_sessions(d("2027-01-20"), 2, dt.time(18))
    parents = GroupShape.of(
        [Slot(session.number, session.date, SessionStatus.PLANNED) for session in wednesdays], 2, DaysOff()
    )

    after = cancel(children, 8, Way.SHIFT_LATER)
    followed = follow(parents, children, after)

    assert [slot.date - child.date for slot, child in zip(followed.slots, after.slots, strict=True)] == [
        dt.timedelta(days=1)
    ] * 14
    assert all(slot.date.weekday() == 2 for slot in followed.slots)


def test_a_restore_that_would_break_the_order_is_refused() -> None:
    group = cancel(planned_group(d("2027-01-19")), 4, Way.ONLY_THIS)
    moved = move(group, 5, group.slot(4).date - dt.timedelta(days=1), Way.ONLY_THIS)

    with pytest.raises(ValidationError, match="Flytta den först"):
        restore(moved, 4)


# Properties: after any sequence of changes the schedule keeps its shape ------------------------------------


@dataclass(frozen=True)
class Change:
    kind: str
    number: int
    way: Way
    days: int  # for a move: how many days from the session's date; for a break: weeks from the first session


changes = st.builds(
    Change,
    kind=st.sampled_from(["move", "cancel", "restore", "break"]),
    number=st.integers(1, 14),
    way=st.sampled_from(list(Way)),
    days=st.integers(-10, 40),
)


def apply(shape: GroupShape, change: Change, breaks: list[BreakWeek]) -> GroupShape:
    if change.kind == "move":
        slot = shape.slot(change.number)
        return move(shape, change.number, slot.date + dt.timedelta(days=change.days), change.way)
    if change.kind == "cancel":
        return cancel(shape, change.number, change.way)
    if change.kind == "restore":
        return restore(shape, change.number)
    first = shape.slots[0].date + dt.timedelta(weeks=abs(change.days) // 2)
    monday = first - dt.timedelta(days=first.weekday())
    breaks.append(BreakWeek("Lov", monday, monday + dt.timedelta(days=6)))
    return clear_days_off(GroupShape.of(shape.slots, shape.weekday, DaysOff(breaks=breaks)))


def assert_in_shape(shape: GroupShape) -> None:
    held = [slot for slot in shape.slots if slot.takes_place]
    assert all(shape.days_off.reason(slot.date) is None for slot in held)
    assert all(earlier.date < later.date for earlier, later in itertools.pairwise(held))
    themes = held_themes(shape)
    assert themes == sorted(themes, key=THEMES.index)
    assert themes[-1] == "Fest och avslutning"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.dates(d("2026-01-01"), d("2030-12-31")),
    history=st.lists(changes, max_size=12),
)
def test_any_sequence_of_changes_keeps_the_shape_and_the_parents_follow(
    start: dt.date, history: list[Change]
) -> None:
    breaks: list[BreakWeek] = []
    children = planned_group(start)
    parents = planned_group(start)
    for change in history:
        try:
            after = apply(children, change, breaks)
        except ValidationError:
            after = GroupShape.of(children.slots, children.weekday, DaysOff(breaks=breaks))
            # A refusal changes nothing; only the break (kept by the register either way) remains.
            after = clear_days_off(after)
        parents_now = GroupShape.of(parents.slots, parents.weekday, after.days_off)
        parents = follow(parents_now, children, after)
        children = after
        assert_in_shape(children)
        assert_in_shape(parents)
        assert dates(parents) == dates(children)
        assert [slot.status for slot in parents.slots] == [slot.status for slot in children.slots]
