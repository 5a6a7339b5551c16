"""Tabs repaint what changed, not the whole tab, and still make room for a tab that grows."""

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.steady_tabs import SteadyTabs
from support.events import Events


def tabs_with_a_count(qtbot: QtBot) -> tuple[QWidget, SteadyTabs, QLabel, QPushButton]:
    window = QWidget()
    qtbot.addWidget(window)
    tabs = SteadyTabs()
    page = QWidget()
    count = QLabel("Visar 2340 av 2340 deltagare")
    button = QPushButton("Ny deltagare…")
    button.setObjectName("button")
    count.setObjectName("count")
    inside = QVBoxLayout(page)
    inside.addWidget(button)
    inside.addWidget(count)
    inside.addStretch(1)
    tabs.addTab(page, "Register")
    tabs.addTab(QWidget(), "Familjer")
    QVBoxLayout(window).addWidget(tabs)
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    return window, tabs, count, button


def test_a_shorter_count_repaints_the_count_and_not_the_buttons_beside_it(qtbot: QtBot) -> None:
    _window, _tabs, count, button = tabs_with_a_count(qtbot)
    qtbot.wait(50)
    paints = Events(QEvent.Type.Paint, count, button)
    count.setText("Visar 12 av 2340 deltagare")  # narrower: a layout request goes up to the tabs
    qtbot.waitUntil(lambda: paints.by_name["count"] > 0)
    qtbot.wait(50)
    assert paints.by_name["button"] == 0


def test_a_tab_that_needs_more_room_still_gets_it(qtbot: QtBot) -> None:
    window, tabs, _count, _button = tabs_with_a_count(qtbot)
    before = window.minimumSizeHint().height()
    tall = QLabel("\n".join(f"Rad {line}" for line in range(40)))
    page = tabs.widget(0)
    assert page is not None and isinstance(page.layout(), QVBoxLayout)
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.addWidget(tall)
    qtbot.waitUntil(lambda: window.minimumSizeHint().height() > before + 200)
    qtbot.waitUntil(lambda: tall.height() >= tall.minimumSizeHint().height())


def test_a_taller_tab_bar_moves_the_panel_down(qtbot: QtBot) -> None:
    _window, tabs, _count, button = tabs_with_a_count(qtbot)
    height = tabs.tabBar().height()
    font = QFont(tabs.tabBar().font())
    font.setPointSizeF(font.pointSizeF() * 2)
    tabs.tabBar().setFont(font)  # the tab bar asks for a new layout: this one must be done
    qtbot.waitUntil(lambda: tabs.tabBar().height() > height + 5)
    qtbot.waitUntil(lambda: button.mapTo(tabs, QPoint(0, 0)).y() > tabs.tabBar().height())
