"""The Uppföljning page's tabs: only Rapport is built with the page; each other tab is built when the user
goes to it, by mouse or keyboard, and then shows its rows with the keys in it, as a tab built before would."""

import datetime as dt
import sys
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Channel, Party
from biv_desktop.services.followup.communication import EffortDraft, save_effort
from biv_desktop.ui.followup.page import AGREEMENTS, COMMUNICATION, FEEDBACK, MEETINGS, REPORT, FollowUpPage


def test_the_page_opens_on_the_report_with_the_other_tabs_not_built_nor_imported(page: FollowUpPage) -> None:
    assert page.tabs.currentIndex() == REPORT
    assert page.report.period.choice.count() > 0  # the report tab read its periods
    assert [page.tabs.built(index) is not None for index in range(page.tabs.count())] == [True] + [False] * 4
    assert [page.tabs.tabText(index) for index in range(page.tabs.count())] == [
        "&Rapport",
        "&Möten",
        "&Återkoppling",
        "&Kommunikation",
        "A&vtal",
    ]


def test_alt_and_a_tabs_letter_builds_it_shows_its_rows_and_moves_the_keys_into_it(
    qtbot: QtBot, page: FollowUpPage, register: Any
) -> None:
    draft = EffortDraft(dt.date(2025, 6, 1), Party.PARISH, Channel.WEBSITE, "", "Ny webbtext om grupperna.")
    save_effort(register.database, draft)
    page.activateWindow()
    page.report.period.choice.setFocus()
    qtbot.waitUntil(lambda: page.report.period.choice.hasFocus())
    qtbot.keyClick(page, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # &Kommunikation
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == COMMUNICATION)
    tab = page.tabs.currentWidget()
    assert tab is page.communication
    assert tab.isVisible()
    assert tab.model.rowCount() == 1  # read when shown
    focused = QApplication.focusWidget()
    assert focused is not None and tab.isAncestorOf(focused)
    assert page.tabs.built(MEETINGS) is None


def test_a_tab_chosen_with_the_mouse_is_built_once_and_read_afresh_each_time(
    qtbot: QtBot, page: FollowUpPage, monkeypatch: Any
) -> None:
    bar = page.tabs.findChild(QTabBar)
    assert bar is not None
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(FEEDBACK).center())
    feedback = page.tabs.widget(FEEDBACK)
    assert page.tabs.currentWidget() is feedback is page.feedback
    assert feedback.model.rowCount() > 0
    read: list[object] = []
    monkeypatch.setattr(type(feedback), "refresh", lambda self: read.append(self))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(REPORT).center())
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(FEEDBACK).center())
    assert page.tabs.widget(FEEDBACK) is feedback  # the same tab, not built again
    assert read == [feedback]
    assert page.tabs.built(AGREEMENTS) is None


def test_a_tab_asked_for_by_code_is_built_in_place_without_being_shown(page: FollowUpPage) -> None:
    communication = page.communication
    assert page.tabs.indexOf(communication) == COMMUNICATION
    assert page.tabs.currentIndex() == REPORT
    assert page.tabs.tabText(COMMUNICATION) == "&Kommunikation"
    assert "biv_desktop.ui.followup.communication_tab" in sys.modules
