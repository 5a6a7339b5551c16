"""Backups: a consistent, private, checked copy, written whole under its name or not at all."""

import datetime as dt
import random
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.errors import DamagedDatabaseError, DiskFullError

Digest = Callable[[Path], str]


def families(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as raw:
        return {row[0] for row in raw.execute("SELECT name FROM family")}


@pytest.fixture
def writer(filled_register: Path) -> Iterator[sqlite3.Connection]:
    """Another connection writing to the register, whose committed rows stay in the -wal file."""
    with closing(sqlite3.connect(filled_register, isolation_level=None)) as connection:
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        yield connection


def test_a_backup_holds_what_was_committed_even_while_a_writer_is_busy(
    filled_register: Path, writer: sqlite3.Connection, tmp_path: Path
) -> None:
    writer.execute("INSERT INTO family (name, uuid) VALUES ('Familjen Sparad', 'saved')")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO family (name, uuid) VALUES ('Familjen Halvfärdig', 'unsaved')")

    destination = backup_file(filled_register, tmp_path / "backups" / "kopia.sqlite")

    names = families(destination)
    assert "Familjen Sparad" in names and "Familjen Halvfärdig" not in names
    assert len(names) == 301
    # The committed row lives only in the -wal file: copying the file itself would have lost it.
    naive = tmp_path / "naive.sqlite"
    shutil.copyfile(filled_register, naive)
    assert "Familjen Sparad" not in families(naive)
    writer.execute("ROLLBACK")


def test_a_backup_is_private_whole_and_standalone(filled_register: Path, tmp_path: Path) -> None:
    folder = tmp_path / "säkerhetskopior"
    destination = backup_file(filled_register, folder / "kopia.sqlite")
    assert destination == folder / "kopia.sqlite"
    assert stat.S_IMODE(destination.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [child.name for child in folder.iterdir()] == ["kopia.sqlite"]  # no .part, -wal or -journal left
    with closing(sqlite3.connect(destination)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert families(destination) == families(filled_register)


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2
    data[middle * 4096 : (middle + 2) * 4096] = random.Random(7).randbytes(2 * 4096)
    path.write_bytes(bytes(data))


def test_a_damaged_register_is_not_backed_up_over_a_good_backup(
    filled_register: Path, tmp_path: Path, digest: Digest
) -> None:
    destination = backup_file(filled_register, tmp_path / "backups" / "kopia.sqlite")
    good = digest(destination)
    damage(filled_register)
    with pytest.raises(DamagedDatabaseError) as caught:
        backup_file(filled_register, destination)
    assert "säkerhetskopia" in caught.value.message
    assert digest(destination) == good
    left = [child.name for child in destination.parent.iterdir() if child.name != "registers.json"]
    assert left == ["kopia.sqlite"]


def test_a_full_disk_stops_the_backup_and_leaves_no_partial_file(
    filled_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = sqlite3.connect

    def connect_to_small_disk(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = connect(database, *args, **kwargs)
        if str(database).endswith(".part"):
            connection.execute("PRAGMA max_page_count = 8")  # the disk fills after eight pages
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect_to_small_disk)
    folder = tmp_path / "backups"
    with pytest.raises(DiskFullError) as caught:
        backup_file(filled_register, folder / "kopia.sqlite")
    assert "Frigör utrymme" in caught.value.message
    assert [child for child in folder.iterdir() if child.name != "registers.json"] == []


def test_a_backup_is_named_after_the_register_the_moment_and_the_reason() -> None:
    name = backup_name(
        Path("/data/biv-register.sqlite"), "fore-uppgradering", dt.datetime(2026, 11, 25, 10, 15)
    )
    assert name == "biv-register-2026-11-25T101500-fore-uppgradering.sqlite"
