"""Small counts in the report's breakdowns of people: shown as "1–2", totals exact, the rule stated,
in the tables, the PDF, the workbook and on screen."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup import write_follow_up_pdf, write_follow_up_xlsx
from biv_desktop.reports.followup.model import ReportTable, counted, format_cell
from biv_desktop.reports.followup.sections import report_sections, report_tables
from biv_desktop.reports.followup.xlsx import HEADER_ROW
from biv_desktop.ui.followup.report_summary import summary_lines


def shown(figures: FollowUpFigures, sheet: str) -> list[tuple[str, ...]]:
    table = next(table for table in report_tables(figures) if table.sheet == sheet)
    return [tuple(format_cell(cell) for cell in row) for row in table.rows]


def the_table(figures: FollowUpFigures, sheet: str) -> ReportTable:
    return next(table for table in report_tables(figures) if table.sheet == sheet)


def test_a_count_from_one_to_the_limit_is_a_range(figures: FollowUpFigures) -> None:
    three = replace(figures, small_count_limit=3)
    assert [format_cell(counted(three, n)) for n in (0, 1, 2, 3, 4)] == ["0", "1–3", "1–3", "1–3", "4"]
    off = replace(figures, small_count_limit=0)
    assert [format_cell(counted(off, n)) for n in (0, 1, 2)] == ["0", "1", "2"]


def test_breakdowns_show_small_counts_as_a_range_and_totals_exactly(figures: FollowUpFigures) -> None:
    ages = shown(figures, "Deltagare ålder och kön")
    assert ("Föräldrar/vårdnadshavare", "1–2", "1–2", "0", "0", "1–2") in ages
    assert ages[-1] == ("Alla", "1–2", "1–2", "1–2", "0", "5")
    breakdown = shown(figures, "Deltagare per indelning")
    assert all(row[2] in ("0", "1–2") or int(row[2]) > 2 for row in breakdown[:-1])
    assert breakdown[-1][:4] == (
        "Alla deltagare",
        "",
        "5",
        format_cell(figures.participants.total.participant_sessions),
    )
    districts = [row for row in breakdown if row[0] == "Stadsdel"]
    assert districts and all(row[2] == "1–2" for row in districts)


def test_the_report_states_the_rule(figures: FollowUpFigures) -> None:
    opening = report_sections(figures)[0].introduction
    assert "antal från 1 till 2 som ”1–2”" in opening
    assert "visas som ”1–2”" in the_table(figures, "Deltagare per indelning").explanation
    assert "visas som ”1–2”" in the_table(figures, "Deltagare ålder och kön").explanation
    exact = replace(figures, small_count_limit=0)
    assert "Alla antal redovisas som de är" in report_sections(exact)[0].introduction
    assert "1–" not in the_table(exact, "Deltagare per indelning").explanation


def test_the_pdf_and_the_workbook_print_the_range(
    figures: FollowUpFigures, tmp_path: Path, pdf_lines: Callable[[Path], list[str]]
) -> None:
    lines = pdf_lines(write_follow_up_pdf(figures, tmp_path / "rapport.pdf"))
    assert any(line.startswith("Föräldrar/vårdnadshavare") and "1–2 1–2 0 0 1–2" in line for line in lines)
    workbook = load_workbook(write_follow_up_xlsx(figures, tmp_path / "rapport.xlsx"))
    sheet = workbook["Deltagare ålder och kön"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert ["Föräldrar/vårdnadshavare", "1–2", "1–2", 0, 0, "1–2"] in values
    assert values[-1][-1] == 5


def test_the_screen_shows_children_and_parents_the_same_way(figures: FollowUpFigures) -> None:
    lines = dict(summary_lines(figures))
    assert lines["Deltagare"] == "5 (3 barn och unga, 1–2 föräldrar)"
