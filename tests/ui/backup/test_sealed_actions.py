"""Backups and exports from the window are sealed with a passphrase unless the user chooses otherwise after a
warning; a sealed backup is restored after its passphrase is asked for (again after a wrong one). The
passphrase is typed into password fields and never reaches the clipboard, the log or any file."""

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from biv_desktop.paths import backups_dir, log_dir
from biv_desktop.services.register import backup_sealed_to
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family
from biv_desktop.ui.backup.passphrase import password_field
from biv_desktop.ui.backup.start import open_at_start
from biv_desktop.ui.crash import configure_logging, log
from biv_desktop.ui.main_window import MainWindow
from support.qt import FileDialogs
from support.registers import flip_bit_in_row, make_register, participant_count

PASSPHRASE = "Blå dörrar i Berga"


def families(database: Database) -> list[str]:
    with database.transaction() as session:
        return list(session.scalars(select(Family.name).order_by(Family.id)))


def add_family(database: Database, name: str) -> None:
    with database.transaction() as session:
        session.add(Family(name=name))


@pytest.fixture
def logged() -> Any:
    """The program's own log file, as the window writes it, for the duration of the test."""
    log_file = configure_logging(log_dir())
    yield log_file
    for handler in list(log.handlers):
        if isinstance(handler, logging.FileHandler):
            log.removeHandler(handler)
            handler.close()


def test_a_sealed_backup_goes_out_and_comes_back(
    window: MainWindow,
    tmp_path: Path,
    file_dialogs: FileDialogs,
    message_boxes: Any,
    passphrases: Any,
    logged: Path,
) -> None:
    database = window.database
    add_family(database, "Familjen Zuhurmaryam")
    copy = tmp_path / "usb" / "kopia.sqlite.age"
    file_dialogs.answers = [str(copy)]
    passphrases.answers = [
        [
            ("Kryptera och spara", PASSPHRASE, PASSPHRASE + "!"),
            ("Kryptera och spara", "kort", "kort"),
            ("Kryptera och spara", PASSPHRASE, PASSPHRASE),
        ]
    ]
    message_boxes.presses = ["OK"]

    window.backup_actions.backup_action.trigger()

    [new] = passphrases.shown
    assert new["echo"] == [QLineEdit.EchoMode.Password] * 2
    assert new["errors"] == [
        "Lösenfraserna är inte likadana. Skriv samma lösenfras två gånger.",
        "Lösenfrasen måste ha minst 8 tecken. Gärna några ord i rad, som du kommer ihåg men ingen annan "
        "gissar.",
        "",
    ]
    [asked] = file_dialogs.asked
    assert asked["directory"].endswith(".sqlite.age")
    assert asked["filter"] == "Krypterade filer (*.age);;Alla filer (*)"
    [done] = message_boxes.shown
    assert done["text"].startswith(f"Säkerhetskopian är sparad, kontrollerad och krypterad:\n{copy}")
    data = copy.read_bytes()
    assert b"Zuhurmaryam" not in data and "Zuhurmaryam".encode("utf-16-le") not in data

    add_family(database, "Familjen Exempelsson")
    file_dialogs.answers = [str(copy)]
    passphrases.answers = [[("Öppna", "blå dörrar i berga")], [("Öppna", PASSPHRASE)]]
    message_boxes.presses = ["Återställ", "OK"]

    window.backup_actions.restore_action.trigger()

    assert file_dialogs.asked[-1]["filter"].startswith("BIV Desktop-säkerhetskopior (*.age *.sqlite)")
    first, second = passphrases.shown[1:]
    assert first["echo"] == [QLineEdit.EchoMode.Password]
    assert first["problem"] == ""
    assert second["problem"].startswith("Lösenfrasen stämmer inte för kopia.sqlite.age.")
    question, _restored = message_boxes.shown[1:]
    assert question["informative"].endswith(f"Fil: {copy}")
    assert families(database) == ["Familjen Zuhurmaryam"]
    assert not list(backups_dir().rglob("*.part*"))  # the opened copy is gone

    # The passphrase is in no file the program wrote: log, register, backups, settings.
    for handler in log.handlers:
        handler.flush()
    assert logged.exists()
    forms = [PASSPHRASE.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]
    holding = [
        path for path in tmp_path.rglob("*") if path.is_file() and any(f in path.read_bytes() for f in forms)
    ]
    assert holding == []


