"""Starting the program: Swedish dialogs, a register that cannot be opened, and unexpected errors."""

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from biv_desktop import paths
from biv_desktop.store.register import open_register
from biv_desktop.ui import app
from biv_desktop.ui.crash import LOG_FILE_NAME, CrashHandler, configure_logging
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.opening import open_register_at_start

NOT_A_DATABASE = "Inköpslista: mjölk, bröd\n".encode()


@pytest.fixture
def isolated_crash_handling(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Whatever a test installs as excepthook or log handler is gone after it."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logger = logging.getLogger("biv_desktop")
    handlers, level = list(logger.handlers), logger.level
    yield
    for handler in logger.handlers:
        if handler not in handlers:
            handler.close()
            logger.removeHandler(handler)
    logger.setLevel(level)


def test_a_file_that_is_not_a_register_gets_a_swedish_message_and_is_left_alone(
    tmp_path: Path, message_boxes: Any, isolated_crash_handling: None
) -> None:
    path = tmp_path / "inkop.sqlite"
    path.write_bytes(NOT_A_DATABASE)
    message_boxes.presses = ["Avsluta"]

    assert app.run(path) == 1

    [box] = message_boxes.shown
    assert box["title"] == "Databasen kunde inte öppnas"
    assert "är ingen BIV Desktop-databas" in box["text"]
    assert box["buttons"] == ["Välj en annan fil…", "Avsluta"]
    assert path.read_bytes() == NOT_A_DATABASE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inkop.sqlite", "user"]
    assert not paths.backups_dir().exists()


def test_choosing_another_file_opens_that_register(
    tmp_path: Path, message_boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "inkop.sqlite"
    broken.write_bytes(NOT_A_DATABASE)
    good = tmp_path / "riktig.sqlite"
    open_register(good).close()
    message_boxes.presses = ["Välj en annan fil…"]
    asked: list[str] = []

    def choose_file(*args: Any) -> tuple[str, str]:
        asked.append(args[3])
        return str(good), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose_file)

    database = open_register_at_start(broken)

    assert database is not None
    assert database.path == good
    assert asked == ["BIV Desktop-databaser (*.sqlite);;Alla filer (*)"]
    database.close()
    assert broken.read_bytes() == NOT_A_DATABASE


def test_run_opens_the_window_with_demo_data_in_the_title(
    qtbot: QtBot, tmp_path: Path, isolated_crash_handling: None
) -> None:
    seen: list[str] = []

    def look_and_close() -> None:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not window.attached:  # on screen, the register still being opened: look again in a moment
            QTimer.singleShot(10, look_and_close)
            return
        seen.extend([window.windowTitle(), window.database_label.text()])
        window.close()

    QTimer.singleShot(0, look_and_close)
    assert app.run(tmp_path / "demo.sqlite", demo=True) == 0
    assert seen == ["BIV Desktop – demodata", "Demodata – Databas: demo.sqlite"]
    assert QApplication.organizationName() == "BIV Desktop"


def test_standard_buttons_speak_swedish(qtbot: QtBot) -> None:
    app.application()
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Avbryt"


def test_an_unexpected_error_is_logged_without_personal_data_and_met_with_an_apology(
    monkeypatch: pytest.MonkeyPatch, isolated_crash_handling: None
) -> None:
    apologies: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: apologies.append(text))
    log_file = configure_logging(paths.log_dir())

    def mark_attendance_for(name: str) -> None:
        raise ValueError(f"Ingen deltagare som heter {name}")

    try:
        mark_attendance_for("Hodan Testsson")
    except ValueError as error:
        CrashHandler()(ValueError, error, error.__traceback__)

    written = log_file.read_text(encoding="utf-8")
    assert log_file.name == LOG_FILE_NAME
    assert "builtins.ValueError" in written
    assert "tests/ui/test_app.py" not in written  # only the file's name, not the folders above it
    assert "test_app.py:" in written
    assert "in mark_attendance_for" in written
    assert "Hodan" not in written
    [apology] = apologies
    assert "Något oväntat gick fel" in apology
    assert str(paths.log_dir()) in apology


def test_the_window_icon_is_the_programs_icon_in_every_size(qapp: QApplication) -> None:
    icon = app.application().windowIcon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(app.ICON_SIZES)


def test_quit_after_start_opens_the_window_and_ends_normally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    shown: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "showEvent", lambda window, event: shown.append(window))
    monkeypatch.setenv(app.QUIT_AFTER_START, "1")
    # Should the mechanism fail, end the event loop anyway with a status the test refuses.
    fallback = QTimer()
    fallback.setSingleShot(True)
    fallback.timeout.connect(lambda: qapp.exit(99))
    fallback.start(20_000)
    try:
        assert app.run(tmp_path / "register.sqlite") == 0
    finally:
        fallback.stop()
        for window in shown:
            window.close()
    assert len(shown) == 1
