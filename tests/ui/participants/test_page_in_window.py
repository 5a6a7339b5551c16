"""The Deltagare page in the main window: reached from the navigation, Ctrl+F finds the tab's search."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.participants.page import ParticipantsPage


def test_the_window_opens_the_participants_page_with_the_register(qtbot: QtBot, window: MainWindow) -> None:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    window.navigation.setCurrentRow(titles.index("Deltagare"))
    page = window.current_page()
    assert isinstance(page, ParticipantsPage)
    # The window's fixture register: 17 children and guardians across four groups, one of whom left.
    assert page.register.count_label.text() == "Visar 17 av 17 deltagare · 17 saknar samtycke"

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.register.search.hasFocus)
    qtbot.keyClicks(page.register.search, "sohrab")
    rows = page.register.proxy.rowCount()
    assert rows == 1
    assert page.register.proxy.index(0, 0).data() == "Sohrab Testsson"

    page.tabs.setCurrentWidget(page.waiting)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.waiting.search.hasFocus)
    assert page.waiting.count_label.text() == "Ingen står på väntelistan."


def test_typing_in_the_search_keeps_the_count_line_one_size(qtbot: QtBot, window: MainWindow) -> None:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    window.navigation.setCurrentRow(titles.index("Deltagare"))
    page = window.current_page()
    assert isinstance(page, ParticipantsPage)
    count = page.register.count_label
    QApplication.processEvents()  # laid out
    size = count.size()

    qtbot.keyClicks(page.register.search, "sohrab")
    QApplication.processEvents()

    # One digit fewer, and the line as wide as before: a line that changed its width laid the page out again.
    assert count.text() == "Visar 1 av 17 deltagare · 17 saknar samtycke"
    assert count.size() == size
    assert count.width() >= count.sizeHint().width()  # the whole line shows
    page.register.search.clear()
    QApplication.processEvents()
    assert count.text() == "Visar 17 av 17 deltagare · 17 saknar samtycke"
    assert count.size() == size
