"""A group's status follows the calendar: planned, running from its first session, finished after its last."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.group_status import status_by_date

PLANNED, HELD, CANCELLED = SessionStatus.PLANNED, SessionStatus.HELD, SessionStatus.CANCELLED
AUTUMN = [(dt.date(2026, 9, 1) + dt.timedelta(weeks=week), PLANNED) for week in range(14)]  # to 1 December


def test_an_autumn_group_is_planned_then_running_then_finished() -> None:
    assert status_by_date(GroupStatus.PLANNED, AUTUMN, dt.date(2026, 8, 31)) is GroupStatus.PLANNED
    assert status_by_date(GroupStatus.PLANNED, AUTUMN, dt.date(2026, 9, 1)) is GroupStatus.RUNNING
    assert status_by_date(GroupStatus.RUNNING, AUTUMN, dt.date(2026, 12, 1)) is GroupStatus.RUNNING
    assert status_by_date(GroupStatus.RUNNING, AUTUMN, dt.date(2027, 1, 15)) is GroupStatus.FINISHED


def test_cancelled_sessions_do_not_count_and_a_cancelled_group_stays_cancelled() -> None:
    last_cancelled = [*AUTUMN[:-1], (AUTUMN[-1][0], CANCELLED)]
    assert status_by_date(GroupStatus.RUNNING, last_cancelled, dt.date(2026, 11, 25)) is GroupStatus.FINISHED
    assert status_by_date(GroupStatus.CANCELLED, AUTUMN, dt.date(2026, 10, 1)) is GroupStatus.CANCELLED
    assert status_by_date(GroupStatus.PLANNED, [], dt.date(2030, 1, 1)) is GroupStatus.PLANNED


def test_a_group_finished_early_is_not_reopened() -> None:
    assert status_by_date(GroupStatus.FINISHED, AUTUMN, dt.date(2026, 10, 1)) is GroupStatus.FINISHED


@given(
    st.sampled_from([GroupStatus.PLANNED, GroupStatus.RUNNING, GroupStatus.FINISHED]),
    st.lists(st.tuples(st.dates(), st.sampled_from([PLANNED, HELD, CANCELLED])), max_size=16),
    st.dates(),
    st.dates(),
)
def test_the_status_only_moves_forward_as_days_pass(
    status: GroupStatus, sessions: list[tuple[dt.date, SessionStatus]], one: dt.date, other: dt.date
) -> None:
    order = [GroupStatus.PLANNED, GroupStatus.RUNNING, GroupStatus.FINISHED]
    earlier, later = sorted((one, other))
    first = status_by_date(status, sessions, earlier)
    assert order.index(first) >= order.index(status)
    assert order.index(status_by_date(first, sessions, later)) >= order.index(first)
