"""When personal data is due for anonymising: the retention rules without a database."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biv_desktop.domain import retention
from biv_desktop.domain.enums import GroupStatus
from biv_desktop.domain.retention import GroupSpan, Standing

TODAY = dt.date(2026, 11, 25)


def span(
    status: GroupStatus,
    *,
    last_session: dt.date | None = dt.date(2025, 5, 20),
    left_on: dt.date | None = None,
) -> GroupSpan:
    return GroupSpan(status, dt.date(2025, 2, 11), last_session, left_on)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 5, 20), 12, dt.date(2026, 5, 20)),
        (dt.date(2025, 3, 31), 1, dt.date(2025, 4, 30)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
        (dt.date(2025, 12, 15), 1, dt.date(2026, 1, 15)),
    ],
)
def test_months_are_added_the_calendar_way(day: dt.date, months: int, expected: dt.date) -> None:
    assert retention.add_months(day, months) == expected


@given(st.dates(max_value=dt.date(9000, 1, 1)), st.integers(min_value=0, max_value=120))
def test_adding_months_never_goes_back_or_skips_a_month(day: dt.date, months: int) -> None:
    later = retention.add_months(day, months)
    assert later >= day
    assert (later.year - day.year) * 12 + later.month - day.month == months


def test_a_finished_group_ends_on_its_last_session_and_leaving_ends_it_early() -> None:
    assert retention.span_end(span(GroupStatus.FINISHED)) == dt.date(2025, 5, 20)
    assert retention.span_end(span(GroupStatus.FINISHED, left_on=dt.date(2025, 3, 4))) == dt.date(2025, 3, 4)
    assert retention.span_end(span(GroupStatus.RUNNING, left_on=dt.date(2025, 3, 4))) == dt.date(2025, 3, 4)
    # A cancelled group that never met ended when it was to start.
    assert retention.span_end(span(GroupStatus.CANCELLED, last_session=None)) == dt.date(2025, 2, 11)


@pytest.mark.parametrize("status", [GroupStatus.PLANNED, GroupStatus.RUNNING])
def test_someone_in_a_planned_or_running_group_is_never_due(status: GroupStatus) -> None:
    standing = retention.own_standing(False, [span(GroupStatus.FINISHED), span(status)])
    assert standing.active
    assert not retention.is_due(standing, 1, dt.date(2040, 1, 1))


def test_someone_on_the_waiting_list_is_never_due() -> None:
    standing = retention.own_standing(True, [span(GroupStatus.FINISHED)])
    assert not retention.is_due(standing, 1, dt.date(2040, 1, 1))


def test_the_last_group_to_end_counts_and_the_person_is_due_a_retention_period_later() -> None:
    standing = retention.own_standing(
        False,
        [span(GroupStatus.FINISHED), span(GroupStatus.FINISHED, last_session=dt.date(2025, 11, 25))],
    )
    assert standing == Standing(False, dt.date(2025, 11, 25))
    assert retention.due_since(standing, 12) == TODAY
    assert retention.is_due(standing, 12, TODAY)
    assert not retention.is_due(standing, 12, TODAY - dt.timedelta(days=1))
    assert not retention.is_due(standing, 13, TODAY)


def test_someone_never_in_a_group_goes_by_the_family() -> None:
    never = retention.own_standing(False, [])
    child_done = Standing(False, dt.date(2025, 6, 1))
    child_in_group = Standing(True, None)
    assert retention.family_standing(never, False, [child_done]) == child_done
    assert retention.family_standing(never, False, [child_done, child_in_group]).active
    # With no family and no group there is no date to wait for: due at once, for the user to decide.
    alone = retention.family_standing(never, False, [])
    assert alone == Standing(False, None)
    assert retention.is_due(alone, 12, TODAY)
    assert retention.due_since(alone, 12) is None


def test_someone_with_groups_of_their_own_keeps_their_own_standing() -> None:
    own = Standing(False, dt.date(2024, 1, 10))
    assert retention.family_standing(own, True, [Standing(True, None)]) == own


def test_staff_are_due_a_retention_period_after_becoming_inactive_unless_booked_ahead() -> None:
    left = dt.date(2025, 10, 1)
    assert retention.staff_due_since(left, 12) == dt.date(2026, 10, 1)
    assert retention.staff_is_due(False, left, 0, 12, TODAY)
    assert not retention.staff_is_due(False, left, 2, 12, TODAY)
    assert not retention.staff_is_due(True, None, 0, 12, TODAY)
    assert not retention.staff_is_due(False, dt.date(2026, 1, 1), 0, 12, TODAY)


def test_a_backup_is_kept_until_twelve_later_months_have_their_own() -> None:
    assert retention.backup_kept_until(dt.date(2026, 3, 10), 12) == dt.date(2027, 3, 1)
    assert retention.backup_kept_until(dt.date(2024, 2, 29), 1) == dt.date(2024, 3, 1)
