"""LazyTabs: a tab built when first shown goes in its stand-in's place without showing any other tab."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.lazy_tabs import LazyTabs
from support.events import Events


def test_going_to_the_last_tab_builds_it_in_place_and_shows_no_neighbour(qtbot: QtBot) -> None:
    tabs = LazyTabs()
    qtbot.addWidget(tabs)
    tabs.add_lazy_tab("first", "&Första", lambda: QLabel("första"))
    tabs.add_lazy_tab("middle", "&Mitten", lambda: QLabel("mitten"))
    tabs.add_lazy_tab("last", "&Sista", lambda: QLabel("sista"))
    tabs.show()
    tabs.setCurrentIndex(1)
    middle = tabs.built("middle")
    assert isinstance(middle, QLabel)
    shows = Events(QEvent.Type.Show, middle)
    tabs.setCurrentIndex(2)
    last = tabs.built("last")
    assert isinstance(last, QLabel) and last.text() == "sista"
    assert tabs.currentWidget() is last and tabs.indexOf(last) == 2
    assert [tabs.tabText(index) for index in range(3)] == ["&Första", "&Mitten", "&Sista"]
    assert shows.count == 0  # the tab beside it was not shown on the way
