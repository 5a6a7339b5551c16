"""An agency's booking list: one line per session booked with it in a period (date, weekday, time, language,
premises with address, interpreter, state and the date it changed), as a PDF to print and as an XLSX to send.
"""

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from biv_desktop.domain.calendar import time_range, weekday_name
from biv_desktop.reports.document import Orientation, Printout
from biv_desktop.reports.sheets.cells import grid_style, label, value
from biv_desktop.reports.sheets.shapes import INK, SHADE, WrappedText
from biv_desktop.reports.table_workbook import Value, write_table_workbook
from biv_desktop.services.bookings import BookingList, BookingState, SessionBooking

HEADERS = ("Datum", "Dag", "Tid", "Grupp", "Språk", "Lokal och adress", "Tolk", "Status", "Ändrad")
DOCUMENT_TITLE = "Tolkbokningar"
NOTICE = "Konfidentiellt – tolkbokningar, inga deltagaruppgifter"


def _place(item: SessionBooking) -> str:
    reading = item.session
    return f"{reading.premises}, {reading.premises_address}" if reading.premises_address else reading.premises


def _state(item: SessionBooking) -> str:
    if item.state is BookingState.CANCELLED and item.cancelled_late:
        return f"{item.state.label} (sent)"
    if not item.session.takes_place and item.state is not BookingState.CANCELLED:
        return f"{item.state.label} – träffen inställd"
    return item.state.label


def booking_list_rows(listing: BookingList) -> list[tuple[Value, ...]]:
    """The list's lines as values (dates as dates)."""
    return [
        (
            item.session.date,
            weekday_name(item.session.date.weekday()),
            time_range(item.session.start_time, item.session.end_time),
            f"{item.session.group_name}, träff {item.session.number}",
            item.language,
            _place(item),
            item.session.interpreter_name or "–",
            _state(item),
            item.changed_on,
        )
        for item in listing.bookings
    ]


def _subtitle(listing: BookingList) -> str:
    count = len(listing.bookings)
    booked = "1 bokning" if count == 1 else f"{count} bokningar"
    return f"{listing.first.isoformat()} – {listing.last.isoformat()} · {booked}"


def _story(listing: BookingList, width: float) -> list[Flowable]:
    if not listing.bookings:
        return [Spacer(0, 10), value("Inga bokningar under perioden.", 11.0)]
    widths = [62.0, 50.0, 62.0, 150.0, 56.0, 150.0, 90.0, 70.0]
    widths.append(width - sum(widths))
    rows: list[list[object]] = [[label(text) for text in HEADERS]]
    for line in booking_list_rows(listing):
        cells: list[object] = []
        for index, cell in enumerate(line):
            text = cell.isoformat() if isinstance(cell, dt.date) else str(cell or "–")
            cells.append(
                WrappedText(text, size=8.5, max_lines=2, colour=INK) if index in (3, 5) else value(text, 8.5)
            )
        rows.append(cells)
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid_style()
    for index, item in enumerate(listing.bookings, start=1):
        if item.state is BookingState.CANCELLED:
            style.append(("BACKGROUND", (0, index), (-1, index), SHADE))
    table.setStyle(TableStyle(style))
    return [table]


def write_booking_list_pdf(path: Path, listing: BookingList, printed_on: dt.date | None = None) -> Path:
    """Save the agency's booking list as an A4 landscape PDF at path."""
    frame = Printout(
        document_title=DOCUMENT_TITLE,
        heading=f"Tolkbokningar – {listing.agency}",
        subheading=_subtitle(listing),
        printed_on=printed_on or dt.date.today(),
        orientation=Orientation.LANDSCAPE,
        notice=NOTICE,
    )
    return frame.save(path, _story(listing, frame.content_width))


def write_booking_list_xlsx(path: Path, listing: BookingList) -> Path:
    """Save the agency's booking list as an XLSX workbook at path."""
    return write_table_workbook(
        path,
        f"Tolkbokningar – {listing.agency}",
        _subtitle(listing),
        HEADERS,
        booking_list_rows(listing),
        "Bokningar",
    )
