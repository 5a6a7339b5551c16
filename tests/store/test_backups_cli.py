"""``biv-desktop backup`` and ``biv-desktop restore``: one Swedish sentence each, success or not."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from biv_desktop.cli import main
from biv_desktop.paths import backups_dir
from biv_desktop.store.lock import open_locked_register
from biv_desktop.store.models import Family
from biv_desktop.store.register import open_register


def families(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM family ORDER BY id")]


@pytest.fixture
def register(tmp_path: Path) -> Path:
    """A closed register holding one fictional family."""
    path = tmp_path / "biv-register.sqlite"
    database = open_register(path)
    with database.transaction() as session:
        session.add(Family(name="Familjen Påhittad"))
    database.close()
    return path


def test_backup_writes_a_checked_copy(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "usb" / "biv.sqlite"
    assert main(["backup", "--unencrypted", "--database", str(register), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Säkerhetskopian är sparad och kontrollerad: {out} (")
    assert families(out) == ["Familjen Påhittad"]


def test_backup_runs_beside_an_open_window(register: Path, tmp_path: Path) -> None:
    window = open_locked_register(register)
    try:
        assert (
            main(
                [
                    "backup",
                    "--unencrypted",
                    "--database",
                    str(register),
                    "--out",
                    str(tmp_path / "kopia.sqlite"),
                ]
            )
            == 0
        )
    finally:
        window.close()


def test_backup_refuses_to_write_over_the_register(
    register: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--unencrypted", "--database", str(register), "--out", str(register)]) == 1
    assert "kan inte sparas över själva databasen" in capsys.readouterr().err
    assert families(register) == ["Familjen Påhittad"]


def test_restore_backs_up_first_and_says_where(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "kopia.sqlite"
    assert main(["backup", "--unencrypted", "--database", str(register), "--out", str(copy)]) == 0
    with closing(sqlite3.connect(register)) as raw:
        raw.execute("UPDATE family SET name = 'Familjen Exempelsson'")
        raw.commit()
    capsys.readouterr()

    assert main(["restore", str(copy), "--database", str(register)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Databasen {register} är återställd från säkerhetskopian {copy} (")
    [safety] = backups_dir().rglob("biv-register-*-fore-aterstallning.sqlite")
    assert lines[1] == f"Databasen som den var före återställningen är sparad i {safety}."
    assert families(register) == ["Familjen Påhittad"]
    assert families(safety) == ["Familjen Exempelsson"]


def test_restore_is_refused_while_the_window_has_the_register_open(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "kopia.sqlite"
    main(["backup", "--unencrypted", "--database", str(register), "--out", str(copy)])
    window = open_locked_register(register)
    try:
        assert main(["restore", str(copy), "--database", str(register)]) == 1
    finally:
        window.close()
    assert f"BIV Desktop har redan databasen {register} öppen" in capsys.readouterr().err


def test_restore_refuses_a_file_that_is_not_a_backup(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "brev.txt"
    letter.write_text("Hej!", encoding="utf-8")
    assert main(["restore", str(letter), "--database", str(register)]) == 1
    assert "är ingen säkerhetskopia av en BIV Desktop-databas" in capsys.readouterr().err
    assert families(register) == ["Familjen Påhittad"]


def test_restore_on_a_new_computer_creates_the_register(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "kopia.sqlite"
    main(["backup", "--unencrypted", "--database", str(register), "--out", str(copy)])
    new = tmp_path / "ny dator" / "biv-register.sqlite"
    assert main(["restore", str(copy), "--database", str(new)]) == 0
    assert families(new) == ["Familjen Påhittad"]
    assert "före återställningen" not in capsys.readouterr().out
