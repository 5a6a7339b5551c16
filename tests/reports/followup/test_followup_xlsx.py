"""The follow-up workbook read back: one sheet per table, the domain's figures, numbers as numbers, text as text."""

import datetime as dt
import zipfile
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from openpyxl import load_workbook

from biv_desktop.domain.enums import Gender
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.errors import ReportWriteError
from biv_desktop.reports.followup import write_follow_up_xlsx
from biv_desktop.reports.followup.model import Cell, Measure, SmallCount, Unit
from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.reports.followup.xlsx import HEADER_ROW, NUMBER_FORMATS

UNITS = {number_format: unit for unit, number_format in NUMBER_FORMATS.items()}


def read_back(path: Path) -> dict[str, tuple[tuple[str, ...], list[tuple[Cell, ...]]]]:
    """Each sheet's column headings and rows, as report cells again (number formats tell the units)."""
    workbook = load_workbook(path)
    sheets = {}
    for sheet in workbook.worksheets:
        headings = tuple(cell.value or "" for cell in sheet[HEADER_ROW])
        rows: list[tuple[Cell, ...]] = []
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
            cells: list[Cell] = []
            for cell in row[: len(headings)]:
                if cell.number_format in UNITS:
                    cells.append(Measure(cell.value, UNITS[cell.number_format]))
                elif isinstance(cell.value, dt.datetime):
                    cells.append(cell.value.date())
                else:
                    cells.append("" if cell.value is None else cell.value)
            rows.append(tuple(cells))
        sheets[sheet.title] = (headings, rows)
    return sheets


@pytest.fixture
def workbook_path(figures: FollowUpFigures, tmp_path: Path) -> Path:
    return write_follow_up_xlsx(figures, tmp_path / "uppföljning.xlsx")


def _comparable(cell: Cell) -> Cell:
    # A workbook stores no empty text and no float for a whole amount: compare what a reader sees.
    if cell is None:
        return ""
    if isinstance(cell, Measure) and cell.value is not None:
        return Measure(pytest.approx(cell.value), cell.unit)  # type: ignore[arg-type]
    if isinstance(cell, SmallCount):
        return cell.label
    return cell


def test_one_sheet_per_table_with_the_tables_cells(figures: FollowUpFigures, workbook_path: Path) -> None:
    tables = report_tables(figures)
    sheets = read_back(workbook_path)
    assert list(sheets) == [table.sheet for table in tables]
    for table in tables:
        headings, rows = sheets[table.sheet]
        assert headings == tuple(heading or "" for heading in table.columns)
        if not table.rows:
            assert rows == [(table.empty_text, *[""] * (len(table.columns) - 1))]
            continue
        assert rows == [tuple(_comparable(cell) for cell in row) for row in table.rows], table.sheet


def test_the_workbook_holds_the_domains_figures(
    figures: FollowUpFigures, workbook_path: Path, tmp_path: Path
) -> None:
    sheets = read_back(workbook_path)
    summary = {row[0]: row[1] for row in sheets["Sammanfattning"][1]}
    assert summary["Unika deltagare"] == figures.participants.total.unique_participants == 5
    assert summary["Deltagartillfällen"] == figures.participants.total.participant_sessions
    assert summary["Närvarograd"] == Measure(pytest.approx(figures.participants.total.rate), Unit.SHARE)  # type: ignore[arg-type]
    groups = sheets["Grupper"][1]
    assert groups[-1] == ("Alla grupper", "", 0, 2, 2, 0, 0, 0)
    ages = sheets["Deltagare ålder och kön"][1]
    # Every count in the breakdown is 1 or 2 but the total: shown as the range, the total exact.
    assert ages[-1] == ("Alla", "1–2", "1–2", "1–2", 0, 5)
    assert ("Föräldrar/vårdnadshavare", "1–2", "1–2", 0, 0, "1–2") in ages
    exact = read_back(write_follow_up_xlsx(replace(figures, small_count_limit=0), tmp_path / "exakt.xlsx"))
    ages = exact["Deltagare ålder och kön"][1]
    by_gender = {cell.gender: cell.attendance.unique_participants for cell in figures.participants.by_gender}
    assert ages[-1] == ("Alla", *(by_gender[g] for g in Gender), 5)
    assert ("Föräldrar/vårdnadshavare", 1, 1, 0, 0, 2) in ages
    funding = sheets["Finansiering"][1]
    assert ("IOP 2024/2025", "– varav Statsbidrag", Measure(200_500, Unit.AMOUNT)) in funding


def test_quotes_that_look_like_formulas_stay_text(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Citat"]
    quotes = {cell.value: cell.data_type for cell in sheet["B"][HEADER_ROW:]}
    for text in ("=SUMMA(A1:A3) var bäst", "=) Tack för allt!", "+46 är vårt riktnummer", "@alla: tack"):
        assert quotes[text] == "s"
    effort = load_workbook(workbook_path)["Kommunikationsinsatser"]
    assert [(c.value, c.data_type) for c in effort["E"][HEADER_ROW:]][-1] == ("=Info på APT", "s")
    # And no formula anywhere in the file itself.
    with zipfile.ZipFile(workbook_path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def test_numbers_are_numbers_and_headings_bold(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    sheet = workbook["Deltagare per indelning"]
    assert all(cell.font.b for cell in sheet[HEADER_ROW])
    first = sheet[HEADER_ROW + 1]
    assert [cell.data_type for cell in first] == ["s", "s", "n", "n", "n"]
    assert first[4].number_format == "0.0%"
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.column_dimensions["B"].width >= len("BIV – Barn i väntan")
    dates = workbook["Kommunikationsinsatser"]
    assert dates.cell(HEADER_ROW + 1, 1).number_format == "yyyy-mm-dd"
    assert workbook.properties.title == "Uppföljning"


def test_writing_replaces_an_older_file_whole(figures: FollowUpFigures, tmp_path: Path) -> None:
    target = tmp_path / "rapport.xlsx"
    target.write_bytes(b"an older report")
    write_follow_up_xlsx(figures, target)
    assert zipfile.is_zipfile(target)
    assert [path.name for path in tmp_path.iterdir()] == ["rapport.xlsx"]


def test_a_missing_folder_is_told_in_swedish_and_leaves_nothing(
    figures: FollowUpFigures, tmp_path: Path
) -> None:
    with pytest.raises(ReportWriteError, match="finns inte"):
        write_follow_up_xlsx(figures, tmp_path / "saknas" / "rapport.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_label_longer_than_its_column_wraps_instead_of_being_cut_off(workbook_path: Path) -> None:
    # On paper a text runs under the next cell only when that cell is empty; the labels' next cells hold
    # the figures, so a long label lost its end ("… 90 av periodens 181 dagar", which agreement year).
    workbook = load_workbook(workbook_path)
    long_texts = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
            for cell, beside in pairwise(row):
                width = sheet.column_dimensions[cell.column_letter].width or 10.0
                if isinstance(cell.value, str) and len(cell.value) > width and beside.value is not None:
                    long_texts += 1
                    assert cell.alignment.wrap_text, (sheet.title, cell.coordinate, cell.value)
    assert long_texts > 0
