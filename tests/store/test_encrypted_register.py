"""The optional encrypted register (SQLCipher): asked for its passphrase, refused with a wrong one, nothing
readable in its bytes or its automatic backups' bytes, and everything else working the same."""

import errno
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from biv_desktop.services.register import (
    backup_at_start,
    backup_sealed_to,
    change_passphrase,
    check_backup,
    is_encrypted,
    needs_passphrase,
    open_for_window,
    opened_backup,
    restore_file,
    switch_encryption_off,
    switch_encryption_on,
    unlock_register,
)
from biv_desktop.store import cipher
from biv_desktop.store import encryption as store_encryption
from biv_desktop.store.backups import list_backups
from biv_desktop.store.database import Database
from biv_desktop.store.errors import PassphraseNeededError, StoreError, WrongPassphraseError
from biv_desktop.store.register import open_register
from support import factories

PASSPHRASE = "Påhittad lösenfras 'med' citattecken"
NAME_FAMILY = "Exempelsdotter"
NAMES = ("Zuhurmaryam", "Exempelsdotter", "هودان")


def _names_in(data: bytes) -> list[str]:
    forms = ("utf-8", "utf-16-le", "utf-16-be")
    return [name for name in NAMES if any(name.encode(form) in data for form in forms)]


def _all_bytes(path: Path) -> bytes:
    return b"".join(
        file.read_bytes()
        for file in path.parent.iterdir()
        if file.name.startswith(path.name) and file.is_file()
    )


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    """A closed register holding one family with fictional names, encrypted with PASSPHRASE."""
    path, backups = tmp_path / "register.sqlite", tmp_path / "backups"
    database = open_register(path, backups)
    family = factories.family(database, NAMES[1])
    factories.participant(database, NAMES[0], last_name=NAMES[1], native_name=NAMES[2], family_id=family)
    assert _names_in(path.read_bytes() + path.with_name(path.name + "-wal").read_bytes())
    switch_encryption_on(database, PASSPHRASE, backups, again=PASSPHRASE)
    database.close()
    cipher.forget_all()
    return path


def _first_names(database: Database) -> list[str]:
    with database.transaction() as session:
        return [str(row[0]) for row in session.execute(text("SELECT first_name FROM participant"))]


def test_an_encrypted_register_holds_no_name_and_asks_for_its_passphrase(
    encrypted: Path, digest: Callable[[Path], str]
) -> None:
    assert _names_in(_all_bytes(encrypted)) == []
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    before = digest(encrypted)
    with pytest.raises(PassphraseNeededError, match="krypterad"):
        open_register(encrypted, encrypted.parent / "backups")
    with pytest.raises(WrongPassphraseError, match="Lösenfrasen öppnar inte") as wrong:
        unlock_register(encrypted, "en helt annan fras")
    assert "en helt annan fras" not in str(wrong.value)
    assert digest(encrypted) == before
    assert needs_passphrase(encrypted)

    unlock_register(encrypted, PASSPHRASE)
    database = open_register(encrypted, encrypted.parent / "backups")
    try:
        assert _first_names(database) == [NAMES[0]]
        factories.family(database, "Påhittadsson")
        assert PASSPHRASE not in repr(database.engine) and PASSPHRASE not in str(database.engine.url)
    finally:
        database.close()
    assert _names_in(_all_bytes(encrypted)) == []


def test_the_errors_of_sqlcipher_are_the_stores_errors_once_it_is_used(encrypted: Path) -> None:
    # SQLCipher's driver is imported when an encrypted file is first opened (store.cipher.sqlcipher);
    # every ``except cipher.Error`` then catches its errors as it catches sqlite3's.
    unlock_register(encrypted, PASSPHRASE)
    with closing(cipher.connect(encrypted)) as connection:
        assert cipher.is_encrypted_connection(connection)
        with pytest.raises(cipher.OperationalError) as missing:
            connection.execute("SELECT * FROM no_such_table")
    assert not isinstance(missing.value, sqlite3.Error)  # SQLCipher's own class, not sqlite3's
    assert isinstance(missing.value, cipher.Error) and isinstance(missing.value, cipher.DatabaseError)
    assert isinstance(missing.value, cipher.FileOrDatabaseError)
    assert sqlite3.OperationalError in cipher.OperationalError


def test_a_plain_driver_cannot_read_it(encrypted: Path) -> None:
    with closing(sqlite3.connect(encrypted)) as raw, pytest.raises(sqlite3.DatabaseError):
        raw.execute("SELECT count(*) FROM participant").fetchone()


