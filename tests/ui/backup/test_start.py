"""Starting the window safely: a register already open elsewhere, a damaged register with a good backup,
a register in a cloud folder, and the automatic backup in the background."""

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from biv_desktop.paths import backups_dir
from biv_desktop.services import register as register_service
from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family
from biv_desktop.store.register import open_register
from biv_desktop.ui.backup.start import StartChecks, after_start, open_at_start
from biv_desktop.ui.main_window import MainWindow


def add_family(database: Database, name: str) -> None:
    with database.transaction() as session:
        session.add(Family(name=name))


def family_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM family ORDER BY id")]


@pytest.fixture
def closed_register(tmp_path: Path) -> Path:
    path = tmp_path / "biv-register.sqlite"
    database = open_register(path)
    add_family(database, "Familjen Påhittad")
    database.close()
    return path


def test_a_second_start_on_an_open_register_says_who_has_it(
    qtbot: QtBot, closed_register: Path, message_boxes: Any
) -> None:
    first = open_at_start(closed_register)
    assert first is not None
    message_boxes.presses = ["Avsluta"]
    try:
        assert open_at_start(closed_register) is None
    finally:
        first.close()
    [box] = message_boxes.shown
    assert box["title"] == "BIV Desktop är redan öppet"
    assert box["text"].startswith(f"BIV Desktop har redan databasen {closed_register} öppen (av ")
    assert box["buttons"] == ["Välj en annan fil…", "Avsluta"]
    again = open_at_start(closed_register)  # once the first window closed, the register opens
    assert again is not None
    again.close()


def own_folder(register: Path) -> Path:
    """The folder of this register's own backups (see store.identity)."""
    return register_service.backups_folder(register, backups_dir())


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = bytes(range(256)) * 32
    path.write_bytes(bytes(data))


def test_a_damaged_register_is_offered_its_newest_good_backup(
    qtbot: QtBot, closed_register: Path, message_boxes: Any
) -> None:
    backup_file(closed_register, own_folder(closed_register) / backup_name(closed_register, "start"))
    with closing(sqlite3.connect(closed_register)) as raw:  # more pages, so the damage hits the data
        raw.executemany(
            "INSERT INTO family (name, uuid) VALUES (?, ?)",
            [("Familjen Ny " + "å" * 300, f"n{n}") for n in range(200)],
        )
        raw.commit()
    damage(closed_register)
    message_boxes.presses = ["Återställ säkerhetskopian"]

    database = open_at_start(closed_register)

    assert database is not None
    try:
        [box] = message_boxes.shown
        assert box["title"] == "Databasen är skadad"
        assert "Den senaste hela säkerhetskopian är från " in box["informative"]
        assert box["buttons"] == [
            "Återställ säkerhetskopian",
            "Välj en säkerhetskopia…",
            "Välj en annan fil…",
            "Avsluta",
        ]
        assert family_names(closed_register) == ["Familjen Påhittad"]
        [set_aside] = own_folder(closed_register).glob("biv-register-*-skadad.sqlite")
        assert set_aside.stat().st_size > 0
    finally:
        database.close()


def test_a_damaged_register_can_be_left_alone(
    qtbot: QtBot, closed_register: Path, message_boxes: Any
) -> None:
    backup_file(closed_register, own_folder(closed_register) / backup_name(closed_register, "start"))
    with closing(sqlite3.connect(closed_register)) as raw:
        raw.executemany(
            "INSERT INTO family (name, uuid) VALUES (?, ?)",
            [("Familjen Ny " + "å" * 300, f"n{n}") for n in range(200)],
        )
        raw.commit()
    damage(closed_register)
    damaged = closed_register.read_bytes()
    message_boxes.presses = ["Avsluta"]
    assert open_at_start(closed_register) is None
    assert closed_register.read_bytes() == damaged


@pytest.fixture
def shown_window(qtbot: QtBot, closed_register: Path) -> Iterator[MainWindow]:
    database = open_at_start(closed_register)
    assert database is not None
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.database.close()


def test_the_automatic_backup_runs_in_the_background_and_only_when_needed(
    qtbot: QtBot, shown_window: MainWindow
) -> None:
    checks = after_start(shown_window, shown_window.database)
    assert checks.task is not None
    qtbot.waitUntil(lambda: checks.finished)
    assert checks.backup is not None and checks.backup.parent == own_folder(shown_window.database.path)
    assert family_names(checks.backup) == ["Familjen Påhittad"]
    assert shown_window.statusBar().currentMessage() == f"Säkerhetskopia sparad: {checks.backup.name}"

    unchanged = StartChecks(shown_window, shown_window.database)
    unchanged.start_backup()
    qtbot.waitUntil(lambda: unchanged.finished)
    assert unchanged.backup is None
    assert len(list(own_folder(shown_window.database.path).iterdir())) == 1


def test_a_failed_automatic_backup_is_a_warning_and_work_goes_on(
    qtbot: QtBot, shown_window: MainWindow, message_boxes: Any
) -> None:
    backups_dir().mkdir(parents=True, exist_ok=True)  # it holds registers.json already
    backups_dir().chmod(0o555)
    message_boxes.presses = ["OK"]
    try:
        checks = after_start(shown_window, shown_window.database)
        qtbot.waitUntil(lambda: checks.finished)
    finally:
        backups_dir().chmod(0o700)
    [box] = message_boxes.shown
    assert box["title"] == "Ingen säkerhetskopia"
    assert box["text"] == "Den automatiska säkerhetskopian kunde inte göras."
    assert "Ändra behörigheterna eller välj en annan mapp." in box["informative"]
    assert "Databasen är oförändrad" in box["informative"]
    assert checks.backup is None


def test_an_unexpected_error_in_the_background_reaches_the_crash_handler(
    qtbot: QtBot, shown_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    caught: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _error, _traceback: caught.append(kind))

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise ZeroDivisionError

    # Patched on the services' public face, where the window looks it up.
    monkeypatch.setattr(register_service, "backup_at_start", broken)
    checks = after_start(shown_window, shown_window.database)
    qtbot.waitUntil(lambda: checks.finished)
    assert caught == [ZeroDivisionError]


def test_a_register_in_a_cloud_folder_is_warned_about_once(
    qtbot: QtBot, tmp_path: Path, message_boxes: Any
) -> None:
    path = tmp_path / "Dropbox" / "biv-register.sqlite"
    database = open_at_start(path)
    assert database is not None
    window = MainWindow(database)
    qtbot.addWidget(window)
    message_boxes.presses = ["OK"]
    try:
        checks = after_start(window, database)
        qtbot.waitUntil(lambda: checks.finished)
    finally:
        database.close()
    [box] = message_boxes.shown
    assert box["title"] == "Databasen ligger i en delad mapp"
    assert "molntjänst" in box["text"]


def test_demo_data_gets_no_backup_and_no_warning(qtbot: QtBot, tmp_path: Path, message_boxes: Any) -> None:
    database = open_at_start(tmp_path / "Dropbox" / "demo.sqlite")
    assert database is not None
    window = MainWindow(database, demo=True)
    qtbot.addWidget(window)
    checks = after_start(window, database, demo=True)
    database.close()
    assert checks.task is None
    assert message_boxes.shown == []
    assert not list(backups_dir().rglob("*.sqlite"))
