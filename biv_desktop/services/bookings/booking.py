"""A session's interpreter booking: reading it, changing its state, and the sessions soon to come whose
interpreter is not confirmed.

A session without a booking row is 'to book'. Each change records the moment it was made, which the
booking lists show as the date it changed and which decides whether a cancellation was late
(``domain.bookings``). The agency is taken from the interpreter when none is given: their agency's name,
or freelance.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.bookings import (
    UNCONFIRMED_HORIZON_DAYS,
    BookingState,
    agency_label,
    cancelled_late,
    session_start,
)
from biv_desktop.domain.enums import GroupStatus, InterpreterEngagement, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.schedule.reading import SessionReading, read_session
from biv_desktop.services.validation import clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, InterpreterBooking


@dataclass(frozen=True)
class SessionBooking:
    """One session with its interpreter booking as lists and the booking form show it."""

    session: SessionReading
    language: str
    state: BookingState
    agency: str
    freelance: bool
    changed_at: dt.datetime | None  # None: never booked

    @property
    def agency_label(self) -> str:
        """'Frilans', the agency's name, or '' when nothing is booked and no interpreter is chosen."""
        if self.changed_at is None and not self.agency and not self.freelance:
            return ""
        return agency_label(self.agency, self.freelance)

    @property
    def changed_on(self) -> dt.date | None:
        return self.changed_at.date() if self.changed_at is not None else None

    @property
    def cancelled_late(self) -> bool:
        starts = session_start(self.session.date, self.session.start_time)
        return cancelled_late(self.state, self.changed_at, starts)


def _interpreter_agency(row: GroupSession) -> tuple[str, bool]:
    interpreter = row.interpreter
    if interpreter is None:
        return "", False
    if interpreter.engagement is InterpreterEngagement.FREELANCE:
        return "", True
    return interpreter.agency_name, False


def read_booking(row: GroupSession, booking: InterpreterBooking | None) -> SessionBooking:
    """The session's booking as read inside the caller's transaction (the session's group loaded)."""
    reading = read_session(row, len(row.group.sessions))
    if booking is None:
        agency, freelance = _interpreter_agency(row)
        return SessionBooking(reading, row.group.language.name, BookingState.TO_BOOK, agency, freelance, None)
    return SessionBooking(
        reading, row.group.language.name, booking.state, booking.agency, booking.freelance, booking.changed_at
    )


def _booking_of(session: Session, session_id: int) -> InterpreterBooking | None:
    return session.scalars(
        select(InterpreterBooking).where(InterpreterBooking.session_id == session_id)
    ).first()


def get_booking(database: Database, session_id: int) -> SessionBooking:
    """One session's interpreter booking."""
    with database.transaction() as session:
        row = get_or_missing(session, GroupSession, session_id, "session_id")
        return read_booking(row, _booking_of(session, session_id))


def set_booking(
    database: Database,
    session_id: int,
    state: BookingState,
    *,
    agency: str | None = None,
    freelance: bool | None = None,
    now: dt.datetime | None = None,
) -> SessionBooking:
    """Record where the session's interpreter booking stands now; the agency defaults to the interpreter's.

    Requesting or confirming needs an interpreter chosen for the session (in the schedule) first.
    """
    state = BookingState(state)
    moment = (now or dt.datetime.now()).replace(microsecond=0)
    with database.transaction() as session:
        row = get_or_missing(session, GroupSession, session_id, "session_id")
        if state in (BookingState.REQUESTED, BookingState.CONFIRMED) and row.interpreter_id is None:
            raise ValidationError(
                "state", "Träffen har ingen tolk vald. Välj tolk för träffen i schemat innan den bokas."
            )
        default_agency, default_freelance = _interpreter_agency(row)
        free = default_freelance if freelance is None else freelance
        name = (
            ""
            if free
            else clean_text(default_agency if agency is None else agency, "agency", "Förmedling", 120)
        )
        booking = _booking_of(session, session_id)
        if booking is None:
            booking = InterpreterBooking(
                session_id=session_id, state=state, agency=name, freelance=free, changed_at=moment
            )
            session.add(booking)
        else:
            if (booking.state, booking.agency, booking.freelance) != (state, name, free):
                booking.changed_at = moment
            booking.state, booking.agency, booking.freelance = state, name, free
        session.flush()
        return read_booking(row, booking)


def _taking_place_between(session: Session, first: dt.date, last: dt.date) -> Sequence[GroupSession]:
    query = (
        select(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.date >= first,
            GroupSession.date <= last,
            GroupSession.status != SessionStatus.CANCELLED,
            Group.status != GroupStatus.CANCELLED,
        )
        .options(
            joinedload(GroupSession.group).options(joinedload(Group.language), joinedload(Group.sessions)),
            joinedload(GroupSession.interpreter),
        )
        .order_by(GroupSession.date, GroupSession.start_time, Group.name)
    )
    return session.scalars(query).unique().all()


def bookings_by_session(session: Session, session_ids: Sequence[int]) -> dict[int, InterpreterBooking]:
    """The booking rows of these sessions, by session id."""
    if not session_ids:
        return {}
    rows = session.scalars(select(InterpreterBooking).where(InterpreterBooking.session_id.in_(session_ids)))
    return {row.session_id: row for row in rows}


def unconfirmed_bookings(
    database: Database, today: dt.date | None = None, days: int = UNCONFIRMED_HORIZON_DAYS
) -> tuple[SessionBooking, ...]:
    """Sessions taking place from today through the coming ``days`` whose interpreter is not confirmed:
    no interpreter chosen, or a booking still to make, only requested, or cancelled."""
    today = today or dt.date.today()
    with database.transaction() as session:
        rows = _taking_place_between(session, today, today + dt.timedelta(days=days - 1))
        bookings = bookings_by_session(session, [row.id for row in rows])
        read = (read_booking(row, bookings.get(row.id)) for row in rows)
        return tuple(item for item in read if item.state is not BookingState.CONFIRMED)
