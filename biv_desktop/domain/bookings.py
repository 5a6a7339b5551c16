"""Interpreter bookings: the states a session's booking goes through, and when a cancellation is late.

A session's interpreter is booked with an agency (or a freelance interpreter) in steps: to book, requested,
confirmed, and cancelled. Agencies charge for a booking cancelled shortly before it was due, so the hours
check counts those apart: a cancellation is *late* when it was made less than ``LATE_CANCELLATION_HOURS``
before the session was to start (48 hours, the usual term in Swedish interpreting agencies' conditions).
"""

import datetime as dt

from biv_desktop.domain.enums import SwedishEnum

LATE_CANCELLATION_HOURS = 48
# Sessions this many days ahead whose interpreter is not confirmed are shown on the overview.
UNCONFIRMED_HORIZON_DAYS = 21
FREELANCE_LABEL = "Frilans"


class BookingState(SwedishEnum):
    """Where a session's interpreter booking stands."""

    TO_BOOK = "to_book", "Att boka"
    REQUESTED = "requested", "Förfrågad"
    CONFIRMED = "confirmed", "Bekräftad"
    CANCELLED = "cancelled", "Avbokad"


def session_start(day: dt.date, start: dt.time) -> dt.datetime:
    """When a session starts, as a local (naive) moment."""
    return dt.datetime.combine(day, start)


def cancelled_late(state: BookingState, changed_at: dt.datetime | None, starts_at: dt.datetime) -> bool:
    """Whether a booking was cancelled less than LATE_CANCELLATION_HOURS before the session's start."""
    if state is not BookingState.CANCELLED or changed_at is None:
        return False
    return starts_at - changed_at < dt.timedelta(hours=LATE_CANCELLATION_HOURS)


def agency_label(agency: str, freelance: bool) -> str:
    """Who the booking is with, as lists show it: the agency's name, or 'Frilans'."""
    return FREELANCE_LABEL if freelance else (agency.strip() or "Okänd förmedling")


def hours(start: dt.time, end: dt.time) -> float:
    """A session's length in hours (2.0 for 17:00–19:00)."""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes / 60
