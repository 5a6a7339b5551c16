"""Printing a sheet from the window: the preview shows the pages, 'Spara som PDF…' writes them where the user
chooses, 'Skriv ut…' paints them onto the chosen printer, and with no printer the user is told so and offered
saving instead."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from biv_desktop.reports.errors import ReportWriteError
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.services.printing.sheets import print_pack as pack_of
from biv_desktop.ui.printing import (
    SheetPreviewDialog,
    SheetPrinting,
    pages,
    print_course_sheet,
    print_pack,
    print_session_sheet,
)
from biv_desktop.ui.printing.pages import pages_to_print, printing_order

WEEK = (dt.date(2026, 3, 9), dt.date(2026, 3, 15))


class SaveDialogs:
    """Stands in for QFileDialog.getSaveFileName: records what was suggested and answers as the test chose."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.suggested: list[str] = []

    def __call__(self, _parent: Any, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        self.suggested.append(suggested)
        return self.answers.pop(0), "PDF-filer (*.pdf)"


@pytest.fixture
def save_dialogs(monkeypatch: pytest.MonkeyPatch) -> SaveDialogs:
    dialogs = SaveDialogs()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialogs)
    return dialogs


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A printer is installed, and the print dialog is accepted with the output sent to a PDF file."""
    target = tmp_path / "skrivaren.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(pages, "printers_installed", lambda: True)
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    yield target


def somali_children_id(register: Any) -> int:
    return next(
        row.id for row in list_groups(register.database) if row.name.startswith("BIV Somaliska 10–12")
    )


def session_in_week(register: Any, group_id: int) -> int:
    return next(
        sheet.session.id for sheet in pack_of(register.database, *WEEK).sheets if sheet.group.id == group_id
    )


@pytest.fixture
def preview(qtbot: QtBot, register: Any) -> SheetPreviewDialog:
    """The preview of the Somali children's sixth session (Tuesday 10 March 2026)."""
    session_id = session_in_week(register, somali_children_id(register))
    dialog = print_session_sheet(None, register.database, session_id, printed_on=dt.date(2026, 3, 9))
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preview_shows_the_sheet_as_it_will_print(
    preview: SheetPreviewDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    assert preview.isVisible()
    assert preview.windowTitle() == "Närvarolista – Träff 6 av 14, 2026-03-10"
    assert preview.page_count.text() == "1 sida"
    assert len(preview.page_labels) == 1
    page = preview.page_labels[0].pixmap()
    assert page.height() > page.width() * 1.3, "an A4 page standing up"
    assert preview.choice.isHidden(), "one sheet: nothing to choose"
    narrow = page.width()
    # A wider window draws the page wider, once the resizing has settled.
    preview.resize(1280, 800)
    qtbot.waitUntil(lambda: preview.page_labels[0].pixmap().width() > narrow)
    preview.grab().save(str(tmp_path / "förhandsgranskning.png"))


def test_saving_writes_the_previewed_pdf_under_a_name_without_names(
    preview: SheetPreviewDialog, register: Any, save_dialogs: SaveDialogs, tmp_path: Path
) -> None:
    save_dialogs.answers.append(str(tmp_path / "lista"))
    preview.save_button.click()
    saved = tmp_path / "lista.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    suggested = Path(save_dialogs.suggested[0]).name
    group_id = somali_children_id(register)
    assert suggested == f"narvarolista-2026-03-10-grupp-{group_id}.pdf"
    assert preview.status.text() == f"Sparad som {saved}"
    text = PdfReader(saved).pages[0].extract_text()
    for child in ("Hodan", "Abdi", "Ayaan", "Khadar", "Sagal"):
        assert f"{child} Testsson" in text
    # The next save starts in the folder used last.
    save_dialogs.answers.append("")
    preview.save_button.click()
    assert Path(save_dialogs.suggested[1]).parent == tmp_path


def test_a_save_that_fails_is_told_and_leaves_no_file(
    preview: SheetPreviewDialog, save_dialogs: SaveDialogs, message_boxes: Any, tmp_path: Path
) -> None:
    save_dialogs.answers.append(str(tmp_path / "saknas" / "lista.pdf"))
    message_boxes.presses.append("OK")
    preview.save_button.click()
    assert message_boxes.shown[0]["title"] == "Filen kunde inte sparas"
    assert "finns inte" in message_boxes.shown[0]["text"]
    assert not (tmp_path / "saknas").exists()
    assert preview.status.text() == ""


def test_without_a_printer_the_user_is_told_and_may_save_instead(
    preview: SheetPreviewDialog,
    save_dialogs: SaveDialogs,
    message_boxes: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(pages, "printers_installed", lambda: False)
    message_boxes.presses.extend(["Avbryt", "Spara som PDF…"])
    assert preview.current().print_sheet() is False
    shown = message_boxes.shown[0]
    assert (shown["title"], shown["text"]) == (
        "Ingen skrivare",
        "Det finns ingen skrivare installerad på den här datorn.",
    )
    assert shown["buttons"] == ["Spara som PDF…", "Avbryt"]
    assert save_dialogs.suggested == []
    save_dialogs.answers.append(str(tmp_path / "utan-skrivare.pdf"))
    assert preview.current().print_sheet() is False
    assert (tmp_path / "utan-skrivare.pdf").exists()


def test_printing_paints_every_page_on_the_chosen_printer(preview: SheetPreviewDialog, printed: Path) -> None:
    assert preview.current().print_sheet() is True
    reader = PdfReader(printed)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_the_course_sheet_offers_blank_or_filled_and_prints_landscape(
    qtbot: QtBot, register: Any, printed: Path
) -> None:
    dialog = print_course_sheet(None, register.database, somali_children_id(register))
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    # Nothing recorded yet in the fixture register, so the blank sheet comes first.
    assert dialog.choice.isVisible()
    assert dialog.choice.currentText() == "Tom, att fylla i för hand"
    assert dialog.current().default_file_name.endswith("-tom.pdf")
    page = dialog.page_labels[0].pixmap()
    assert page.width() > page.height(), "an A4 page lying down"
    dialog.choice.setCurrentIndex(1)
    assert dialog.current().default_file_name.endswith(f"grupp-{somali_children_id(register)}.pdf")
    assert len(dialog.page_labels) == 1
    assert dialog.current().print_sheet() is True
    box = PdfReader(printed).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_a_weeks_pack_previews_every_sheet(qtbot: QtBot, register: Any) -> None:
    dialog = print_pack(None, register.database, *WEEK)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    # Three sessions this week, each on its own page.
    assert dialog.page_count.text() == "3 sidor"
    assert len(dialog.page_labels) == 3
    assert dialog.current().default_file_name == "narvarolistor-2026-03-09-2026-03-15.pdf"


def test_two_sided_printing_starts_each_sheet_on_a_new_leaf(qtbot: QtBot, register: Any) -> None:
    dialog = print_pack(None, register.database, *WEEK)
    assert dialog is not None
    qtbot.addWidget(dialog)
    document = dialog.current().document()
    assert document is not None
    assert pages_to_print(document) == [0, 1, 2]
    assert pages_to_print(document, two_sided=True) == [0, None, 1, None, 2]
    assert pages_to_print(document, two_sided=True, page_range=(2, 3)) == [1, 2]
    # What the print dialog leaves in the printer decides: here all pages, one-sided.
    assert printing_order(document, QPrinter()) == [0, 1, 2]
    printer = QPrinter()
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 3)
    assert printing_order(document, printer) == [2]


def test_an_empty_week_and_a_missing_session_are_told(register: Any, message_boxes: Any) -> None:
    message_boxes.presses.extend(["OK", "OK"])
    assert print_pack(None, register.database, dt.date(2026, 7, 6), dt.date(2026, 7, 12)) is None
    assert message_boxes.shown[0]["title"] == "Inga träffar"
    assert message_boxes.shown[0]["text"] == (
        "Inga träffar äger rum från 2026-07-06 till 2026-07-12 (inställda räknas inte). Välj en annan period."
    )
    assert print_session_sheet(None, register.database, 99999) is None
    assert message_boxes.shown[1]["text"] == "Träffen finns inte längre; uppdatera listan."


def test_any_sheet_gets_three_actions_and_a_failing_sheet_is_told(
    qtbot: QtBot, message_boxes: Any, save_dialogs: SaveDialogs
) -> None:
    def refuses(path: Path, _progress: object) -> None:
        raise ReportWriteError("Disken är full, så lista.pdf kunde inte sparas.", path)

    printing = SheetPrinting(None, "Närvarolista", "lista.pdf", refuses)
    actions = printing.actions()
    assert [action.text() for action in actions] == ["&Förhandsgranska…", "Skriv &ut…", "&Spara som PDF…"]
    message_boxes.presses.append("OK")
    actions[0].trigger()
    assert message_boxes.shown[0]["title"] == "Listan kunde inte göras"
    assert message_boxes.shown[0]["text"] == "Disken är full, så lista.pdf kunde inte sparas."
    assert save_dialogs.suggested == []

    working = SheetPrinting(
        None, "Närvarolista", "lista.pdf", lambda path, _progress: path.write_bytes(b"%PDF-1.4")
    )
    save_dialogs.answers.append("")
    working.actions()[2].trigger()
    assert Path(save_dialogs.suggested[0]).name == "lista.pdf"


def test_the_underlined_letters_of_the_preview_work_beside_ctrl_s(
    qtbot: QtBot, register: Any, save_dialogs: SaveDialogs
) -> None:
    dialog = print_pack(None, register.database, *WEEK)
    assert dialog is not None
    qtbot.addWidget(dialog)
    # S and u are underlined, so Alt+S and Alt+U are the buttons' keys (Ctrl+S used to replace them).
    assert dialog.save_button.shortcut() == QKeySequence("Alt+S")
    assert dialog.print_button.shortcut() == QKeySequence("Alt+U")
    save_dialogs.answers.append("")  # the chooser opens; the user then cancels it
    ctrl_s = next(s for s in dialog.findChildren(QShortcut) if s.key() == QKeySequence.StandardKey.Save)
    with qtbot.waitSignal(dialog.save_button.clicked, timeout=2000):
        ctrl_s.activated.emit()
    assert [Path(path).name for path in save_dialogs.suggested] == [dialog.current().default_file_name]
