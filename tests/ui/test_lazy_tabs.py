"""LazyTabs: a tab built when first shown goes in its stand-in's place without showing any other tab."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.lazy_tabs import LazyTabs


class Shows(QObject):
    """Counts the times a widget is shown."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.count += 1
        return False


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
    shows = Shows(middle)
    tabs.setCurrentIndex(2)
    last = tabs.built("last")
    assert isinstance(last, QLabel) and last.text() == "sista"
    assert tabs.currentWidget() is last and tabs.indexOf(last) == 2
    assert [tabs.tabText(index) for index in range(3)] == ["&Första", "&Mitten", "&Sista"]
    assert shows.count == 0  # the tab beside it was not shown on the way
