"""Reading the coordinator's spreadsheet: an XLSX workbook, or a CSV file as Swedish Excel saves it.

Nothing here writes or evaluates anything. An XLSX file is opened read-only; a formula cell gives the
value Excel last saved for it, or, when there is none, its text, flagged so the row can say so. A CSV
file may use semicolons (Swedish Excel), commas or tabs, and be UTF-8 with or without a byte-order mark
or Windows-1252. Every refusal is an ``ImportFileError`` with a Swedish sentence and a way forward.
"""

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from biv_desktop.domain.errors import UserError
from biv_desktop.services.participants.importing.columns import header_score
from biv_desktop.services.participants.importing.sheet_xml import SheetRow, sheet_rows

# What a cell can hold once read: text, a number, a day or a moment, a yes/no, or nothing.
CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time | None

MAX_ROWS = 100_000
MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 20
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc) format


class ImportFileError(UserError):
    """A file that cannot be imported: not a spreadsheet, damaged, empty, or without the sheet asked for."""


@dataclass(frozen=True)
class RawRow:
    """One row under the header as the file holds it; ``line`` is the row number the spreadsheet shows.

    ``formulas`` are the columns whose cell was a formula without a saved value, read as its text."""

    line: int
    cells: tuple[CellValue, ...]
    formulas: frozenset[int] = field(default_factory=frozenset)

    def cell(self, column: int) -> CellValue:
        return self.cells[column] if column < len(self.cells) else None


@dataclass(frozen=True)
class SpreadsheetTable:
    """A sheet as read: its header row and every row below it that is not empty."""

    path: Path
    sheet: str
    sheets: tuple[str, ...]  # every sheet in the file, to choose another; one name for a CSV file
    header_line: int
    headers: tuple[str, ...]
    rows: tuple[RawRow, ...]


def read_spreadsheet(path: Path, sheet: str | None = None) -> SpreadsheetTable:
    """Read ``sheet`` (the first when None) of the XLSX or CSV file at ``path``, finding its header row."""
    path = Path(path).expanduser()
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except FileNotFoundError as error:
        raise ImportFileError(f"Filen {path} finns inte. Välj filen igen.", path) from error
    except IsADirectoryError as error:
        raise ImportFileError(
            f"{path} är en mapp. Välj en kalkylarksfil (.xlsx eller .csv).", path
        ) from error
    except OSError as error:
        raise ImportFileError(f"Filen {path} gick inte att läsa: {error.strerror or error}.", path) from error
    if not start:
        raise ImportFileError(f"Filen {path.name} är tom. Välj filen där listan är sparad.", path)
    if start.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"{path.name} är en fil i Excels gamla format (.xls). Öppna den i Excel och spara den som "
            "Excel-arbetsbok (.xlsx) eller CSV (semikolonavgränsad), och välj sedan den filen.",
            path,
        )
    if start.startswith(_ZIP_MAGIC) or path.suffix.lower() in XLSX_SUFFIXES:
        sheets, name, grid = _read_xlsx(path, sheet)
    else:
        sheets, name, grid = _read_csv(path, sheet)
    return _table(path, sheets, name, grid)


# ---- XLSX -----------------------------------------------------------------------------------------


def _not_a_spreadsheet(path: Path) -> ImportFileError:
    return ImportFileError(
        f"{path.name} är inte ett kalkylark som programmet kan läsa, eller så är filen skadad. Spara listan "
        "i Excel som Excel-arbetsbok (.xlsx) eller CSV (semikolonavgränsad) och försök igen.",
        path,
    )


def _open_workbook(path: Path, *, data_only: bool) -> Any:
    from openpyxl import load_workbook

    try:
        # read_only streams the rows; data_only gives a formula's saved value. Neither ever evaluates.
        return load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as error:
        raise _not_a_spreadsheet(path) from error
    except Exception as error:  # openpyxl and lxml raise their own kinds for a damaged part
        raise _not_a_spreadsheet(path) from error


def _pick_sheet(path: Path, names: list[str], wanted: str | None) -> str:
    if not names:
        raise ImportFileError(f"{path.name} har inga blad att läsa.", path)
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    folded = {name.casefold(): name for name in names}
    if wanted.casefold() in folded:
        return folded[wanted.casefold()]
    raise ImportFileError(
        f"Bladet ”{wanted}” finns inte i {path.name}. Bladen heter: {', '.join(names)}.", path
    )


def _sheet_rows(worksheet: Any) -> Iterator[tuple[Any, ...]]:
    try:
        yield from worksheet.iter_rows()
    except Exception as error:  # a damaged sheet fails only while its rows stream
        raise ValueError(str(error)) from error


def _read_xlsx(path: Path, wanted: str | None) -> tuple[tuple[str, ...], str, list[RawRow]]:
    workbook = _open_workbook(path, data_only=False)
    try:
        names = list(workbook.sheetnames)
        name = _pick_sheet(path, names, wanted)
        fast = sheet_rows(workbook, name, MAX_COLUMNS)
        if fast is not None:
            return tuple(names), name, _streamed(path, fast)
        formulas: dict[tuple[int, int], str] = {}
        grid: list[RawRow] = []
        try:
            for number, cells in enumerate(_sheet_rows(workbook[name]), start=1):
                values: list[CellValue] = []
                for column, cell in enumerate(cells[:MAX_COLUMNS]):
                    value = getattr(cell, "value", None)
                    if getattr(cell, "data_type", None) == "f":
                        # Kept as its text (so the row is not taken for empty) until the saved value is read.
                        value = formulas[(number, column)] = str(value)
                    values.append(_plain(value))
                _append(grid, path, number, values)
        except ValueError as error:
            raise _not_a_spreadsheet(path) from error
    finally:
        workbook.close()
    if formulas:
        grid = _with_saved_values(path, name, grid, formulas)
    return tuple(names), name, grid


