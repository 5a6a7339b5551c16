"""Edits are never lost without a question: leaving the settings page, quitting, or closing an editor
dialog with edits asks "Vill du spara ändringarna?" (Spara / Spara inte / Avbryt)."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.services.register import load_settings
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.premises.dialog import PremisesDialog
from biv_desktop.ui.settings.page import SettingsPage
from support.qt import every_page

ANSWERS = ["Spara", "Spara inte", "Avbryt"]


def settings_page(window: MainWindow) -> SettingsPage:
    page = next(page for page in every_page(window) if isinstance(page, SettingsPage))
    window.navigation.setCurrentRow(every_page(window).index(page))
    assert window.current_page() is page
    return page


def test_leaving_the_settings_with_a_changed_capacity_asks_first(
    window: MainWindow, message_boxes: Any
) -> None:
    page = settings_page(window)
    saved = load_settings(window.database).group_capacity
    page.general.group_capacity.setValue(saved + 2)

    message_boxes.presses = ["Avbryt"]
    window.navigation.setCurrentRow(0)
    assert message_boxes.shown[-1]["text"] == "Vill du spara ändringarna?"
    assert sorted(message_boxes.shown[-1]["buttons"]) == sorted(ANSWERS)
    assert window.current_page() is page and window.navigation.currentRow() == every_page(window).index(page)
    assert page.general.group_capacity.value() == saved + 2  # nothing typed is lost

    message_boxes.presses = ["Spara inte"]
    window.navigation.setCurrentRow(0)
    assert window.current_page() is every_page(window)[0]
    assert load_settings(window.database).group_capacity == saved
    settings_page(window)
    assert page.general.group_capacity.value() == saved

    page.general.group_capacity.setValue(saved + 1)
    message_boxes.presses = ["Spara"]
    window.navigation.setCurrentRow(0)
    assert window.current_page() is every_page(window)[0]
    assert load_settings(window.database).group_capacity == saved + 1


def test_quitting_with_unsaved_settings_asks_and_avbryt_keeps_the_window(
    window: MainWindow, message_boxes: Any
) -> None:
    page = settings_page(window)
    saved = load_settings(window.database).group_capacity
    page.general.group_capacity.setValue(saved + 3)
    message_boxes.presses = ["Avbryt"]
    assert not window.close()
    assert window.isVisible()
    message_boxes.presses = ["Spara"]
    assert window.close()
    assert load_settings(window.database).group_capacity == saved + 3
    assert len(message_boxes.shown) == 2


def test_quitting_without_edits_asks_nothing(window: MainWindow, message_boxes: Any) -> None:
    settings_page(window)
    assert window.close()
    assert message_boxes.shown == []


def test_escape_in_an_editor_with_edits_asks_before_discarding(
    qtbot: QtBot, window: MainWindow, message_boxes: Any, type_text: Callable[[QWidget, str], None]
) -> None:
    dialog = PremisesDialog(window.database, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without a question
    assert message_boxes.shown == [] and not dialog.isVisible()

    dialog = PremisesDialog(window.database, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "Vasastadens kyrka")
    message_boxes.presses = ["Avbryt"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name.text() == "Vasastadens kyrka"
    assert message_boxes.shown[-1]["text"] == "Vill du spara ändringarna?"
    message_boxes.presses = ["Spara inte"]
    dialog.reject()
    assert not dialog.isVisible() and dialog.saved is None
