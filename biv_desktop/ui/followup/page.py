"""The Uppföljning page: the report, the meetings, the groups' feedback, communication and the agreements."""

import datetime as dt

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.followup.agreements_tab import AgreementsTab
from biv_desktop.ui.followup.communication_tab import CommunicationTab
from biv_desktop.ui.followup.feedback_tab import FeedbackTab
from biv_desktop.ui.followup.meetings_tab import MeetingsTab
from biv_desktop.ui.followup.report_tab import ReportTab
from biv_desktop.ui.page import Page, heading


class FollowUpPage(Page):
    """What the coordinator records for the half-yearly follow-up with the municipality, and the report."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Uppföljning"), database, parent)
        self.report = ReportTab(database, today)
        self.meetings = MeetingsTab(database, today)
        self.feedback = FeedbackTab(database, today)
        self.communication = CommunicationTab(database, today)
        self.agreements = AgreementsTab(database, today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.report, self.tr("&Rapport"))
        self.tabs.addTab(self.meetings, self.tr("&Möten"))
        self.tabs.addTab(self.feedback, self.tr("&Återkoppling"))
        self.tabs.addTab(self.communication, self.tr("&Kommunikation"))
        self.tabs.addTab(self.agreements, self.tr("A&vtal"))
        # A tab reads afresh when shown, so what another tab or page changed is what the user sees.
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.tabs, 1)

    def set_database(self, database: Database) -> None:
        super().set_database(database)
        for tab in (self.report, self.meetings, self.feedback, self.communication, self.agreements):
            tab.database = database

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, ReportTab | MeetingsTab | FeedbackTab | CommunicationTab | AgreementsTab):
            current.refresh()
