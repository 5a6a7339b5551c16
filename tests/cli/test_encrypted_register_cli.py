"""A headless command on an encrypted register takes its passphrase from BIV_DESKTOP_REGISTER_PASSPHRASE or the
terminal, never an argument; without it, or with a wrong one, the command stops in Swedish and changes nothing."""

from pathlib import Path

import pytest

from biv_desktop.cli import main
from biv_desktop.cli.passphrase import REGISTER_ENVIRONMENT
from biv_desktop.services.register import switch_encryption_on
from biv_desktop.store import cipher
from biv_desktop.store.register import open_register
from support import factories

PASSPHRASE = "Påhittad registerfras 2026"


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(REGISTER_ENVIRONMENT, raising=False)
    path = tmp_path / "biv-register.sqlite"
    database = open_register(path, tmp_path / "backups")
    factories.group(database, premises_id=factories.premises(database))
    switch_encryption_on(database, PASSPHRASE, tmp_path / "backups", again=PASSPHRASE)
    database.close()
    cipher.forget_all()
    return path


def test_without_the_passphrase_off_a_terminal_the_command_stops(
    encrypted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = encrypted.read_bytes()
    assert main(["groups", "--database", str(encrypted)]) == 1
    err = capsys.readouterr().err
    assert "är krypterad" in err and REGISTER_ENVIRONMENT in err
    assert encrypted.read_bytes() == before


def test_a_wrong_passphrase_is_told_and_the_right_one_opens_it(
    encrypted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(REGISTER_ENVIRONMENT, "inte rätt fras alls")
    assert main(["groups", "--database", str(encrypted)]) == 1
    captured = capsys.readouterr()
    assert "Lösenfrasen öppnar inte" in captured.err
    assert "inte rätt fras alls" not in captured.out + captured.err

    monkeypatch.setenv(REGISTER_ENVIRONMENT, PASSPHRASE)
    assert main(["groups", "--database", str(encrypted)]) == 0
    captured = capsys.readouterr()
    assert "BIV Arabiska 10–12 år" in captured.out
    assert PASSPHRASE not in captured.out + captured.err
    # Nor in any file the command could have written: the log, the data and state folders, the backups.
    for file in (file for file in tmp_path.rglob("*") if file.is_file()):
        data = file.read_bytes()
        assert not any(PASSPHRASE.encode(form) in data for form in ("utf-8", "utf-16-le")), file.name


def test_on_a_terminal_it_is_asked_without_being_shown(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return PASSPHRASE

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", typed)
    assert main(["groups", "--database", str(encrypted)]) == 0
    assert asked == ["Databasens lösenfras: "]
