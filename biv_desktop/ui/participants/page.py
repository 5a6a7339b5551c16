"""The Deltagare page: the register, the families and the waiting list as three tabs."""

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.page import Page, heading
from biv_desktop.ui.participants.register_tab import RegisterTab

if TYPE_CHECKING:
    from biv_desktop.ui.participants.families_tab import FamiliesTab
    from biv_desktop.ui.participants.waiting_tab import WaitingTab

REGISTER, FAMILIES, WAITING = "register", "families", "waiting"


class ParticipantsPage(Page):
    """Children and guardians: who they are, their families, their groups, and who waits for a place.

    The page opens on the register; the Familjer and Väntelista tabs (and their modules) are built the first
    time they are shown or asked for, so the page's first showing builds and reads only the register.
    """

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Deltagare"), database, parent)
        self.register = RegisterTab(lambda: self.database, today)
        self._families: FamiliesTab | None = None
        self._waiting: WaitingTab | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, self.tr("&Deltagare"))
        # Until a tab is built, an empty stand-in holds its place (and its title and shortcut).
        self._stand_ins = {FAMILIES: QWidget(), WAITING: QWidget()}
        self.tabs.addTab(self._stand_ins[FAMILIES], self.tr("Famil&jer"))
        self.tabs.addTab(self._stand_ins[WAITING], self.tr("Vän&telista"))
        self.tabs.setDocumentMode(True)
        # What one tab changes, another shows: each reads the register afresh when it is shown.
        self._stale: set[str] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        self.register.changed.connect(lambda: self._changed_in(REGISTER))
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

    @property
    def families(self) -> "FamiliesTab":
        """The Familjer tab, built the first time it is needed."""
        if self._families is None:
            from biv_desktop.ui.participants.families_tab import FamiliesTab

            self._families = FamiliesTab(lambda: self.database, self._today)
            self._families.changed.connect(lambda: self._changed_in(FAMILIES))
            self._put_in_place(FAMILIES, self._families)
        return self._families

    @property
    def waiting(self) -> "WaitingTab":
        """The Väntelista tab, built the first time it is needed."""
        if self._waiting is None:
            from biv_desktop.ui.participants.waiting_tab import WaitingTab

            self._waiting = WaitingTab(lambda: self.database, self._today)
            self._waiting.changed.connect(lambda: self._changed_in(WAITING))
            self._put_in_place(WAITING, self._waiting)
        return self._waiting

    def _put_in_place(self, name: str, tab: QWidget) -> None:
        """Put a tab just built where its stand-in was, shown if the stand-in was; it has read nothing yet."""
        stand_in = self._stand_ins.pop(name)
        position = self.tabs.indexOf(stand_in)
        was_shown = self.tabs.currentIndex() == position
        self.tabs.blockSignals(True)
        self.tabs.insertTab(position, tab, self.tabs.tabText(position))
        self.tabs.removeTab(position + 1)
        if was_shown:
            self.tabs.setCurrentIndex(position)
        self.tabs.blockSignals(False)
        stand_in.deleteLater()
        self._stale.add(name)

    def _tabs(self) -> dict[str, QWidget]:
        """The tabs built so far, by name."""
        built: dict[str, QWidget] = {REGISTER: self.register}
        if self._families is not None:
            built[FAMILIES] = self._families
        if self._waiting is not None:
            built[WAITING] = self._waiting
        return built

    def refresh(self) -> None:
        self._stale = {REGISTER, FAMILIES, WAITING}
        self._tab_shown()

    def _tab_shown(self, _index: int = -1) -> None:
        shown = self.tabs.currentWidget()
        if shown is self._stand_ins.get(FAMILIES):
            shown = self.families
        elif shown is self._stand_ins.get(WAITING):
            shown = self.waiting
        for name, tab in self._tabs().items():
            if tab is shown and name in self._stale:
                self._stale.discard(name)
                tab.refresh()  # type: ignore[attr-defined]

    def _changed_in(self, name: str) -> None:
        self._stale = {REGISTER, FAMILIES, WAITING} - {name}

    def import_list(self) -> None:
        """Importera från Excel…: the existing list into the register; every tab reads it afresh after."""
        from biv_desktop.ui.participants.import_dialog import ImportParticipantsDialog

        dialog = ImportParticipantsDialog(self.database, today=self._today, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def show_family(self, family_id: int) -> None:
        """Open the Familjer tab on one family."""
        self.tabs.setCurrentWidget(self.families)
        self.families.select(family_id)

    def search_field(self) -> QLineEdit:
        tab = self.tabs.currentWidget()
        if tab is self._families and self._families is not None:
            return self._families.search
        if tab is self._waiting and self._waiting is not None:
            return self._waiting.search
        return self.register.search
