"""Spreadsheets for the import tests, made the way the coordinator's files are made: by Excel (here
openpyxl) and as Swedish Excel's CSV. Every name is fictional. The ``files`` fixture hands them over."""

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import Workbook

TODAY = dt.date(2026, 3, 10)

HEADERS = (
    "Förnamn", "Efternamn", "Född", "Kön", "Modersmål", "Telefon", "Vårdnadshavare", "Familj", "Stadsdel",
    "Status", "Samtycke",
)  # fmt: skip

# Family 1: a guardian before her two children; family 2: the children before their guardian.
ROWS: tuple[tuple[Any, ...], ...] = (
    ("Nasra", "Testdotter", 1986, "kvinna", "somaliska", "070-111 22 33", "ja", "1", "Berga", "asylsökande", dt.date(2025, 9, 1)),
    ("Hodan", "Testdotter", 2015, "flicka", "somaliska", "", "", "1", "Berga", "asylsökande", dt.date(2025, 9, 1)),
    ("Abdi", "Testdotter", 2013, "pojke", "somaliska", "", "nej", "1", "Berga", "väntelista", ""),
    ("Omid", "Exempelzadeh", 2012, "P", "dari", "", "", "2", "Skäggetorp", "BIS", ""),
    ("Parisa", "Exempelzadeh", "2014-06-30", "F", "dari", "", "barn", "2", "Skäggetorp", "uppehållstillstånd", ""),
    ("Reza", "Exempelzadeh", 1980, "man", "dari", "073-444 55 66", "förälder", "2", "Skäggetorp", "uppehållstillstånd", ""),
    ("Lina", "Påhittad", 2017, "flicka", "arabiska", "", "", "", "Ryd", "", ""),
)  # fmt: skip


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any]] = ROWS,
    headers: Sequence[str] = HEADERS,
    *,
    sheet: str = "Deltagare",
    before: Sequence[Sequence[Any]] = (),
) -> Path:
    """An XLSX workbook with ``before`` (e.g. a title row), the headers, then the rows, all as text or values."""
    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    for row in (*before, headers, *rows):
        worksheet.append(list(row))
    for row in worksheet.iter_rows():
        for cell in row:
            # openpyxl takes any text starting with = for a formula; the coordinator's text is text.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    workbook.save(path)
    return path


def csv_text(
    rows: Sequence[Sequence[Any]] = ROWS, headers: Sequence[str] = HEADERS, delimiter: str = ";"
) -> str:
    """The rows as Swedish Excel writes CSV: semicolons, CRLF, days as 2015-03-04."""

    def cell(value: Any) -> str:
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        if delimiter in text or '"' in text or "\n" in text:
            text = '"' + text.replace('"', '""') + '"'
        return text

    return "".join(delimiter.join(cell(value) for value in row) + "\r\n" for row in (headers, *rows))


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def files() -> SimpleNamespace:
    """The file makers and the fixture rows, for the import tests."""
    return SimpleNamespace(
        HEADERS=HEADERS,
        ROWS=ROWS,
        TODAY=TODAY,
        write_xlsx=write_xlsx,
        csv_text=csv_text,
        write_csv=write_csv,
    )
