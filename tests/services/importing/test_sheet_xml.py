"""The one-pass XLSX reader reads every cell as openpyxl's own reader does (the path it replaced, kept as
the fallback), for files made by openpyxl and for the parts only Excel writes: shared strings, rich
text, formulas with saved values of each type, cells without a reference, gaps in rows and columns."""

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from biv_desktop.services.participants import read_spreadsheet
from biv_desktop.services.participants.importing import reading

HEADERS = ["Förnamn", "Efternamn", "Född", "Kön", "Modersmål", "Samtycke", "Familj"]


def read_both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """The table through the one-pass reader, and through openpyxl's rows (the fallback)."""
    fast = read_spreadsheet(path)
    with monkeypatch.context() as patched:
        patched.setattr(reading, "sheet_rows", lambda *_args: None)
        slow = read_spreadsheet(path)
    return fast, slow


def test_cells_of_every_kind_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Lista"
    sheet.append(["Deltagarlista, fiktiv"])  # a title row above the header
    sheet.append(HEADERS)
    sheet.append(["Amal", "Testdotter", 2015, "flicka", "arabiska", dt.date(2025, 9, 1), 1])
    sheet.append(["Omid", None, 2012.0, "pojke", None, dt.datetime(2025, 9, 1, 13, 30), "2"])
    sheet.append([None, None, None, None, None, None, None])  # an empty row is left out
    sheet.append(["سارة", "Påhittad", "2014-06-30", True, "dari", "ja", 3.5])
    sheet.append(["=inte en formel", "+46", "@x", "A" * 10_000, "tab\there", None, "Åsa-Märta  "])
    sheet["A7"].data_type = "s"  # text that starts with =, as the coordinator typed it
    sheet["D9"] = "Reza"  # a cell far out in a row of its own, after a gap of rows
    sheet["C10"] = "=1+1"  # a formula with no saved value
    sheet["K10"] = "utanför rubrikerna"
    path = tmp_path / "lista.xlsx"
    workbook.save(path)
    fast, slow = read_both(path, monkeypatch)
    assert fast == slow
    assert fast.header_line == 2
    assert [row.line for row in fast.rows] == [3, 4, 6, 7, 9, 10]
    assert fast.rows[0].cells[5] == dt.datetime(2025, 9, 1)
    assert fast.rows[-1].formulas == frozenset({2})
    assert fast.rows[-1].cells[2] == "=1+1"


def _excel_like(path: Path) -> Path:
    """Rewrite a workbook's sheet the way Excel writes one: shared strings, rich text, saved formula values."""
    shared = ["Förnamn", "Efternamn", "Född", "Kön", "Familj", "Hodan", "Testdotter", "flicka"]
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<dimension ref="A1:E6"/><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
        # Shared strings, a number, a saved text result of a formula.
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2"><v>2015</v></c>'
        '<c r="D2" t="s"><v>7</v></c><c r="E2" t="str"><f>"F"&amp;1</f><v>F1</v></c></row>'
        # Cells without references, in order; rich text in runs with a phonetic guide left out.
        '<row r="3"><c t="inlineStr"><is><r><t>Ab</t></r><r><rPr><b/></rPr><t>di</t></r>'
        '<rPh sb="0" eb="1"><t>x</t></rPh></is></c><c t="inlineStr"><is><t>Testdotter</t></is></c>'
        '<c><f>2000+13</f><v>2013</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c></row>'
        # A shared formula: its first cell holds the text, the next only points at it; no saved values.
        '<row r="5"><c r="A5" t="inlineStr"><is><t>Lina</t></is></c><c r="C5"><f t="shared" ref="C5:C6" si="0">'
        "B5*2</f></c></row>"
        '<row r="6"><c r="A6" t="inlineStr"><is><t>Sami</t></is></c><c r="C6"><f t="shared" si="0"/></c>'
        '<c r="E6" t="str"><f>"F"&amp;2</f><v></v></c></row>'
        "</sheetData></worksheet>"
    )
    strings = "".join(f"<si><t>{text}</t></si>" for text in shared)
    shared_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(shared)}" uniqueCount="{len(shared)}">{strings}</sst>'
    )
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    parts["xl/sharedStrings.xml"] = shared_xml.encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ).encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = re.sub(
        "</Relationships>",
        '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        rels,
    ).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_a_sheet_as_excel_writes_it_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workbook = Workbook()
    path = tmp_path / "excel.xlsx"
    workbook.save(path)
    fast, slow = read_both(_excel_like(path), monkeypatch)
    assert fast.headers == ("Förnamn", "Efternamn", "Född", "Kön", "Familj")
    assert fast.rows[0].cells == ("Hodan", "Testdotter", 2015, "flicka", "F1")
    assert fast.rows[1].cells == ("Abdi", "Testdotter", 2013, False, "#N/A")
    assert fast.rows[1].formulas == frozenset()
    # Formulas without saved values: their text, flagged (a shared one by its first cell's text).
    assert fast.rows[2].cells[2] == "=B5*2" and fast.rows[2].formulas == frozenset({2})
    assert fast.rows[3].formulas == frozenset({2, 4})
    assert fast.rows[3].cells[4] == '="F"&2'
    assert [row.cells[:2] for row in fast.rows] == [row.cells[:2] for row in slow.rows]
    assert [row.line for row in fast.rows] == [row.line for row in slow.rows] == [2, 3, 5, 6]
    assert [row.formulas for row in fast.rows] == [row.formulas for row in slow.rows]
    # openpyxl turns a shared formula into each cell's own; the one-pass reader shows the first cell's.
    assert fast.rows[:2] == slow.rows[:2]


def test_a_damaged_sheet_is_refused_in_swedish(tmp_path: Path) -> None:
    workbook = Workbook()
    path = tmp_path / "trasig.xlsx"
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>"
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(reading.ImportFileError, match="inte ett kalkylark som programmet kan läsa"):
        read_spreadsheet(path)
