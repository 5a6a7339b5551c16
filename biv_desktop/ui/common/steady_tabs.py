"""A tab widget that repaints only what changed when something inside it asks for a new layout.

Qt's QTabWidget answers every layout request by placing its tab bar and panel again and then repainting
itself whole, every button, field and table of the tab in view. A layout request reaches it whenever
anything inside changes its size hint: a count line that gets a digit shorter as a search narrows, for
one. In the participant register that repainted the whole tab at each keystroke (49 widgets painted
instead of 27), where only the list and its count had changed.

``SteadyTabs`` places its tab bar and panel again only when what decides their places has changed (its
own size, the tab bar's, its corner widgets'); otherwise it passes the request on upwards, as QTabWidget
does after placing them, so a tab that needs more room still gets it.
"""

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTabWidget, QWidget


class SteadyTabs(QTabWidget):
    """QTabWidget without the whole repaint at a layout request that changes nothing of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placed: tuple[Any, ...] | None = None

    def _what_places(self) -> tuple[Any, ...]:
        bar = self.tabBar()
        corners = []
        for corner in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner):
            widget = self.cornerWidget(corner)
            corners.append(None if widget is None else (widget.isHidden(), widget.sizeHint()))
        return (
            self.size(),
            bar.isHidden(),
            bar.sizeHint(),
            self.tabPosition(),
            self.documentMode(),
            tuple(corners),
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            placing = self._what_places()
            if placing == self._placed:
                self.updateGeometry()  # the tabs' size hints may have changed: the layouts above ask again
                return True
            self._placed = placing
        return super().event(event)
