"""Arkiv → Säkerhetskopiera till…, Återställ från säkerhetskopia… and Exportera hela registret… as a user
meets them: file dialogs (patched), a progress dialog while the work runs off the GUI thread, and
Swedish messages (patched message boxes)."""

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMenu, QProgressDialog
from sqlalchemy import select

from biv_desktop.paths import backups_dir
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family
from biv_desktop.ui.main_window import MainWindow
from support.qt import FileDialogs


@pytest.fixture
def progress_values(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Every (value, maximum) a progress dialog showed."""
    shown: list[tuple[int, int]] = []
    set_value = QProgressDialog.setValue

    def record(dialog: QProgressDialog, value: int) -> None:
        set_value(dialog, value)
        shown.append((value, dialog.maximum()))

    monkeypatch.setattr(QProgressDialog, "setValue", record)
    return shown


def families(database: Database) -> list[str]:
    with database.transaction() as session:
        return list(session.scalars(select(Family.name).order_by(Family.id)))


def add_family(database: Database, name: str) -> None:
    with database.transaction() as session:
        session.add(Family(name=name))


def test_the_archive_menu_has_the_three_actions_after_opening(window: MainWindow) -> None:
    [archive] = [action.menu() for action in window.menuBar().actions() if action.text() == "&Arkiv"]
    assert isinstance(archive, QMenu)
    texts = [action.text() for action in archive.actions() if not action.isSeparator()]
    start = texts.index("&Öppna databas…") + 1
    assert texts[start : start + 3] == [
        "Säkerhets&kopiera till…",
        "Åter&ställ från säkerhetskopia…",
        "&Exportera hela registret…",
    ]


def test_a_backup_to_a_usb_stick_shows_progress_and_says_where_it_went(
    window: MainWindow,
    tmp_path: Path,
    file_dialogs: FileDialogs,
    message_boxes: Any,
    progress_values: Any,
    passphrases: Any,
) -> None:
    target = tmp_path / "usb" / "biv.sqlite"
    file_dialogs.answers = [str(target)]
    passphrases.answers = [[("Spara okrypterad…",)]]
    message_boxes.presses = ["Spara okrypterad", "OK"]

    window.backup_actions.backup_action.trigger()

    [asked] = file_dialogs.asked
    assert asked["caption"] == "Spara säkerhetskopian"
    assert re.fullmatch(r".*biv-sakerhetskopia-\d{4}-\d{2}-\d{2}\.sqlite", asked["directory"])
    warning, box = message_boxes.shown
    assert warning["text"] == "Vill du verkligen spara filen okrypterad?"
    assert warning["buttons"] == ["Spara okrypterad", "Avbryt"]
    assert box["text"] == f"Säkerhetskopian är sparad och kontrollerad:\n{target}"
    with closing(sqlite3.connect(target)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT count(*) FROM support_group").fetchone()[0] == 5
    value, maximum = progress_values[-1]
    assert maximum > 1 and value == maximum  # the bar went all the way


def test_a_failed_backup_keeps_the_chosen_name_for_another_try(
    window: MainWindow, tmp_path: Path, file_dialogs: FileDialogs, message_boxes: Any, passphrases: Any
) -> None:
    locked = tmp_path / "skrivskyddat-minne"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        file_dialogs.answers = [str(locked / "min kopia.sqlite"), str(tmp_path / "min kopia.sqlite")]
        passphrases.answers = [[("Spara okrypterad…",)]]
        message_boxes.presses = ["Spara okrypterad", "Välj en annan plats…", "OK"]
        window.backup_actions.backup_action.trigger()
    finally:
        locked.chmod(0o755)
    _plain, warning, done = message_boxes.shown
    assert warning["text"] == (
        f"Säkerhetskopian kunde inte skrivas i {locked}. Ändra behörigheterna eller välj en annan mapp."
    )
    assert warning["buttons"] == ["Välj en annan plats…", "Avbryt"]
    assert file_dialogs.asked[1]["directory"] == str(locked / "min kopia.sqlite")  # what was chosen stays
    assert (tmp_path / "min kopia.sqlite").exists()
    assert "sparad och kontrollerad" in done["text"]


def test_a_restore_asks_first_then_brings_back_the_backup(
    window: MainWindow,
    tmp_path: Path,
    file_dialogs: FileDialogs,
    message_boxes: Any,
    progress_values: Any,
    passphrases: Any,
) -> None:
    database = window.database
    add_family(database, "Familjen Påhittad")
    copy = tmp_path / "usb" / "biv.sqlite"
    file_dialogs.answers = [str(copy)]
    passphrases.answers = [[("Spara okrypterad…",)]]
    message_boxes.presses = ["Spara okrypterad", "OK"]
    window.backup_actions.backup_action.trigger()
    add_family(database, "Familjen Exempelsson")
    file_dialogs.answers = [str(copy)]
    message_boxes.presses = ["Återställ", "OK"]

    window.backup_actions.restore_action.trigger()

    assert file_dialogs.asked[-1]["caption"] == "Välj säkerhetskopian att återställa"
    _plain, _saved, question, done = message_boxes.shown
    assert question["title"] == "Återställ från säkerhetskopia"
    assert question["text"].startswith("Vill du ersätta databasen med säkerhetskopian från ")
    assert "sparas först som en säkerhetskopia" in question["informative"]
    assert question["buttons"] == ["Återställ", "Avbryt"]
    assert families(database) == ["Familjen Påhittad"]  # the window's register reads the restored data
    [safety] = backups_dir().rglob("register-*-fore-aterstallning.sqlite")
    assert str(safety) in done["text"]
    assert progress_values[-1] == (1000, 1000)


def test_a_restore_can_be_called_off(
    window: MainWindow, tmp_path: Path, file_dialogs: FileDialogs, message_boxes: Any, passphrases: Any
) -> None:
    copy = tmp_path / "biv.sqlite"
    file_dialogs.answers = [str(copy)]
    passphrases.answers = [[("Spara okrypterad…",)]]
    message_boxes.presses = ["Spara okrypterad", "OK"]
    window.backup_actions.backup_action.trigger()
    add_family(window.database, "Familjen Påhittad")
    file_dialogs.answers = [str(copy)]
    message_boxes.presses = ["Avbryt"]
    window.backup_actions.restore_action.trigger()
    assert families(window.database) == ["Familjen Påhittad"]
    assert not list(backups_dir().rglob("*.sqlite"))


def test_a_file_that_is_not_a_backup_is_refused_before_anything_is_asked(
    window: MainWindow, tmp_path: Path, file_dialogs: FileDialogs, message_boxes: Any
) -> None:
    letter = tmp_path / "brev.sqlite"
    letter.write_text("Hej!", encoding="utf-8")
    file_dialogs.answers = [str(letter)]
    message_boxes.presses = ["OK"]
    window.backup_actions.restore_action.trigger()
    [box] = message_boxes.shown
    assert box["text"] == (
        f"Filen {letter} är ingen säkerhetskopia av en BIV Desktop-databas. Välj en annan fil; den här "
        "lämnas orörd."
    )


def test_export_writes_everything_as_json(
    window: MainWindow, tmp_path: Path, file_dialogs: FileDialogs, message_boxes: Any, passphrases: Any
) -> None:
    target = tmp_path / "allt.json"
    file_dialogs.answers = [str(target)]
    passphrases.answers = [[("Spara okrypterad…",)]]
    message_boxes.presses = ["Spara okrypterad", "OK"]
    window.backup_actions.export_action.trigger()
    assert file_dialogs.asked[0]["filter"] == "JSON-filer (*.json);;Alla filer (*)"
    document = json.loads(target.read_text(encoding="utf-8"))
    assert len(document["tables"]["support_group"]) == 5
    _plain, box = message_boxes.shown
    assert box["text"].startswith(f"Hela databasen är exporterad till\n{target}\n\n")
    assert "personuppgifter" in box["text"]


def test_cancelling_a_file_dialog_does_nothing(
    window: MainWindow, file_dialogs: FileDialogs, message_boxes: Any, passphrases: Any
) -> None:
    file_dialogs.answers = ["", "", ""]
    passphrases.answers = [[("Kryptera och spara", "långa nog lösenfras", "långa nog lösenfras")]] * 2
    for action in window.backup_actions.actions():
        action.trigger()
    assert message_boxes.shown == []
    assert not list(backups_dir().rglob("*.sqlite"))
