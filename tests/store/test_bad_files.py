"""Files the program must refuse: each gets its own Swedish sentence with a way out, and is left untouched.

Read-only files and folders: the program treats a file or folder that nobody may write to (no write bit
at all) as read-only, even for root, who the operating system would let write anyway. That makes these
tests hold as root too, with plain chmod. A write refused later, after opening, is covered in
test_transactions.py.
"""

import errno
import random
import sqlite3
import stat
import struct
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from biv_desktop.store.database import translate_os_error
from biv_desktop.store.errors import (
    DamagedDatabaseError,
    DiskFullError,
    NewerDatabaseError,
    NotOurDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)
from biv_desktop.store.register import open_register

Digest = Callable[[Path], str]


def refuse(path: Path, error: type[StoreError], digest: Digest, *way_out: str) -> StoreError:
    """Open ``path``, expect ``error``, and check the message and that the file's bytes did not change."""
    before = digest(path) if path.is_file() else None
    with pytest.raises(error) as caught:
        open_register(path, path.parent / "backups")
    message = caught.value.message
    assert str(path) in message
    for words in way_out:
        assert words in message
    sentence = message.replace(str(path), "").lower()
    assert "sqlite" not in sentence and "error" not in sentence  # Swedish, not SQLite's own words
    if before is not None:
        assert digest(path) == before
    assert not (path.parent / "backups").exists()
    return caught.value


def test_a_text_file_is_not_ours(tmp_path: Path, digest: Digest) -> None:
    path = tmp_path / "anteckningar.txt"
    path.write_text("Inköpslista: mjölk, ägg, bröd\n", encoding="utf-8")
    refuse(path, NotOurDatabaseError, digest, "Välj en annan fil")


def test_a_picture_is_not_ours(tmp_path: Path, digest: Digest) -> None:
    path = tmp_path / "bild.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(range(256)) * 8)
    refuse(path, NotOurDatabaseError, digest, "Välj en annan fil")


def test_another_programs_database_is_not_ours(tmp_path: Path, digest: Digest) -> None:
    path = tmp_path / "recept.sqlite"
    with closing(sqlite3.connect(path)) as other:
        other.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
        other.execute("INSERT INTO recipe (title) VALUES ('Kanelbullar')")
        other.commit()
        assert other.execute("PRAGMA application_id").fetchone()[0] == 0
    error = refuse(path, NotOurDatabaseError, digest, "annat program", "Välj en annan fil")
    assert error.path == path


def test_a_damaged_register_is_refused_and_left_for_rescue(filled_register: Path, digest: Digest) -> None:
    data = bytearray(filled_register.read_bytes())
    page_size = 4096
    pages = len(data) // page_size
    assert pages > 20
    garbage = random.Random(20250204)
    for page in range(pages // 2, pages // 2 + 3):
        data[page * page_size : (page + 1) * page_size] = garbage.randbytes(page_size)
    filled_register.write_bytes(bytes(data))
    refuse(filled_register, DamagedDatabaseError, digest, "skadad", "säkerhetskopia")


def test_a_register_from_a_newer_program_is_refused(filled_register: Path, digest: Digest) -> None:
    with closing(sqlite3.connect(filled_register)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'f00dcafe0099'")
        raw.commit()
    refuse(filled_register, NewerDatabaseError, digest, "nyare version", "Uppdatera programmet")


@pytest.fixture
def read_only(request: pytest.FixtureRequest) -> Iterator[Callable[[Path], None]]:
    """Take every write bit off a file or folder, and give them back after the test so it can be cleaned."""
    changed: list[tuple[Path, int]] = []

    def make_read_only(path: Path) -> None:
        mode = stat.S_IMODE(path.stat().st_mode)
        changed.append((path, mode))
        path.chmod(mode & ~0o222)

    yield make_read_only
    for path, mode in reversed(changed):
        path.chmod(mode)


def test_a_read_only_register_is_refused(
    filled_register: Path, digest: Digest, read_only: Callable[[Path], None]
) -> None:
    read_only(filled_register)
    refuse(filled_register, ReadOnlyDatabaseError, digest, "skrivskyddad", "behörigheterna")


def test_a_register_in_a_read_only_folder_is_refused(
    filled_register: Path, digest: Digest, read_only: Callable[[Path], None]
) -> None:
    read_only(filled_register.parent)
    refuse(filled_register, ReadOnlyDatabaseError, digest, "skrivskyddad", "behörigheterna")
    assert sorted(child.name for child in filled_register.parent.iterdir()) == ["register.sqlite"]


def test_no_register_is_created_in_a_read_only_folder(
    tmp_path: Path, read_only: Callable[[Path], None]
) -> None:
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    read_only(folder)
    with pytest.raises(ReadOnlyDatabaseError) as caught:
        open_register(folder / "register.sqlite")
    assert "Välj en mapp där du får skriva" in caught.value.message
    assert list(folder.iterdir()) == []


def test_an_empty_read_only_file_is_refused_before_anything_is_written(
    tmp_path: Path, digest: Digest, read_only: Callable[[Path], None]
) -> None:
    path = tmp_path / "tom.sqlite"
    path.write_bytes(b"")
    read_only(path)
    refuse(path, ReadOnlyDatabaseError, digest, "skrivskyddad")


def test_a_folder_is_not_a_register(tmp_path: Path) -> None:
    folder = tmp_path / "register.sqlite"
    folder.mkdir()
    (folder / "inne.txt").write_text("orörd", encoding="utf-8")
    refuse(folder, NotOurDatabaseError, lambda path: "", "är en mapp", "Välj en fil")
    assert [child.name for child in folder.iterdir()] == ["inne.txt"]


def test_a_register_with_tables_but_no_version_is_refused(filled_register: Path, digest: Digest) -> None:
    """Ours (its header says so) but its schema version is gone: upgrading it would fail half-way."""
    with closing(sqlite3.connect(filled_register)) as raw:
        raw.execute("DROP TABLE alembic_version")
        raw.commit()
    refuse(filled_register, DamagedDatabaseError, digest, "säkerhetskopian")


def test_a_register_under_a_file_instead_of_a_folder_is_refused(tmp_path: Path, digest: Digest) -> None:
    blocker = tmp_path / "inte-en-mapp"
    blocker.write_text("orörd", encoding="utf-8")
    before = digest(blocker)
    with pytest.raises(StoreError) as caught:
        open_register(blocker / "register.sqlite")
    assert "Kontrollera att mappen finns" in caught.value.message
    assert digest(blocker) == before


@pytest.mark.parametrize(
    ("error", "expected", "way_out"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), ReadOnlyDatabaseError, "Ändra behörigheterna"),
        (OSError(errno.EROFS, "Read-only file system"), ReadOnlyDatabaseError, "Ändra behörigheterna"),
        (OSError(errno.ENOSPC, "No space left on device"), DiskFullError, "Frigör utrymme"),
    ],
)
def test_the_operating_systems_refusals_are_told_in_swedish(
    tmp_path: Path, error: OSError, expected: type[StoreError], way_out: str
) -> None:
    """For refusals a test cannot cause as root: an unwritable folder, a read-only disk, a full disk."""
    translated = translate_os_error(error, tmp_path / "register.sqlite")
    assert type(translated) is expected
    assert way_out in translated.message and str(tmp_path) in translated.message
