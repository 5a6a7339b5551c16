"""Across a whole demo register: no participant's name appears in any leader's or interpreter's schedule (PDF and
.ics), any group's calendar, or any agency's booking list (PDF and XLSX). Searched in the files' text for every
participant's full name and name in their own script."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.errors import ValidationError
from biv_desktop.reports.bookings import write_booking_list_pdf, write_booking_list_xlsx
from biv_desktop.reports.schedules import calendar_bytes, write_schedule
from biv_desktop.services.bookings import agencies_between, booking_list
from biv_desktop.services.groups import list_groups
from biv_desktop.services.schedule import group_schedule, interpreter_schedule, leader_schedule
from biv_desktop.services.staff import list_interpreters, list_leaders
from biv_desktop.store.database import Database
from biv_desktop.store.models import GroupLeader, Interpreter, Participant
from biv_desktop.store.register import open_register

TODAY = dt.date(2026, 11, 16)
FIRST, LAST = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo_database(path, years=1, seed=15, today=TODAY)
    return open_register(path)


def forbidden(database: Database) -> set[str]:
    """Every participant's full name and native name, less any that a leader or interpreter also bears."""
    with database.transaction() as session:
        people = session.scalars(select(Participant)).all()
        names = {p.full_name for p in people} | {p.native_name for p in people if p.native_name}
        staff = {p.full_name for p in session.scalars(select(GroupLeader))}
        staff |= {p.full_name for p in session.scalars(select(Interpreter))}
    return {name for name in names - staff if len(name) > 3}


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_no_participant_is_named_in_any_schedule_calendar_or_booking_list(
    demo: Database, tmp_path: Path
) -> None:
    names = forbidden(demo)
    assert len(names) > 100
    texts: list[str] = []
    plans = [leader_schedule(demo, row.id, FIRST, LAST) for row in list_leaders(demo)]
    plans += [interpreter_schedule(demo, row.id, FIRST, LAST) for row in list_interpreters(demo)]
    for index, plan in enumerate(plans):
        texts.append(calendar_bytes(plan).decode("utf-8").replace("\r\n ", ""))
        if index % 4 == 0:  # every fourth as a PDF too: the same entries, and PDFs are slow to read back
            texts.append(pdf_text(write_schedule(tmp_path / f"{index}.pdf", plan, TODAY)))
    for group in list_groups(demo):
        try:
            plan = group_schedule(demo, group.id)
        except ValidationError:  # a group without sessions has no schedule
            continue
        texts.append(calendar_bytes(plan).decode("utf-8").replace("\r\n ", ""))
    for agency in agencies_between(demo, FIRST, LAST):
        listing = booking_list(demo, agency, FIRST, LAST)
        texts.append(pdf_text(write_booking_list_pdf(tmp_path / "lista.pdf", listing, TODAY)))
        sheet = load_workbook(write_booking_list_xlsx(tmp_path / "lista.xlsx", listing)).active
        texts.append(" ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell))
    assert sum(text.count("BEGIN:VEVENT") for text in texts) > 100
    everything = "\n".join(texts)
    assert [name for name in names if name in everything] == []
