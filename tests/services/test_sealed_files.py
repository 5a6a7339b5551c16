"""Backups to a chosen place and exports sealed with a passphrase: nothing readable in their bytes, round
trips, a wrong passphrase and a damaged or cut-short file told in Swedish with nothing changed."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register import (
    backup_sealed_to,
    backup_to,
    check_backup,
    export_json,
    import_json,
    is_sealed,
    open_for_window,
    opened_backup,
    read_document,
    restore_file,
)
from biv_desktop.store.database import Database
from biv_desktop.store.errors import DamagedSealedFileError, StoreError, WrongPassphraseError
from biv_desktop.store.register import open_register
from support import factories

PASSPHRASE = "korrekt häst batteri"
# Fictional names, one of them in its own script too.
NAMES = ("Zuhurmaryam", "Exempelsdotter", "هودان")


def _bytes_of(name: str) -> list[bytes]:
    return [name.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]


def _names_in(data: bytes) -> list[str]:
    return [name for name in NAMES if any(form in data for form in _bytes_of(name))]


@pytest.fixture
def register(database: Database) -> Database:
    family = factories.family(database, NAMES[1])
    factories.participant(database, NAMES[0], last_name=NAMES[1], native_name=NAMES[2], family_id=family)
    return database


def _participants(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT first_name FROM participant ORDER BY id")]


def test_a_sealed_backup_holds_no_name_and_restores_whole(register: Database, tmp_path: Path) -> None:
    plain = backup_to(register.path, tmp_path / "okrypterad.sqlite")
    assert _names_in(plain.read_bytes()) == list(NAMES)  # the names are there to be found in a plain copy
    sealed = backup_sealed_to(register.path, tmp_path / "usb" / "kopia.sqlite.age", PASSPHRASE)
    data = sealed.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert _names_in(data) == []
    assert b"SQLite format 3" not in data
    assert is_sealed(sealed)
    assert sealed.stat().st_mode & 0o777 == 0o600

    new = tmp_path / "ny dator" / "register.sqlite"
    backups = tmp_path / "backups"
    with opened_backup(sealed, PASSPHRASE, new, backups) as summary:
        assert summary.file == sealed
        assert summary.path != sealed and summary.path.is_file()
        restore_file(new, summary.path, backups)
        opened = summary.path
    assert not opened.exists()  # the opened copy is gone once the restore is done
    assert _participants(new) == [NAMES[0]]


def test_a_wrong_passphrase_is_told_and_changes_nothing(register: Database, tmp_path: Path) -> None:
    sealed = backup_sealed_to(register.path, tmp_path / "kopia.sqlite.age", PASSPHRASE)
    register.close()
    before = register.path.read_bytes()
    backups = tmp_path / "backups"
    with (
        pytest.raises(WrongPassphraseError, match=r"Lösenfrasen stämmer inte för kopia\.sqlite\.age"),
        opened_backup(sealed, "korrekt häst Batteri", register.path, backups),
    ):
        pytest.fail("a wrong passphrase opened the backup")
    assert register.path.read_bytes() == before
    assert not list(backups.rglob("*.part*"))


@pytest.mark.parametrize("keep", [0.99, 40])
def test_a_cut_short_backup_is_told_and_changes_nothing(
    register: Database, tmp_path: Path, keep: float
) -> None:
    sealed = backup_sealed_to(register.path, tmp_path / "kopia.sqlite.age", PASSPHRASE)
    data = sealed.read_bytes()
    sealed.write_bytes(data[: int(len(data) * keep) if keep < 1 else int(keep)])
    register.close()
    before = register.path.read_bytes()
    with (
        pytest.raises(DamagedSealedFileError, match="är skadad eller inte hel"),
        opened_backup(sealed, PASSPHRASE, register.path, tmp_path / "backups"),
    ):
        pytest.fail("a cut-short backup opened")
    assert register.path.read_bytes() == before


def test_a_sealed_backup_replaces_only_its_own_kind(register: Database, tmp_path: Path) -> None:
    letter = tmp_path / "brev.txt"
    letter.write_text("Hej!")
    with pytest.raises(ValidationError, match="finns redan"):
        backup_sealed_to(register.path, letter, PASSPHRASE)
    assert letter.read_text() == "Hej!"
    earlier = backup_sealed_to(register.path, tmp_path / "kopia.sqlite.age", PASSPHRASE)
    other = earlier.read_bytes()
    with pytest.raises(ValidationError, match="som den här lösenfrasen öppnar"):
        backup_sealed_to(register.path, earlier, "en helt annan fras")
    assert earlier.read_bytes() == other
    backup_sealed_to(register.path, earlier, PASSPHRASE)  # the same passphrase: an earlier one is replaced
    assert earlier.read_bytes() != other
    with pytest.raises(ValidationError, match="minst 8 tecken"):
        backup_sealed_to(register.path, tmp_path / "kort.age", "kort")
    assert not (tmp_path / "kort.age").exists()


def test_a_sealed_export_holds_no_name_and_imports_whole(register: Database, tmp_path: Path) -> None:
    plain = export_json(register, tmp_path / "allt.json")
    assert _names_in(plain.path.read_bytes()) == list(NAMES)
    sealed = export_json(register, tmp_path / "allt.json.age", passphrase=PASSPHRASE)
    data = sealed.path.read_bytes()
    assert _names_in(data) == []
    assert b'"biv-desktop"' not in data

    with pytest.raises(ValidationError, match="är krypterad"):
        read_document(sealed.path)
    new = open_register(tmp_path / "ny.sqlite", tmp_path / "backups")
    try:
        import_json(new, sealed.path, passphrase=PASSPHRASE)
    finally:
        new.close()
    assert _participants(new.path) == [NAMES[0]]
    document = read_document(sealed.path, PASSPHRASE)
    assert document["tables"] == json.loads(plain.path.read_text(encoding="utf-8"))["tables"]


def test_a_sealed_export_refuses_a_wrong_passphrase_and_a_damaged_file(
    register: Database, tmp_path: Path
) -> None:
    sealed = export_json(register, tmp_path / "allt.json.age", passphrase=PASSPHRASE).path
    new = open_register(tmp_path / "ny.sqlite", tmp_path / "backups")
    try:
        with pytest.raises(WrongPassphraseError):
            import_json(new, sealed, passphrase="fel lösenfras")
        sealed.write_bytes(sealed.read_bytes()[:-10])
        with pytest.raises(DamagedSealedFileError):
            import_json(new, sealed, passphrase=PASSPHRASE)
        with pytest.raises(ValidationError, match="som den här lösenfrasen öppnar"):
            export_json(register, sealed, passphrase=PASSPHRASE)  # not an export that opens: left alone
    finally:
        new.close()
    assert _participants(new.path) == []


def test_a_plain_backup_chosen_for_restore_is_not_mistaken_for_a_sealed_one(
    register: Database, tmp_path: Path
) -> None:
    plain = backup_to(register.path, tmp_path / "kopia.sqlite")
    assert not is_sealed(plain)
    with pytest.raises(StoreError, match="är krypterad"):
        check_backup(backup_sealed_to(register.path, tmp_path / "kopia.sqlite.age", PASSPHRASE))


def test_an_opened_copy_a_killed_program_left_is_removed_at_the_next_start(
    register: Database, tmp_path: Path
) -> None:
    sealed = backup_sealed_to(register.path, tmp_path / "kopia.sqlite.age", PASSPHRASE)
    register.close()
    backups = tmp_path / "backups"
    # Entered and never left: what a program killed in the middle of a restore leaves behind.
    left_open = opened_backup(sealed, PASSPHRASE, register.path, backups)
    summary = left_open.__enter__()
    assert summary.path.is_file()
    assert _names_in(summary.path.read_bytes())  # a plain copy, in the register's own private folder
    reopened = open_for_window(register.path, backups)
    reopened.close()
    assert not summary.path.exists()
