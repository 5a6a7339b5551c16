"""Importera från Excel…: the file, the sheet, the columns changed by hand, the preview with its problems,
skip or merge for a duplicate, one import, and a Swedish word for a file that is not a list."""

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QItemSelectionModel, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from biv_desktop.services.participants import ImportField, list_families, list_participants, waiting_list
from biv_desktop.ui.participants.import_dialog import ImportParticipantsDialog
from biv_desktop.ui.participants.page import ParticipantsPage

HEADERS = ["Förnamn", "Efternamn", "Född", "Kön", "Modersmål", "Vårdnadshavare", "Familj", "Status"]
ROWS = [
    ["Omid", "Exempelzadeh", 2012, "pojke", "dari", "", "9", "väntelista BIS"],
    ["Reza", "Exempelzadeh", 1980, "man", "dari", "ja", "9", "BIS"],
    ["Rana", "Haddad", 2015, "flicka", "arabiska", "", "", ""],  # already in the fixture register
    ["Ali", "Exempelzadeh", 1850, "pojke", "klingonska", "", "9", ""],
]


def _workbook(path: Path, sheets: dict[str, list[list[Any]]] | None = None) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in (sheets or {"Deltagare": [HEADERS, *ROWS]}).items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def _dialog(qtbot: QtBot, people: Any, path: Path | None) -> ImportParticipantsDialog:
    dialog = ImportParticipantsDialog(people.database, today=people.today, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_shows_every_row_with_its_problems_and_import_writes_once(
    qtbot: QtBot, people: Any, message_boxes: Any, tmp_path: Path
) -> None:
    before = len(list_participants(people.database, people.today))
    dialog = _dialog(qtbot, people, _workbook(tmp_path / "lista.xlsx"))
    assert dialog.width() <= 1300 and dialog.height() <= 680
    assert dialog.sheet_combo.currentText() == "Deltagare"
    assert dialog.mapping_table.mapping()[:3] == (
        ImportField.FIRST_NAME,
        ImportField.LAST_NAME,
        ImportField.BIRTH,
    )
    assert dialog.model.rowCount() == 4
    verdicts = [dialog.model.row_at(i).verdict for i in range(4)]
    assert verdicts == ["Klar", "Klar", "Finns redan: Rana Haddad", "Fel – importeras inte"]
    assert "Okänt språk ”klingonska”" in dialog.model.row_at(3).remarks
    assert dialog.summary_label.text() == (
        "4 rader: 2 nya deltagare, 1 som redan finns i registret, 1 med fel som inte importeras."
    )
    assert dialog.import_button.isEnabled()

    dialog.import_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert message_boxes.shown[0].startswith(
        "2 nya deltagare importerades, 1 ny familj, 1 sattes på väntelistan. 2 rader hoppades över."
    )
    assert "Rad 4: Finns redan i registret: Rana Haddad." in message_boxes.shown[0]
    assert len(list_participants(people.database, people.today)) == before + 2
    assert any(family.name == "Exempelzadeh (9)" for family in list_families(people.database))
    assert "Omid Exempelzadeh" in [row.name for row in waiting_list(people.database, today=people.today)]


def test_a_duplicate_can_be_merged(qtbot: QtBot, people: Any, message_boxes: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, people, _workbook(tmp_path / "lista.xlsx"))
    index = dialog.model.index(2, 0)
    dialog.preview_table.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    dialog.merge_button.click()
    assert dialog.model.index(2, 8).data() == "Slå ihop"
    dialog.import_button.click()
    assert dialog.summary is not None and dialog.summary.merged == 1


def test_changing_a_column_by_hand_checks_the_rows_again(
    qtbot: QtBot, people: Any, message_boxes: Any, tmp_path: Path
) -> None:
    before = list_participants(people.database, people.today)
    dialog = _dialog(qtbot, people, _workbook(tmp_path / "lista.xlsx"))
    dialog.mapping_table.choose(2, ImportField.IGNORE)
    assert dialog.summary_label.text() == (
        "Välj vilken kolumn som har födelseåret eller födelsedatumet innan du importerar."
    )
    assert not dialog.import_button.isEnabled()
    dialog.mapping_table.choose(2, ImportField.BIRTH)
    dialog.mapping_table.choose(4, ImportField.IGNORE)  # the language column left out: no unknown language
    assert dialog.model.row_at(3).remarks.startswith("Födelseåret 1850")
    assert "klingonska" not in dialog.model.row_at(3).remarks
    assert dialog.import_button.isEnabled()
    assert list_participants(people.database, people.today) == before


def test_another_sheet_is_chosen(qtbot: QtBot, people: Any, message_boxes: Any, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "lista.xlsx",
        {
            "Barn": [HEADERS, *ROWS],
            "Väntelista": [HEADERS, ["Sara", "Provsson", 2016, "", "", "", "", "väntelista"]],
        },
    )
    dialog = _dialog(qtbot, people, path)
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == [
        "Barn",
        "Väntelista",
    ]
    dialog.sheet_combo.setCurrentIndex(1)
    dialog.sheet_combo.activated.emit(1)
    assert dialog.table is not None and dialog.table.sheet == "Väntelista"
    assert [dialog.model.row_at(i).name for i in range(dialog.model.rowCount())] == ["Sara Provsson"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "är tom"),
        (b"\x00\x01\x02 binary \x00", "inte ett kalkylark"),
        (b"a;b\r\n1;2\r\n", "Ingen rubrikrad"),
    ],
)
def test_a_file_that_is_not_a_list_is_refused_in_swedish(
    qtbot: QtBot, people: Any, message_boxes: Any, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes(content)
    dialog = _dialog(qtbot, people, None)
    assert not dialog.import_button.isEnabled()
    assert dialog.open_file(path) is False
    assert message in message_boxes.shown[-1]
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_the_chooser_starts_in_documents_and_the_page_opens_the_dialog(
    qtbot: QtBot, page: ParticipantsPage, message_boxes: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "lista.xlsx")
    asked: list[str] = []

    def get_open_file_name(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    opened: list[ImportParticipantsDialog] = []

    def exec_dialog(dialog: ImportParticipantsDialog) -> int:
        opened.append(dialog)
        dialog.choose_file()
        dialog.import_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ImportParticipantsDialog, "exec", exec_dialog)
    page.import_button.click()
    assert asked == [QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)]
    assert opened and opened[0].summary is not None and opened[0].summary.imported == 2
    assert "Omid Exempelzadeh" in [row.name for row in page.register.model.rows()]
