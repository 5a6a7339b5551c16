"""Reading the coordinator's file: XLSX and CSV in each encoding Swedish Excel writes, the header found
wherever it stands, formulas never evaluated, and a Swedish refusal for anything that is not a list."""

import datetime as dt
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from biv_desktop.services.participants import ImportField, ImportFileError, match_columns, read_spreadsheet


def test_xlsx_is_read_with_its_header_and_values(tmp_path: Path, files: SimpleNamespace) -> None:
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx"))
    assert table.sheet == "Deltagare"
    assert table.headers == files.HEADERS
    assert table.header_line == 1
    assert len(table.rows) == len(files.ROWS)
    first = table.rows[0]
    assert first.line == 2
    assert first.cells[:3] == ("Nasra", "Testdotter", 1986)
    assert first.cells[10] == dt.datetime(2025, 9, 1)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_in_each_encoding_reads_the_same_swedish_letters(
    tmp_path: Path, files: SimpleNamespace, encoding: str
) -> None:
    rows = [("Åsa", "Öberg", "2014", "flicka", "svenska", "", "", "", "Skäggetorp", "", "")]
    path = files.write_csv(tmp_path / "lista.csv", files.csv_text(rows), encoding)
    table = read_spreadsheet(path)
    assert table.headers == files.HEADERS
    assert table.rows[0].cells[:2] == ("Åsa", "Öberg")
    assert table.rows[0].cells[8] == "Skäggetorp"
    assert table.sheets == ("lista",)


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_delimiter_is_found(tmp_path: Path, files: SimpleNamespace, delimiter: str) -> None:
    path = files.write_csv(tmp_path / "lista.csv", files.csv_text(delimiter=delimiter))
    assert read_spreadsheet(path).rows[1].cells[:3] == ("Hodan", "Testdotter", "2015")


def test_headers_in_another_order_and_case_are_matched(tmp_path: Path, files: SimpleNamespace) -> None:
    headers = ("STATUS", "familj", "  efternamn ", "Födelseår", "förnamn", "Språk", "ROLL", "Okänd kolumn")
    table = read_spreadsheet(
        files.write_xlsx(tmp_path / "lista.xlsx", [("BIV", "1", "Testa", 2015, "Test")], headers)
    )
    assert match_columns(table.headers) == (
        ImportField.STATUS,
        ImportField.FAMILY,
        ImportField.LAST_NAME,
        ImportField.BIRTH,
        ImportField.FIRST_NAME,
        ImportField.LANGUAGE,
        ImportField.ROLE,
        ImportField.IGNORE,
    )


def test_header_below_a_title_row_is_found(tmp_path: Path, files: SimpleNamespace) -> None:
    path = files.write_xlsx(tmp_path / "lista.xlsx", before=[("Deltagarlista BIV hösten 2025",), ()])
    table = read_spreadsheet(path)
    assert table.header_line == 3
    assert table.rows[0].line == 4


def test_the_sheet_asked_for_is_read_and_an_unknown_one_refused(
    tmp_path: Path, files: SimpleNamespace
) -> None:
    path = files.write_xlsx(tmp_path / "lista.xlsx")
    book = load_workbook(path)
    notes = book.create_sheet("Anteckningar", 0)
    notes.append(["inget här"])
    book.save(path)
    table = read_spreadsheet(path, "deltagare")
    assert table.sheets == ("Anteckningar", "Deltagare")
    assert table.sheet == "Deltagare"
    with pytest.raises(ImportFileError, match=r"Bladet ”Väntelista” finns inte.*Anteckningar, Deltagare"):
        read_spreadsheet(path, "Väntelista")
    with pytest.raises(ImportFileError, match="Ingen rubrikrad hittades"):
        read_spreadsheet(path)  # the first sheet has no list


def test_formula_gives_its_saved_value_or_its_flagged_text(tmp_path: Path, files: SimpleNamespace) -> None:
    path = files.write_xlsx(tmp_path / "lista.xlsx")
    # Excel saves a formula with the value it last showed; openpyxl writes none. Add one by hand.
    book = load_workbook(path)
    sheet = book["Deltagare"]
    sheet["C3"] = "=2026-11"  # no saved value: read as its text, flagged
    book.save(path)
    _add_saved_value(path, "C4", "2013")
    table = read_spreadsheet(path)
    assert table.rows[1].cells[2] == "=2026-11"
    assert table.rows[1].formulas == frozenset({2})
    assert table.rows[2].cells[2] == 2013  # the value Excel saved, never evaluated
    assert table.rows[2].formulas == frozenset()


def _add_saved_value(path: Path, cell: str, value: str) -> None:
    """Write a formula with a saved value into the sheet's XML, as Excel does."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    name = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    xml = parts[name].decode()
    start = xml.index(f'<c r="{cell}"')
    end = xml.index("</c>", start) + len("</c>")
    parts[name] = (xml[:start] + f'<c r="{cell}"><f>2026-13</f><v>{value}</v></c>' + xml[end:]).encode()
    with zipfile.ZipFile(path, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "är tom"),
        (b"\x00\x01\x02binary\x00data" * 20, "inte ett kalkylark"),
        (b"PK\x03\x04 not really a zip", "inte ett kalkylark"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "gamla format"),
        ("Förnamn;Efternamn;Född\r\n".encode(), "har rubriker men inga rader"),
        (b";;;\r\n\r\n", "är tomt"),
        (b"hello;world\r\n1;2\r\n", "Ingen rubrikrad hittades"),
    ],
)
def test_what_is_not_a_list_is_refused_in_swedish(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        read_spreadsheet(path)


def test_a_damaged_or_missing_workbook_is_refused(tmp_path: Path, files: SimpleNamespace) -> None:
    path = files.write_xlsx(tmp_path / "lista.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFileError, match=r"inte ett kalkylark.*skadad"):
        read_spreadsheet(path)
    with pytest.raises(ImportFileError, match="finns inte"):
        read_spreadsheet(tmp_path / "borta.xlsx")
    with pytest.raises(ImportFileError, match="är en mapp"):
        read_spreadsheet(tmp_path)
