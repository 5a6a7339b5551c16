"""The Allmänt tab: age bands, sessions per group and their length, places, completion and retention."""

from dataclasses import astuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.schedule.plan import MAX_SESSIONS
from biv_desktop.services.register import (
    CAPACITY_RANGE,
    RETENTION_MONTHS_RANGE,
    SESSION_MINUTES_RANGE,
    PlanningSettings,
    SettingsDraft,
    load_settings,
    save_settings,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.numbers import number_spin
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.styles import HINT_STYLE


def _spin(low: int, high: int, suffix: str, step: int = 1) -> QSpinBox:
    # Keeps a number outside low–high as typed: saving then says why it is refused, beside the field.
    spin = number_spin((low, high), suffix)
    spin.setSingleStep(step)
    spin.setMinimumWidth(140)
    return spin


def hint_label(text: str) -> QLabel:
    """A setting's explanation under it, quieter than its value (also the report settings' hints)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)  # quieter than a value, yet readable (a disabled label was not)
    return label


class GeneralTab(QWidget):
    """The settings that are numbers and age bands, saved together with Spara."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.loaded: PlanningSettings | None = None

        self.age_bands = QLineEdit()
        self.age_bands.setPlaceholderText("7-9, 10-12, 13-15, 16-20")
        self.sessions_per_group = _spin(1, MAX_SESSIONS, self.tr(" träffar"))
        self.session_minutes = _spin(*SESSION_MINUTES_RANGE, self.tr(" minuter"), step=15)
        self.group_capacity = _spin(*CAPACITY_RANGE, self.tr(" platser"))
        self.completion_sessions = _spin(1, MAX_SESSIONS, self.tr(" träffar"))
        self.retention_participants = _spin(*RETENTION_MONTHS_RANGE, self.tr(" månader"))
        self.retention_staff = _spin(*RETENTION_MONTHS_RANGE, self.tr(" månader"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setVerticalSpacing(6)
        self.errors = FieldErrors(form)
        self.errors.add_row("age_bands", self.tr("Å&ldersspann:"), self.age_bands)
        form.addRow(
            "",
            hint_label(self.tr("Skriv spannen med kommatecken emellan. Nya barngrupper delas in efter dem.")),
        )
        self.errors.add_row("sessions_per_group", self.tr("Träffar &per grupp:"), self.sessions_per_group)
        self.errors.add_row("session_minutes", self.tr("Träffens lä&ngd:"), self.session_minutes)
        self.errors.add_row("group_capacity", self.tr("Platser per &grupp:"), self.group_capacity)
        self.errors.add_row("completion_sessions", self.tr("Gått &klart efter:"), self.completion_sessions)
        form.addRow(
            "", hint_label(self.tr("En deltagare räknas ha gått klart en grupp efter så många träffar."))
        )
        self.errors.add_row(
            "retention_months_participants", self.tr("Gallra &deltagare efter:"), self.retention_participants
        )
        self.errors.add_row(
            "retention_months_staff", self.tr("Gallra pe&rsonal efter:"), self.retention_staff
        )
        form.addRow(
            "",
            hint_label(
                self.tr(
                    "Så länge efter sista gruppen sparas uppgifter om deltagare och om gruppledare och tolkar "
                    "som slutat. Sedan tas de bort; statistiken finns kvar."
                )
            ),
        )
        self.age_bands.setMinimumWidth(320)

        self.save_button = QPushButton(self.tr("&Spara inställningar"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_action = QAction(self.tr("Spara inställningar"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.undo_button = QPushButton(self.tr("&Ångra ändringar"))
        self.undo_button.clicked.connect(self.reload)
        self.status = QLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label())
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for spin in self._spins():
            spin.valueChanged.connect(lambda _value: self._changed())
        self.age_bands.textEdited.connect(lambda _text: self._changed())

    def _spins(self) -> tuple[QSpinBox, ...]:
        return (
            self.sessions_per_group,
            self.session_minutes,
            self.group_capacity,
            self.completion_sessions,
            self.retention_participants,
            self.retention_staff,
        )

    def draft(self) -> SettingsDraft:
        return SettingsDraft(
            age_bands=self.age_bands.text(),
            sessions_per_group=self.sessions_per_group.value(),
            session_minutes=self.session_minutes.value(),
            group_capacity=self.group_capacity.value(),
            completion_sessions=self.completion_sessions.value(),
            retention_months_participants=self.retention_participants.value(),
            retention_months_staff=self.retention_staff.value(),
        )

    def has_unsaved_changes(self) -> bool:
        if self.loaded is None:
            return False
        return self.draft() != self._draft_of(self.loaded)

    @staticmethod
    def _draft_of(settings: PlanningSettings) -> SettingsDraft:
        return SettingsDraft(
            settings.age_bands_text,
            settings.sessions_per_group,
            settings.session_minutes,
            settings.group_capacity,
            settings.completion_sessions,
            settings.retention_months_participants,
            settings.retention_months_staff,
        )

    def reload(self) -> None:
        """Show the settings as saved, dropping what was typed since."""
        self._show(load_settings(self.database))
        self.status.setText("")

    def _show(self, settings: PlanningSettings) -> None:
        self.loaded = settings
        self.errors.clear()
        self.age_bands.setText(settings.age_bands_text)
        for spin, value in zip(self._spins(), astuple(self._draft_of(settings))[1:], strict=True):
            spin.setValue(value)
        self._changed()

    def save(self) -> bool:
        """Save what is typed; True when saved (on bad input the reason is shown beside its field)."""
        self.errors.clear()
        saved = service_call(
            self,
            self.tr("Spara inställningarna"),
            lambda _: save_settings(self.database, self.draft()),
            invalid=self.errors.show,
        )
        if saved is REFUSED:
            self.status.setText("")
            return False
        self._show(saved)
        self.status.setText(self.tr("Inställningarna är sparade."))
        return True

    def _changed(self) -> None:
        dirty = self.has_unsaved_changes()
        self.undo_button.setEnabled(dirty)
        if dirty:
            self.status.setText(self.tr("Ändringarna är inte sparade."))
