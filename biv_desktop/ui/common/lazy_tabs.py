"""Tabs built the first time they are shown: a page with many tabs opens with only the one in view.

Each tab has an empty stand-in until the user goes to it (a click, its Alt key, Ctrl+Tab) or code asks for
it (``tab``); then it is built, put in the stand-in's place under the same title, and stays. A tab is
named by a key of the page's choosing (a word, or its place), for ``tab`` and ``built``.
"""

from collections.abc import Callable, Hashable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from biv_desktop.ui.common.steady_tabs import SteadyTabs


class LazyTabs(SteadyTabs):
    """A tab widget whose tabs are made by ``build`` functions, each when first shown or asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builds: dict[Hashable, Callable[[], QWidget]] = {}
        self._stand_ins: dict[Hashable, QWidget] = {}
        self._built: dict[Hashable, QWidget] = {}
        self.currentChanged.connect(self._shown)

    def add_lazy_tab(self, key: Hashable, title: str, build: Callable[[], QWidget]) -> None:
        """A tab called ``title``, made by ``build`` when needed; ``key`` names it for ``tab``."""
        self._builds[key] = build
        if self.count() == 0:  # the tab in view is built at once
            self._built[key] = build()
            self.addTab(self._built[key], title)
            return
        stand_in = QWidget()
        self._stand_ins[key] = stand_in
        self.addTab(stand_in, title)

    def tab(self, key: Hashable) -> QWidget:
        """The tab named ``key``, built now if it has not been yet."""
        built = self._built.get(key)
        if built is not None:
            return built
        widget = self._builds[key]()
        self._built[key] = widget
        stand_in = self._stand_ins.pop(key)
        index = self.indexOf(stand_in)
        current = self.currentIndex()
        title = self.tabText(index)
        had_focus = QApplication.focusWidget() is stand_in  # the user went to the tab: the keys go into it
        self.blockSignals(True)  # the same tab stays current: nothing to tell anyone
        # In beside the stand-in and made current first: removing a current tab would show a neighbour.
        self.insertTab(index + 1, widget, title)
        if current == index:
            self.setCurrentIndex(index + 1)
        self.removeTab(index)
        self.setCurrentIndex(current)
        # The tabs' Alt keys are taken again, after the new tab's own: where a button in a tab has the same
        # Alt key as a tab, the button comes first, as when every tab was built before the tab bar's titles.
        for position in range(self.count()):
            self.setTabText(position, self.tabText(position))
        self.blockSignals(False)
        stand_in.deleteLater()
        if had_focus:
            focus_first(widget)
        return widget

    def built(self, key: Hashable) -> QWidget | None:
        """The tab named ``key`` if it has been built, else None (it then has nothing to save or reload)."""
        return self._built.get(key)

    def _shown(self, index: int) -> None:
        shown = self.widget(index)
        for key, stand_in in list(self._stand_ins.items()):
            if stand_in is shown:
                self.tab(key)
                return


def focus_first(widget: QWidget) -> None:
    """Focus the first field of ``widget`` that Tab reaches, as Qt does when it shows a tab built before."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget and widget.isAncestorOf(candidate):
        if (
            candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and candidate.focusProxy() is None
            and candidate.isVisibleTo(widget)
            and candidate.isEnabled()
        ):
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            return
        candidate = candidate.nextInFocusChain()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
