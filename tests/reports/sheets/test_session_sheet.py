"""A session's attendance sheet read back as a leader would: every name in its own script, the day, the
theme, who leads, "Träff 5 av 14", the header and confidential footer on every page, no names in metadata."""

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.reports import ReportWriteError
from biv_desktop.reports.document import CONFIDENTIAL_NOTICE
from biv_desktop.reports.sheets import session_sheet_file_name, write_session_sheet
from biv_desktop.services.printing.sheets import SessionSheet, SheetParticipant
from biv_desktop.services.schedule.reading import BookedPerson


def word_reading(words: list[Any], logical: str, as_read: Callable[[str], str]) -> Any:
    """The word box whose text reads ``logical`` (right-to-left words come in either order, by version)."""
    for word in words:
        if logical in (as_read(word.text), as_read(word.text[::-1])):
            return word
    raise AssertionError(f"no word reads {logical!r}")


@pytest.fixture
def sheet_pdf(tmp_path: Path, session_sheet: Callable[..., SessionSheet], printed_on: dt.date) -> Path:
    return write_session_sheet(tmp_path / "träff-5.pdf", session_sheet(5), printed_on)


def test_the_sheet_names_the_session_and_everyone_on_it(
    sheet_pdf: Path,
    long_names: tuple[tuple[str, str, int], ...],
    pdf_text: Callable[..., str],
    as_read: Callable[[str], str],
) -> None:
    # Long names may wrap in their cells, at a space or after a hyphen (which pdftotext drops).
    text = " ".join(as_read(pdf_text(sheet_pdf)).split()).replace("-", "")
    for expected in (
        "Närvarolista – BIV Arabiska 10–12 år, Skäggetorp, vt 2026",
        "Träff 5 av 14",
        "onsdag 4 mars 2026",
        "17:00–19:00",
        "Skäggetorps kyrkcenter",
        "Skäggetorps centrum 12, 586 62 Linköping",
        "BIV – Barn i väntan",
        "Barngrupp 10–12 år",
        "arabiska",
        "Tiden före flykten",
        "Mitt hemland, mitt hem och det jag minns och saknar.",
        "Karin Holmgren",
        "Anders Bergvik",
        "Yusuf Warsame",
        "Underskrift",
        "Anmäld",
    ):
        assert expected.replace("-", "") in text, expected
    for name, native, born in long_names:
        assert name.replace("-", "") in text, f"{name} is missing or cut"
        assert str(born) in text
        if native:
            assert unicodedata.normalize("NFC", native) in text, f"{native} is missing"


def test_an_arabic_name_reads_from_the_right_under_the_latin_one(
    sheet_pdf: Path, pdf_words: Callable[[Path], list[Any]], as_read: Callable[[str], str]
) -> None:
    words = pdf_words(sheet_pdf)
    first = word_reading(words, "فرشته", as_read)
    second = word_reading(words, "احمدی", as_read)
    latin = word_reading(words, "Fereshta", as_read)
    assert abs(first.y_min - second.y_min) < 1, "both words sit on one line"
    assert first.x_min > second.x_max, "the first word of the name is drawn to the right"
    # pdftotext's y grows downwards; Arabic letters' boxes reach higher than Latin ones, so compare middles.
    assert (first.y_min + first.y_max) / 2 > latin.y_max, "the Arabic-script name sits under the Latin one"


def test_one_row_per_participant_then_numbered_rows_for_walk_ins(
    sheet_pdf: Path, pdf_words: Callable[[Path], list[Any]]
) -> None:
    words = pdf_words(sheet_pdf)
    first_column = sorted((word for word in words if word.x_max < 70), key=lambda word: word.y_min)
    numbers = [word.text for word in first_column if word.text.isdigit()]
    # Six participants and three empty rows, numbered down the left edge.
    assert numbers == [str(number) for number in range(1, 10)]
    assert any(word.text == "Nya" for word in words)


