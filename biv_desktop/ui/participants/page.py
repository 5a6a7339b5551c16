"""The Deltagare page: the register, the families and the waiting list as three tabs."""

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.common.lazy_tabs import LazyTabs
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
        self._today = today
        self.register = RegisterTab(lambda: self.database, today)
        # What one tab changes, another shows: each reads the register afresh when it is shown.
        self._stale: set[str] = set()
        self.tabs = LazyTabs()
        self.tabs.add_lazy_tab(REGISTER, self.tr("&Deltagare"), lambda: self.register)
        self.tabs.add_lazy_tab(FAMILIES, self.tr("Famil&jer"), self._build_families)
        self.tabs.add_lazy_tab(WAITING, self.tr("Vän&telista"), self._build_waiting)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.register.changed.connect(lambda: self._changed_in(REGISTER))
        self.register.family_requested.connect(self.show_family)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
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
        return cast("FamiliesTab", self.tabs.tab(FAMILIES))

    @property
    def waiting(self) -> "WaitingTab":
        """The Väntelista tab, built the first time it is needed."""
        return cast("WaitingTab", self.tabs.tab(WAITING))

    def _build_families(self) -> QWidget:
        from biv_desktop.ui.participants.families_tab import FamiliesTab

        families = FamiliesTab(lambda: self.database, self._today)
        families.changed.connect(lambda: self._changed_in(FAMILIES))
        self._stale.add(FAMILIES)  # it has read nothing yet
        return families

    def _build_waiting(self) -> QWidget:
        from biv_desktop.ui.participants.waiting_tab import WaitingTab

        waiting = WaitingTab(lambda: self.database, self._today)
        waiting.changed.connect(lambda: self._changed_in(WAITING))
        self._stale.add(WAITING)
        return waiting

    def _tabs(self) -> dict[str, QWidget]:
        """The tabs built so far, by name."""
        return {
            name: tab for name in (REGISTER, FAMILIES, WAITING) if (tab := self.tabs.built(name)) is not None
        }

    def refresh(self) -> None:
        self._stale = {REGISTER, FAMILIES, WAITING}
        self._tab_shown()

    def _tab_shown(self, _index: int = -1) -> None:
        shown = self.tabs.currentWidget()  # a tab shown for the first time is built by then (LazyTabs)
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
        if tab is self.tabs.built(FAMILIES):
            return self.families.search
        if tab is self.tabs.built(WAITING):
            return self.waiting.search
        return self.register.search
