"""Tabs built the first time they are shown, so a page with several tabs shows with only the one in view.

Each tab but the first is an empty stand-in until the user goes to it (a click, its Alt key, Ctrl+Tab) or
code asks for it (``tab``); then it is built and put in the stand-in's place under the same title, and stays.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget


class LazyTabs(QTabWidget):
    """A tab widget whose tabs are made by functions, each when first shown or asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builds: dict[int, Callable[[], QWidget]] = {}
        self._stand_ins: dict[int, QWidget] = {}
        # Connected before anyone else's slot, so those find the built tab current, not its stand-in.
        self.currentChanged.connect(self._shown)

    def add_lazy_tab(self, title: str, build: Callable[[], QWidget]) -> int:
        """A tab called ``title`` made by ``build`` when needed (the first tab at once); returns its index."""
        if self.count() == 0:
            return self.addTab(build(), title)
        stand_in = QWidget()
        index = self.addTab(stand_in, title)
        self._builds[index] = build
        self._stand_ins[index] = stand_in
        return index

    def tab(self, index: int) -> QWidget:
        """The tab at ``index``, built now if it has not been yet."""
        stand_in = self._stand_ins.pop(index, None)
        if stand_in is None:
            built = self.widget(index)
            if built is None:
                raise IndexError(f"No tab {index}")
            return built
        widget = self._builds.pop(index)()
        current, title = self.currentIndex(), self.tabText(index)
        # Going to a tab from a field in another moves the keys into it, as Qt does with a tab built before.
        had_focus = QApplication.focusWidget() is stand_in
        self.blockSignals(True)  # the same tab stays current: there is nothing new to tell
        self.removeTab(index)
        self.insertTab(index, widget, title)
        self.setCurrentIndex(current)
        self.blockSignals(False)
        stand_in.deleteLater()
        if had_focus:
            focus_first(widget)
        return widget

    def is_built(self, index: int) -> bool:
        return index not in self._stand_ins

    def _shown(self, index: int) -> None:
        if index in self._stand_ins:
            self.tab(index)


def focus_first(widget: QWidget) -> None:
    """Focus the first field of ``widget`` that Tab reaches (or the widget itself if it has none)."""
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
