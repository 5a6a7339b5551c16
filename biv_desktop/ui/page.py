"""What every screen of the main window has: a title, a heading, and a way to reload its data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from biv_desktop.ui.common.unsaved import UnsavedEdits

if TYPE_CHECKING:  # the window's first frame comes before the database layer is loaded (ui/app.py)
    from biv_desktop.store.database import Database


class Page(QWidget):
    """A screen in the main window's stack, reached from the navigation list."""

    def __init__(self, title: str, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._database = database

    @property
    def database(self) -> Database:
        return self._database

    def set_database(self, database: Database) -> None:
        """Read from another register (after Arkiv → Öppna databas…); the window then refreshes."""
        self._database = database

    def refresh(self) -> None:
        """Reload what the page shows from the register; a page without data has nothing to reload."""

    def unsaved_edits(self) -> list[UnsavedEdits]:
        """The page's editors whose edits are asked about before the user leaves the page or quits."""
        return []

    def search_field(self) -> QLineEdit | None:
        """The field Ctrl+F moves to, if the page has one."""
        return None


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A page's title, larger and bold."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label
