"""No half-written copies with personal data stay behind: removed on failure, and at the next start."""

from pathlib import Path

import pytest

from biv_desktop.services.register.backup import backups_folder, open_for_window
from biv_desktop.store.backup import backup_file
from support.registers import make_register


class Stop(Exception):
    """A cancel or a failure half-way through a copy."""


def test_a_failed_backup_leaves_no_part_file(tmp_path: Path) -> None:
    register = make_register(tmp_path / "biv-register.sqlite", 300, tmp_path / "backups")
    folder = tmp_path / "usb"

    def fail_half_way(done: int, total: int) -> None:
        if done * 2 > total:
            raise Stop

    with pytest.raises(Stop):
        backup_file(register, folder / "kopia.sqlite", progress=fail_half_way, step_pages=1)
    assert list(folder.iterdir()) == []


def test_leftovers_of_a_killed_copy_are_removed_when_the_register_is_opened(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    register = make_register(tmp_path / "biv-register.sqlite", 5, backups)
    own = backups_folder(register, backups)
    own.mkdir(parents=True, exist_ok=True)
    leftovers = [
        own / "biv-register-2026-11-25T101500-start.sqlite.part",  # written a minute ago, then killed
        own / "biv-register-2026-11-25T101500-start.sqlite.part-journal",
        register.with_name(register.name + ".aterstalls"),  # a restore killed half-way
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"SQLite format 3\x00 Familjen Exempel")
    kept = own / "biv-register-2026-11-25T101500-start.sqlite"
    kept.write_bytes(b"")

    database = open_for_window(register, backups)
    database.close()

    assert [leftover for leftover in leftovers if leftover.exists()] == []
    assert kept.exists()
