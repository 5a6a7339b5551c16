"""The course sheet read back: landscape A4, the fourteen dates and themes in the column heads, 'inställd'
for a cancelled session, and marks and sums only in the filled version."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from biv_desktop.reports.sheets import course_sheet_file_name, write_course_sheet
from biv_desktop.services.printing.sheets import CourseSheet

MONTHS = {2: "feb", 3: "mar", 4: "apr", 5: "maj"}


@pytest.fixture
def filled(tmp_path: Path, course_sheet: CourseSheet, printed_on: dt.date) -> Path:
    return write_course_sheet(tmp_path / "ifylld.pdf", course_sheet, printed_on)


@pytest.fixture
def blank(tmp_path: Path, course_sheet: CourseSheet, printed_on: dt.date) -> Path:
    return write_course_sheet(tmp_path / "tom.pdf", course_sheet, printed_on, blank=True)


def flat(text: str) -> str:
    """Text on one line without hyphens: a name may wrap in its cell at a space or after a hyphen, and
    pdftotext drops a hyphen that ends a line."""
    return " ".join(text.split()).replace("-", "")


def row_cells(words: list[Any], label: str) -> list[str]:
    """What a row holds from the birth year on, left to right: the row found by its number (or label)
    in the first column, every cell but the name's being centred on the row's middle."""
    first = next(word for word in words if word.text == label and word.x_max < 75)
    born = next(word for word in words if word.text == "Född")
    middle = (first.y_min + first.y_max) / 2
    cells = [
        word
        for word in words
        if word.page == first.page and word.y_min < middle < word.y_max and word.x_min >= born.x_min - 4
    ]
    return [word.text for word in sorted(cells, key=lambda word: word.x_min)]


def test_the_course_sheet_is_landscape_with_every_date_and_theme(
    filled: Path, course_sheet: CourseSheet, pdf_text: Callable[..., str], as_read: Callable[[str], str]
) -> None:
    box = PdfReader(filled).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = as_read(pdf_text(filled))
    dates = [column.date for column in course_sheet.sessions]
    assert len(dates) == 14
    for day in dates:
        assert f"{day.day} {MONTHS[day.month]}" in text, day
    # Themes are turned up their columns and may wrap: every word of every theme is there.
    words = set(text.split())
    for column in course_sheet.sessions:
        if column.takes_place:
            assert set(column.theme.split()) <= words, column.theme
    assert "inställd" in text
    assert "Närvarolista för hela kursen – BIV Arabiska 10–12 år, Skäggetorp, vt 2026" in text
    assert "Gruppledare: Karin Holmgren, Anders Bergvik" in text
    assert "Tolk: Yusuf Warsame" in text
    assert "2026-02-04 – 2026-05-06" in text
    assert "Sida 1 av 1" in text


def test_every_participant_is_listed_with_the_native_name(
    filled: Path,
    long_names: tuple[tuple[str, str, int], ...],
    pdf_text: Callable[..., str],
    as_read: Callable[[str], str],
) -> None:
    text = flat(as_read(pdf_text(filled)))
    for name, native, born in long_names:
        assert flat(name) in text
        assert str(born) in text
        if native:
            assert native in text


def test_the_filled_sheet_marks_and_sums_what_was_recorded(
    filled: Path, pdf_words: Callable[[Path], list[Any]], pdf_text: Callable[..., str]
) -> None:
    words = pdf_words(filled)
    # The second child: notified absent at session 2, present at the six other sessions held so far
    # (check marks are drawn, not written, so only the letters and the sum are text).
    assert row_cells(words, "2") == ["2015", "A", "6"]
    # The fourth: absent without notice at session 3.
    assert row_cells(words, "4") == ["2014", "F", "6"]
    assert row_cells(words, "1") == ["2014", "7"]
    # Sessions 1–5 and 7–8 held (6 was cancelled); nothing recorded for the rest yet, so no zero either.
    assert row_cells(words, "Antal") == ["6", "5", "5", "6", "6", "6", "6"]
    text = pdf_text(filled)
    assert "Förklaring:" in text
    assert "anmäld frånvaro" in text


def test_the_blank_sheet_has_no_marks_and_rows_for_newcomers(
    blank: Path, pdf_words: Callable[[Path], list[Any]], pdf_text: Callable[..., str]
) -> None:
    words = pdf_words(blank)
    assert row_cells(words, "2") == ["2015"], "nothing after the birth year"
    assert row_cells(words, "Antal") == []
    first_column = sorted((word for word in words if word.x_max < 75), key=lambda word: word.y_min)
    numbers = [word.text for word in first_column if word.text.isdigit()]
    assert numbers == [str(number) for number in range(1, 9)], "six participants and two empty rows"
    text = pdf_text(blank)
    assert "Skriv i rutorna:" in text
    assert "Att fylla i för hand vid varje träff." in text


def test_metadata_names_no_one(filled: Path, long_names: tuple[tuple[str, str, int], ...]) -> None:
    metadata = PdfReader(filled).metadata
    assert metadata is not None
    assert metadata.title == "Närvarolista för hela kursen"
    everything = " ".join(str(value) for value in metadata.values())
    for name, _native, _born in long_names:
        assert not any(part in everything for part in name.split())


def test_file_names_say_which_group_and_version() -> None:
    assert course_sheet_file_name(12, blank=False) == "narvaro-hela-kursen-grupp-12.pdf"
    assert course_sheet_file_name(12, blank=True) == "narvaro-hela-kursen-grupp-12-tom.pdf"
