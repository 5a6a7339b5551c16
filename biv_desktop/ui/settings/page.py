"""The Inställningar page: general settings, break weeks and theme plans on tabs.

Only the tab in view (Allmänt) is built with the page; each other tab is built, and reads its data, the
first time the user goes to it (ui/common/lazy_tabs.py), so the page shows without reading them all.
"""

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.common.lazy_tabs import LazyTabs
from biv_desktop.ui.common.unsaved import UnsavedEdits
from biv_desktop.ui.page import Page, heading
from biv_desktop.ui.settings.general_tab import GeneralTab

if TYPE_CHECKING:  # the other tabs' modules are imported when each tab is built
    from biv_desktop.ui.encryption.settings_tab import EncryptionTab
    from biv_desktop.ui.followup.questionnaire_editor import QuestionnairesTab
    from biv_desktop.ui.settings.break_weeks_tab import BreakWeeksTab
    from biv_desktop.ui.settings.report_settings_tab import ReportSettingsTab
    from biv_desktop.ui.settings.theme_plans_tab import ThemePlansTab


class SettingsPage(Page):
    """What the coordinator changes in the program's settings rather than in code (DOMAIN.md's assumptions)."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Inställningar"), database, parent)
        self._today = today
        self.tabs = LazyTabs()
        self.tabs.add_lazy_tab("general", self.tr("&Allmänt"), lambda: GeneralTab(self.database))
        self.tabs.add_lazy_tab("break_weeks", self.tr("&Uppehåll"), self._build_break_weeks)
        self.tabs.add_lazy_tab("theme_plans", self.tr("&Temaplaner"), self._build_theme_plans)
        self.tabs.add_lazy_tab("questionnaires", self.tr("&Frågeformulär"), self._build_questionnaires)
        self.tabs.add_lazy_tab("report", self.tr("&Rapport"), self._build_report)
        self.tabs.add_lazy_tab("encryption", self.tr("&Kryptering"), self._build_encryption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.tabs, 1)

    # Each tab is built on the register the page reads now, and reads its data as the page's refresh would.
    def _build_break_weeks(self) -> QWidget:
        from biv_desktop.ui.settings.break_weeks_tab import BreakWeeksTab

        tab = BreakWeeksTab(self.database, self._today)
        tab.refresh()
        return tab

    def _build_theme_plans(self) -> QWidget:
        from biv_desktop.ui.settings.theme_plans_tab import ThemePlansTab

        tab = ThemePlansTab(self.database)
        tab.refresh()
        return tab

    def _build_questionnaires(self) -> QWidget:
        from biv_desktop.ui.followup.questionnaire_editor import QuestionnairesTab

        tab = QuestionnairesTab(self.database)
        tab.refresh()
        return tab

    def _build_report(self) -> QWidget:
        from biv_desktop.ui.settings.report_settings_tab import ReportSettingsTab

        tab = ReportSettingsTab(self.database)
        tab.reload()
        return tab

    def _build_encryption(self) -> QWidget:
        from biv_desktop.ui.encryption.settings_tab import EncryptionTab

        return EncryptionTab(self.database)  # it reads its state as it is made

    # The tabs by name; asking for one builds it (as going to it does).
    @property
    def general(self) -> GeneralTab:
        return cast(GeneralTab, self.tabs.tab("general"))

    @property
    def break_weeks(self) -> "BreakWeeksTab":
        return cast("BreakWeeksTab", self.tabs.tab("break_weeks"))

    @property
    def theme_plans(self) -> "ThemePlansTab":
        return cast("ThemePlansTab", self.tabs.tab("theme_plans"))

    @property
    def questionnaires(self) -> "QuestionnairesTab":
        return cast("QuestionnairesTab", self.tabs.tab("questionnaires"))

    @property
    def report(self) -> "ReportSettingsTab":
        return cast("ReportSettingsTab", self.tabs.tab("report"))

    @property
    def encryption(self) -> "EncryptionTab":
        return cast("EncryptionTab", self.tabs.tab("encryption"))

    def _is_built(self, key: str) -> bool:
        return self.tabs.built(key) is not None

    def set_database(self, database: Database) -> None:
        """The built tabs move to ``database``; a tab not built yet is built on it when first shown."""
        super().set_database(database)
        for key in ("general", "break_weeks", "theme_plans", "questionnaires", "report", "encryption"):
            tab = self.tabs.built(key)
            if tab is not None:
                tab.database = database  # type: ignore[attr-defined]
        # Edits typed against the other register must not be saved into this one.
        if self._is_built("general"):
            self.general.loaded = None
        if self._is_built("report"):
            self.report.loaded = None
        if self._is_built("encryption"):
            self.encryption.reload()
        if self._is_built("questionnaires"):
            self.questionnaires.show_questionnaire(None)
        if self._is_built("theme_plans"):
            self.theme_plans.editor.database = database
            self.theme_plans.editor.load(None)

    def unsaved_edits(self) -> list[UnsavedEdits]:
        """The built tabs' editors (a tab never shown has nothing typed in it)."""
        edits = []
        if self._is_built("general"):
            general = self.general
            edits.append(
                UnsavedEdits(
                    self.tr("inställningarna"), general.has_unsaved_changes, general.save, general.reload
                )
            )
        if self._is_built("theme_plans"):
            theme_plans = self.theme_plans
            edits.append(
                UnsavedEdits(
                    self.tr("temaplanen"),
                    theme_plans.has_unsaved_changes,
                    theme_plans.editor.save,
                    theme_plans.editor.undo,
                )
            )
        if self._is_built("questionnaires"):
            questionnaires = self.questionnaires
            edits.append(
                UnsavedEdits(
                    self.tr("frågeformuläret"),
                    questionnaires.has_unsaved_changes,
                    questionnaires.save,
                    lambda: questionnaires.show_questionnaire(questionnaires.loaded),
                )
            )
        return edits

    def refresh(self) -> None:
        """Read every built tab afresh, except one with unsaved edits, which keeps what the user typed."""
        if self._is_built("general") and not self.general.has_unsaved_changes():
            self.general.reload()
        if self._is_built("report") and not self.report.has_unsaved_changes():
            self.report.reload()
        if self._is_built("break_weeks"):
            self.break_weeks.refresh()
        if self._is_built("encryption"):
            self.encryption.reload()
        if self._is_built("theme_plans") and not self.theme_plans.has_unsaved_changes():
            self.theme_plans.refresh()
        if self._is_built("questionnaires") and not self.questionnaires.has_unsaved_changes():
            self.questionnaires.refresh()
