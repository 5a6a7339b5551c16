"""Backups and restores in hard places: a full disk, a read-only folder. A clear Swedish sentence, no half
file, and the register as it was.

The full disk is a real one where the machine allows (a small tmpfs, mounted as root on Linux), and
otherwise injected: SQLite is told the file may not grow (``PRAGMA max_page_count``), which it reports
exactly as a full disk.
"""

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from biv_desktop.store.backup import backup_file
from biv_desktop.store.backups_restore import restore_backup
from biv_desktop.store.errors import DiskFullError, ReadOnlyDatabaseError
from biv_desktop.store.models import Family
from biv_desktop.store.register import open_register


def families(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return int(raw.execute("SELECT count(*) FROM family").fetchone()[0])


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as raw:
        return str(raw.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on its own 2 MiB file system, or a skip where none can be mounted."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small tmpfs can only be mounted by root on Linux; the injected full disk covers this")
    folder = tmp_path / "usb-minne"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path) -> Path:
    """Fill the rest of ``folder``'s disk with one file; that file."""
    filler = folder / "fyllnad"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        with pytest.raises(OSError) as full:
            while True:
                os.write(fd, b"\0" * 4096)
        assert full.value.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_a_backup_to_a_full_usb_stick_says_so_and_leaves_nothing(
    filled_register: Path, small_disk: Path
) -> None:
    filler = fill(small_disk)
    with pytest.raises(DiskFullError) as caught:
        backup_file(filled_register, small_disk / "kopia.sqlite")
    assert caught.value.message.startswith(
        "Disken är full, så säkerhetskopian kopia.sqlite kunde inte skrivas."
    )
    assert list(small_disk.iterdir()) == [filler]
    assert integrity(filled_register) == "ok"
    filler.unlink()
    backup_file(filled_register, small_disk / "kopia.sqlite")  # with room, the same backup is written
    assert families(small_disk / "kopia.sqlite") == 300


def test_a_restore_onto_a_full_disk_leaves_the_register_as_it_was(
    filled_register: Path, small_disk: Path
) -> None:
    register = small_disk / "register.sqlite"
    database = open_register(register)
    with database.transaction() as session:
        session.add(Family(name="Familjen Påhittad"))
    # A reader beside it (an export running) keeps the register's -wal and -shm files open.
    with closing(sqlite3.connect(register)) as reader:
        reader.execute("SELECT count(*) FROM family").fetchone()
        fill(small_disk)
        with pytest.raises(DiskFullError) as caught:
            restore_backup(
                filled_register, register, small_disk.parent / "backups", other_register_confirmed=True
            )
    database.close()
    assert caught.value.message == (
        f"Disken är full, så säkerhetskopian kunde inte återställas till {register}. Databasen är som den "
        "var. Frigör utrymme och försök igen."
    )
    assert integrity(register) == "ok"
    assert families(register) == 1
    [safety] = (small_disk.parent / "backups").rglob("*-fore-aterstallning.sqlite")
    assert families(safety) == 1


def test_a_backup_of_a_register_on_a_full_disk_names_that_disk(small_disk: Path, tmp_path: Path) -> None:
    register = small_disk / "register.sqlite"
    open_register(register).close()
    fill(small_disk)
    with pytest.raises(DiskFullError) as caught:
        backup_file(register, tmp_path / "backups" / "kopia.sqlite")
    assert caught.value.message == (
        "Disken där databasen register.sqlite ligger är full, så ingen säkerhetskopia kunde göras. Frigör "
        "utrymme och försök igen."
    )


def test_an_injected_full_disk_during_a_restore_leaves_the_register_as_it_was(
    filled_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = tmp_path / "register.sqlite"
    open_register(register).close()
    connect = sqlite3.connect

    def connect_to_full_disk(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = connect(database, *args, **kwargs)
        if str(database) == str(register):
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages + 2}")
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect_to_full_disk)
    with pytest.raises(DiskFullError) as caught:
        restore_backup(filled_register, register, tmp_path / "backups", other_register_confirmed=True)
    monkeypatch.undo()
    assert "Frigör utrymme och försök igen" in caught.value.message
    assert integrity(register) == "ok"
    assert families(register) == 0
    assert len(list((tmp_path / "backups").rglob("*-fore-aterstallning.sqlite"))) == 1


def test_a_backup_into_a_read_only_folder_says_so(filled_register: Path, tmp_path: Path) -> None:
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            backup_file(filled_register, folder / "kopia.sqlite")
        assert caught.value.message == (
            f"Säkerhetskopian kunde inte skrivas i {folder}. Ändra behörigheterna eller välj en annan mapp."
        )
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
