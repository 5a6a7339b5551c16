"""The Deltagare page: the register, the families and the waiting list as three tabs."""

import datetime as dt

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.page import Page, heading
from biv_desktop.ui.participants.families_tab import FamiliesTab
from biv_desktop.ui.participants.import_dialog import ImportParticipantsDialog
from biv_desktop.ui.participants.register_tab import RegisterTab
from biv_desktop.ui.participants.waiting_tab import WaitingTab


class ParticipantsPage(Page):
    """Children and guardians: who they are, their families, their groups, and who waits for a place."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Deltagare"), database, parent)
        self.register = RegisterTab(lambda: self.database, today)
        self.families = FamiliesTab(lambda: self.database, today)
        self.waiting = WaitingTab(lambda: self.database, today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, self.tr("&Deltagare"))
        self.tabs.addTab(self.families, self.tr("Famil&jer"))
        self.tabs.addTab(self.waiting, self.tr("Vän&telista"))
        self.tabs.setDocumentMode(True)
        # What one tab changes, another shows: each reads the register afresh when it is shown.
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        for tab in (self.register, self.families, self.waiting):
            tab.changed.connect(lambda tab=tab: self._changed_in(tab))
        self.register.family_requested.connect(self.show_family)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        self._today = today
        self.import_button = QPushButton(self.tr("&Importera från Excel…"))
        self.import_button.setToolTip(self.tr("Läs in deltagare, familjer och väntelista från ett kalkylark"))
        self.import_button.clicked.connect(self.import_list)
        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.title))
        title_row.addStretch(1)
        title_row.addWidget(self.import_button)
        layout.addLayout(title_row)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self._stale = {self.register, self.families, self.waiting}
        self._tab_shown()

    def _tab_shown(self, _index: int = -1) -> None:
        shown = self.tabs.currentWidget()
        for tab in (self.register, self.families, self.waiting):
            if tab is shown and tab in self._stale:
                self._stale.discard(tab)
                tab.refresh()

    def _changed_in(self, tab: QWidget) -> None:
        self._stale = {self.register, self.families, self.waiting} - {tab}

    def import_list(self) -> None:
        """Importera från Excel…: the existing list into the register; every tab reads it afresh after."""
        dialog = ImportParticipantsDialog(self.database, today=self._today, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def show_family(self, family_id: int) -> None:
        """Open the Familjer tab on one family."""
        self.tabs.setCurrentWidget(self.families)
        self.families.select(family_id)

    def search_field(self) -> QLineEdit:
        tab = self.tabs.currentWidget()
        if tab is self.families:
            return self.families.search
        if tab is self.waiting:
            return self.waiting.search
        return self.register.search
