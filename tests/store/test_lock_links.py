"""The lock follows the real file: a symbolic or a hard link cannot open a register a second time."""

import os
from pathlib import Path

import pytest

from biv_desktop.services.register.backup import restore_file
from biv_desktop.store.backup import backup_file
from biv_desktop.store.lock import RegisterInUseError, open_locked_register
from support.registers import make_register, participant_count


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return make_register(tmp_path / "real" / "biv-register.sqlite", 5, tmp_path / "backups")


def test_a_symbolic_link_cannot_open_an_open_register_again(register: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "genväg.sqlite"
    link.parent.mkdir()
    link.symlink_to(register)
    first = open_locked_register(register, tmp_path / "backups")
    try:
        with pytest.raises(RegisterInUseError, match="redan databasen"):
            open_locked_register(link, tmp_path / "backups")
    finally:
        first.close()
    open_locked_register(link, tmp_path / "backups").close()  # free again once the first one closed


def test_a_register_opened_through_a_symbolic_link_blocks_the_real_name(
    register: Path, tmp_path: Path
) -> None:
    link = tmp_path / "genväg.sqlite"
    link.symlink_to(register)
    first = open_locked_register(link, tmp_path / "backups")
    try:
        with pytest.raises(RegisterInUseError):
            open_locked_register(register, tmp_path / "backups")
    finally:
        first.close()


def test_a_hard_link_cannot_open_an_open_register_again(register: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "hårdlänk.sqlite"
    link.parent.mkdir()
    os.link(register, link)
    first = open_locked_register(register, tmp_path / "backups")
    try:
        with pytest.raises(RegisterInUseError, match="redan databasen"):
            open_locked_register(link, tmp_path / "backups")
    finally:
        first.close()
    open_locked_register(link, tmp_path / "backups").close()


def test_no_restore_through_a_link_while_a_window_holds_the_register(register: Path, tmp_path: Path) -> None:
    good = backup_file(register, tmp_path / "usb" / "kopia.sqlite")
    hard, soft = tmp_path / "hård.sqlite", tmp_path / "mjuk.sqlite"
    os.link(register, hard)
    soft.symlink_to(register)
    window = open_locked_register(register, tmp_path / "backups")
    try:
        for link in (hard, soft):
            with pytest.raises(RegisterInUseError):
                restore_file(link, good, tmp_path / "backups")
    finally:
        window.close()
    assert participant_count(register) == 5