def test_its_automatic_backups_are_encrypted_and_restore_with_the_passphrase(encrypted: Path) -> None:
    backups = encrypted.parent / "backups"
    unlock_register(encrypted, PASSPHRASE)
    database = open_for_window(encrypted, backups)
    try:
        factories.family(database, "Påhittadsson")
        written = backup_at_start(database, backups)
    finally:
        database.close()
    assert written is not None
    assert _names_in(written.read_bytes()) == []
    assert not written.read_bytes().startswith(b"SQLite format 3")
    # Every backup of it (the one taken before switching on included) is encrypted now.
    assert all(_names_in(backup.path.read_bytes()) == [] for backup in list_backups(backups, encrypted))

    cipher.forget_all()
    with pytest.raises(PassphraseNeededError):
        check_backup(written)
    unlock_register(encrypted, PASSPHRASE)
    assert check_backup(written).path == written
    restore_file(encrypted, written, backups)
    assert _names_in(_all_bytes(encrypted)) == []
    restored = open_register(encrypted, backups)
    try:
        assert _first_names(restored) == [NAMES[0]]
    finally:
        restored.close()


def test_a_sealed_backup_of_it_opens_and_restores_into_it_encrypted(encrypted: Path, tmp_path: Path) -> None:
    backups = encrypted.parent / "backups"
    unlock_register(encrypted, PASSPHRASE)
    stick = tmp_path / "stick" / "kopia.sqlite.age"
    stick.parent.mkdir()
    backup_sealed_to(encrypted, stick, "sticklösenfras 2026")
    assert _names_in(stick.read_bytes()) == []
    with opened_backup(stick, "sticklösenfras 2026", encrypted, backups) as summary:
        # Opened from memory into a copy encrypted with the register's key: nothing plain on its disk.
        assert _names_in(summary.path.read_bytes()) == []
        assert not summary.path.read_bytes().startswith(b"SQLite format 3")
        restore_file(encrypted, summary.path, backups)
    assert not summary.path.exists()
    assert _names_in(_all_bytes(encrypted)) == []
    database = open_register(encrypted, backups)
    try:
        assert _first_names(database) == [NAMES[0]]
    finally:
        database.close()


def test_switching_off_and_changing_the_passphrase(encrypted: Path) -> None:
    backups = encrypted.parent / "backups"
    unlock_register(encrypted, PASSPHRASE)
    database = open_register(encrypted, backups)
    try:
        with pytest.raises(WrongPassphraseError):
            change_passphrase(database, "fel fras här", "ny lösenfras 2026", backups)
        change_passphrase(database, PASSPHRASE, "ny lösenfras 2026", backups, again="ny lösenfras 2026")
        assert _first_names(database) == [NAMES[0]]
        cipher.forget_all()
        with pytest.raises(WrongPassphraseError):
            unlock_register(encrypted, PASSPHRASE)
        unlock_register(encrypted, "ny lösenfras 2026")
        database.reconnect()
        summary = switch_encryption_off(database, "ny lösenfras 2026", backups)
        assert summary.backups_left == ()
        assert _first_names(database) == [NAMES[0]]
    finally:
        database.close()
    assert encrypted.read_bytes().startswith(b"SQLite format 3")
    assert not is_encrypted(encrypted)
    assert sorted(file.name for file in encrypted.parent.iterdir()) == ["backups", "register.sqlite"]
    assert all(backup.path.read_bytes().startswith(b"SQLite") for backup in list_backups(backups, encrypted))


def test_plain_backups_left_by_a_switch_cut_short_are_encrypted_at_the_next_start(tmp_path: Path) -> None:
    path, backups = tmp_path / "register.sqlite", tmp_path / "backups"
    database = open_for_window(path, backups)
    family = factories.family(database, NAME_FAMILY)
    factories.participant(database, NAMES[0], last_name=NAMES[1], native_name=NAMES[2], family_id=family)
    plain = backup_at_start(database, backups)
    database.close()
    assert plain is not None and _names_in(plain.read_bytes())
    # The register was rewritten, then the program was killed before it rewrote its backups.
    store_encryption.convert(path, PASSPHRASE)
    assert _names_in(plain.read_bytes())
    cipher.forget_all()
    unlock_register(path, PASSPHRASE)
    open_for_window(path, backups).close()
    assert _names_in(plain.read_bytes()) == []
    assert check_backup(plain).path == plain


def test_a_switch_that_fails_before_the_swap_leaves_the_register_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digest: Callable[[Path], str]
) -> None:
    path, backups = tmp_path / "register.sqlite", tmp_path / "backups"
    database = open_register(path, backups)
    factories.family(database, NAME_FAMILY)

    def full_disk(_source: object, _target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.replace", full_disk)
    try:
        with pytest.raises(StoreError, match=r"krypteringen ändrades inte.*Disken är full"):
            switch_encryption_on(database, PASSPHRASE, backups, again=PASSPHRASE)
        monkeypatch.undo()
        assert not is_encrypted(path)
        with database.transaction() as session:  # the open register goes on, plain
            assert session.execute(text("SELECT name FROM family")).scalars().all() == [NAME_FAMILY]
    finally:
        database.close()
    assert sorted(file.name for file in tmp_path.iterdir() if not file.name.endswith(("-wal", "-shm"))) == [
        "backups",
        "register.sqlite",
    ]
