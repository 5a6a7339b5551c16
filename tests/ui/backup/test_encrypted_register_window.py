"""The encrypted register in the window: the passphrase asked at start in a password field (a wrong one told,
Avbryt quits with nothing opened), and the Kryptering tab switching encryption on, the passphrase changed,
and off again, with the lost-passphrase warning to be ticked first."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from biv_desktop.services.register import is_encrypted, switch_encryption_on
from biv_desktop.store import cipher
from biv_desktop.store.database import Database
from biv_desktop.ui.backup.start import open_at_start
from biv_desktop.ui.encryption import settings_tab
from biv_desktop.ui.encryption.dialogs import NewRegisterPassphraseDialog
from biv_desktop.ui.encryption.settings_tab import EncryptionTab
from biv_desktop.ui.opening import open_register_at_start
from support import factories

from .conftest import PassphraseDialogs

PASSPHRASE = "Påhittad fönsterfras 2026"
NAME = "Zuhurmaryam"


def _families(database: Database) -> list[str]:
    with database.transaction() as session:
        return [str(row[0]) for row in session.execute(text("SELECT name FROM family"))]


@pytest.fixture
def backups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setattr(settings_tab, "backups_dir", lambda: folder)
    monkeypatch.setattr("biv_desktop.ui.opening.backups_dir", lambda: folder)
    return folder


@pytest.fixture
def encrypted(database: Database, backups: Path) -> Path:
    factories.family(database, NAME)
    switch_encryption_on(database, PASSPHRASE, backups, again=PASSPHRASE)
    database.close()
    cipher.forget_all()
    return database.path


def test_the_start_asks_for_the_passphrase_until_it_is_right(
    encrypted: Path, passphrases: PassphraseDialogs, qtbot: QtBot
) -> None:
    passphrases.answers = [[("Öppna", "inte rätt fras")], [("Öppna", PASSPHRASE)]]
    opened = open_register_at_start(encrypted)
    assert opened is not None
    try:
        assert _families(opened) == [NAME]
    finally:
        opened.close()
    assert [shown["echo"] for shown in passphrases.shown] == [[QLineEdit.EchoMode.Password]] * 2
    assert passphrases.shown[0]["title"] == "Krypterad databas"
    assert "Lösenfrasen öppnar inte" in passphrases.shown[1]["problem"]
    assert "inte rätt fras" not in passphrases.shown[1]["problem"]


def test_avbryt_at_start_opens_nothing(encrypted: Path, passphrases: PassphraseDialogs, qtbot: QtBot) -> None:
    before = encrypted.read_bytes()
    passphrases.answers = [[("Avbryt",)]]
    assert open_register_at_start(encrypted) is None
    assert encrypted.read_bytes() == before
    assert not encrypted.with_name(encrypted.name + ".lock").exists()


class NewPassphrases:
    """Stands in for the Kryptering tab's passphrase dialog: types, ticks the warning if told, presses."""

    def __init__(self) -> None:
        self.answers: list[tuple[list[str], bool, str]] = []
        self.shown: list[dict[str, Any]] = []

    def exec(self, dialog: NewRegisterPassphraseDialog) -> int:
        texts, tick, button = self.answers.pop(0)
        fields = [field for field in (dialog.current, dialog.first, dialog.second) if field is not None]
        for field, typed in zip(fields, texts, strict=True):
            field.setText(typed)
        record = {
            "echo": [field.echoMode() for field in fields],
            "enabled_before_tick": dialog.accept_button.isEnabled(),
        }
        dialog.understood.setChecked(tick)
        (dialog.accept_button if button == "accept" else dialog.cancel_button).click()
        record["error"] = dialog.error.text() if not dialog.error.isHidden() else ""
        self.shown.append(record)
        return int(dialog.result())


def test_the_settings_tab_switches_on_changes_and_switches_off(
    database: Database,
    backups: Path,
    passphrases: PassphraseDialogs,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    factories.family(database, NAME)
    new = NewPassphrases()
    monkeypatch.setattr(NewRegisterPassphraseDialog, "exec", lambda dialog: new.exec(dialog))
    asked: list[str] = []

    def answered_yes(_parent: object, _title: str, question: str, *_args: object, **_kwargs: object) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(settings_tab, "ask", answered_yes)
    printed: list[Path] = []
    monkeypatch.setattr(EncryptionTab, "print_sheet", lambda tab: printed.append(tab.database.path))
    tab = EncryptionTab(database)
    qtbot.addWidget(tab)
    assert "inte krypterad" in tab.state.text() and tab.switch_on_button.isVisibleTo(tab)

    # Two different passphrases are refused in the dialog; Avbryt then changes nothing.
    new.answers = [
        ([PASSPHRASE, "något annat här"], True, "accept"),
        ([PASSPHRASE, PASSPHRASE], False, "cancel"),
    ]
    tab.switch_on()
    tab.switch_on()
    assert "inte likadana" in new.shown[0]["error"]
    assert new.shown[0]["echo"] == [QLineEdit.EchoMode.Password] * 2
    assert not new.shown[0]["enabled_before_tick"]
    assert not is_encrypted(database.path)

    new.answers = [([PASSPHRASE, PASSPHRASE], True, "accept")]
    tab.switch_on()
    assert is_encrypted(database.path)
    assert NAME.encode() not in database.path.read_bytes()
    assert "Databasen är krypterad" in tab.state.text() and tab.change_button.isVisibleTo(tab)
    assert asked == ["Databasen är krypterad nu."] and printed == [database.path]
    assert _families(database) == [NAME]  # the open register goes on, now on the encrypted file

    new.answers = [(["fel nuvarande fras", "ny påhittad fras", "ny påhittad fras"], True, "accept")]
    monkeypatch.setattr("biv_desktop.ui.common.service_call.warn", lambda *_a, **_k: None)
    tab.change()
    cipher.forget_all()
    with pytest.raises(Exception, match="Lösenfrasen öppnar inte"):
        cipher.unlock(database.path, "ny påhittad fras")
    cipher.unlock(database.path, PASSPHRASE)

    new.answers = [([PASSPHRASE, "ny påhittad fras", "ny påhittad fras"], True, "accept")]
    tab.change()
    cipher.forget_all()
    cipher.unlock(database.path, "ny påhittad fras")
    database.reconnect()

    passphrases.answers = [[("Öppna", "ny påhittad fras")]]
    tab.switch_off()
    assert not is_encrypted(database.path)
    assert database.path.read_bytes().startswith(b"SQLite format 3")
    assert "inte krypterad" in tab.state.text()
    assert _families(database) == [NAME]


def test_the_program_start_opens_an_encrypted_register_after_its_passphrase(
    encrypted: Path,
    backups: Path,
    passphrases: PassphraseDialogs,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("biv_desktop.ui.backup.start.backups_dir", lambda: backups)
    passphrases.answers = [[("Öppna", PASSPHRASE)]]
    opened = open_at_start(encrypted)
    assert opened is not None
    try:
        assert _families(opened) == [NAME]
    finally:
        opened.close()
    assert len(passphrases.shown) == 1  # asked once, not taken for a damaged or foreign file
