"""The interpreter booking list for an agency and the hours (PDF and XLSX), and a leader's certificate of
volunteer service (PDF). No participant is named."""

from biv_desktop.reports.bookings.booking_list import (
    booking_list_rows,
    write_booking_list_pdf,
    write_booking_list_xlsx,
)
from biv_desktop.reports.bookings.hours import (
    hours_rows,
    write_certificate,
    write_hours_pdf,
    write_hours_xlsx,
)

__all__ = [
    "booking_list_rows",
    "hours_rows",
    "write_booking_list_pdf",
    "write_booking_list_xlsx",
    "write_certificate",
    "write_hours_pdf",
    "write_hours_xlsx",
]
