"""The demo's interpreter bookings, as a coordinator's would stand on the demo's 'today'.

Sessions that have been are confirmed (booked three weeks ahead); a cancelled session's booking is
cancelled, now and then too late to escape the agency's fee; of the sessions ahead, most in the coming
three weeks are confirmed and some only requested or still to book, and later ones are requested or not
yet booked. No booking is dated after today.
"""

import datetime as dt

from biv_desktop.demo.groups import GroupRecord
from biv_desktop.demo.world import World
from biv_desktop.domain.bookings import UNCONFIRMED_HORIZON_DAYS, BookingState
from biv_desktop.domain.enums import InterpreterEngagement, SessionStatus
from biv_desktop.store.models import GroupSession, InterpreterBooking

BOOKED_DAYS_AHEAD = 21
LATE_SHARE = 0.2


def _state(world: World, session: GroupSession) -> tuple[BookingState, dt.datetime] | None:
    day = session.date
    if session.status is SessionStatus.CANCELLED:
        if world.chance(LATE_SHARE):
            return BookingState.CANCELLED, dt.datetime.combine(day - dt.timedelta(days=1), dt.time(9, 30))
        return BookingState.CANCELLED, dt.datetime.combine(day - dt.timedelta(days=10), dt.time(11, 0))
    if day < world.today or session.status is SessionStatus.HELD:
        return BookingState.CONFIRMED, dt.datetime.combine(
            day - dt.timedelta(days=BOOKED_DAYS_AHEAD), dt.time(10, 0)
        )
    if (day - world.today).days < UNCONFIRMED_HORIZON_DAYS:
        roll = world.rng.random()
        state = BookingState.CONFIRMED if roll < 0.7 else BookingState.REQUESTED if roll < 0.9 else None
    else:
        state = BookingState.REQUESTED if world.chance(0.4) else None
    if state is None:
        return None
    return state, dt.datetime.combine(
        world.today - dt.timedelta(days=world.rng.randint(1, 10)), dt.time(14, 0)
    )


def build_bookings(world: World, records: list[GroupRecord]) -> None:
    """Book the interpreters of every group's sessions the way the coordinator would have by today."""
    for record in records:
        for session in record.sessions:
            interpreter = session.interpreter
            if interpreter is None:
                continue
            booked = _state(world, session)
            if booked is None:
                continue
            state, changed_at = booked
            freelance = interpreter.engagement is InterpreterEngagement.FREELANCE
            world.add(
                InterpreterBooking(
                    session=session,
                    state=state,
                    agency="" if freelance else interpreter.agency_name,
                    freelance=freelance,
                    changed_at=min(changed_at, dt.datetime.combine(world.today, dt.time(8, 0))),
                )
            )
