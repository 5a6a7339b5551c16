"""Counting attendance: totals, the rate, and missed sessions in a row, on hand-built examples."""

import datetime as dt

import pytest

from biv_desktop.domain.attendance_rules import (
    SessionMark,
    Tally,
    attendance_rate,
    belongs_on,
    missed_in_a_row,
    misses_now,
    next_mark,
    participant_totals,
    session_totals,
    tally,
)
from biv_desktop.domain.enums import Mark, SessionStatus

P, F, A = Mark.PRESENT, Mark.ABSENT, Mark.NOTIFIED_ABSENCE
HELD, PLANNED, CANCELLED = SessionStatus.HELD, SessionStatus.PLANNED, SessionStatus.CANCELLED


def sessions(*cells: tuple[SessionStatus, Mark | None]) -> list[SessionMark]:
    """One participant's sessions numbered 1, 2, 3… in the order given."""
    return [SessionMark(number, status, mark) for number, (status, mark) in enumerate(cells, start=1)]


def test_a_session_counts_each_kind_of_mark_and_those_not_marked() -> None:
    assert tally([P, P, F, A, None, P]) == Tally(present=3, absent=1, notified=1, unmarked=1)


def test_only_a_held_session_has_totals() -> None:
    assert session_totals(HELD, [P, F]) == Tally(present=1, absent=1)
    assert session_totals(PLANNED, [P, F]) == Tally()
    assert session_totals(CANCELLED, [P]) == Tally()


def test_a_participant_is_counted_over_held_sessions_only() -> None:
    cells = sessions((HELD, P), (HELD, A), (CANCELLED, None), (HELD, None), (HELD, F), (PLANNED, None))
    totals = participant_totals(cells)
    assert totals == Tally(present=1, absent=1, notified=1, unmarked=1)
    assert totals.marked == 3
    assert totals.missed == 2


def test_a_missing_mark_counts_as_unmarked_only_where_the_participant_belonged() -> None:
    before_joining = SessionMark(1, HELD, None, expected=False)
    after_joining = SessionMark(2, HELD, None, expected=True)
    marked_anyway = SessionMark(3, HELD, P, expected=False)
    assert participant_totals([before_joining, after_joining, marked_anyway]) == Tally(present=1, unmarked=1)


def test_the_rate_is_present_over_everything_marked_and_an_unmarked_session_is_not_present() -> None:
    # 3 present, 1 absent, 1 notified, 2 unmarked: 3 / 5, not 3 / 7 and not 5 / 7.
    totals = Tally(present=3, absent=1, notified=1, unmarked=2)
    assert attendance_rate(totals) == pytest.approx(0.6)
    assert totals.rate == pytest.approx(0.6)


def test_there_is_no_rate_before_anything_is_marked() -> None:
    assert attendance_rate(Tally(unmarked=4)) is None


def test_tallies_add_up() -> None:
    assert Tally(1, 2, 3, 4) + Tally(10, 20, 30, 40) == Tally(11, 22, 33, 44)


def test_two_missed_sessions_in_a_row_make_a_run() -> None:
    cells = sessions((HELD, P), (HELD, F), (HELD, A), (HELD, P), (HELD, F), (HELD, P))
    assert missed_in_a_row(cells) == ((2, 3),)


def test_one_missed_session_at_a_time_is_no_run() -> None:
    cells = sessions((HELD, F), (HELD, P), (HELD, A), (HELD, P), (HELD, F))
    assert missed_in_a_row(cells) == ()


def test_a_cancelled_session_between_two_missed_ones_neither_breaks_nor_counts() -> None:
    cells = sessions((HELD, P), (HELD, F), (CANCELLED, None), (HELD, F), (HELD, P))
    assert missed_in_a_row(cells) == ((2, 4),)
    # And a cancelled session alone is no miss: one absence then a cancellation is not two in a row.
    assert missed_in_a_row(sessions((HELD, F), (CANCELLED, None), (HELD, P))) == ()


def test_unmarked_and_planned_sessions_are_passed_over() -> None:
    cells = sessions((HELD, F), (HELD, None), (HELD, A), (PLANNED, None), (PLANNED, None))
    assert missed_in_a_row(cells) == ((1, 3),)


def test_every_run_is_found_and_a_run_still_going_at_the_end_counts() -> None:
    cells = sessions((HELD, F), (HELD, F), (HELD, F), (HELD, P), (HELD, A), (HELD, F))
    assert missed_in_a_row(cells) == ((1, 2, 3), (5, 6))
    assert missed_in_a_row(cells, at_least=3) == ((1, 2, 3),)


def test_misses_now_counts_back_to_the_last_session_they_were_at() -> None:
    assert misses_now(sessions((HELD, P), (HELD, F), (CANCELLED, None), (HELD, A), (PLANNED, None))) == 2
    assert misses_now(sessions((HELD, F), (HELD, F), (HELD, P))) == 0
    assert misses_now([]) == 0


def test_someone_belongs_on_the_days_from_joining_to_leaving_both_included() -> None:
    joined, left = dt.date(2026, 2, 3), dt.date(2026, 2, 24)
    assert not belongs_on(joined, left, dt.date(2026, 2, 2))
    assert belongs_on(joined, left, joined)
    assert belongs_on(joined, left, left)
    assert not belongs_on(joined, left, dt.date(2026, 2, 25))
    assert belongs_on(joined, None, dt.date(2030, 1, 1))


def test_a_click_cycles_present_absent_notified() -> None:
    assert next_mark(None) is P
    assert next_mark(P) is F
    assert next_mark(F) is A
    assert next_mark(A) is P
