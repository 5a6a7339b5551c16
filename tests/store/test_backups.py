"""The backups folder: a backup when the register changed, a tidy rotation, and a checked, safe restore."""

import datetime as dt
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select, text

from biv_desktop.store import backups_restore, migrate
from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.backups import (
    BackupInfo,
    RotationPolicy,
    backup_if_changed,
    backups_to_remove,
    list_backups,
    rotate,
)
from biv_desktop.store.backups_restore import check_backup, restore_backup
from biv_desktop.store.database import Database, change_mark
from biv_desktop.store.errors import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)
from biv_desktop.store.identity import register_folder
from biv_desktop.store.models import Family
from biv_desktop.store.register import open_register

NOW = dt.datetime(2026, 3, 31, 9, 0)


def family_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM family ORDER BY id")]


def add_family(database: Database, name: str) -> None:
    with database.transaction() as session:
        session.add(Family(name=name))


# ---- the change mark ------------------------------------------------------------------------------


def test_only_a_unit_of_work_that_changed_something_renews_the_change_mark(database: Database) -> None:
    assert change_mark(database.path) == 0  # a new register
    add_family(database, "Familjen Påhittad")
    after_edit = change_mark(database.path)
    assert after_edit != 0
    with database.transaction() as session:
        session.scalars(select(Family)).all()
    assert change_mark(database.path) == after_edit  # reading changes nothing
    with pytest.raises(RuntimeError), database.transaction() as session:
        session.add(Family(name="Familjen Ångrad"))
        session.flush()
        raise RuntimeError("avbrutet")
    assert change_mark(database.path) == after_edit  # undone work changes nothing
    with database.transaction() as session:
        session.execute(text("UPDATE family SET name = 'Familjen Exempelsson'"))
    assert change_mark(database.path) not in (0, after_edit)  # plain SQL counts too


# ---- the start-up backup --------------------------------------------------------------------------


