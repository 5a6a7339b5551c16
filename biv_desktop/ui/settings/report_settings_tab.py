"""The Rapport tab of the settings: how the follow-up report shows small counts, and whether parents' groups
count toward the agreement's minimum of groups a year."""

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.register import (
    LARGEST_SMALL_COUNT_LIMIT,
    ReportSettings,
    load_report_settings,
    save_report_settings,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.settings.general_tab import hint_label


class ReportSettingsTab(QWidget):
    """The follow-up report's two settings, saved together with Spara."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.loaded: ReportSettings | None = None
        self.small_count_limit = QSpinBox()
        self.small_count_limit.setRange(0, LARGEST_SMALL_COUNT_LIMIT)
        self.small_count_limit.setSpecialValueText(self.tr("visa alla antal"))
        self.small_count_limit.setMinimumWidth(160)
        self.parents_groups_count = QCheckBox(self.tr("Föräldragrupper räknas in i minst sex grupper per år"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.errors = FieldErrors(form)
        self.errors.add_row("small_count_limit", self.tr("Små &antal upp till:"), self.small_count_limit)
        form.addRow(
            "",
            hint_label(
                self.tr(
                    "I rapportens uppdelningar av deltagare (ålder, kön, språk, lokal, stadsdel) visas antal "
                    "från 1 till detta tal som ett spann, t.ex. ”1–2”, så att ingen enskild kan pekas ut. "
                    "Summorna är alltid exakta. 0 visar alla antal som de är."
                )
            ),
        )
        self.errors.add_row("parents_groups_count", self.tr("&Minimikravet:"), self.parents_groups_count)
        form.addRow(
            "",
            hint_label(
                self.tr(
                    "Överenskommelsen säger ”minst sex stödgrupper per år”. Rapporten skriver ut vilket som "
                    "gäller bredvid siffran."
                )
            ),
        )
        self.save_button = QPushButton(self.tr("&Spara"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label())
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.small_count_limit.valueChanged.connect(lambda _value: self._changed())
        self.parents_groups_count.toggled.connect(lambda _on: self._changed())

    def draft(self) -> ReportSettings:
        return ReportSettings(self.small_count_limit.value(), self.parents_groups_count.isChecked())

    def has_unsaved_changes(self) -> bool:
        return self.loaded is not None and self.draft() != self.loaded

    def reload(self) -> None:
        """Show the settings as saved."""
        self._show(load_report_settings(self.database))
        self.status.setText("")

    def _show(self, settings: ReportSettings) -> None:
        self.loaded = settings
        self.errors.clear()
        self.small_count_limit.setValue(settings.small_count_limit)
        self.parents_groups_count.setChecked(settings.parents_groups_count)
        self._changed()

    def save(self) -> None:
        self.errors.clear()
        saved = service_call(
            self,
            self.tr("Spara rapportinställningarna"),
            lambda _: save_report_settings(self.database, self.draft()),
            invalid=self.errors.show,
        )
        if saved is REFUSED:
            return
        self._show(saved)
        self.status.setText(self.tr("Inställningarna är sparade."))

    def _changed(self) -> None:
        if self.has_unsaved_changes():
            self.status.setText(self.tr("Ändringarna är inte sparade."))
