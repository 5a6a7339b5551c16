"""Long and broken text never breaks the report: a pasted link wraps, an endless text is cut with a mark,
and what is not text (U+FFFE, U+FFFF, a lone surrogate) never reaches the PDF or the workbook."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from biv_desktop.domain.followup.figures import FollowUpFigures, NamedAttendance
from biv_desktop.reports.followup import write_follow_up_pdf, write_follow_up_xlsx
from biv_desktop.reports.followup.xlsx import CUT_MARK, HEADER_ROW, LONGEST_CELL_TEXT

LINK = "https://exempel.se/" + "a" * 593  # one word of 612 characters


def with_quotes(figures: FollowUpFigures, *quotes: str) -> FollowUpFigures:
    first = figures.feedback[0]
    return replace(figures, feedback=(replace(first, quotes=(*first.quotes, *quotes)), *figures.feedback[1:]))


def test_a_612_character_word_wraps_inside_its_cell(
    figures: FollowUpFigures, tmp_path: Path, pdf_lines: Callable[[Path], list[str]]
) -> None:
    longer = with_quotes(figures, LINK, f"Se {LINK} tack", "م" * 612)
    path = write_follow_up_pdf(longer, tmp_path / "lång.pdf")
    plain = write_follow_up_pdf(figures, tmp_path / "vanlig.pdf")
    lines = pdf_lines(path)
    # The link is printed whole, over several lines of its cell, and no line runs off the page.
    pieces = [line for line in lines if "aaaaaaaaaa" in line]
    assert len(pieces) >= 6
    assert "".join(line.replace("Barngrupp", "").replace(" ", "") for line in pieces).count("a") >= 2 * 593
    width = float(PdfReader(path).pages[0].mediabox.width)
    assert width < 600
    # Only a page or two more than without the quotes.
    assert len(PdfReader(path).pages) <= len(PdfReader(plain).pages) + 2


def test_an_endless_text_is_cut_with_a_mark(figures: FollowUpFigures, tmp_path: Path) -> None:
    endless = "ord " * 20_000
    longer = with_quotes(figures, endless)
    pdf = write_follow_up_pdf(longer, tmp_path / "lång.pdf")
    assert len(PdfReader(pdf).pages) < 20
    workbook = load_workbook(write_follow_up_xlsx(with_quotes(figures, "x" * 40_000), tmp_path / "lång.xlsx"))
    quotes = [cell.value for cell in workbook["Citat"]["B"][HEADER_ROW:] if cell.value]
    (cut,) = [quote for quote in quotes if quote.startswith("xxx")]
    assert cut.endswith(CUT_MARK)
    assert len(cut) == LONGEST_CELL_TEXT


def test_characters_xml_cannot_hold_are_left_out_of_both_files(
    figures: FollowUpFigures, tmp_path: Path, pdf_lines: Callable[[Path], list[str]]
) -> None:
    participants = figures.participants
    district = NamedAttendance("Ryd\ufffe\uffff", participants.by_district[0].attendance)
    broken = with_quotes(
        replace(figures, participants=replace(participants, by_district=(district,))),
        "Tack\ufffe för\ud800 allt\uffff",
    )
    workbook = load_workbook(write_follow_up_xlsx(broken, tmp_path / "tecken.xlsx"))
    texts = [str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert "Tack för allt" in texts
    assert "Ryd" in texts
    assert not any(char in text for text in texts for char in "\ufffe\uffff\ud800")
    lines = pdf_lines(write_follow_up_pdf(broken, tmp_path / "tecken.pdf"))
    assert any("Tack för allt" in line for line in lines)
