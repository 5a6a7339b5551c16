"""Interpreter bookings and hours: each session's booking state with the agency, the sessions soon to come whose
interpreter is not confirmed, the booking list per agency, and the hours to check an invoice against.

The area's public face: the window and the command line import from here only.
"""

from typing import TYPE_CHECKING

from biv_desktop.services.faces import lazy_face

if TYPE_CHECKING:
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

# Each module is imported when one of its names is first used (services/faces.py).
__getattr__ = lazy_face(
    __name__,
    {
        "biv_desktop.domain.bookings": (
            "LATE_CANCELLATION_HOURS",
            "UNCONFIRMED_HORIZON_DAYS",
            "BookingState",
        ),
        "biv_desktop.services.bookings.booking": (
            "SessionBooking",
            "get_booking",
            "set_booking",
            "unconfirmed_bookings",
        ),
        "biv_desktop.services.bookings.hours": (
            "HoursLine",
            "HoursReport",
            "ServedGroup",
            "ServiceRecord",
            "hours_report",
            "service_record",
        ),
        "biv_desktop.services.bookings.lists": ("BookingList", "agencies_between", "booking_list"),
    },
)

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
