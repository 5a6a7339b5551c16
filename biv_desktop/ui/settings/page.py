"""The Inställningar page: general settings, break weeks and theme plans on tabs."""

import datetime as dt

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.common.unsaved import UnsavedEdits
from biv_desktop.ui.encryption.settings_tab import EncryptionTab
from biv_desktop.ui.followup.questionnaire_editor import QuestionnairesTab
from biv_desktop.ui.page import Page, heading
from biv_desktop.ui.settings.break_weeks_tab import BreakWeeksTab
from biv_desktop.ui.settings.general_tab import GeneralTab
from biv_desktop.ui.settings.report_settings_tab import ReportSettingsTab
from biv_desktop.ui.settings.theme_plans_tab import ThemePlansTab


class SettingsPage(Page):
    """What the coordinator changes in the program's settings rather than in code (DOMAIN.md's assumptions)."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Inställningar"), database, parent)
        self.general = GeneralTab(database)
        self.break_weeks = BreakWeeksTab(database, today)
        self.theme_plans = ThemePlansTab(database)
        self.questionnaires = QuestionnairesTab(database)
        self.report = ReportSettingsTab(database)
        self.encryption = EncryptionTab(database)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("&Allmänt"))
        self.tabs.addTab(self.break_weeks, self.tr("&Uppehåll"))
        self.tabs.addTab(self.theme_plans, self.tr("&Temaplaner"))
        self.tabs.addTab(self.questionnaires, self.tr("&Frågeformulär"))
        self.tabs.addTab(self.report, self.tr("&Rapport"))
        self.tabs.addTab(self.encryption, self.tr("&Kryptering"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.tabs, 1)

    def set_database(self, database: Database) -> None:
        super().set_database(database)
        for tab in (self.general, self.break_weeks, self.theme_plans, self.questionnaires, self.report):
            tab.database = database
        self.encryption.database = database
        self.encryption.reload()
        self.questionnaires.show_questionnaire(None)
        self.theme_plans.editor.database = database
        # Edits typed against the other register must not be saved into this one.
        self.general.loaded = None
        self.report.loaded = None
        self.theme_plans.editor.load(None)

    def unsaved_edits(self) -> list[UnsavedEdits]:
        questionnaires = self.questionnaires
        return [
            UnsavedEdits(
                self.tr("inställningarna"),
                self.general.has_unsaved_changes,
                self.general.save,
                self.general.reload,
            ),
            UnsavedEdits(
                self.tr("temaplanen"),
                self.theme_plans.has_unsaved_changes,
                self.theme_plans.editor.save,
                self.theme_plans.editor.undo,
            ),
            UnsavedEdits(
                self.tr("frågeformuläret"),
                questionnaires.has_unsaved_changes,
                questionnaires.save,
                lambda: questionnaires.show_questionnaire(questionnaires.loaded),
            ),
        ]

    def refresh(self) -> None:
        """Read every tab afresh, except one with unsaved edits, which keeps what the user typed."""
        if not self.general.has_unsaved_changes():
            self.general.reload()
        if not self.report.has_unsaved_changes():
            self.report.reload()
        self.break_weeks.refresh()
        self.encryption.reload()
        if not self.theme_plans.has_unsaved_changes():
            self.theme_plans.refresh()
        if not self.questionnaires.has_unsaved_changes():
            self.questionnaires.refresh()
