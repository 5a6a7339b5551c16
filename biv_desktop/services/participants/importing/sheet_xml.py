"""Streaming a worksheet's cells straight from its XML: one pass, formulas and their saved values together.

openpyxl opens the workbook (sheet names, shared strings, which styles are dates); the rows are read here
with the standard library's C parser. openpyxl's own row reader builds an object per cell and, for the
inline strings openpyxl itself writes, parses each one through its descriptor machinery: for a
20,000-row list that was three quarters of the import's time (see tests/benchmark/import_participants.py).
Nothing is evaluated: a formula cell gives the value Excel saved with it, or its text when there is none.

``sheet_rows`` returns None when the workbook object lacks what this needs (another openpyxl version), and
the caller then reads the rows through openpyxl as before.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any
from xml.etree.ElementTree import Element, iterparse

# A cell as read: its value, and whether it was a formula without a saved value (its text is the value).
SheetRow = tuple[int, list[Any], dict[int, str]]


def sheet_rows(workbook: Any, name: str, max_columns: int) -> Iterator[SheetRow] | None:
    """(row number, values by column, {column: formula text} for formulas without a saved value) for each
    row of the sheet that has cells; None when this openpyxl does not expose what is needed."""
    # openpyxl is imported only when a workbook is read, as reading.py does (the window starts faster).
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    try:
        worksheet = workbook[name]
        shared = worksheet._shared_strings
        date_styles = set(workbook._date_formats)
        timedelta_styles = set(workbook._timedelta_formats)
        epoch = workbook.epoch
        source = worksheet._get_source()
    except (AttributeError, KeyError, TypeError):
        return None
    cells = _Cells(shared, date_styles, timedelta_styles, epoch, from_excel, from_ISO8601)
    return _rows(source, cells, max_columns)


class _Cells:
    """Turns a ``<c>`` element into its value, as openpyxl would read it."""

    def __init__(
        self,
        shared: Any,
        date_styles: set[int],
        timedelta_styles: set[int],
        epoch: dt.datetime,
        from_excel: Callable[..., Any],
        from_iso: Callable[[str], Any],
    ) -> None:
        self.shared = shared
        self.date_styles = date_styles
        self.timedelta_styles = timedelta_styles
        self.epoch = epoch
        self.from_excel = from_excel
        self.from_iso = from_iso

    def value(self, kind: str, text: str | None, style: int) -> Any:
        """A stored value (``<v>``'s text) of the cell type ``kind`` ('n', 's', 'b', 'str', 'e', 'd')."""
        if text is None or text == "":
            return None
        if kind == "n":
            number: int | float = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
            if style in self.date_styles:
                try:
                    return self.from_excel(number, self.epoch, timedelta=style in self.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"  # a date outside the calendar, read as the error Excel would show
            return number
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return self.from_iso(text)
        return text  # 'str' (a formula's text result), 'e' (an error such as #N/A)


_COLUMNS: dict[str, int] = {}


def _column_of(reference: str) -> int:
    """The 0-based column of a cell reference such as 'K20001'."""
    letters = reference.rstrip("0123456789")
    column = _COLUMNS.get(letters)
    if column is None:
        column = 0
        for letter in letters.upper():
            column = column * 26 + ord(letter) - ord("A") + 1
        column = _COLUMNS[letters] = column - 1
    return column


def _inline_text(element: Element, ns: str) -> str | None:
    """An inline string's text: its plain part and its formatted runs, without phonetic guides."""
    inline = element.find(f"{ns}is")
    if inline is None:
        return None
    if len(inline) == 1 and inline[0].tag == f"{ns}t":
        return inline[0].text or ""  # the common case: one plain text
    parts = [inline.findtext(f"{ns}t") or ""]
    parts.extend(run.findtext(f"{ns}t") or "" for run in inline.findall(f"{ns}r"))
    return "".join(parts)


def _rows(source: Any, cells: _Cells, max_columns: int) -> Iterator[SheetRow]:
    with source:
        ns = row_tag = ""
        row_number = 0
        shared_formulas: dict[str, str] = {}
        for _event, element in iterparse(source, events=("end",)):
            tag = element.tag
            if tag != row_tag:
                if row_tag or not (tag == "row" or tag.endswith("}row")):
                    continue
                # The first row says which namespace the sheet's elements are in (its cells share it).
                row_tag, ns = tag, tag[:-3]
            number = element.get("r")
            row_number = int(number) if number else row_number + 1
            values: list[Any] = []
            unsaved: dict[int, str] = {}
            next_column = 0
            for cell in element.iter(f"{ns}c"):
                reference = cell.get("r")
                column = _column_of(reference) if reference else next_column
                next_column = column + 1
                if column >= max_columns:
                    continue
                kind = cell.get("t", "n")
                style = int(cell.get("s") or 0)
                formula = cell.find(f"{ns}f")
                if kind == "inlineStr":
                    value: Any = _inline_text(cell, ns)
                else:
                    value = cells.value(kind, cell.findtext(f"{ns}v"), style)
                if formula is not None:
                    text = formula.text or ""
                    if formula.get("t") == "shared" and formula.get("si") is not None:
                        index = formula.get("si") or ""
                        text = (
                            shared_formulas.setdefault(index, text)
                            if text
                            else shared_formulas.get(index, "")
                        )
                    if value is None:
                        value = unsaved[column] = f"={text}"
                if len(values) < column:
                    values.extend([None] * (column - len(values)))
                if len(values) == column:
                    values.append(value)
                else:
                    values[column] = value
            element.clear()  # what the row held is not kept in memory
            if values:
                yield row_number, values, unsaved
