"""The session sheet prints the session's materials for the leaders, and leaves the line out when there are
none."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from biv_desktop.reports.sheets import write_session_sheet
from biv_desktop.services.printing.sheets import SessionSheet


def test_the_materials_are_printed_under_the_theme(
    tmp_path: Path,
    session_sheet: Callable[..., SessionSheet],
    printed_on: dt.date,
    pdf_text: Callable[..., str],
) -> None:
    sheet = session_sheet(5, materials="Lera, vattenfärg och stora papper\nKänslokort")
    text = " ".join(pdf_text(write_session_sheet(tmp_path / "träff.pdf", sheet, printed_on)).split())
    assert "Material Lera, vattenfärg och stora papper Känslokort" in text
    assert "Konfidentiellt" in text


def test_a_session_without_materials_has_no_materials_line(
    tmp_path: Path,
    session_sheet: Callable[..., SessionSheet],
    printed_on: dt.date,
    pdf_text: Callable[..., str],
) -> None:
    text = pdf_text(write_session_sheet(tmp_path / "träff.pdf", session_sheet(5, materials=""), printed_on))
    assert "Material" not in text
