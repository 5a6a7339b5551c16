"""The main window: it opens on a register, and every page is reached by mouse and by keyboard."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from biv_desktop import __version__, paths
from biv_desktop.store.register import open_register
from biv_desktop.ui.followup.page import FollowUpPage
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.training.page import TrainingPage

PAGE_TITLES = [
    "Översikt",
    "Grupper",
    "Schema",
    "Deltagare",
    "Gruppledare",
    "Tolkar",
    "Lokaler",
    "Utbildning",
    "Uppföljning",
    "Inställningar",
]
DIGIT_KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
              Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9, Qt.Key.Key_0]  # fmt: skip


def test_window_opens_on_the_overview_with_the_database_name(window: MainWindow) -> None:
    assert window.windowTitle() == "BIV Desktop"
    assert window.current_page().title == "Översikt"
    assert window.database_label.text() == "Databas: register.sqlite"
    assert [window.navigation.item(row).text() for row in range(window.navigation.count())] == PAGE_TITLES


def test_clicking_in_the_navigation_reaches_every_page(qtbot: QtBot, window: MainWindow) -> None:
    for row, title in enumerate(PAGE_TITLES):
        item_rect = window.navigation.visualItemRect(window.navigation.item(row))
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
        assert window.current_page().title == title
        assert window.stack.currentWidget() is window.current_page()


def test_ctrl_and_a_digit_reach_every_page(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    for key, title in reversed(list(zip(DIGIT_KEYS, PAGE_TITLES, strict=True))):
        qtbot.keyClick(window.navigation, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page().title == title


def test_arrow_keys_in_the_navigation_change_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_page().title == "Grupper"
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.current_page().title == "Grupper"


def test_every_page_is_built_no_placeholder_is_left(window: MainWindow) -> None:
    window.navigation.setCurrentRow(PAGE_TITLES.index("Utbildning"))
    assert isinstance(window.current_page(), TrainingPage)
    window.navigation.setCurrentRow(PAGE_TITLES.index("Uppföljning"))
    assert isinstance(window.current_page(), FollowUpPage)


def test_ctrl_f_focuses_the_groups_search_field(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.current_page().search_field()
    assert search is not None
    qtbot.waitUntil(search.hasFocus)


def test_opening_another_register_from_the_menu_switches_to_it(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "annan.sqlite"
    open_register(other).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(other), ""))
    window.navigation.setCurrentRow(1)

    window.open_action.trigger()

    assert window.database.path == other
    assert window.database_label.text() == "Databas: annan.sqlite"
    assert window.current_page().count_label.text() == "Det finns inga grupper ännu."  # type: ignore[attr-defined]
    window.database.close()


def test_a_register_that_cannot_be_opened_from_the_menu_leaves_the_open_one(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    not_ours = tmp_path / "anteckningar.sqlite"
    not_ours.write_text("anteckningar", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(not_ours), ""))
    message_boxes.presses = ["OK"]
    before = window.database

    window.open_action.trigger()

    assert window.database is before
    [box] = message_boxes.shown
    assert "är ingen BIV Desktop-databas" in box["text"]
    assert box["informative"] == "Databasen som redan var öppen används fortfarande."
    assert not_ours.read_text(encoding="utf-8") == "anteckningar"


def test_about_names_the_version_and_that_the_data_is_confidential(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.about_action.trigger()
    [text] = shown
    assert __version__ in text
    assert "Konfidentiellt – innehåller personuppgifter om barn" in text


def test_about_names_the_licence_and_where_the_register_backups_and_logs_are(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.about_action.trigger()
    [text] = shown
    assert "GNU General Public License version 3 eller senare (GPL-3.0-or-later)" in text
    assert f"Databasen: <code>{window.database.path}</code>" in text
    assert f"Säkerhetskopiorna: <code>{paths.backups_dir()}</code>" in text
    assert f"Loggarna: <code>{paths.log_dir()}</code>" in text


def test_ctrl_q_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
