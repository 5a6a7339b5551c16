"""The Rapport tab: the halves offered first, the key figures on screen, and the report saved as PDF or Excel."""

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.ui.followup.page import FollowUpPage
from biv_desktop.ui.printing import pages


def test_the_halves_of_the_agreement_year_are_offered_the_one_just_ended_first(page: FollowUpPage) -> None:
    report = page.report
    offered = [report.period.choice.itemText(row) for row in range(report.period.choice.count())]
    assert offered == [
        "Första halvåret 2025-04-01 – 2025-09-30",
        "Andra halvåret 2025-10-01 – 2026-03-31",
        "Hela avtalsåret 2025-04-01 – 2026-03-31",
        "Annan period",
    ]
    assert report.period.period() == (dt.date(2025, 4, 1), dt.date(2025, 9, 30))
    assert not report.period.first.isEnabled()


def test_the_key_figures_are_shown_for_the_chosen_period(qtbot: QtBot, page: FollowUpPage) -> None:
    report = page.report
    report.period.choice.setCurrentIndex(2)  # the whole agreement year
    qtbot.mouseClick(report.show_button, Qt.MouseButton.LeftButton)

    assert report.summary.isVisible()
    assert report.summary.heading.text() == "Perioden 2025-04-01 – 2026-03-31, sammanställd 2026-03-10"
    # Four groups have started by 10 March (the planned Arabic parents' group starts 24 March).
    assert (
        report.summary.values["Grupper startade"].text()
        == "4 (avtalet: minst 6,0 för perioden; föräldragrupper räknas in)"
    )
    assert report.summary.values["Kommunens utbildningsplatser"].text() == "2 (avtalet: 4,0 för perioden)"

    report.period.choice.setCurrentIndex(0)  # figures of another period leave the screen
    assert not report.summary.isVisible()


def test_skapa_pdf_saves_the_report_under_a_name_without_personal_data(
    qtbot: QtBot, page: FollowUpPage, save_dialog: Any
) -> None:
    report = page.report
    qtbot.mouseClick(report.pdf_button, Qt.MouseButton.LeftButton)

    assert save_dialog.suggested == ["uppfoljning-2025-04-01--2025-09-30.pdf"]
    written = save_dialog.folder / "uppfoljning-2025-04-01--2025-09-30.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert report.status.text() == f"Rapporten är sparad i {written}."
    assert report.summary.isVisible()


def test_skapa_excel_saves_a_workbook_with_the_same_figures(
    qtbot: QtBot, page: FollowUpPage, save_dialog: Any, register: Any
) -> None:
    report = page.report
    report.period.choice.setCurrentIndex(report.period.choice.count() - 1)  # Annan period
    assert report.period.first.isEnabled()
    report.period.first.setDate(report.period.first.date().addMonths(-1))
    save_dialog.answer = "halvår"  # the extension is added when the user leaves it out
    qtbot.mouseClick(report.xlsx_button, Qt.MouseButton.LeftButton)

    written = save_dialog.folder / "halvår.xlsx"
    first, last = report.period.period()
    assert (first, last) == (dt.date(2025, 3, 1), dt.date(2025, 9, 30))
    workbook = openpyxl.load_workbook(written)
    assert workbook.sheetnames
    figures = follow_up_figures(register.database, first, last, today=register.today)
    assert report.figures == figures


def test_a_cancelled_save_dialog_writes_nothing(qtbot: QtBot, page: FollowUpPage, save_dialog: Any) -> None:
    save_dialog.answer = ""
    qtbot.mouseClick(page.report.pdf_button, Qt.MouseButton.LeftButton)
    assert list(save_dialog.folder.iterdir()) == []
    assert page.report.status.text() == ""


def test_the_report_is_previewed_and_printed_like_the_sheets(
    qtbot: QtBot, page: FollowUpPage, monkeypatch: Any, tmp_path: Path
) -> None:
    target = tmp_path / "skrivaren.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(pages, "printers_installed", lambda: True)
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    report = page.report
    report.period.choice.setCurrentIndex(2)  # the whole agreement year
    dialog = report.preview()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Uppföljning 2025-04-01 – 2026-03-31"
    count = len(dialog.page_labels)
    assert count >= 5
    assert dialog.page_count.text() == f"{count} sidor"
    assert report.summary.isVisible()  # the figures previewed are the ones on screen
    dialog.grab().save(str(tmp_path / "rapport.png"))
    assert dialog.current().print_sheet() is True
    assert len(PdfReader(target).pages) == count
    assert dialog.current().default_file_name == "uppfoljning-2025-04-01--2026-03-31.pdf"
