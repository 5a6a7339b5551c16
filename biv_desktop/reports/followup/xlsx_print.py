"""The follow-up workbook's sheets set up for paper: A4, as wide as the page, the column headings repeated on
every page, and "Konfidentiellt" in every page's header, so a sheet printed from a spreadsheet program
keeps its tables whole and marked like the PDF (without it the 7-page report printed as 41 pages of split
tables, unmarked).
"""

from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from biv_desktop.reports.document import AGGREGATE_NOTICE

# Wider than this (in characters, the unit of column widths) and a sheet is printed landscape.
PORTRAIT_WIDTH = 95.0
# A line of wrapped text in the heading rows: its height in points, and the characters it holds per
# unit of column width (more than one: the unit is a digit's width, most letters are narrower).
LINE_POINTS = 15.0
CHARACTERS_PER_WIDTH = 1.2


def _header_text(text: str) -> str:
    # "&" starts a code in a header (&P is the page number): a literal one is written twice.
    return text.replace("&", "&&")


def wrapped_lines(text: str, width: float) -> int:
    """About how many lines a text takes when wrapped in a column this wide (in character units)."""
    per_line = int(max(10.0, width * CHARACTERS_PER_WIDTH))
    return max(1, sum(max(1, -(-len(line) // per_line)) for line in text.split("\n")))


def row_height(lines: int) -> float:
    """The height, in points, of a row of this many lines."""
    return LINE_POINTS * lines + 2


def _wrap_across(sheet: Any, row: int, columns: int, width: float) -> None:
    """Let the text in column A of a heading row wrap across the table's width, and give it the height."""
    cell = sheet.cell(row=row, column=1)
    if columns > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[row].height = row_height(wrapped_lines(str(cell.value or ""), width))


def set_up_for_print(
    sheet: Any, columns: int, last_row: int, header_row: int, text_rows: tuple[int, ...]
) -> None:
    """Page setup for a sheet whose table has ``columns`` columns, headings on ``header_row`` and rows to
    ``last_row``; the rows ``text_rows`` (title, period, explanation) wrap across the table's width."""
    width = sum(
        sheet.column_dimensions[get_column_letter(column)].width or 10.0 for column in range(1, columns + 1)
    )
    for row in text_rows:
        _wrap_across(sheet, row, columns, width)
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    # As wide as one page, as many pages long as it takes.
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(columns)}{last_row}"
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    for header in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
        header.left.text = _header_text(AGGREGATE_NOTICE)
        header.left.size = 8
        header.right.text = "&A"  # the sheet's name: which table the page belongs to
        header.right.size = 8
    for footer in (sheet.oddFooter, sheet.evenFooter, sheet.firstFooter):
        footer.left.text = _header_text("Konfidentiellt")
        footer.left.size = 8
        footer.right.text = "Sida &P av &N"
        footer.right.size = 8
