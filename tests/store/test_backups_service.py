"""services.register.backup as the window and the command line use it: the start-up backup with its settings,
a backup to a chosen file, and a restore of the open register."""

import datetime as dt
import shutil
import sqlite3
import stat
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register import backup as service
from biv_desktop.store import migrate
from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.backups import RotationPolicy
from biv_desktop.store.database import Database
from biv_desktop.store.errors import NotOurDatabaseError
from biv_desktop.store.lock import RegisterInUseError
from biv_desktop.store.models import Family, Participant, Setting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def add_family(database: Database, name: str) -> None:
    with database.transaction() as session:
        session.add(Family(name=name))


def family_names(database: Database) -> list[str]:
    with database.transaction() as session:
        return list(session.scalars(select(Family.name).order_by(Family.id)))


def test_the_start_up_backup_follows_the_rotation_settings(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "säkerhetskopior"
    with database.transaction() as session:
        session.add(Setting(key="backup_keep_daily", value="2"))
        session.add(Setting(key="backup_keep_weekly", value="1"))
        session.add(Setting(key="backup_keep_monthly", value="1"))
    assert service.rotation_policy(database).daily == 2
    for day in range(1, 6):
        add_family(database, f"Familjen Påhittad {day}")
        assert service.backup_at_start(database, folder, now=dt.datetime(2026, 3, day, 8, 0)) is not None
    assert sorted(path.name for path in service.backups_folder(database.path, folder).iterdir()) == [
        "register-2026-03-04T080000-start.sqlite",
        "register-2026-03-05T080000-start.sqlite",
    ]
    assert service.backup_at_start(database, folder, now=dt.datetime(2026, 3, 6, 8, 0)) is None


def test_unreadable_rotation_settings_fall_back_to_the_defaults(database: Database) -> None:
    with database.transaction() as session:
        session.add(Setting(key="backup_keep_daily", value="sju"))
        session.add(Setting(key="backup_keep_monthly", value="0"))
    assert service.rotation_policy(database) == RotationPolicy()


def test_a_backup_to_a_usb_stick_replaces_only_an_earlier_backup(database: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    add_family(database, "Familjen Påhittad")
    written = service.backup_to(database.path, usb / "biv.sqlite")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    add_family(database, "Familjen Exempelsson")
    service.backup_to(database.path, usb / "biv.sqlite")  # last week's copy is replaced
    with closing(sqlite3.connect(written)) as raw:
        assert raw.execute("SELECT count(*) FROM family").fetchone()[0] == 2

    letter = usb / "brev.sqlite"
    letter.write_text("Hej!", encoding="utf-8")
    with pytest.raises(ValidationError, match="ingen säkerhetskopia från BIV Desktop") as caught:
        service.backup_to(database.path, letter)
    assert caught.value.field == "destination"
    assert letter.read_text(encoding="utf-8") == "Hej!"


def test_a_backup_is_never_written_over_the_register_itself(database: Database) -> None:
    for target in (database.path, database.path.with_name(database.path.name + "-wal")):
        with pytest.raises(ValidationError, match="över själva databasen"):
            service.backup_to(database.path, target)
    assert family_names(database) == []


def test_a_backup_of_a_file_that_is_not_a_register_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "anteckningar.sqlite"
    notes.write_text("Inköpslista", encoding="utf-8")
    with pytest.raises(NotOurDatabaseError):
        service.backup_to(notes, tmp_path / "kopia.sqlite")
    assert not (tmp_path / "kopia.sqlite").exists()


def test_restoring_the_open_register_shows_the_restored_data_at_once(
    database: Database, tmp_path: Path
) -> None:
    add_family(database, "Familjen Gammal")
    copy = service.backup_to(database.path, tmp_path / "usb" / "biv.sqlite")
    add_family(database, "Familjen Ny")

    summary = service.restore(database, copy, tmp_path / "backups")

    assert family_names(database) == ["Familjen Gammal"]  # the same Database reads the restored file
    assert summary.restored_from == copy
    assert summary.safety_backup is not None
    assert summary.safety_backup.parent == service.backups_folder(database.path, tmp_path / "backups")
    add_family(database, "Familjen Efteråt")
    assert family_names(database) == ["Familjen Gammal", "Familjen Efteråt"]


def test_a_backup_from_an_earlier_version_is_upgraded_when_restored(
    database: Database, tmp_path: Path, extra_revision: Callable[[str], str]
) -> None:
    old = tmp_path / "gammal.sqlite"
    shutil.copyfile(FIXTURES / "register-0001.sqlite", old)
    newer = extra_revision("op.create_index('ix_test_family_name', 'family', ['name'])\n")

    # Made before backups knew their register: restoring it needs a yes, as another register's would.
    assert service.other_register(database.path, old, tmp_path / "backups") is not None
    service.restore(database, old, tmp_path / "backups", other_register_confirmed=True)

    assert migrate.current_revision(database.path) == newer
    with database.transaction() as session:
        assert len(session.scalars(select(Participant)).all()) == 5


def test_a_register_held_by_a_window_is_not_restored_from_outside(database: Database, tmp_path: Path) -> None:
    copy = service.backup_to(database.path, tmp_path / "kopia.sqlite")
    window = service.open_for_window(tmp_path / "fönstret.sqlite", tmp_path / "backups")
    try:
        with pytest.raises(RegisterInUseError, match="har redan databasen"):
            service.restore_file(window.path, copy, tmp_path / "backups", other_register_confirmed=True)
    finally:
        window.close()
    # Closed: free to restore (the copy is of another register, so only with a yes).
    service.restore_file(window.path, copy, tmp_path / "backups", other_register_confirmed=True)


def test_the_newest_good_backup_skips_a_damaged_newer_one(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    folder = service.backups_folder(database.path, root)
    good = backup_file(database.path, folder / backup_name(database.path, "start", dt.datetime(2026, 3, 1)))
    bad = folder / backup_name(database.path, "start", dt.datetime(2026, 3, 2))
    bad.write_bytes(b"SQLite format 3\x00" + bytes(4000))
    newest = service.newest_good_backup(database.path, root)
    assert newest is not None and newest.path == good
    assert newest.taken_label == "söndag 1 mars 2026 kl. 00.00"
    assert newest.reason == "automatisk vid start"
