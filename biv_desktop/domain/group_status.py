"""A group's status by the calendar: planned until its first session, running until its last, then finished.

The status is stored (lists, the overview, enrolment and clean-up rules filter on it) and moved forward by
this one rule, without anyone clicking: a planned group is running from the day of its first session that
takes place, and finished the day after its last one. It only moves forward, so a group the coordinator
finished early stays finished, and a cancelled group stays cancelled.
"""

import datetime as dt
from collections.abc import Iterable

from biv_desktop.domain.enums import GroupStatus, SessionStatus

_ORDER = (GroupStatus.PLANNED, GroupStatus.RUNNING, GroupStatus.FINISHED)


def status_by_date(
    status: GroupStatus, sessions: Iterable[tuple[dt.date, SessionStatus]], today: dt.date
) -> GroupStatus:
    """The group's status on ``today`` given its sessions' dates and statuses."""
    if status is GroupStatus.CANCELLED:
        return status
    dates = [day for day, session_status in sessions if session_status is not SessionStatus.CANCELLED]
    if not dates:
        return status
    if today > max(dates):
        by_date = GroupStatus.FINISHED
    elif today >= min(dates):
        by_date = GroupStatus.RUNNING
    else:
        by_date = GroupStatus.PLANNED
    return max(status, by_date, key=_ORDER.index)
