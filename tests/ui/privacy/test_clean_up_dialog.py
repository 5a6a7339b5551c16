"""The Gallring dialog: who is due, ticking, the confirmation, anonymising, and what the user is told after."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from biv_desktop.services.privacy.clean_up import PersonKind
from biv_desktop.services.register.backup import backups_folder
from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.models import GroupLeader, Participant
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.privacy.clean_up_dialog import CleanUpDialog
from biv_desktop.ui.privacy.due_model import CHECK_COLUMN

SCREENSHOTS = Path("/tmp/privacy_shots")


@pytest.fixture
def dialog(qtbot: QtBot, due_register: Any, tmp_path: Path) -> CleanUpDialog:
    shown = CleanUpDialog(due_register.database, today=due_register.today, backups=tmp_path / "backups")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _table(dialog: CleanUpDialog) -> list[list[str]]:
    proxy = dialog.proxy
    return [
        [str(proxy.index(row, column).data() or "") for column in range(1, proxy.columnCount())]
        for row in range(proxy.rowCount())
    ]


def _ticked(dialog: CleanUpDialog) -> list[str]:
    proxy = dialog.proxy
    return [
        proxy.index(row, 1).data()
        for row in range(proxy.rowCount())
        if proxy.index(row, CHECK_COLUMN).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    ]


def test_the_dialog_lists_who_is_due_and_ticks_those_with_a_date(
    dialog: CleanUpDialog, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(dialog.model, force_py=True)
    assert _table(dialog) == [
        ["Amina Farah", "Barn", "2025-05-13", "2026-05-13"],
        ["Hodan Farah", "Förälder/vårdnadshavare", "2025-05-13", "2026-05-13"],
        ["Olle Berg", "Gruppledare", "2025-09-01", "2026-09-01"],
        ["Faisal Omar", "Barn", "Aldrig i en grupp", "–"],
    ]
    assert _ticked(dialog) == ["Amina Farah", "Hodan Farah", "Olle Berg"]
    assert dialog.count.text() == "3 av 4 valda"
    assert "12 månader" in dialog.introduction.text()
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "clean_up_dialog.png"))


def test_ticking_by_keyboard_and_the_buttons(qtbot: QtBot, dialog: CleanUpDialog) -> None:
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.proxy.index(3, 1))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert "Faisal Omar" in _ticked(dialog)
    qtbot.mouseClick(dialog.check_none, Qt.MouseButton.LeftButton)
    assert _ticked(dialog) == []
    assert not dialog.anonymise_button.isEnabled()
    qtbot.mouseClick(dialog.check_all, Qt.MouseButton.LeftButton)
    assert len(_ticked(dialog)) == 4 and dialog.anonymise_button.isEnabled()


def test_cancelling_the_confirmation_changes_nothing(
    dialog: CleanUpDialog, due_register: Any, message_boxes: Any
) -> None:
    message_boxes.presses = ["Avbryt"]
    dialog.anonymise_chosen()
    (confirmation,) = message_boxes.shown
    assert confirmation["text"] == "Anonymisera 3 personer?"
    assert "födelseår" in confirmation["informative"] and "Det här finns kvar" in confirmation["informative"]
    assert "telefonnummer, e-postadress" in confirmation["informative"]
    assert len(_table(dialog)) == 4


def test_anonymising_the_ticked_people_and_removing_older_backups(
    dialog: CleanUpDialog, due_register: Any, message_boxes: Any, tmp_path: Path
) -> None:
    database = due_register.database
    folder = backups_folder(database.path, tmp_path / "backups")  # this register's own backups
    older = backup_file(
        database.path, folder / backup_name(database.path, "start", dt.datetime(2026, 11, 2, 9))
    )
    message_boxes.presses = ["Anonymisera", "Ta bort äldre säkerhetskopior"]
    dialog.anonymise_chosen()
    outcome = message_boxes.shown[1]
    assert outcome["text"] == "3 personer är anonymiserade."
    assert "En äldre säkerhetskopia innehåller fortfarande uppgifterna." in outcome["informative"]
    assert "senast måndag 1 november 2027" in outcome["informative"]
    assert "USB-minne" in outcome["informative"]
    assert not older.exists()
    (fresh,) = folder.iterdir()
    assert fresh.name.endswith("-efter-gallring.sqlite")
    assert _table(dialog) == [["Faisal Omar", "Barn", "Aldrig i en grupp", "–"]]
    with database.transaction() as session:
        amina = session.get(Participant, due_register.ids["Amina"])
        assert amina is not None and amina.anonymised_on == due_register.today and amina.first_name == ""
        olle = session.scalars(select(GroupLeader)).one()
        assert olle.full_name == "Anonymiserad gruppledare"
    assert dialog.anonymised == 3


def test_someone_placed_meanwhile_is_refused_and_the_list_reread(
    dialog: CleanUpDialog, due_register: Any, message_boxes: Any
) -> None:
    from biv_desktop.services.participants.waiting import add_to_waiting_list

    add_to_waiting_list(
        due_register.database, due_register.ids["Amina"], due_register.today, due_register.today
    )
    message_boxes.presses = ["Anonymisera", "OK"]
    dialog.anonymise_chosen()
    refusal = message_boxes.shown[1]
    assert refusal["text"] == "Ingen anonymiserades."
    assert "väntelistan" in refusal["informative"]
    assert "Amina Farah" not in [row[0] for row in _table(dialog)]
    with due_register.database.transaction() as session:
        hodan = session.get(Participant, due_register.ids["Hodan"])
        assert hodan is not None and hodan.first_name == "Hodan"


def test_the_window_opens_the_dialog_from_the_file_menu(
    qtbot: QtBot, due_register: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(due_register.database, today=due_register.today)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [action.text() for action in file_menu.actions()]
    assert "&Gallring av personuppgifter…" in texts
    opened: list[CleanUpDialog] = []

    def record(dialog: CleanUpDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(CleanUpDialog, "exec", record)
    window.privacy_actions.clean_up_action.trigger()
    (dialog,) = opened
    assert dialog.database is window.database
    assert dialog.windowTitle() == "Gallring av personuppgifter"
    assert {person.key.kind for person in dialog.model.rows()} == {PersonKind.PARTICIPANT, PersonKind.LEADER}
