"""The check that guards opening, backups and restores: a flipped bit in a row and a dropped table."""

from pathlib import Path

import pytest

from biv_desktop.services.register.backup import backup_to, check_backup, restore_file
from biv_desktop.store.backup import backup_file
from biv_desktop.store.errors import DamagedDatabaseError
from biv_desktop.store.register import open_register
from support.registers import drop_table, flip_bit_in_row, make_register, participant_count


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return make_register(tmp_path / "biv-register.sqlite", 40, tmp_path / "backups")


@pytest.fixture
def good_backup(register: Path, tmp_path: Path) -> Path:
    return backup_file(register, tmp_path / "usb" / "kopia.sqlite")


def test_a_flipped_bit_in_a_participant_row_is_found_at_opening(register: Path, tmp_path: Path) -> None:
    flip_bit_in_row(register, "Påhittad-00017-uuid".encode())
    with pytest.raises(DamagedDatabaseError, match="skadad"):
        open_register(register, tmp_path / "backups").close()


def test_a_good_backup_replaces_a_register_with_a_flipped_bit(
    register: Path, good_backup: Path, tmp_path: Path
) -> None:
    flip_bit_in_row(register, "Påhittad-00017-uuid".encode())
    result = restore_file(register, good_backup, tmp_path / "backups")
    assert result.set_aside is not None and result.set_aside.exists()  # the damaged file is kept, aside
    database = open_register(register, tmp_path / "backups")
    database.close()
    assert participant_count(register) == 40


def test_a_backup_of_a_register_with_a_flipped_bit_is_refused(register: Path, tmp_path: Path) -> None:
    flip_bit_in_row(register, "Påhittad-00017-uuid".encode())
    with pytest.raises(DamagedDatabaseError):
        backup_to(register, tmp_path / "usb" / "kopia.sqlite")
    assert not (tmp_path / "usb" / "kopia.sqlite").exists()


def test_a_register_with_a_dropped_table_is_no_checked_backup(register: Path, tmp_path: Path) -> None:
    drop_table(register, "attendance_mark")
    with pytest.raises(DamagedDatabaseError):
        backup_to(register, tmp_path / "usb" / "kopia.sqlite")
    with pytest.raises(DamagedDatabaseError):
        check_backup(register)
    with pytest.raises(DamagedDatabaseError):
        open_register(register, tmp_path / "backups").close()


def test_a_good_backup_replaces_a_register_with_a_dropped_table(
    register: Path, good_backup: Path, tmp_path: Path
) -> None:
    drop_table(register, "attendance_mark")
    restore_file(register, good_backup, tmp_path / "backups")
    open_register(register, tmp_path / "backups").close()
    assert participant_count(register) == 40


def test_a_file_with_a_dropped_table_is_refused_by_restore(register: Path, tmp_path: Path) -> None:
    broken = backup_file(register, tmp_path / "usb" / "trasig.sqlite")
    drop_table(broken, "enrollment")
    with pytest.raises(DamagedDatabaseError, match="skadad"):
        restore_file(register, broken, tmp_path / "backups")
    assert participant_count(register) == 40
