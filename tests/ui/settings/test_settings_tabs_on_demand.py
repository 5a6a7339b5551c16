"""The settings page builds a tab the first time the user goes to it: what she sees, the keys she uses and
the questions about unsaved edits are as when every tab was built with the page."""

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from biv_desktop.services.register import BreakWeekDraft, list_theme_plans, save_break_week
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.settings.page import SettingsPage
from support import FixtureRegister
from support.qt import every_page, shown
from support.register import register_in

TABS = ["Allmänt", "Uppehåll", "Temaplaner", "Frågeformulär", "Rapport", "Kryptering"]


def built(page: SettingsPage) -> list[str]:
    keys = ["general", "break_weeks", "theme_plans", "questionnaires", "report", "encryption"]
    return [TABS[n] for n, key in enumerate(keys) if page.tabs.built(key) is not None]


def test_only_the_tab_in_view_is_built_with_the_page_and_every_title_is_there(
    qtbot: QtBot, register: FixtureRegister
) -> None:
    page = shown(qtbot, SettingsPage(register.database, register.today))
    assert [page.tabs.tabText(n).replace("&", "") for n in range(page.tabs.count())] == TABS
    assert page.tabs.currentIndex() == 0
    assert built(page) == ["Allmänt"]
    assert page.tabs.currentWidget() is page.general
    assert page.general.group_capacity.value() == 6  # read by the page's refresh, as before


def test_alt_t_builds_the_theme_plans_with_its_plans_and_the_keys_go_into_it(
    qtbot: QtBot, register: FixtureRegister
) -> None:
    page = shown(qtbot, SettingsPage(register.database, register.today))
    with qtbot.waitActive(page):
        page.activateWindow()
    page.general.age_bands.setFocus()

    qtbot.keyClick(page.general.age_bands, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)

    assert page.tabs.currentIndex() == 2
    assert built(page) == ["Allmänt", "Temaplaner"]
    tab = page.theme_plans
    assert page.tabs.currentWidget() is tab and tab.isVisible()
    plans = [row.name for row in list_theme_plans(register.database)]
    assert [tab.model.rows()[n].name for n in range(tab.model.rowCount())] == plans
    assert QApplication.focusWidget() is tab.plans  # the first field of the tab, as Qt does for a built tab


def test_ctrl_tab_goes_through_every_tab_building_each_once(qtbot: QtBot, register: FixtureRegister) -> None:
    page = shown(qtbot, SettingsPage(register.database, register.today))
    with qtbot.waitActive(page):
        page.activateWindow()
    page.tabs.tabBar().setFocus()
    widgets = [page.tabs.currentWidget()]
    for _tab in TABS[1:]:
        qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        widgets.append(page.tabs.currentWidget())
    assert built(page) == TABS
    assert [page.tabs.indexOf(widget) for widget in widgets] == list(range(len(TABS)))
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentWidget() is widgets[0]  # round again: the same tabs, not built anew


def test_a_button_sharing_a_tabs_alt_key_comes_first_as_before(
    qtbot: QtBot, register: FixtureRegister
) -> None:
    """On Frågeformulär, Alt+R first reaches its button "Ny f&råga"; pressed again, the tab &Rapport."""
    page = shown(qtbot, SettingsPage(register.database, register.today))
    with qtbot.waitActive(page):
        page.activateWindow()
    page.tabs.setCurrentWidget(page.questionnaires)
    page.questionnaires.choice.setFocus()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == 3
    focused = QApplication.focusWidget()
    assert focused is not None and focused.text().replace("&", "") == "Ny fråga"  # type: ignore[attr-defined]

    qtbot.keyClick(focused, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == 4


def test_leaving_the_page_with_an_edited_theme_plan_asks_first(
    window: MainWindow, message_boxes: Any
) -> None:
    page = next(page for page in every_page(window) if isinstance(page, SettingsPage))
    row = every_page(window).index(page)
    window.navigation.setCurrentRow(row)
    page.tabs.setCurrentIndex(2)  # as a click on Temaplaner
    editor = page.theme_plans.editor
    editor.name.setText("Barngrupp – våren")
    editor.name.textEdited.emit("Barngrupp – våren")

    message_boxes.presses = ["Avbryt"]
    window.navigation.setCurrentRow(0)

    assert message_boxes.shown[-1]["text"] == "Vill du spara ändringarna?"
    assert "temaplanen" in message_boxes.shown[-1]["informative"]
    assert window.current_page() is page and editor.name.text() == "Barngrupp – våren"
    message_boxes.presses = ["Spara inte"]
    window.navigation.setCurrentRow(0)
    assert window.current_page() is every_page(window)[0]


def test_a_tab_first_shown_after_another_register_is_opened_reads_that_register(
    qtbot: QtBot, register: FixtureRegister, tmp_path: Path
) -> None:
    page = shown(qtbot, SettingsPage(register.database, register.today))
    page.tabs.setCurrentIndex(2)  # Temaplaner is built on the first register
    with register_in(tmp_path / "other") as other:
        save_break_week(other, BreakWeekDraft("Sportlov", dt.date(2026, 2, 23), dt.date(2026, 3, 1)))
        page.set_database(other)
        page.refresh()
        assert page.general.database is other and page.general.loaded is not None  # read again from it
        assert page.theme_plans.database is other and page.theme_plans.editor.database is other
        page.tabs.setCurrentIndex(1)
        tab = page.break_weeks
        assert tab.database is other
        assert [tab.model.rows()[n].name for n in range(tab.model.rowCount())] == ["Sportlov"]
        page.close()
