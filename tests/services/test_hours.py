"""Hours for invoicing, against a hand-built month where every figure is known: per interpreter, per agency
and per leader (booked, held, cancelled late, hours), and a leader's service record for the certificate."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from biv_desktop.domain.schedule.reshaping import Way
from biv_desktop.reports.bookings import write_certificate, write_hours_pdf, write_hours_xlsx
from biv_desktop.services.attendance import StaffPresence, save_session_attendance
from biv_desktop.services.bookings import BookingState, HoursLine, hours_report, service_record, set_booking
from biv_desktop.services.schedule import cancel_session
from biv_desktop.store.database import Database
from support import factories

FEBRUARY = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
EARLY = dt.datetime(2026, 1, 15, 10, 0)


@pytest.fixture
def month(database: Database) -> dict[str, int]:
    """February 2026, built by hand.

    Arabic group, Tuesdays 17:00–19:00 (2 h), leaders Karin and Lars, interpreter Amal (Östgöta Tolk):
      3 Feb held, all present · 10 Feb held, Lars and Amal away · 17 Feb held, all present ·
      24 Feb cancelled, its booking cancelled the evening before (late). Sessions 1–3 booked and confirmed.
    Somali group, Thursdays 15:30–17:00 (1.5 h), leaders Eva and Karin, interpreter Liban (freelance):
      5 Feb held, all present · 12 Feb cancelled a fortnight ahead (not late) · 19 Feb held, Karin away ·
      26 Feb still planned, only requested. Sessions 1 and 3 confirmed.
    """
    ryd = factories.premises(database)
    karin = factories.leader(database, "Karin", "Holmgren")
    lars = factories.leader(database, "Lars", "Berg")
    eva = factories.leader(database, "Eva", "Ek")
    amal = factories.interpreter(database, "Amal", "Haddad", languages=("ar",), agency="Östgöta Tolk")
    liban = factories.interpreter(database, "Liban", "Elmi", languages=("so",), freelance=True)
    arabic = factories.group(database, premises_id=ryd, leader_ids=(karin, lars), interpreter_id=amal)
    somali = factories.group(
        database,
        premises_id=ryd,
        language="so",
        start=dt.date(2026, 2, 5),
        start_time=dt.time(15, 30),
        length_minutes=90,
        leader_ids=(eva, karin),
        interpreter_id=liban,
    )
    a, s = factories.session_ids(database, arabic.id), factories.session_ids(database, somali.id)

    for number in (1, 2, 3):
        set_booking(database, a[number], BookingState.CONFIRMED, now=EARLY)
    set_booking(database, a[4], BookingState.CANCELLED, now=dt.datetime(2026, 2, 23, 18, 0))
    cancel_session(database, a[4], way=Way.ONLY_THIS, override=True)
    held = {
        1: StaffPresence(True, True, True),
        2: StaffPresence(True, False, False),
        3: StaffPresence(True, True, True),
    }
    for number, presence in held.items():
        save_session_attendance(database, a[number], presence, override=True, today=factories.FAR_TODAY)

    set_booking(database, s[1], BookingState.CONFIRMED, now=EARLY)
    set_booking(database, s[2], BookingState.CANCELLED, now=dt.datetime(2026, 1, 29, 9, 0))
    cancel_session(database, s[2], way=Way.ONLY_THIS, override=True)
    set_booking(database, s[3], BookingState.CONFIRMED, now=EARLY)
    set_booking(database, s[4], BookingState.REQUESTED, now=EARLY)
    save_session_attendance(
        database, s[1], StaffPresence(True, True, True), override=True, today=factories.FAR_TODAY
    )
    save_session_attendance(
        database, s[3], StaffPresence(True, False, True), override=True, today=factories.FAR_TODAY
    )
    return {"karin": karin, "lars": lars, "eva": eva}


def test_per_interpreter_and_per_agency(database: Database, month: dict[str, int]) -> None:
    report = hours_report(database, *FEBRUARY)

    assert report.interpreters == (
        HoursLine("Amal Haddad", booked=3, held=2, cancelled_late=1, hours=4.0, detail="Östgöta Tolk"),
        HoursLine("Liban Elmi", booked=2, held=2, cancelled_late=0, hours=3.0, detail="Frilans"),
    )
    assert [
        line[:5]
        for line in map(lambda x: (x.name, x.booked, x.held, x.cancelled_late, x.hours), report.agencies)
    ] == [
        ("Frilans", 2, 2, 0, 3.0),
        ("Östgöta Tolk", 3, 2, 1, 4.0),
    ]


def test_per_leader(database: Database, month: dict[str, int]) -> None:
    leaders = {
        line.name: (line.booked, line.held, line.hours) for line in hours_report(database, *FEBRUARY).leaders
    }

    assert leaders == {"Eva Ek": (3, 2, 3.0), "Karin Holmgren": (6, 4, 7.5), "Lars Berg": (3, 2, 4.0)}
    assert list(leaders) == ["Eva Ek", "Karin Holmgren", "Lars Berg"]


def test_a_shorter_period_counts_only_its_sessions(database: Database, month: dict[str, int]) -> None:
    report = hours_report(database, dt.date(2026, 2, 1), dt.date(2026, 2, 7))  # 3 and 5 February only

    assert [(line.name, line.booked, line.held, line.hours) for line in report.interpreters] == [
        ("Amal Haddad", 1, 1, 2.0),
        ("Liban Elmi", 1, 1, 1.5),
    ]


def test_the_service_record_for_the_certificate(database: Database, month: dict[str, int]) -> None:
    record = service_record(database, month["karin"], *FEBRUARY)

    assert (record.leader_name, record.sessions, record.hours) == ("Karin Holmgren", 4, 7.5)
    assert [(group.first, group.last, group.sessions) for group in record.groups] == [
        (dt.date(2026, 2, 3), dt.date(2026, 2, 17), 3),
        (dt.date(2026, 2, 5), dt.date(2026, 2, 5), 1),
    ]


def test_the_hours_printout_workbook_and_certificate_carry_the_same_figures(
    database: Database, month: dict[str, int], tmp_path: Path
) -> None:
    report = hours_report(database, *FEBRUARY)
    pdf = write_hours_pdf(tmp_path / "timmar.pdf", report, dt.date(2026, 3, 1))
    text = " ".join((PdfReader(pdf).pages[0].extract_text() or "").split())
    assert "Amal Haddad Östgöta Tolk 3 2 1 4,0" in text
    assert "Karin Holmgren" in text and "7,5" in text

    sheet = load_workbook(write_hours_xlsx(tmp_path / "timmar.xlsx", report)).active
    rows = [row for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert ("Tolk", "Amal Haddad", "Östgöta Tolk", 3, 2, 1, 4) in rows
    assert ("Gruppledare", "Karin Holmgren", "Församling/pastorat", 6, 4, None, 7.5) in rows

    record = service_record(database, month["karin"], *FEBRUARY)
    certificate = write_certificate(tmp_path / "intyg.pdf", record, dt.date(2026, 3, 1))
    words = " ".join((PdfReader(certificate).pages[0].extract_text() or "").split())
    assert "Karin Holmgren" in words
    assert "4 gruppträffar om sammanlagt 7,5 timmar" in words
