"""``biv-desktop backup --out`` onto a file that is one of our registers: never onto one in use or with a
-wal left by a crash, and otherwise only after a safety copy of what was there."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from biv_desktop.cli import main
from biv_desktop.paths import backups_dir
from biv_desktop.store.lock import open_locked_register
from biv_desktop.store.register import open_register
from support.registers import make_register, participant_count


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return make_register(tmp_path / "dator" / "biv-register.sqlite", 12, backups_dir(), prefix="Riktig")


@pytest.fixture
def other(tmp_path: Path) -> Path:
    return make_register(tmp_path / "usb" / "biv-register.sqlite", 380, backups_dir(), prefix="Annan")


def backup_out(source: Path, out: Path) -> int:
    return main(["backup", "--unencrypted", "--database", str(source), "--out", str(out)])


def test_backup_out_onto_a_register_open_in_a_window_is_refused(
    source: Path, other: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = open_locked_register(other, backups_dir())
    try:
        assert backup_out(source, other) == 1
    finally:
        window.close()
    error = capsys.readouterr().err
    assert "öppen" in error and "Välj ett annat filnamn" in error
    assert participant_count(other) == 380
    open_register(other, backups_dir()).close()  # not damaged


def test_backup_out_onto_a_register_with_a_wal_left_by_a_crash_is_refused(
    source: Path, other: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashed = tmp_path / "krasch" / "biv-register.sqlite"
    crashed.parent.mkdir()
    with closing(sqlite3.connect(other)) as writer:  # an edit still only in the -wal, as after a crash
        writer.execute("UPDATE participant SET last_name = 'Sparadsson' WHERE id = 1")
        writer.commit()
        for end in ("", "-wal"):
            shutil.copyfile(other.with_name(other.name + end), crashed.with_name(crashed.name + end))
    wal = crashed.with_name(crashed.name + "-wal").read_bytes()
    assert wal

    assert backup_out(source, crashed) == 1

    assert "-wal" in capsys.readouterr().err
    assert crashed.with_name(crashed.name + "-wal").read_bytes() == wal
    database = open_register(crashed, backups_dir())  # opens, not damaged, with the edit kept
    database.close()
    with closing(sqlite3.connect(crashed)) as raw:
        assert raw.execute("SELECT last_name FROM participant WHERE id = 1").fetchone()[0] == "Sparadsson"
    assert participant_count(crashed) == 380


def test_backup_out_onto_a_free_register_keeps_a_safety_copy_first(
    source: Path, other: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert backup_out(source, other) == 0
    out = capsys.readouterr().out
    assert "sparad och kontrollerad" in out
    assert "sparades först" in out
    assert participant_count(other) == 12
    [safety] = backups_dir().rglob("biv-register-*-fore-ersattning.sqlite")
    assert participant_count(safety) == 380


def test_an_earlier_backup_under_the_same_name_is_replaced_as_before(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "usb" / "kopia.sqlite"
    assert backup_out(source, copy) == 0
    assert backup_out(source, copy) == 0
    assert participant_count(copy) == 12