def test_a_long_list_repeats_the_header_on_every_page(
    tmp_path: Path,
    session_sheet: Callable[..., SessionSheet],
    participants: tuple[SheetParticipant, ...],
    printed_on: dt.date,
    pdf_text: Callable[..., str],
) -> None:
    many = tuple(
        SheetParticipant(100 + index, f"Deltagare {index:02d}", "", 2010, person.role, person.joined_on, None)
        for index, person in enumerate(participants * 5)
    )
    path = write_session_sheet(tmp_path / "lång.pdf", session_sheet(5, participants=many), printed_on)
    pages = len(PdfReader(path).pages)
    assert pages >= 2
    for number in range(1, pages + 1):
        page = pdf_text(path, page=number)
        assert "Närvarolista – BIV Arabiska 10–12 år, Skäggetorp, vt 2026" in page
        assert "Träff 5 av 14 · onsdag 4 mars 2026 · 17:00–19:00 · Skäggetorps kyrkcenter" in page
        assert "Närvarande" in page  # the participants' column heads
        assert CONFIDENTIAL_NOTICE in page
        assert f"Sida {number} av {pages}" in page
        assert "Utskriven 2026-03-02" in page
    everything = pdf_text(path)
    assert all(f"Deltagare {index:02d}" in everything for index in range(30))
    assert "Underskrift" in pdf_text(path, page=pages), "the leaders sign at the end"


def test_a_sheet_with_nobody_and_no_staff_still_has_room_to_write(
    tmp_path: Path,
    session_sheet: Callable[..., SessionSheet],
    printed_on: dt.date,
    pdf_text: Callable[..., str],
) -> None:
    sheet = session_sheet(1, participants=(), leaders=(BookedPerson(1, "Karin Holmgren"),), interpreter=None)
    text = pdf_text(write_session_sheet(tmp_path / "tom.pdf", sheet, printed_on))
    assert "Ingen deltagare är inskriven den här dagen." in text
    assert "ingen tolk bokad" in text
    assert text.count("Gruppledare") >= 3  # the facts, and two rows to sign, one for a substitute


def test_a_cancelled_session_says_so(
    tmp_path: Path,
    session_sheet: Callable[..., SessionSheet],
    printed_on: dt.date,
    pdf_text: Callable[..., str],
) -> None:
    sheet = session_sheet(6, status=SessionStatus.CANCELLED)
    text = pdf_text(write_session_sheet(tmp_path / "inställd.pdf", sheet, printed_on))
    assert "Träff 6 av 14 – inställd" in text
    # Across the page too, not only in the header: the sheet is not one to take the roll on.
    assert "Träffen är inställd: listan är inte till för att ta närvaro." in text
    held = pdf_text(write_session_sheet(tmp_path / "hålls.pdf", session_sheet(6), printed_on))
    assert "Träffen är inställd" not in held


def test_metadata_has_a_neutral_title_and_no_names(
    sheet_pdf: Path, long_names: tuple[tuple[str, str, int], ...]
) -> None:
    metadata = PdfReader(sheet_pdf).metadata
    assert metadata is not None
    assert metadata.title == "Närvarolista"
    everything = " ".join(str(value) for value in metadata.values())
    for name, native, _born in long_names:
        for part in (*name.split(), *native.split()):
            assert part not in everything
    for staff in ("Holmgren", "Bergvik", "Warsame"):
        assert staff not in everything


def test_the_default_file_name_names_no_one() -> None:
    assert session_sheet_file_name(dt.date(2026, 4, 8), 12) == "narvarolista-2026-04-08-grupp-12.pdf"


def test_a_sheet_that_cannot_be_written_leaves_no_file(
    tmp_path: Path, session_sheet: Callable[..., SessionSheet]
) -> None:
    missing = tmp_path / "finns-inte" / "lista.pdf"
    with pytest.raises(ReportWriteError, match="finns inte"):
        write_session_sheet(missing, session_sheet(5))
    assert not missing.parent.exists()


def test_a_full_group_with_names_in_two_scripts_fits_one_sheet(
    tmp_path: Path,
    session_sheet: Callable[..., SessionSheet],
    participants: tuple[SheetParticipant, ...],
    printed_on: dt.date,
    pdf_text: Callable[..., str],
) -> None:
    # Seven names each written under in its own script: the leaders' block and the notes went to a
    # second sheet of their own, a third of the first left empty.
    two_scripts = [person for person in participants if person.native_name]
    full = tuple(
        replace(two_scripts[index % len(two_scripts)], id=200 + index, name=f"Deltagare {index} Haddad")
        for index in range(7)
    )
    path = write_session_sheet(tmp_path / "full.pdf", session_sheet(5, participants=full), printed_on)
    assert len(PdfReader(path).pages) == 1
    text = pdf_text(path)
    assert "Underskrift" in text and "Anteckningar" in text
