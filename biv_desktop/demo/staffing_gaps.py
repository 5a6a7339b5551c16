"""The few staffing problems the demo leaves on purpose, so that a newcomer sees how the program flags them.

Everything else in the demo is staffed by the rule: two trained leaders and an interpreter in the group's
language. Just ahead of today, two sessions fall short the way they do in real life: a leader called in
sick and a recruit not yet trained stands in, and an interpreter cancelled and no other is booked yet.
"""

import datetime as dt

from biv_desktop.demo import texts
from biv_desktop.demo.groups import GroupRecord
from biv_desktop.demo.staff import Staff
from biv_desktop.demo.world import World
from biv_desktop.domain.enums import SessionStatus
from biv_desktop.store.models import GroupSession

# The gaps fall in this week or the next: what the coordinator is sorting out now.
WEEKS_AHEAD = 2


def leave_staffing_gaps(world: World, staff: Staff, records: list[GroupRecord]) -> list[GroupSession]:
    """Give one upcoming session an untrained substitute and another no interpreter; returns those changed.

    The first falls as early as it can (this week, as a rule), the second in the next week where there is
    one, so the overview flags one session and the schedule two. With no session ahead in those weeks
    (in the summer, say), nothing is changed.
    """
    monday = world.today - dt.timedelta(days=world.today.weekday())
    horizon = monday + dt.timedelta(weeks=WEEKS_AHEAD, days=-1)
    upcoming = sorted(
        (
            session
            for record in records
            if not record.plan.cancelled
            for session in record.sessions
            if session.status is SessionStatus.PLANNED and world.today <= session.date <= horizon
        ),
        key=lambda session: (session.date, session.start_time),
    )
    changed: list[GroupSession] = []
    for session in upcoming:
        recruit = staff.untrained_substitute(session.date)
        if recruit is not None:
            session.leader2, session.note = recruit, texts.UNTRAINED_SUBSTITUTE_NOTE
            changed.append(session)
            break
    later = [session for session in upcoming if session not in changed and session.interpreter is not None]
    next_week = [session for session in later if session.date >= monday + dt.timedelta(weeks=1)]
    if later:
        session = world.pick(next_week or later)
        session.interpreter, session.note = None, texts.INTERPRETER_CANCELLED_NOTE
        changed.append(session)
    return changed
