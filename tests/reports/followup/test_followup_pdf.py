"""The follow-up PDF: every table's figures on the page, the same as the workbook's, A4 with charts."""

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup import write_follow_up_pdf, write_follow_up_xlsx
from biv_desktop.reports.followup.charts import CHART_TITLES
from biv_desktop.reports.followup.model import Cell, Measure, ReportTable, format_cell
from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.reports.followup.xlsx import HEADER_ROW, NUMBER_FORMATS
from biv_desktop.reports.text import script_of

Lines = Callable[[Path], list[str]]
UNITS = {number_format: unit for unit, number_format in NUMBER_FORMATS.items()}


def _is_latin(text: str) -> bool:
    return all(script_of(char) is None or script_of(char).value == "latin" for char in text)  # type: ignore[union-attr]


def assert_row_printed(row: tuple[Cell, ...], lines: list[str], words: set[str], where: str) -> None:
    """A row is on the page: its numbers in order on one line with the first words of its label, and
    every word of its texts somewhere (long texts wrap over lines)."""
    texts = [cell for cell in row if isinstance(cell, str) and cell]
    numbers = [format_cell(cell) for cell in row if cell is not None and not isinstance(cell, str)]
    for text in texts:
        if _is_latin(text):
            assert set(text.split()) <= words, f"{where}: {text!r}"
    if not numbers:
        return
    pattern = re.compile(r"(?<!\S)" + r"\s".join(re.escape(number) for number in numbers) + r"(?!\S)")
    # The label's first words: a long label wraps, but its beginning shares the line with the numbers.
    label = " ".join(texts[-1].split()[:3]) if texts else ""
    matching = [line for line in lines if pattern.search(line) and label in line]
    assert matching, f"{where}: {row!r} not found as {numbers} beside {label!r}"


def assert_table_printed(
    table: ReportTable, rows: list[tuple[Cell, ...]], lines: list[str], where: str
) -> None:
    words = {word for line in lines for word in line.split()}
    assert table.title in lines, f"{where}: heading {table.title!r}"
    for row in rows:
        assert_row_printed(row, lines, words, where)


def test_every_table_is_printed_with_its_heading_and_figures(
    figures: FollowUpFigures, tmp_path: Path, pdf_lines: Lines
) -> None:
    lines = pdf_lines(write_follow_up_pdf(figures, tmp_path / "uppföljning.pdf"))
    for table in report_tables(figures):
        assert_table_printed(table, list(table.rows), lines, table.sheet)


def _xlsx_rows(path: Path) -> dict[str, list[tuple[Cell, ...]]]:
    sheets = {}
    for sheet in load_workbook(path).worksheets:
        width = sum(1 for cell in sheet[HEADER_ROW] if cell.value is not None)
        rows = []
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=width):
            cells: list[Cell] = []
            for cell in row:
                if cell.number_format in UNITS:
                    cells.append(Measure(cell.value, UNITS[cell.number_format]))
                elif isinstance(cell.value, dt.datetime):
                    cells.append(cell.value.date())
                else:
                    cells.append(cell.value)
            rows.append(tuple(cells))
        sheets[sheet.title] = rows
    return sheets


def test_the_workbooks_figures_are_the_pdfs(
    figures: FollowUpFigures, tmp_path: Path, pdf_lines: Lines
) -> None:
    lines = pdf_lines(write_follow_up_pdf(figures, tmp_path / "uppföljning.pdf"))
    workbook = _xlsx_rows(write_follow_up_xlsx(figures, tmp_path / "uppföljning.xlsx"))
    tables = {table.sheet: table for table in report_tables(figures)}
    assert set(workbook) == set(tables)
    for sheet, rows in workbook.items():
        if tables[sheet].rows:
            assert_table_printed(tables[sheet], rows, lines, f"{sheet} (xlsx)")
    summary = {row[0]: row[1] for row in workbook["Sammanfattning"]}
    printed = f"Unika deltagare {format_cell(summary['Unika deltagare'])}"
    assert printed in lines and summary["Unika deltagare"] == figures.participants.total.unique_participants


def test_explanations_and_charts_are_there(
    figures: FollowUpFigures, tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    text = re.sub(r"\s+", " ", pdf_text(write_follow_up_pdf(figures, tmp_path / "u.pdf")))
    assert "Deltagartillfällen = antal närvaromarkeringar ”närvarande” vid genomförda träffar." in text
    assert "Unika deltagare = personer som var närvarande minst en gång i perioden" in text
    assert "den ålder barnet fyller under det kalenderår träffen hölls" in text
    for title in CHART_TITLES.values():
        assert title in text
    # The charts' own labels: age groups, genders, languages and months.
    for label in ("Flickor/kvinnor", "Pojkar/män", "Föräldrar", "Arabiska", "okt 24"):
        assert label in text
    # Marked confidential, but not as holding personal data: the report names no one.
    assert "Konfidentiellt – sammanställning utan personuppgifter" in text
    assert "innehåller personuppgifter" not in text


def test_a4_portrait_with_a_neutral_title(figures: FollowUpFigures, tmp_path: Path) -> None:
    reader = PdfReader(write_follow_up_pdf(figures, tmp_path / "u.pdf"))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert reader.metadata is not None and reader.metadata.title == "Uppföljning"


def test_stored_figures_print_the_same_report(figures: FollowUpFigures, tmp_path: Path) -> None:
    stored = FollowUpFigures.from_json(figures.to_json())
    assert report_tables(stored) == report_tables(figures)
    first = write_follow_up_pdf(figures, tmp_path / "a.pdf").read_bytes()
    assert write_follow_up_pdf(stored, tmp_path / "b.pdf").read_bytes() == first


def test_an_empty_period_prints_sentences_not_empty_tables(
    tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    from biv_desktop.domain.followup.period import Period
    from biv_desktop.domain.followup.records import FollowUpRecords
    from biv_desktop.domain.followup.report import compute_follow_up

    empty = compute_follow_up(
        FollowUpRecords(), Period(dt.date(2030, 1, 1), dt.date(2030, 6, 30)), dt.date(2030, 7, 1)
    )
    text = re.sub(r"\s+", " ", pdf_text(write_follow_up_pdf(empty, tmp_path / "tom.pdf")))
    for sentence in (
        "Inga utvärderingar samlades in under perioden.",
        "Inga kommunikationsinsatser under perioden.",
        "Ingen överenskommelse gäller under perioden.",
        "Inga deltagare i perioden.",
    ):
        assert sentence in text
    assert write_follow_up_xlsx(empty, tmp_path / "tom.xlsx").exists()
    assert "Närvarograd –" in text