def _streamed(path: Path, rows: Iterator[SheetRow]) -> list[RawRow]:
    """The grid from the one-pass reader: a formula without a saved value is its text, flagged."""
    grid: list[RawRow] = []
    try:
        for number, cells, unsaved in rows:
            values = [_plain(value) for value in cells]
            _append(grid, path, number, values)
            if unsaved and grid and grid[-1].line == number:
                grid[-1] = RawRow(number, grid[-1].cells, frozenset(unsaved))
    except (ParseError, ValueError, IndexError, KeyError, zipfile.BadZipFile, OSError) as error:
        raise _not_a_spreadsheet(path) from error
    return grid


def _with_saved_values(
    path: Path, name: str, grid: list[RawRow], formulas: dict[tuple[int, int], str]
) -> list[RawRow]:
    """The grid with each formula cell replaced by the value Excel saved, or by its text (flagged)."""
    saved: dict[tuple[int, int], CellValue] = {}
    rows_with_formulas = {number for number, _ in formulas}
    workbook = _open_workbook(path, data_only=True)
    try:
        for number, sheet_row in enumerate(_sheet_rows(workbook[name]), start=1):
            if number in rows_with_formulas:
                for column, cell in enumerate(sheet_row[:MAX_COLUMNS]):
                    if (number, column) in formulas:
                        saved[(number, column)] = _plain(getattr(cell, "value", None))
    except ValueError as error:
        raise _not_a_spreadsheet(path) from error
    finally:
        workbook.close()
    result = []
    for row in grid:
        columns = {column for number, column in formulas if number == row.line}
        if not columns:
            result.append(row)
            continue
        cells: list[CellValue] = [*row.cells, *([None] * (max(columns) + 1 - len(row.cells)))]
        unsaved = set()
        for column in columns:
            value = saved.get((row.line, column))
            if value is None:
                cells[column] = formulas[(row.line, column)]
                unsaved.add(column)
            else:
                cells[column] = value
        result.append(RawRow(row.line, tuple(cells), frozenset(unsaved)))
    return result


def _plain(value: Any) -> CellValue:
    if value is None or isinstance(value, str | bool | int | float | dt.date | dt.time):
        return value
    return str(value)  # anything else openpyxl hands over (an error value, a rich text) is read as text


def _append(grid: list[RawRow], path: Path, number: int, values: list[CellValue]) -> None:
    if len(grid) > MAX_ROWS + HEADER_SEARCH_ROWS:
        raise ImportFileError(
            f"{path.name} har fler än {MAX_ROWS:,} rader. Dela upp listan i flera filer.".replace(",", " "),
            path,
        )
    while values and _blank(values[-1]):
        values.pop()
    if values:
        grid.append(RawRow(number, tuple(values)))


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---- CSV ------------------------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise _not_a_spreadsheet(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252; its five unused bytes become U+FFFD.
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    first_lines = text.splitlines()[:HEADER_SEARCH_ROWS]
    sample = "\n".join(first_lines)
    counts = {delimiter: sample.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


def _read_csv(path: Path, wanted: str | None) -> tuple[tuple[str, ...], str, list[RawRow]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"Filen {path} gick inte att läsa: {error.strerror or error}.", path) from error
    text = _decode(path, data)
    name = path.stem
    if wanted is not None and wanted.casefold() != name.casefold():
        raise ImportFileError(f"Bladet ”{wanted}” finns inte: en CSV-fil har bara ett blad, ”{name}”.", path)
    grid: list[RawRow] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for number, cells in enumerate(reader, start=1):
            _append(grid, path, number, list(_csv_cells(cells[:MAX_COLUMNS])))
    except csv.Error as error:
        raise _not_a_spreadsheet(path) from error
    return (name,), name, grid


def _csv_cells(cells: Iterable[str]) -> Iterator[CellValue]:
    for cell in cells:
        yield cell if cell.strip() else None


# ---- the header -----------------------------------------------------------------------------------


def _table(path: Path, sheets: tuple[str, ...], name: str, grid: list[RawRow]) -> SpreadsheetTable:
    if not grid:
        where = f"Bladet ”{name}” i {path.name}" if len(sheets) > 1 else f"Filen {path.name}"
        raise ImportFileError(f"{where} är tomt; det finns inga rader att importera.", path)
    best: RawRow | None = None
    for row in grid[:HEADER_SEARCH_ROWS]:
        found = [_header_text(cell) for cell in row.cells]
        if header_score(found) >= 2 and (best is None or header_score(found) > _score(best)):
            best = row
    if best is None:
        raise ImportFileError(
            f"Ingen rubrikrad hittades i {path.name} (blad ”{name}”). Den första raden ska ha rubriker som "
            "Förnamn, Efternamn, Född, Kön, Modersmål, Familj och Status.",
            path,
        )
    header_row = best
    headers = tuple(_header_text(cell) for cell in header_row.cells)
    width = len(headers)
    rows = tuple(
        RawRow(row.line, row.cells[:width], frozenset(c for c in row.formulas if c < width))
        for row in grid
        if row.line > header_row.line and any(not _blank(cell) for cell in row.cells[:width])
    )
    if not rows:
        where = f"Bladet ”{name}” i {path.name}" if len(sheets) > 1 else f"Filen {path.name}"
        raise ImportFileError(f"{where} har rubriker men inga rader att importera.", path)
    return SpreadsheetTable(path, name, sheets, header_row.line, headers, rows)


def _score(row: RawRow) -> int:
    return header_score([_header_text(cell) for cell in row.cells])


def _header_text(cell: CellValue) -> str:
    return " ".join(str(cell).split()) if cell is not None else ""
