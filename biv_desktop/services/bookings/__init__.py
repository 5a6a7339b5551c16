"""Interpreter bookings and hours: each session's booking state with the agency, the sessions soon to come whose
interpreter is not confirmed, the booking list per agency, and the hours to check an invoice against.

The area's public face: the window and the command line import from here only.
"""

from biv_desktop.domain.bookings import LATE_CANCELLATION_HOURS, UNCONFIRMED_HORIZON_DAYS, BookingState
from biv_desktop.services.bookings.booking import (
    SessionBooking,
    get_booking,
    set_booking,
    unconfirmed_bookings,
)
from biv_desktop.services.bookings.hours import (
    HoursLine,
    HoursReport,
    ServedGroup,
    ServiceRecord,
    hours_report,
    service_record,
)
from biv_desktop.services.bookings.lists import BookingList, agencies_between, booking_list

__all__ = [
    "LATE_CANCELLATION_HOURS",
    "UNCONFIRMED_HORIZON_DAYS",
    "BookingList",
    "BookingState",
    "HoursLine",
    "HoursReport",
    "ServedGroup",
    "ServiceRecord",
    "SessionBooking",
    "agencies_between",
    "booking_list",
    "get_booking",
    "hours_report",
    "service_record",
    "set_booking",
    "unconfirmed_bookings",
]
