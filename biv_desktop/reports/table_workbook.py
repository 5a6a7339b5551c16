"""A plain table as an XLSX workbook: a title, a line under it, bold frozen column heads, then the rows.

For the lists sent to others (an agency's booking list, the hours per interpreter): numbers and dates stay
numbers and dates; text is always stored as text (openpyxl would store '=…' as a live formula).
"""

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from biv_desktop.reports.files import write_pdf_atomically

Value = str | int | float | dt.date | None
HEADER_ROW = 4
WIDEST = 50


def _put(sheet: Any, row: int, column: int, value: Value) -> None:
    cell = sheet.cell(row=row, column=column)
    if value is None or value == "":
        return
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = "yyyy-mm-dd"
        elif isinstance(value, float):
            cell.number_format = "0.0"


def table_workbook(
    title: str, subtitle: str, headers: Sequence[str], rows: Sequence[Sequence[Value]], sheet_name: str
) -> Any:
    """The workbook of one sheet holding the table."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    _put(sheet, 1, 1, title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    _put(sheet, 2, 1, subtitle)
    for column, header in enumerate(headers, start=1):
        _put(sheet, HEADER_ROW, column, header)
        sheet.cell(row=HEADER_ROW, column=column).font = Font(bold=True)
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            _put(sheet, HEADER_ROW + offset, column, value)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    for column, header in enumerate(headers, start=1):
        texts = [header, *(str(row[column - 1]) for row in rows if row[column - 1] is not None)]
        sheet.column_dimensions[get_column_letter(column)].width = min(max(map(len, texts)) + 2, WIDEST)
    book.properties.creator = "BIV Desktop"
    return book


def write_table_workbook(
    path: Path,
    title: str,
    subtitle: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Value]],
    sheet_name: str,
) -> Path:
    """Save the table as an XLSX file at path, whole or not at all."""
    book = table_workbook(title, subtitle, headers, rows, sheet_name)

    def build(stream: BinaryIO) -> None:
        book.save(stream)

    return write_pdf_atomically(path, build)
