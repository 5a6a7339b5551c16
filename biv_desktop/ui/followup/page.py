"""The Uppföljning page: the report, the meetings, the groups' feedback, communication and the agreements.

Only the tab in view (Rapport) is built with the page; each other tab, and the modules it needs, is built the
first time the user goes to it (ui/common/lazy_tabs.py), so the page shows without building them all.
"""

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.common.lazy_tabs import LazyTabs
from biv_desktop.ui.common.list_screen import ListTab
from biv_desktop.ui.followup.report_tab import ReportTab
from biv_desktop.ui.page import Page, heading

if TYPE_CHECKING:  # the other tabs' modules are imported when each tab is built
    from biv_desktop.ui.followup.agreements_tab import AgreementsTab
    from biv_desktop.ui.followup.communication_tab import CommunicationTab
    from biv_desktop.ui.followup.feedback_tab import FeedbackTab
    from biv_desktop.ui.followup.meetings_tab import MeetingsTab

REPORT, MEETINGS, FEEDBACK, COMMUNICATION, AGREEMENTS = range(5)


class FollowUpPage(Page):
    """What the coordinator records for the half-yearly follow-up with the municipality, and the report."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Uppföljning"), database, parent)
        self._today = today
        self.tabs = LazyTabs()
        self.tabs.add_lazy_tab(REPORT, self.tr("&Rapport"), lambda: ReportTab(self.database, today))
        self.tabs.add_lazy_tab(MEETINGS, self.tr("&Möten"), self._build_meetings)
        self.tabs.add_lazy_tab(FEEDBACK, self.tr("&Återkoppling"), self._build_feedback)
        self.tabs.add_lazy_tab(COMMUNICATION, self.tr("&Kommunikation"), self._build_communication)
        self.tabs.add_lazy_tab(AGREEMENTS, self.tr("A&vtal"), self._build_agreements)
        # A tab reads afresh when shown, so what another tab or page changed is what the user sees.
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.tabs, 1)

    # Each tab is built on the register the page reads now; it reads its data when shown (refresh).
    def _build_meetings(self) -> QWidget:
        from biv_desktop.ui.followup.meetings_tab import MeetingsTab

        return MeetingsTab(self.database, self._today)

    def _build_feedback(self) -> QWidget:
        from biv_desktop.ui.followup.feedback_tab import FeedbackTab

        return FeedbackTab(self.database, self._today)

    def _build_communication(self) -> QWidget:
        from biv_desktop.ui.followup.communication_tab import CommunicationTab

        return CommunicationTab(self.database, self._today)

    def _build_agreements(self) -> QWidget:
        from biv_desktop.ui.followup.agreements_tab import AgreementsTab

        return AgreementsTab(self.database, self._today)

    @property
    def report(self) -> ReportTab:
        return cast(ReportTab, self.tabs.tab(REPORT))

    @property
    def meetings(self) -> "MeetingsTab":
        return cast("MeetingsTab", self.tabs.tab(MEETINGS))

    @property
    def feedback(self) -> "FeedbackTab":
        return cast("FeedbackTab", self.tabs.tab(FEEDBACK))

    @property
    def communication(self) -> "CommunicationTab":
        return cast("CommunicationTab", self.tabs.tab(COMMUNICATION))

    @property
    def agreements(self) -> "AgreementsTab":
        return cast("AgreementsTab", self.tabs.tab(AGREEMENTS))

    def set_database(self, database: Database) -> None:
        super().set_database(database)
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, ReportTab | ListTab):  # a tab not built yet is built on the page's register
                tab.database = database

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, ReportTab | ListTab):
            current.refresh()
