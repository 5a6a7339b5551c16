"""Conflicts: people and premises booked twice at once, sessions on holidays or in breaks."""

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.conflicts import (
    Booking,
    Conflict,
    ConflictKind,
    find_all_conflicts,
    find_conflicts,
)
from biv_desktop.domain.schedule.days_off import BreakWeek

BERGA, RYD = 1, 2
ARABIC_GROUP = "BIV Arabiska 10–12 år, Berga, vt 2026 (träff 3)"
MONDAY = dt.date(2026, 3, 16)


def booking(
    key: int,
    start: str = "17:00",
    end: str = "19:00",
    *,
    day: dt.date = MONDAY,
    premises: int | None = BERGA,
    leaders: tuple[int, ...] = (),
    interpreter: int | None = None,
    label: str = "",
) -> Booking:
    return Booking(
        key,
        day,
        dt.time.fromisoformat(start),
        dt.time.fromisoformat(end),
        premises,
        leaders,
        interpreter,
        label or f"Träff {key}",
    )


def test_a_leader_booked_at_overlapping_times_is_a_conflict() -> None:
    other = booking(3, leaders=(10, 11), label=ARABIC_GROUP)
    candidate = booking(7, "18:00", "20:00", premises=RYD, leaders=(11, 12))

    conflicts = find_conflicts(candidate, [other])

    assert conflicts == [
        Conflict(
            ConflictKind.PERSON_DOUBLE_BOOKED,
            7,
            "Gruppledaren är redan bokad 17:00–19:00 i BIV Arabiska 10–12 år, Berga, vt 2026 (träff 3).",
            3,
            ARABIC_GROUP,
            leader_ids=(11,),
        )
    ]


def test_both_leaders_booked_elsewhere_are_named_together() -> None:
    other = booking(3, premises=RYD, leaders=(10, 11), label=ARABIC_GROUP)
    candidate = booking(7, premises=BERGA, leaders=(11, 10))

    [conflict] = find_conflicts(candidate, [other])

    assert conflict.message.startswith("Båda gruppledarna är redan bokade 17:00–19:00 i BIV Arabiska")
    assert conflict.leader_ids == (10, 11)


def test_an_interpreter_booked_twice_is_a_conflict() -> None:
    other = booking(3, premises=RYD, interpreter=5, label=ARABIC_GROUP)
    candidate = booking(7, "16:00", "17:30", interpreter=5)

    [conflict] = find_conflicts(candidate, [other])

    assert conflict.kind is ConflictKind.PERSON_DOUBLE_BOOKED
    assert conflict.interpreter_id == 5
    assert conflict.message == f"Tolken är redan bokad 17:00–19:00 i {ARABIC_GROUP}."


def test_premises_booked_twice_is_a_conflict() -> None:
    other = booking(3, label=ARABIC_GROUP)
    candidate = booking(7, "18:30", "20:30")

    [conflict] = find_conflicts(candidate, [other])

    assert conflict.kind is ConflictKind.PREMISES_DOUBLE_BOOKED
    assert conflict.message == f"Lokalen är redan bokad 17:00–19:00 för {ARABIC_GROUP}."
    assert (conflict.other_key, conflict.other_label) == (3, ARABIC_GROUP)


def test_one_session_ending_as_the_next_starts_is_no_conflict() -> None:
    earlier = booking(3, "17:00", "19:00", leaders=(10, 11), interpreter=5)
    later = booking(7, "19:00", "21:00", leaders=(10, 11), interpreter=5)

    assert find_conflicts(later, [earlier]) == []
    assert find_conflicts(earlier, [later]) == []


def test_the_same_time_on_another_day_is_no_conflict() -> None:
    other = booking(3, leaders=(10,), interpreter=5)
    candidate = booking(7, day=MONDAY + dt.timedelta(days=7), leaders=(10,), interpreter=5)

    assert find_conflicts(candidate, [other]) == []


def test_a_session_does_not_conflict_with_its_own_earlier_booking() -> None:
    # Moving session 7 an hour: the list of others still holds session 7 at its old time.
    old = booking(7, leaders=(10, 11), interpreter=5)
    moved = booking(7, "18:00", "20:00", leaders=(10, 11), interpreter=5)

    assert find_conflicts(moved, [old]) == []


def test_a_session_on_a_holiday_is_a_conflict() -> None:
    candidate = booking(7, day=dt.date(2026, 4, 6))

    [conflict] = find_conflicts(candidate, [])

    assert conflict.kind is ConflictKind.HOLIDAY
    assert conflict.message == "Träffen ligger på en helgdag: Annandag påsk (2026-04-06)."


