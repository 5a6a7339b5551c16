"""Interpreter bookings: each session's state with the agency and when it changed, the sessions in the coming
three weeks whose interpreter is not confirmed, and the booking list per agency (PDF and XLSX, no names of
participants)."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.reshaping import Way
from biv_desktop.reports.bookings import write_booking_list_pdf, write_booking_list_xlsx
from biv_desktop.services.bookings import (
    BookingState,
    agencies_between,
    booking_list,
    get_booking,
    set_booking,
    unconfirmed_bookings,
)
from biv_desktop.services.schedule import cancel_session
from biv_desktop.store.database import Database
from support import factories

START = dt.date(2026, 2, 3)  # Tuesdays for the Arabic group
TODAY = dt.date(2026, 2, 2)
AT = dt.datetime(2026, 1, 20, 10, 0)


@pytest.fixture
def groups(database: Database) -> dict[str, int]:
    ryd = factories.premises(database, "Ryds kyrka", "Ryd", address="Rydsvägen 1")
    amal = factories.interpreter(database, "Amal", "Haddad", languages=("ar",), agency="Östgöta Tolk")
    liban = factories.interpreter(database, "Liban", "Elmi", languages=("so",), freelance=True)
    arabic = factories.group(database, premises_id=ryd, interpreter_id=amal, name="Arabiska 10–12")
    somali = factories.group(
        database,
        premises_id=ryd,
        language="so",
        interpreter_id=liban,
        start=dt.date(2026, 2, 5),
        name="Somaliska 7–9",
    )
    children = factories.participants_in(database, arabic.id, ["Hodan", "Zahra"], last_name="Testdotter")
    del children
    return {"arabic": arabic.id, "somali": somali.id, "amal": amal, "liban": liban}


def test_a_session_is_to_book_until_booked_and_the_agency_comes_from_the_interpreter(
    database: Database, groups: dict[str, int]
) -> None:
    first = factories.session_ids(database, groups["arabic"])[1]
    assert get_booking(database, first).state is BookingState.TO_BOOK
    assert get_booking(database, first).agency_label == "Östgöta Tolk"

    booked = set_booking(database, first, BookingState.REQUESTED, now=AT)
    assert (booked.state, booked.agency, booked.changed_on) == (
        BookingState.REQUESTED,
        "Östgöta Tolk",
        AT.date(),
    )
    later = AT + dt.timedelta(days=2)
    confirmed = set_booking(database, first, BookingState.CONFIRMED, now=later)
    assert confirmed.changed_at == later
    unchanged = set_booking(database, first, BookingState.CONFIRMED, now=later + dt.timedelta(days=1))
    assert unchanged.changed_at == later  # saving the same state again is no change

    somali = factories.session_ids(database, groups["somali"])[1]
    assert set_booking(database, somali, BookingState.CONFIRMED, now=AT).agency_label == "Frilans"


def test_no_interpreter_no_booking(database: Database, groups: dict[str, int]) -> None:
    ryd = factories.premises(database, "Ryds kyrka")
    bare = factories.group(database, premises_id=ryd, language="prs", start=dt.date(2026, 2, 4), name="Dari")
    session_id = factories.session_ids(database, bare.id)[1]
    with pytest.raises(ValidationError, match="ingen tolk vald"):
        set_booking(database, session_id, BookingState.CONFIRMED, now=AT)


def test_the_coming_three_weeks_list_what_is_not_confirmed(
    database: Database, groups: dict[str, int]
) -> None:
    arabic = factories.session_ids(database, groups["arabic"])
    somali = factories.session_ids(database, groups["somali"])
    for number in (1, 2, 3):
        set_booking(database, arabic[number], BookingState.CONFIRMED, now=AT)
    set_booking(database, somali[1], BookingState.REQUESTED, now=AT)
    cancel_session(database, somali[2], way=Way.ONLY_THIS, override=True)

    waiting = unconfirmed_bookings(database, TODAY)

    # Three weeks from 2 February: Arabic 3, 10, 17 Feb (confirmed), Somali 5 (requested), 12 (cancelled), 19 Feb.
    assert [(item.session.group_name, item.session.date, item.state) for item in waiting] == [
        ("Somaliska 7–9", dt.date(2026, 2, 5), BookingState.REQUESTED),
        ("Somaliska 7–9", dt.date(2026, 2, 19), BookingState.TO_BOOK),
    ]


def test_the_booking_list_per_agency_holds_its_sessions_and_no_participant(
    database: Database, groups: dict[str, int], tmp_path: Path
) -> None:
    arabic = factories.session_ids(database, groups["arabic"])
    somali = factories.session_ids(database, groups["somali"])
    set_booking(database, arabic[1], BookingState.CONFIRMED, now=AT)
    set_booking(database, arabic[2], BookingState.CANCELLED, now=dt.datetime(2026, 2, 9, 18, 0))  # late
    set_booking(database, somali[1], BookingState.CONFIRMED, now=AT)

    first, last = dt.date(2026, 2, 1), dt.date(2026, 2, 28)
    assert agencies_between(database, first, last) == ("Frilans", "Östgöta Tolk")
    listing = booking_list(database, "Östgöta Tolk", first, last)
    assert [(item.session.date, item.state) for item in listing.bookings] == [
        (dt.date(2026, 2, 3), BookingState.CONFIRMED),
        (dt.date(2026, 2, 10), BookingState.CANCELLED),
    ]
    assert listing.bookings[1].cancelled_late

    pdf = write_booking_list_pdf(tmp_path / "lista.pdf", listing, TODAY)
    xlsx = write_booking_list_xlsx(tmp_path / "lista.xlsx", listing)
    pdf_text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    sheet = load_workbook(xlsx).active
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Amal Haddad" in pdf_text and "Amal Haddad" in cells
    assert "Avbokad (sent)" in pdf_text and "Avbokad (sent)" in cells
    assert sheet.cell(row=5, column=1).value == dt.datetime(2026, 2, 3)
    for name in ("Hodan", "Zahra", "Testdotter"):
        assert name not in pdf_text
        assert not any(name in cell for cell in cells)
