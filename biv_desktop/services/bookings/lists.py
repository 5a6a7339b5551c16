"""The booking list to send an interpreting agency: every session booked with it in a period, with the
interpreter, the state and the date it changed. Nothing about the participants is read."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from biv_desktop.domain.bookings import agency_label
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.bookings.booking import SessionBooking, read_booking
from biv_desktop.services.validation import check_date
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, InterpreterBooking

LONGEST_LIST_DAYS = 2 * 366


@dataclass(frozen=True)
class BookingList:
    """One agency's bookings in a period, in date order."""

    agency: str  # as lists show it: the agency's name, or 'Frilans'
    first: dt.date
    last: dt.date
    bookings: tuple[SessionBooking, ...]


def check_period(first: dt.date, last: dt.date) -> None:
    """A period of at most two years, the last day not before the first."""
    check_date(first, "first", "Första dagen")
    check_date(last, "last", "Sista dagen")
    if last < first:
        raise ValidationError("last", "Sista dagen måste vara samma dag som den första eller senare.")
    if (last - first).days > LONGEST_LIST_DAYS:
        raise ValidationError("last", "Välj högst två år åt gången.")


def _booked_between(database: Database, first: dt.date, last: dt.date) -> list[SessionBooking]:
    with database.transaction() as session:
        pairs = session.execute(
            select(GroupSession, InterpreterBooking)
            .join(InterpreterBooking, InterpreterBooking.session_id == GroupSession.id)
            .join(Group, GroupSession.group_id == Group.id)
            .where(GroupSession.date >= first, GroupSession.date <= last)
            .options(
                joinedload(GroupSession.group).options(
                    joinedload(Group.language), joinedload(Group.premises), joinedload(Group.sessions)
                ),
                joinedload(GroupSession.interpreter),
                joinedload(GroupSession.premises),
            )
            .order_by(GroupSession.date, GroupSession.start_time, Group.name)
        ).unique()
        return [read_booking(row, booking) for row, booking in pairs]


def agencies_between(database: Database, first: dt.date, last: dt.date) -> tuple[str, ...]:
    """The agencies (and 'Frilans') that have bookings in the period, in Swedish order."""
    check_period(first, last)
    names = {agency_label(item.agency, item.freelance) for item in _booked_between(database, first, last)}
    return tuple(sorted(names, key=swedish_sort_key))


def booking_list(database: Database, agency: str, first: dt.date, last: dt.date) -> BookingList:
    """The sessions booked with ``agency`` (as ``agencies_between`` names it) from first to last."""
    check_period(first, last)
    rows = tuple(
        item
        for item in _booked_between(database, first, last)
        if agency_label(item.agency, item.freelance) == agency
    )
    return BookingList(agency, first, last, rows)