def test_a_session_on_an_ordinary_sunday_is_no_conflict() -> None:
    assert find_conflicts(booking(7, day=dt.date(2026, 3, 15)), []) == []


def test_a_session_in_a_break_week_is_a_conflict() -> None:
    sportlov = BreakWeek("Sportlov", dt.date(2026, 2, 23), dt.date(2026, 2, 27))

    [conflict] = find_conflicts(booking(7, day=dt.date(2026, 2, 25)), [], breaks=[sportlov])

    assert conflict.kind is ConflictKind.BREAK_WEEK
    assert conflict.message == "Träffen ligger under ett uppehåll: Sportlov (2026-02-23–2026-02-27)."


def test_conflicts_list_the_calendar_first_then_people_then_premises_by_time() -> None:
    good_friday = dt.date(2026, 4, 3)
    others = [
        booking(4, "18:00", "20:00", day=good_friday, label="Sen träff"),
        booking(3, "16:00", "17:30", day=good_friday, premises=RYD, leaders=(10,), label="Tidig träff"),
    ]
    candidate = booking(7, day=good_friday, leaders=(10,))

    kinds = [(c.kind, c.other_label) for c in find_conflicts(candidate, others)]

    assert kinds == [
        (ConflictKind.HOLIDAY, ""),
        (ConflictKind.PERSON_DOUBLE_BOOKED, "Tidig träff"),
        (ConflictKind.PREMISES_DOUBLE_BOOKED, "Sen träff"),
    ]


def test_a_booking_must_end_after_it_starts() -> None:
    with pytest.raises(ValidationError):
        booking(7, "19:00", "17:00")


def test_the_schedule_view_finds_conflicts_on_both_sides() -> None:
    first = booking(1, leaders=(10,), label="Grupp A (träff 1)")
    second = booking(2, "18:00", "20:00", premises=RYD, leaders=(10,), label="Grupp B (träff 1)")
    apart = booking(3, "19:00", "21:00", premises=BERGA, leaders=(11,))

    found = find_all_conflicts([first, second, apart])

    assert set(found) == {1, 2}
    assert [c.other_label for c in found[1]] == ["Grupp B (träff 1)"]
    assert [c.other_label for c in found[2]] == ["Grupp A (träff 1)"]


def test_the_schedule_view_needs_distinct_session_keys() -> None:
    with pytest.raises(ValueError):
        find_all_conflicts([booking(1), booking(1, day=MONDAY + dt.timedelta(days=1))])


# Many bookings at once must agree with checking each against all the others -----------------------------

FIRST_DAY = dt.date(2026, 3, 30)  # Annandag påsk falls in the range drawn from.
QUARTERS = [dt.time(hour, minute) for hour in range(8, 22) for minute in (0, 15, 30, 45)]


@st.composite
def many_bookings(draw: st.DrawFn) -> list[Booking]:
    result: list[Booking] = []
    for key in range(draw(st.integers(0, 40))):
        start_index = draw(st.integers(0, len(QUARTERS) - 2))
        end_index = draw(st.integers(start_index + 1, min(start_index + 12, len(QUARTERS) - 1)))
        leaders = draw(st.lists(st.integers(1, 6), max_size=2, unique=True))
        result.append(
            Booking(
                f"session-{key}",
                FIRST_DAY + dt.timedelta(days=draw(st.integers(0, 9))),
                QUARTERS[start_index],
                QUARTERS[end_index],
                draw(st.none() | st.integers(1, 3)),
                tuple(leaders),
                draw(st.none() | st.integers(1, 3)),
                draw(st.sampled_from(["", "Grupp A", "Grupp B"])),
            )
        )
    return result


@settings(max_examples=150, deadline=None)
@given(many_bookings(), st.booleans())
def test_the_bulk_finder_equals_checking_each_booking_against_the_rest(
    bookings: list[Booking], with_break: bool
) -> None:
    breaks = [BreakWeek("Påsklov", dt.date(2026, 4, 1), dt.date(2026, 4, 3))] if with_break else []

    bulk = find_all_conflicts(bookings, breaks=breaks)

    naive = {b.session_key: find_conflicts(b, bookings, breaks=breaks) for b in bookings}
    assert {key: Counter(found) for key, found in bulk.items()} == {
        key: Counter(found) for key, found in naive.items() if found
    }
    # Same order too, wherever the order is decided by kind and time.
    for key, found in bulk.items():
        assert [c.kind for c in found] == [c.kind for c in naive[key]]