def test_a_sealed_backup_that_is_cut_short_is_refused_and_nothing_changes(
    window: MainWindow, tmp_path: Path, file_dialogs: FileDialogs, message_boxes: Any, passphrases: Any
) -> None:
    copy = tmp_path / "kopia.sqlite.age"
    file_dialogs.answers = [str(copy)]
    passphrases.answers = [[("Kryptera och spara", PASSPHRASE, PASSPHRASE)]]
    message_boxes.presses = ["OK"]
    window.backup_actions.backup_action.trigger()
    copy.write_bytes(copy.read_bytes()[:-500])
    add_family(window.database, "Familjen Påhittad")

    file_dialogs.answers = [str(copy)]
    passphrases.answers = [[("Öppna", PASSPHRASE)]]
    message_boxes.presses = ["OK"]
    window.backup_actions.restore_action.trigger()

    refused = message_boxes.shown[-1]
    assert refused["text"].startswith(f"Filen {copy} är skadad eller inte hel")
    assert families(window.database) == ["Familjen Påhittad"]


def test_a_sealed_export_and_a_plain_one_called_off_at_the_warning(
    window: MainWindow, tmp_path: Path, file_dialogs: FileDialogs, message_boxes: Any, passphrases: Any
) -> None:
    add_family(window.database, "Familjen Zuhurmaryam")
    target = tmp_path / "allt.json.age"
    file_dialogs.answers = [str(target)]
    passphrases.answers = [[("Kryptera och spara", PASSPHRASE, PASSPHRASE)]]
    message_boxes.presses = ["OK"]
    window.backup_actions.export_action.trigger()
    [done] = message_boxes.shown
    assert done["text"].startswith(f"Hela databasen är exporterad och krypterad till\n{target}\n\n")
    assert b"Zuhurmaryam" not in target.read_bytes()

    passphrases.answers = [[("Spara okrypterad…",), ("Avbryt",)]]
    message_boxes.presses = ["Avbryt"]
    window.backup_actions.export_action.trigger()
    warning = message_boxes.shown[-1]
    assert "vem som helst som hittar den" in warning["informative"]
    assert len(file_dialogs.asked) == 1  # no place was asked for: nothing was written


def test_a_passphrase_field_never_gives_its_text_to_the_clipboard(qtbot: Any) -> None:
    field = password_field()
    qtbot.addWidget(field)
    clipboard = QApplication.clipboard()
    clipboard.setText("något annat")
    field.setText(PASSPHRASE)
    field.selectAll()
    field.copy()
    field.cut()
    assert clipboard.text() == "något annat"


def test_a_damaged_register_can_be_replaced_by_a_sealed_backup_from_a_stick(
    qtbot: Any, tmp_path: Path, file_dialogs: FileDialogs, message_boxes: Any, passphrases: Any
) -> None:
    real = make_register(tmp_path / "dator" / "biv-register.sqlite", 38, backups_dir(), prefix="Riktig")
    on_stick = backup_sealed_to(real, tmp_path / "usb" / "kopia.sqlite.age", PASSPHRASE)
    flip_bit_in_row(real, b"Riktig-00017-uuid")
    file_dialogs.answers = [str(on_stick)]
    passphrases.answers = [[("Öppna", "fel fras här")], [("Öppna", PASSPHRASE)]]
    message_boxes.presses = ["Välj en säkerhetskopia…"]

    database = open_at_start(real)

    assert database is not None
    try:
        assert file_dialogs.asked[0]["filter"].startswith("BIV Desktop-säkerhetskopior (*.age *.sqlite)")
        assert passphrases.shown[1]["problem"].startswith("Lösenfrasen stämmer inte")
        assert participant_count(real) == 38
        assert len(list(backups_dir().rglob("*-skadad.sqlite"))) == 1  # the damaged one, moved aside whole
        assert not list(backups_dir().rglob("*.part*"))
    finally:
        database.close()
