"""Backups belong to a register: two registers with the same file name never share, rotate away or
restore each other's backups without the user saying yes to both registers' names and sizes."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from biv_desktop.cli import main
from biv_desktop.services.register.backup import (
    backup_at_start,
    newest_good_backup,
    other_register,
    restore_file,
)
from biv_desktop.store.errors import OtherRegisterError
from biv_desktop.store.identity import read_register_id
from biv_desktop.store.register import open_register
from support.registers import flip_bit_in_row, make_register, participant_count

MONDAY = dt.datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "user" / "backups"  # one backups folder for every register, as the program has


@pytest.fixture
def real(tmp_path: Path, backups: Path) -> Path:
    return make_register(tmp_path / "dator" / "biv-register.sqlite", 380, backups, prefix="Riktig")


@pytest.fixture
def stick(tmp_path: Path, backups: Path) -> Path:
    return make_register(tmp_path / "usb" / "biv-register.sqlite", 2358, backups, prefix="Annan")


def start(path: Path, backups: Path, now: dt.datetime) -> Path | None:
    database = open_register(path, backups)
    try:
        return backup_at_start(database, backups, now=now)
    finally:
        database.close()


def test_two_registers_with_the_same_name_have_their_own_ids(real: Path, stick: Path) -> None:
    assert read_register_id(real) is not None
    assert read_register_id(stick) is not None
    assert read_register_id(real) != read_register_id(stick)


def test_another_register_with_the_same_name_neither_rotates_away_nor_replaces_the_real_ones_backups(
    real: Path, stick: Path, backups: Path
) -> None:
    own = [start(real, backups, MONDAY + dt.timedelta(days=day)) for day in range(3)]
    assert all(backup is not None for backup in own[:1])
    for day in range(40):  # the stick's register used often afterwards: its rotation runs many times
        database = open_register(stick, backups)
        with database.transaction() as session:
            session.execute(text("UPDATE setting SET value = value"))  # a change, so a backup is due
        database.close()
        start(stick, backups, MONDAY + dt.timedelta(days=3 + day))
    assert own[0] is not None and own[0].exists()

    flip_bit_in_row(real, b"Riktig-00017-uuid")
    offered = newest_good_backup(real, backups)
    assert offered is not None
    assert participant_count(offered.path) == 380  # its own, older than the stick's newest backups
    restore_file(real, offered.path, backups)
    assert participant_count(real) == 380


def test_restoring_another_registers_backup_asks_with_both_names_and_sizes(
    real: Path, stick: Path, backups: Path
) -> None:
    other = start(stick, backups, MONDAY)
    assert other is not None
    question = other_register(real, other, backups)
    assert question is not None
    assert question.register.startswith("biv-register.sqlite (380 deltagare, ")
    assert question.backup.startswith("biv-register.sqlite (2\u00a0358 deltagare, ")
    with pytest.raises(OtherRegisterError):
        restore_file(real, other, backups)
    assert participant_count(real) == 380

    own_id = read_register_id(real)
    restore_file(real, other, backups, other_register_confirmed=True)
    assert participant_count(real) == 2358
    assert read_register_id(real) == own_id  # still itself: its backups stay its own


def test_a_copy_of_a_register_gets_its_own_id_when_opened(real: Path, backups: Path, tmp_path: Path) -> None:
    copy = tmp_path / "usb" / "biv-register.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(real, copy)
    assert read_register_id(copy) == read_register_id(real)
    open_register(copy, backups).close()
    assert read_register_id(copy) != read_register_id(real)
    open_register(real, backups).close()
    assert read_register_id(real) is not None


def test_a_moved_register_keeps_its_id(real: Path, backups: Path, tmp_path: Path) -> None:
    before = read_register_id(real)
    moved = tmp_path / "ny mapp" / "biv-register.sqlite"
    moved.parent.mkdir()
    real.rename(moved)
    open_register(moved, backups).close()
    assert read_register_id(moved) == before


def test_the_command_line_refuses_another_registers_backup_until_told(
    real: Path,
    stick: Path,
    backups: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("biv_desktop.paths.backups_dir", lambda: backups)
    other = start(stick, backups, MONDAY)
    assert other is not None
    assert main(["restore", str(other), "--database", str(real)]) == 1
    error = capsys.readouterr().err
    assert "380 deltagare" in error and "2\u00a0358 deltagare" in error
    assert "--other-register" in error
    assert participant_count(real) == 380
    assert main(["restore", str(other), "--database", str(real), "--other-register"]) == 0
    assert participant_count(real) == 2358
