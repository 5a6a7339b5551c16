"""A screen that is planned but not built yet: its title and a sentence saying what it will hold."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.page import Page, heading


class PlannedPage(Page):
    """A page that tells the user what will be here, so the navigation is whole from the start."""

    def __init__(
        self, title: str, description: str, database: Database, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, database, parent)
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading(title))
        layout.addWidget(self.description)
        layout.addStretch(1)
