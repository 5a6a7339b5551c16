"""The follow-up report as an XLSX workbook: one sheet per table, numbers as numbers, text always as text.

Each sheet starts with the table's heading, the period and the explanation, then the column headings (bold,
frozen) on row HEADER_ROW and the rows below; each is set up for print (``xlsx_print``). A text cell is always stored as text: openpyxl would store a
quote such as "=) Tack" as a live formula, so every text cell's type is set to string after assigning it.
"""

import datetime as dt
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from biv_desktop.domain.characters import without_non_text
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.files import write_pdf_atomically
from biv_desktop.reports.followup.model import Cell, Measure, ReportTable, SmallCount, Unit, format_cell
from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.reports.followup.xlsx_print import row_height, set_up_for_print, wrapped_lines

TITLE_ROW, PERIOD_ROW, EXPLANATION_ROW, HEADER_ROW = 1, 2, 3, 5
NUMBER_FORMATS = {Unit.SHARE: "0.0%", Unit.DECIMAL: "0.0", Unit.AMOUNT: '#,##0 "kr"'}
DATE_FORMAT = "yyyy-mm-dd"
NARROW_LIMIT, WIDE_LIMIT = 45, 70
# What a spreadsheet cell holds at most; a longer text is cut and ends with CUT_MARK.
LONGEST_CELL_TEXT = 32_767
CUT_MARK = " […]"
HEADER_FILL = PatternFill("solid", start_color="E6E6E6", end_color="E6E6E6")


def _put_text(sheet: Any, row: int, column: int, text: str) -> Any:
    cell = sheet.cell(row=row, column=column)
    # Characters XML cannot hold (stray control characters in a pasted quote, U+FFFE, a lone surrogate)
    # would make the whole file unreadable; a text longer than a cell takes is cut with a mark.
    text = ILLEGAL_CHARACTERS_RE.sub("", without_non_text(text))
    if len(text) > LONGEST_CELL_TEXT:
        text = text[: LONGEST_CELL_TEXT - len(CUT_MARK)] + CUT_MARK
    cell.value = text
    cell.data_type = "s"
    return cell


def _put(sheet: Any, row: int, column: int, value: Cell) -> Any:
    if value == "":
        return sheet.cell(row=row, column=column)  # left empty rather than an empty text
    if isinstance(value, str):
        return _put_text(sheet, row, column, value)
    if isinstance(value, SmallCount):
        # A range, not a number: stored as text so no sum over the column can take it for one.
        small = _put_text(sheet, row, column, value.label)
        small.alignment = Alignment(horizontal="right")
        return small
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Measure):
        cell.value = value.value
        cell.number_format = NUMBER_FORMATS[value.unit]
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value
    return cell


def _width(table: ReportTable, column: int) -> float:
    texts = [table.columns[column], *(format_cell(row[column]) for row in table.rows)]
    limit = WIDE_LIMIT if column in table.wide_columns else NARROW_LIMIT
    return min(max(len(text) for text in texts) + 2, limit)


def _fill_sheet(sheet: Any, table: ReportTable, figures: FollowUpFigures) -> None:
    _put_text(sheet, TITLE_ROW, 1, table.title).font = Font(bold=True, size=13)
    _put_text(
        sheet,
        PERIOD_ROW,
        1,
        f"Perioden {figures.period.label}, sammanställd {figures.compiled_on.isoformat()}",
    )
    _put_text(sheet, EXPLANATION_ROW, 1, table.explanation).font = Font(italic=True)
    for column, heading in enumerate(table.columns, start=1):
        cell = _put_text(sheet, HEADER_ROW, column, heading)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    first_total = len(table.rows) - table.total_rows
    widths = [_width(table, column) for column in range(len(table.columns))]
    for index, row in enumerate(table.rows):
        lines = 1
        for column, value in enumerate(row, start=1):
            cell = _put(sheet, HEADER_ROW + 1 + index, column, value)
            if index >= first_total:
                cell.font = Font(bold=True)
            # A wide column wraps, and so does any text longer than its column is wide (a label of the
            # first column, up to 100 characters): cut off by the next cell, it lost what it was about.
            if column - 1 in table.wide_columns or len(format_cell(value)) > widths[column - 1]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                lines = max(lines, wrapped_lines(format_cell(value), widths[column - 1]))
            else:
                # A row grown for a wrapped text reads from its top line.
                cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top")
        if lines > 1:
            # Spreadsheet programs do not always grow a row to its wrapped text; printed, it would overlap.
            sheet.row_dimensions[HEADER_ROW + 1 + index].height = row_height(lines)
    if not table.rows:
        _put_text(sheet, HEADER_ROW + 1, 1, table.empty_text)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    set_up_for_print(
        sheet,
        columns=len(table.columns),
        last_row=HEADER_ROW + max(1, len(table.rows)),
        header_row=HEADER_ROW,
        text_rows=(TITLE_ROW, PERIOD_ROW, EXPLANATION_ROW),
    )


def follow_up_workbook(figures: FollowUpFigures) -> Any:
    """The report's workbook, one sheet per table in the report's order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    # Neutral metadata: the file carries no name of a person.
    workbook.properties.title = "Uppföljning"
    workbook.properties.creator = "BIV Desktop"
    workbook.properties.lastModifiedBy = "BIV Desktop"
    for table in report_tables(figures):
        _fill_sheet(workbook.create_sheet(title=table.sheet), table, figures)
    return workbook


def write_follow_up_xlsx(figures: FollowUpFigures, path: Path) -> Path:
    """Write the report as an XLSX workbook at path, whole or not at all; ReportWriteError if it cannot."""
    workbook = follow_up_workbook(figures)

    def build(stream: BinaryIO) -> None:
        workbook.save(stream)

    return write_pdf_atomically(path, build)
