"""``backup`` and ``export json`` seal with a passphrase unless told --unencrypted; ``restore`` and ``import json``
open a sealed file with it. The passphrase comes from a file, the environment or the terminal, never an
argument, and is never printed or logged."""

import os
import pty
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from biv_desktop.cli import main
from biv_desktop.store.models import Family
from biv_desktop.store.register import open_register

PASSPHRASE = "Sju sköra skärgårdsskutor"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "biv-register.sqlite"
    database = open_register(path)
    with database.transaction() as session:
        session.add(Family(name="Familjen Påhittad"))
    database.close()
    return path


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "fras.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def families(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM family ORDER BY id")]


def test_a_backup_without_a_passphrase_is_refused_off_a_terminal(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BIV_DESKTOP_PASSPHRASE", raising=False)
    out = tmp_path / "usb" / "kopia.sqlite.age"
    assert main(["backup", "--database", str(register), "--out", str(out)]) == 1
    assert "Ange den med --passphrase-file FIL" in capsys.readouterr().err
    assert not out.exists()


def test_backup_and_restore_with_a_passphrase(
    register: Path,
    tmp_path: Path,
    passphrase_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "usb" / "kopia.sqlite.age"
    args = [
        "backup",
        "--database",
        str(register),
        "--out",
        str(out),
        "--passphrase-file",
        str(passphrase_file),
    ]
    assert main(args) == 0
    assert "kontrollerad och krypterad" in capsys.readouterr().out
    assert b"Familjen" not in out.read_bytes()
    with closing(sqlite3.connect(register)) as raw:
        raw.execute("UPDATE family SET name = 'Familjen Exempelsson'")
        raw.commit()

    monkeypatch.setenv("BIV_DESKTOP_PASSPHRASE", "inte rätt fras")
    assert main(["restore", str(out), "--database", str(register)]) == 1
    assert "Lösenfrasen stämmer inte" in capsys.readouterr().err
    assert families(register) == ["Familjen Exempelsson"]

    monkeypatch.setenv("BIV_DESKTOP_PASSPHRASE", PASSPHRASE)
    assert main(["restore", str(out), "--database", str(register)]) == 0
    said = capsys.readouterr()
    assert f"återställd från säkerhetskopian {out} (" in said.out
    assert families(register) == ["Familjen Påhittad"]
    _nowhere(PASSPHRASE, said.out + said.err, tmp_path)


def test_export_and_import_with_a_passphrase(
    register: Path, tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "allt.json.age"
    given = ["--passphrase-file", str(passphrase_file)]
    assert main(["export", "json", "--database", str(register), "--out", str(out), *given]) == 0
    assert b"Familjen" not in out.read_bytes()
    new = tmp_path / "ny.sqlite"
    assert main(["import", "json", str(out), "--database", str(new), *given]) == 0
    assert families(new) == ["Familjen Påhittad"]
    out.write_bytes(out.read_bytes()[:100])
    newer = tmp_path / "nyare.sqlite"
    assert main(["import", "json", str(out), "--database", str(newer), *given]) == 1
    said = capsys.readouterr()
    assert "är skadad eller inte hel" in said.err
    assert not newer.exists()  # a damaged file is refused before any register is made
    _nowhere(PASSPHRASE, said.out + said.err, tmp_path)


def test_a_plain_export_is_written_only_when_asked_for_with_a_warning(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "allt.json"
    assert main(["export", "json", "--unencrypted", "--database", str(register), "--out", str(out)]) == 0
    assert "Varning: filen sparas okrypterad" in capsys.readouterr().err
    assert "Familjen Påhittad" in out.read_text(encoding="utf-8")


def test_a_too_short_passphrase_is_refused(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "kort.txt"
    short.write_text("hemligt\n", encoding="utf-8")
    out = tmp_path / "kopia.sqlite.age"
    assert (
        main(["backup", "--database", str(register), "--out", str(out), "--passphrase-file", str(short)]) == 1
    )
    assert "minst 8 tecken" in capsys.readouterr().err
    assert not out.exists()


def _nowhere(secret: str, printed: str, folder: Path) -> None:
    """The passphrase is in none of what was printed and no file but the one it was given in."""
    assert secret not in printed
    forms = [secret.encode(encoding) for encoding in ("utf-8", "utf-16-le")]
    holding = [
        path
        for path in folder.rglob("*")
        if path.is_file() and path.name != "fras.txt" and any(form in path.read_bytes() for form in forms)
    ]
    assert holding == []


@pytest.mark.skipif(shutil.which("age") is None, reason="the standard age tool is not installed")
def test_the_standard_age_tool_opens_a_sealed_backup(
    register: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    sealed = tmp_path / "kopia.sqlite.age"
    main(
        [
            "backup",
            "--database",
            str(register),
            "--out",
            str(sealed),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    opened = tmp_path / "öppnad.sqlite"
    # age reads a passphrase only from a terminal: give it one.
    pid, terminal = pty.fork()
    if pid == 0:
        os.execvp("age", ["age", "--decrypt", "-o", str(opened), str(sealed)])
    asked = b""
    while b"passphrase" not in asked.lower():
        asked += os.read(terminal, 1024)
    os.write(terminal, PASSPHRASE.encode() + b"\n")
    try:
        while os.read(terminal, 1024):
            pass
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    assert status == 0
    assert families(opened) == ["Familjen Påhittad"]
