"""``biv-desktop bookings``: an agency's booking list and the hours from the command line."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from biv_desktop.cli import main
from biv_desktop.services.bookings import BookingState, set_booking
from biv_desktop.services.groups import list_groups
from biv_desktop.store.register import open_register
from support import factories


@pytest.fixture
def booked(register_with_groups: Path) -> Path:
    """The command-line register with the running Somali group's first two sessions booked."""
    database = open_register(register_with_groups)
    try:
        group_id = next(row.id for row in list_groups(database) if row.name == "Somaliska 10–12 år")
        sessions = factories.session_ids(database, group_id)
        set_booking(
            database, sessions[1], BookingState.CONFIRMED, agency="Östgöta Tolk", now=dt.datetime(2026, 8, 1)
        )
        set_booking(
            database, sessions[2], BookingState.REQUESTED, agency="Östgöta Tolk", now=dt.datetime(2026, 8, 1)
        )
    finally:
        database.close()
    return register_with_groups


def run(database: Path, *args: str) -> int:
    return main(
        ["bookings", *args, "--from", "2026-09-01", "--to", "2026-12-31", "--database", str(database)]
    )


def test_the_agencys_list_as_xlsx(booked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lista.xlsx"
    assert run(booked, "list", "--agency", "östgöta tolk", "--out", str(out)) == 0
    assert "Bokningslistan för Östgöta Tolk (2 bokningar)" in capsys.readouterr().out
    states = [row[7] for row in load_workbook(out).active.iter_rows(min_row=5, values_only=True)]
    assert states == ["Bekräftad", "Förfrågad"]


def test_the_hours_as_pdf(booked: Path, tmp_path: Path) -> None:
    out = tmp_path / "timmar.pdf"
    assert run(booked, "hours", "--out", str(out)) == 0
    text = PdfReader(out).pages[0].extract_text() or ""
    assert "Per tolk" in text and "Ayaan Testdotter" in text


def test_an_agency_without_bookings_is_told_which_have(
    booked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(booked, "list", "--agency", "Annan", "--out", str(tmp_path / "x.pdf")) == 1
    assert "Förmedlingar med bokningar: Östgöta Tolk." in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
