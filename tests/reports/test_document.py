"""A printout read back as a person would: every script's names, Arabic as typed and right to left, the header
on every page, the confidential footer with page count, and metadata without names."""

import datetime as dt
import io
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from biv_desktop.reports.document import CONFIDENTIAL_NOTICE, Orientation, Printout
from biv_desktop.reports.drawing import ScriptText

PRINTED_ON = dt.date(2024, 4, 8)


def attendance_like_printout(orientation: Orientation = Orientation.PORTRAIT) -> Printout:
    return Printout(
        document_title="Närvarolista",
        heading="Närvarolista – Barngrupp Ryd",
        subheading="Vårterminen 2024",
        printed_on=PRINTED_ON,
        orientation=orientation,
    )


def names_table(names: list[str]) -> Table:
    rows: list[list[Flowable]] = [[ScriptText("Namn", bold=True), ScriptText("Född", bold=True)]]
    rows += [[ScriptText(name, size=11), ScriptText(str(2012 + index))] for index, name in enumerate(names)]
    table = Table(rows, colWidths=[200, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
    return table


@pytest.fixture
def names_pdf(tmp_path: Path, names: dict[str, str]) -> Path:
    path = tmp_path / "närvarolista.pdf"
    attendance_like_printout().save(path, [names_table(list(names.values()))])
    return path


def test_every_name_comes_back_from_the_pdf_text(
    names_pdf: Path, names: dict[str, str], pdf_text: Callable[..., str], as_read: Callable[[str], str]
) -> None:
    text = as_read(pdf_text(names_pdf))
    for script, name in names.items():
        assert unicodedata.normalize("NFC", name) in text, f"the {script} name did not come back"


def _word_matching(words: list[Any], logical: str, as_read: Callable[[str], str]) -> Any:
    # pdftotext gives a right-to-left word's letters in drawing order or reading order, by version.
    for word in words:
        if logical in (as_read(word.text), as_read(word.text[::-1])):
            return word
    raise AssertionError(f"no word reads {logical!r}")


@pytest.mark.parametrize("script", ["arabic", "dari"])
def test_arabic_script_words_are_drawn_right_to_left(
    script: str,
    names_pdf: Path,
    names: dict[str, str],
    pdf_words: Callable[[Path], list[Any]],
    as_read: Callable[[str], str],
) -> None:
    first, second = names[script].split()
    words = pdf_words(names_pdf)
    first_word = _word_matching(words, first, as_read)
    second_word = _word_matching(words, second, as_read)
    assert abs(first_word.y_min - second_word.y_min) < 1, "both words sit on one line"
    assert first_word.x_min > second_word.x_max, "the first word of the name is drawn to the right"


def test_latin_words_stay_left_to_right(
    names_pdf: Path,
    names: dict[str, str],
    pdf_words: Callable[[Path], list[Any]],
    as_read: Callable[[str], str],
) -> None:
    first, second = names["ukrainian"].split()
    words = pdf_words(names_pdf)
    assert _word_matching(words, first, as_read).x_max < _word_matching(words, second, as_read).x_min


def test_arabic_script_names_come_back_as_the_letters_typed(
    names_pdf: Path, names: dict[str, str], pdf_text: Callable[..., str]
) -> None:
    # Copying or searching finds the stored letters, not the joined presentation forms that are drawn.
    text = pdf_text(names_pdf)
    assert not [char for char in text if 0xFB50 <= ord(char) <= 0xFEFF], "presentation forms in the text"
    for script in ("arabic", "dari"):
        assert names[script] in text


def test_two_pages_carry_header_confidential_footer_date_and_page_count(
    tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    path = tmp_path / "två-sidor.pdf"
    printout = attendance_like_printout()
    printout.save(path, [ScriptText("Första sidan"), PageBreak(), ScriptText("Andra sidan")])
    for number in (1, 2):
        page = pdf_text(path, page=number)
        assert "Närvarolista – Barngrupp Ryd" in page
        assert "Vårterminen 2024" in page
        assert CONFIDENTIAL_NOTICE in page
        assert "Utskriven 2024-04-08" in page
        assert f"Sida {number} av 2" in page
    assert "Första sidan" in pdf_text(path, page=1)
    assert "Andra sidan" in pdf_text(path, page=2)


def test_a_long_table_flows_over_pages_each_with_the_header(
    tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    path = tmp_path / "lång.pdf"
    rows = [f"Deltagare {number}" for number in range(1, 121)]
    with path.open("wb") as stream:
        page_count = attendance_like_printout(Orientation.LANDSCAPE).build(stream, [names_table(rows)])
    assert page_count > 2
    assert len(PdfReader(path).pages) == page_count
    last = pdf_text(path, page=page_count)
    assert f"Sida {page_count} av {page_count}" in last
    assert "Närvarolista – Barngrupp Ryd" in last
    assert "Deltagare 120" in last


def test_metadata_holds_the_neutral_title_and_no_names(names_pdf: Path, names: dict[str, str]) -> None:
    metadata = PdfReader(names_pdf).metadata
    assert metadata is not None
    assert metadata.title == "Närvarolista"
    assert metadata.author == "BIV Desktop"
    assert not metadata.subject
    everything = " ".join(str(value) for value in metadata.values())
    for name in names.values():
        for part in name.split():
            assert part not in everything


def test_the_same_printout_gives_the_same_bytes(names: dict[str, str]) -> None:
    def build() -> bytes:
        stream = io.BytesIO()
        attendance_like_printout().build(stream, [names_table(list(names.values()))])
        return stream.getvalue()

    assert build() == build()


def test_landscape_and_portrait_are_a4(tmp_path: Path) -> None:
    for orientation, (width, height) in (
        (Orientation.PORTRAIT, (595, 842)),
        (Orientation.LANDSCAPE, (842, 595)),
    ):
        path = tmp_path / f"{orientation.value}.pdf"
        printout = attendance_like_printout(orientation)
        printout.save(path, [ScriptText("Sida")])
        box = PdfReader(path).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (width, height)
        assert printout.content_width == pytest.approx(float(box.width) - 30 * mm)


def test_the_callers_story_is_left_as_it_was(tmp_path: Path) -> None:
    story: list[Flowable] = [ScriptText("Första"), PageBreak(), ScriptText("Andra")]
    printout = attendance_like_printout()
    printout.save(tmp_path / "a.pdf", story)
    assert len(story) == 3


def test_an_empty_printout_is_still_one_page_with_header_and_footer(
    tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    path = tmp_path / "tom.pdf"
    attendance_like_printout().save(path, [])
    page = pdf_text(path)
    assert "Närvarolista – Barngrupp Ryd" in page
    assert "Sida 1 av 1" in page
