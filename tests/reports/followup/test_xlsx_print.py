"""The follow-up workbook fit for print: A4, as wide as a page, headings repeated, marked confidential, and
printed through LibreOffice with every table whole on its pages."""

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup import write_follow_up_xlsx
from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.reports.followup.xlsx import HEADER_ROW


def test_every_sheet_is_set_up_for_a4_and_marked_confidential(
    figures: FollowUpFigures, tmp_path: Path
) -> None:
    workbook = load_workbook(write_follow_up_xlsx(figures, tmp_path / "rapport.xlsx"))
    for sheet, table in zip(workbook.worksheets, report_tables(figures), strict=True):
        assert int(sheet.page_setup.paperSize) == 9, sheet.title  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", sheet.title
        assert "Konfidentiellt" in sheet.oddHeader.left.text, sheet.title
        assert "Konfidentiellt" in sheet.oddFooter.left.text, sheet.title
        assert sheet.oddFooter.right.text == "Sida &P av &N"
        widths = [sheet.column_dimensions[chr(ord("A") + i)].width for i in range(len(table.columns))]
        assert all(4 <= width <= 70 for width in widths), (sheet.title, widths)
    wide = workbook["Grupper"]
    assert wide.page_setup.orientation == "landscape"
    assert workbook["Fullföljande"].page_setup.orientation == "portrait"


def _soffice() -> str:
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui)")
    return executable


def _as_pdf(workbook: Path, folder: Path) -> Path:
    profile = folder / "profile"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / f"{workbook.stem}.pdf"


def _pages_text(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(pdf).pages]


def test_printed_by_libreoffice_each_table_keeps_its_width_and_headings(
    figures: FollowUpFigures, tmp_path: Path
) -> None:
    first = figures.feedback[0]
    many_quotes = tuple(f"Citat nummer {number} om hur det var i gruppen." for number in range(1, 121))
    longer = replace(figures, feedback=(replace(first, quotes=many_quotes), *figures.feedback[1:]))
    pages = _pages_text(_as_pdf(write_follow_up_xlsx(longer, tmp_path / "rapport.xlsx"), tmp_path))
    tables = report_tables(longer)
    # One page per table but the quotes, which take a few: never a table split into column strips.
    assert len(tables) <= len(pages) <= len(tables) + 4
    assert all("Konfidentiellt" in page for page in pages)
    quote_pages = [page for page in pages if "Citat nummer" in page]
    assert len(quote_pages) >= 2
    # The column headings are repeated on every page of the quotes.
    assert all("Grupptyp Citat" in page for page in quote_pages)
    # Every column of the widest table is on its one page.
    (groups,) = [page for page in pages if "Grupper i perioden" in page]
    for heading in ("Startade", "Med träffar", "Avslutade", "Inställda", "Planerade"):
        assert heading in groups