def test_a_backup_is_taken_only_when_the_register_changed_since_the_newest(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "säkerhetskopior"
    policy = RotationPolicy()
    first = backup_if_changed(database.path, folder, policy, now=NOW)
    assert first == register_folder(folder, database.path) / "register-2026-03-31T090000-start.sqlite"
    assert backup_if_changed(database.path, folder, policy, now=NOW + dt.timedelta(days=1)) is None

    add_family(database, "Familjen Påhittad")
    second = backup_if_changed(database.path, folder, policy, now=NOW + dt.timedelta(days=2))
    assert second is not None and second.name == "register-2026-04-02T090000-start.sqlite"
    assert family_names(second) == ["Familjen Påhittad"]
    assert stat.S_IMODE(second.stat().st_mode) == 0o600
    with closing(sqlite3.connect(second)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert backup_if_changed(database.path, folder, policy, now=NOW + dt.timedelta(days=3)) is None


def test_a_newest_backup_that_cannot_be_read_does_not_count(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    taken = backup_if_changed(database.path, folder, RotationPolicy(), now=NOW)
    assert taken is not None
    taken.write_bytes(b"trasig")
    assert backup_if_changed(database.path, folder, RotationPolicy(), now=NOW + dt.timedelta(hours=1))


# ---- rotation -------------------------------------------------------------------------------------


def daily_backups(days: int, reason: str = "start") -> list[BackupInfo]:
    """One backup a day at 08:00 for ``days`` days up to NOW, newest first."""
    return [
        BackupInfo(Path(f"b-{n}-{reason}"), dt.datetime(2026, 3, 31, 8, 0) - dt.timedelta(days=n), reason)
        for n in range(days)
    ]


def test_the_rotation_keeps_seven_days_four_weeks_and_twelve_months() -> None:
    backups = daily_backups(500)  # every day from November 2024 to Tuesday 31 March 2026
    removed = {b.taken_at.date() for b in backups_to_remove(backups, RotationPolicy())}
    kept = {b.taken_at.date() for b in backups} - removed
    last_seven_days = {dt.date(2026, 3, day) for day in range(25, 32)}
    # The newest of each of the last four ISO weeks: 31, 29, 22 and 15 March.
    weeks = {dt.date(2026, 3, 22), dt.date(2026, 3, 15)}
    # The newest of each of the last twelve months: April 2025 to March 2026.
    month_ends = {
        dt.date(2025, 4, 30), dt.date(2025, 5, 31), dt.date(2025, 6, 30), dt.date(2025, 7, 31),
        dt.date(2025, 8, 31), dt.date(2025, 9, 30), dt.date(2025, 10, 31), dt.date(2025, 11, 30),
        dt.date(2025, 12, 31), dt.date(2026, 1, 31), dt.date(2026, 2, 28),
    }  # fmt: skip
    assert kept == last_seven_days | weeks | month_ends
    assert len(removed) == 500 - 20


def test_backups_before_an_upgrade_or_a_restore_outlive_the_daily_rotation() -> None:
    safety = [
        BackupInfo(
            Path(f"s-{n}"), dt.datetime(2026, 3, 31, 7, 0) - dt.timedelta(days=n), "fore-aterstallning"
        )
        for n in range(7)
    ]
    damaged = [BackupInfo(Path("d-1"), dt.datetime(2026, 1, 5, 12, 0), "skadad")]
    backups = daily_backups(40) + safety + damaged
    removed = {
        b.path for b in backups_to_remove(backups, RotationPolicy(daily=1, weekly=0, monthly=0, safety=5))
    }
    assert {Path(f"s-{n}") for n in range(5)}.isdisjoint(removed)
    assert {Path("s-5"), Path("s-6")} <= removed
    assert Path("d-1") not in removed  # a damaged register set aside is rescue material, not a backup
    assert Path("b-0-start") not in removed  # the newest backup always stays


def test_rotate_deletes_only_this_registers_old_backups_and_a_crashs_leftovers(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    register = tmp_path / "biv-register.sqlite"
    folder = register_folder(root, register)  # this register's own folder (see store.identity)
    folder.mkdir(parents=True)
    for day in range(1, 11):
        (folder / backup_name(register, "start", dt.datetime(2026, 3, day, 8, 0))).write_bytes(b"")
    other = folder / backup_name(tmp_path / "annan.sqlite", "start", dt.datetime(2026, 1, 1))
    other.write_bytes(b"")
    old_part = folder / (backup_name(register, "start", dt.datetime(2026, 2, 1)) + ".part")
    new_part = folder / (backup_name(register, "start", dt.datetime(2026, 3, 31)) + ".part")
    for part in (old_part, new_part):
        part.write_bytes(b"")
    stale = (NOW - dt.timedelta(hours=2)).timestamp()
    os.utime(old_part, (stale, stale))
    notes = folder / "anteckningar.txt"
    notes.write_text("mina egna anteckningar", encoding="utf-8")

    removed = rotate(root, register, RotationPolicy(daily=3, weekly=0, monthly=0), now=NOW)

    assert sorted(p.name for p in removed) == sorted(
        [backup_name(register, "start", dt.datetime(2026, 3, day, 8, 0)) for day in range(1, 8)]
        + [old_part.name]
    )
    assert [b.taken_at.day for b in list_backups(root, register)] == [10, 9, 8]
    assert other.exists() and new_part.exists() and notes.exists()


# ---- checking a backup before a restore -----------------------------------------------------------


def test_a_good_backup_passes_the_check(filled_register: Path, tmp_path: Path) -> None:
    backup = backup_file(filled_register, tmp_path / "kopia.sqlite")
    assert check_backup(backup).revision == migrate.head_revision()


def test_files_that_are_not_our_backups_are_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "inkop.sqlite"
    text_file.write_text("mjölk, bröd\n", encoding="utf-8")
    with pytest.raises(NotOurDatabaseError, match="ingen säkerhetskopia av en BIV Desktop-databas"):
        check_backup(text_file)
    recipes = tmp_path / "recept.sqlite"
    with closing(sqlite3.connect(recipes)) as other:
        other.execute("CREATE TABLE recipe (title TEXT)")
    with pytest.raises(NotOurDatabaseError):
        check_backup(recipes)
    with pytest.raises(StoreError, match="finns inte"):
        check_backup(tmp_path / "borta.sqlite")


def test_a_damaged_backup_is_refused(filled_register: Path, tmp_path: Path) -> None:
    backup = backup_file(filled_register, tmp_path / "kopia.sqlite")
    data = bytearray(backup.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = bytes(range(256)) * 32
    backup.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError, match="är skadad och kan inte återställas"):
        check_backup(backup)


def test_a_backup_from_a_newer_program_is_refused(filled_register: Path, tmp_path: Path) -> None:
    backup = backup_file(filled_register, tmp_path / "kopia.sqlite")
    with closing(sqlite3.connect(backup)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_framtiden'")
        raw.commit()
    with pytest.raises(NewerDatabaseError, match="nyare version av BIV Desktop"):
        check_backup(backup)


# ---- restore --------------------------------------------------------------------------------------


def test_a_restore_backs_the_register_up_first_and_then_replaces_it(
    database: Database, tmp_path: Path
) -> None:
    add_family(database, "Familjen Gammal")
    backup = backup_file(database.path, tmp_path / "usb" / "kopia.sqlite")
    add_family(database, "Familjen Ny")
    database.engine.dispose()
    reported: list[tuple[int, int]] = []

    result = restore_backup(
        backup,
        database.path,
        tmp_path / "backups",
        progress=lambda d, t: reported.append((d, t)),
        step_pages=2,
        now=NOW,
    )

    assert family_names(database.path) == ["Familjen Gammal"]
    folder = register_folder(tmp_path / "backups", database.path)
    assert result.safety_backup == folder / "register-2026-03-31T090000-fore-aterstallning.sqlite"
    assert family_names(result.safety_backup) == ["Familjen Gammal", "Familjen Ny"]
    assert result.set_aside is None
    assert [done for done, _total in reported] == sorted(done for done, _total in reported)
    assert reported[-1] == (1000, 1000) and len(reported) > 4
    # The register is still a normal one: WAL, checked, and the program writes to it again.
    with closing(sqlite3.connect(database.path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    add_family(database, "Familjen Efteråt")
    assert family_names(database.path) == ["Familjen Gammal", "Familjen Efteråt"]


def test_a_damaged_register_is_moved_aside_and_replaced(filled_register: Path, tmp_path: Path) -> None:
    backup = backup_file(filled_register, tmp_path / "kopia.sqlite")
    data = bytearray(filled_register.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = bytes(range(256)) * 32
    filled_register.write_bytes(bytes(data))
    damaged = bytes(data)

    result = restore_backup(backup, filled_register, tmp_path / "backups", now=NOW)

    assert result.safety_backup is None
    folder = register_folder(tmp_path / "backups", filled_register)
    assert result.set_aside == folder / "register-2026-03-31T090000-skadad.sqlite"
    assert result.set_aside.read_bytes() == damaged
    assert len(family_names(filled_register)) == 300
    assert backups_restore.newest_good_backup(tmp_path / "backups", filled_register) is None


def test_a_restore_onto_a_missing_register_creates_it(filled_register: Path, tmp_path: Path) -> None:
    backup = backup_file(filled_register, tmp_path / "kopia.sqlite")
    target = tmp_path / "ny dator" / "biv-register.sqlite"
    result = restore_backup(backup, target, tmp_path / "backups")
    assert result.safety_backup is None and result.set_aside is None
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    open_register(target).close()
    assert len(family_names(target)) == 300


class Cancelled(Exception):
    """What the window's Avbryt raises inside the work."""


def test_a_cancelled_restore_leaves_the_register_as_it_was(filled_register: Path, tmp_path: Path) -> None:
    other = tmp_path / "annan.sqlite"
    database = open_register(other)
    add_family(database, "Familjen Annan")
    database.close()
    before = family_names(filled_register)

    def cancel_half_way(done: int, _total: int) -> None:
        if done > 600:
            raise Cancelled

    with pytest.raises(Cancelled):
        restore_backup(
            other,
            filled_register,
            tmp_path / "backups",
            progress=cancel_half_way,
            step_pages=2,
            other_register_confirmed=True,  # another register's copy, on purpose
        )
    assert family_names(filled_register) == before
    [safety] = list_backups(tmp_path / "backups", filled_register)
    assert len(family_names(safety.path)) == 300
    with closing(sqlite3.connect(filled_register)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_read_only_register_is_not_replaced(filled_register: Path, tmp_path: Path) -> None:
    backup = backup_file(filled_register, tmp_path / "kopia.sqlite")
    filled_register.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            restore_backup(backup, filled_register, tmp_path / "backups")
    finally:
        filled_register.chmod(0o600)
    assert "skrivskyddad" in caught.value.message
    assert not list((tmp_path / "backups").rglob("*.sqlite"))  # no safety backup either


def test_another_programs_file_is_never_overwritten_by_a_restore(
    filled_register: Path, tmp_path: Path
) -> None:
    backup = backup_file(filled_register, tmp_path / "kopia.sqlite")
    recipes = tmp_path / "recept.sqlite"
    with closing(sqlite3.connect(recipes)) as other:
        other.execute("CREATE TABLE recipe (title TEXT)")
    before = recipes.read_bytes()
    with pytest.raises(NotOurDatabaseError):
        restore_backup(backup, recipes, tmp_path / "backups")
    assert recipes.read_bytes() == before


def test_a_backup_with_another_page_size_is_restored_into_a_wal_register(
    database: Database, tmp_path: Path
) -> None:
    """SQLite cannot change a WAL database's page size; the restore leaves WAL for the copy."""
    small_pages = tmp_path / "liten.sqlite"
    with closing(sqlite3.connect(small_pages)) as raw:
        raw.execute("PRAGMA page_size = 1024")
        raw.execute("VACUUM")
        raw.commit()
    database.engine.dispose()
    with closing(sqlite3.connect(database.path)) as raw:
        raw.execute("VACUUM INTO ?", (str(tmp_path / "mall.sqlite"),))
    with closing(sqlite3.connect(tmp_path / "mall.sqlite")) as raw:
        raw.execute("PRAGMA page_size = 1024")
        raw.execute("VACUUM")
        raw.execute("INSERT INTO family (name, uuid) VALUES ('Familjen Liten', 'liten')")
        raw.commit()
        assert raw.execute("PRAGMA page_size").fetchone()[0] == 1024

    restore_backup(tmp_path / "mall.sqlite", database.path, tmp_path / "backups")

    assert family_names(database.path) == ["Familjen Liten"]
    with closing(sqlite3.connect(database.path)) as raw:
        assert raw.execute("PRAGMA page_size").fetchone()[0] == 1024
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
