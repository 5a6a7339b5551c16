"""The window never restores another register's backup without asking with both registers' names and
sizes, and a damaged register can always be replaced by a backup the user chooses."""

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from biv_desktop.paths import backups_dir
from biv_desktop.services.register.backup import backup_to
from biv_desktop.store.register import open_register
from biv_desktop.ui.backup.start import open_at_start
from biv_desktop.ui.main_window import MainWindow
from support.qt import FileDialogs
from support.registers import flip_bit_in_row, make_register, participant_count


def test_restoring_another_registers_backup_asks_with_both_names_and_sizes(
    qtbot: QtBot, tmp_path: Path, message_boxes: Any, monkeypatch: Any
) -> None:
    dialogs = FileDialogs(monkeypatch)
    real = make_register(tmp_path / "dator" / "biv-register.sqlite", 38, backups_dir(), prefix="Riktig")
    stick = make_register(tmp_path / "usb" / "biv-register.sqlite", 235, backups_dir(), prefix="Annan")
    other = backup_to(stick, tmp_path / "usb" / "kopia.sqlite")
    database = open_register(real, backups_dir())
    window = MainWindow(database)
    qtbot.addWidget(window)
    try:
        dialogs.answers = [str(other)]
        message_boxes.presses = ["Avbryt"]
        window.backup_actions.restore_action.trigger()
        [question] = message_boxes.shown
        assert question["title"] == "Säkerhetskopian är av ett annat register"
        assert "biv-register.sqlite (38 deltagare, " in question["text"]
        assert "biv-register.sqlite (235 deltagare, " in question["text"]
        assert question["buttons"] == ["Ersätt ändå", "Avbryt"]
        assert participant_count(real) == 38

        dialogs.answers = [str(other)]
        message_boxes.presses = ["Ersätt ändå", "OK"]
        window.backup_actions.restore_action.trigger()
        assert participant_count(real) == 235
    finally:
        database.close()


def test_a_damaged_register_can_be_replaced_by_a_backup_the_user_chooses(
    qtbot: QtBot, tmp_path: Path, message_boxes: Any, monkeypatch: Any
) -> None:
    dialogs = FileDialogs(monkeypatch)
    real = make_register(tmp_path / "dator" / "biv-register.sqlite", 38, backups_dir(), prefix="Riktig")
    on_stick = backup_to(real, tmp_path / "usb" / "kopia.sqlite")  # no backup in the backups folder
    flip_bit_in_row(real, b"Riktig-00017-uuid")
    dialogs.answers = [str(on_stick)]
    message_boxes.presses = ["Välj en säkerhetskopia…"]

    database = open_at_start(real)

    assert database is not None
    try:
        [box] = message_boxes.shown
        assert box["title"] == "Databasen är skadad"
        assert box["buttons"] == ["Välj en säkerhetskopia…", "Välj en annan fil…", "Avsluta"]
        assert participant_count(real) == 38
    finally:
        database.close()
