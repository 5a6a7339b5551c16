"""The interpreter booking list for an agency (PDF and XLSX). No participant is named."""

from biv_desktop.reports.bookings.booking_list import (
    booking_list_rows,
    write_booking_list_pdf,
    write_booking_list_xlsx,
)

__all__ = ["booking_list_rows", "write_booking_list_pdf", "write_booking_list_xlsx"]
