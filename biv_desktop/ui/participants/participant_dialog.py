"""Registering a participant or changing one: names in both scripts, birth, family, status and consent."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import Gender, ProgrammeStatus, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.participants import (
    OLDEST_PERSON,
    EnrollmentRow,
    ParticipantDetail,
    ParticipantDraft,
    ParticipantRow,
    get_participant,
    list_families,
    save_participant,
)
from biv_desktop.services.staff import list_languages
from biv_desktop.store.database import Database
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.numbers import YearEdit
from biv_desktop.ui.common.row_model import RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import stretch_column
from biv_desktop.ui.common.unsaved import AsksBeforeDiscarding
from biv_desktop.ui.participants.columns import history_columns
from biv_desktop.ui.participants.family_dialog import FamilyDialog
from biv_desktop.ui.participants.widgets import NativeNameEdit, OptionalDateEdit, choice_combo, select_data

CONSENT_GIVERS = (
    "vårdnadshavare",
    "båda vårdnadshavarna",
    "mamma",
    "pappa",
    "eget samtycke",
    "eget samtycke och vårdnadshavare",
)


class ParticipantDialog(AsksBeforeDiscarding, QDialog):
    """The participant form; after Spara, ``saved`` holds the participant's row."""

    def __init__(
        self,
        database: Database,
        participant_id: int | None = None,
        *,
        today: dt.date | None = None,
        family_id: int | None = None,
        districts: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._participant_id = participant_id
        self._today = today or dt.date.today()
        self.saved: ParticipantRow | None = None
        detail = (
            get_participant(database, participant_id, self._today) if participant_id is not None else None
        )
        self.setWindowTitle(self.tr("Ny deltagare") if detail is None else detail.name)
        self._make_fields(districts)
        person, family = QFormLayout(), QFormLayout()
        self.errors = FieldErrors(person)
        self.family_errors = FieldErrors(family)
        self._owner: dict[str, FieldErrors] = {}
        self._add(self.errors, "first_name", self.tr("&Förnamn:"), self.first_name)
        self._add(self.errors, "last_name", self.tr("&Efternamn:"), self.last_name)
        self._add(self.errors, "native_name", self.tr("Namn på e&get språk:"), self.native_name)
        self._add(self.errors, "role", self.tr("&Roll:"), self.role)
        self._add(self.errors, "gender", self.tr("&Kön:"), self.gender)
        self._add(self.errors, "birth_year", self.tr("Födelse&år:"), self.birth_year)
        self._add(self.errors, "birth_date", self.tr("Födelse&datum:"), self.birth_date)
        self._add(self.errors, "mother_tongue_id", self.tr("&Modersmål:"), self.language)
        self._add(self.family_errors, "family_id", self.tr("F&amilj:"), self._family_row())
        self._add(self.family_errors, "programme_status", self.tr("S&tatus:"), self.status)
        self._add(self.family_errors, "status_changed_on", self.tr("Status ändrad:"), self.status_changed_on)
        self._add(self.family_errors, "district", self.tr("&Bostadsområde:"), self.district)
        self._add(self.family_errors, "guardian_phone", self.tr("Telefon (&vårdnadshavare):"), self.phone)
        self._add(self.family_errors, "consent_on", self.tr("Sa&mtycke:"), self.consent_on)
        self._add(self.family_errors, "consent_by", self.tr("Samtycke &av:"), self.consent_by)

        columns = QHBoxLayout()
        for title, form in ((self.tr("Person"), person), (self.tr("Familj, status och samtycke"), family)):
            box = QGroupBox(title)
            box.setLayout(form)
            columns.addWidget(box, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        if detail is not None:
            layout.addWidget(self._history(detail), 1)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(self.buttons)
        if detail is not None:
            self._fill(detail)
        else:
            select_data(self.family, family_id)
        self.first_name.setFocus()

    def _make_fields(self, districts: Sequence[str]) -> None:
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.native_name = NativeNameEdit()
        for edit in (self.first_name, self.last_name, self.native_name):
            edit.setMinimumWidth(240)
        self.native_name.setToolTip(
            self.tr("Namnet skrivet som personen själv skriver det, t.ex. med arabisk skrift.")
        )
        self.role = choice_combo([(role.label, role) for role in Role])
        self.gender = QComboBox()
        self._fill_genders(Role.CHILD)
        self.role.currentIndexChanged.connect(lambda: self._fill_genders(self._role()))
        # Kept as typed (even 1850), for the service to refuse with a sentence rather than clear it.
        self.birth_year = YearEdit()
        self.birth_year.setToolTip(
            self.tr("Fyra siffror, från {earliest} till {latest}").format(
                earliest=self._today.year - OLDEST_PERSON, latest=self._today.year
            )
        )
        self.birth_date = OptionalDateEdit(self.tr("Känt"), dt.date(self._today.year - 10, 1, 1))
        self.birth_date.edit.dateChanged.connect(lambda day: self.birth_year.setValue(day.year()))
        self.birth_date.check.toggled.connect(self._birth_date_ticked)
        self.language = choice_combo(
            [(row.name, row.id) for row in list_languages(self._database)], self.tr("(inte angivet)")
        )
        self.family = QComboBox()
        self.family.setEditable(True)
        self.family.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.family.addItem(self.tr("(ingen familj)"), None)
        for row in list_families(self._database):
            self.family.addItem(row.label, row.id)
        completer = self.family.completer()
        if completer is not None:  # an editable combo always has one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.family.setMinimumContentsLength(24)
        self.status = choice_combo(
            [(f"{status.label} ({status.programme.label})", status) for status in ProgrammeStatus]
        )
        self.status_changed_on = OptionalDateEdit(self.tr("Datum"), self._today)
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.addItems(["", *districts])
        self.phone = QLineEdit()
        self.consent_on = OptionalDateEdit(self.tr("Givet"), self._today)
        self.consent_by = QComboBox()
        self.consent_by.setEditable(True)
        self.consent_by.addItems(["", *CONSENT_GIVERS])

    def _family_row(self) -> QWidget:
        new_family = QPushButton(self.tr("&Ny familj…"))
        new_family.clicked.connect(self.new_family)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.family, 1)
        layout.addWidget(new_family)
        row.setFocusProxy(self.family)
        return row

    def _history(self, detail: ParticipantDetail) -> QGroupBox:
        self.history_model: RowTableModel[EnrollmentRow] = RowTableModel(history_columns(), self)
        self.history_model.set_rows(detail.enrollments)
        self.history = make_table(self.history_model, self.tr("Grupper"))
        stretch_column(self.history, 0)
        self.history.setMinimumHeight(110)
        box = QGroupBox(self.tr("Grupper"))
        layout = QVBoxLayout(box)
        if detail.enrollments:
            layout.addWidget(self.history)
        else:
            layout.addWidget(QLabel(self.tr("Har inte varit med i någon grupp ännu.")))
        return box

    def _birth_date_ticked(self, known: bool) -> None:
        # Start the date in the year already typed, so ticking the box does not change the year.
        year = self.birth_year.value()
        if known and year is not None and self.birth_date.edit.date().year() != year:
            self.birth_date.edit.setDate(QDate(year, 1, 1))

    def _add(self, errors: FieldErrors, field: str, label: str, widget: QWidget) -> None:
        errors.add_row(field, label, widget)
        self._owner[field] = errors

    def _role(self) -> Role:
        value = self.role.currentData()
        return Role(value) if value else Role.CHILD

    def _fill_genders(self, role: Role) -> None:
        chosen = self.gender.currentData()
        self.gender.clear()
        for gender in Gender:
            self.gender.addItem(gender.label_for(role), gender)
        select_data(self.gender, chosen or Gender.NOT_STATED)

    def _fill(self, detail: ParticipantDetail) -> None:
        draft = detail.draft
        self.first_name.setText(draft.first_name)
        self.last_name.setText(draft.last_name)
        self.native_name.setText(draft.native_name)
        select_data(self.role, draft.role)
        select_data(self.gender, draft.gender)
        self.birth_year.setValue(draft.birth_year)
        self.birth_date.set_value(draft.birth_date)
        self.birth_year.setValue(draft.birth_year)
        select_data(self.language, draft.mother_tongue_id)
        select_data(self.family, draft.family_id)
        select_data(self.status, draft.programme_status)
        self.status_changed_on.set_value(draft.status_changed_on)
        self.district.setCurrentText(draft.district)
        self.phone.setText(draft.guardian_phone)
        self.consent_on.set_value(draft.consent_on)
        self.consent_by.setCurrentText(draft.consent_by)
        # Long texts show from their beginning, not scrolled to the cursor at their end.
        for edit in (self.first_name, self.last_name, self.native_name, self.family.lineEdit()):
            if edit is not None:
                edit.setCursorPosition(0)

    def new_family(self) -> None:
        """Ny familj…: name a family (the last name typed, to begin with) and choose it."""
        dialog = FamilyDialog(self._database, name=self.last_name.text().strip(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.family.addItem(dialog.saved.label, dialog.saved.id)
            select_data(self.family, dialog.saved.id)

    def _family_id(self) -> int | None:
        text = self.family.currentText().strip()
        index = self.family.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            raise ValidationError(
                "family_id", self.tr("Välj en familj i listan, eller skapa en ny med Ny familj…")
            )
        value = self.family.itemData(index)
        return int(value) if value is not None else None

    def draft(self) -> ParticipantDraft:
        """What the form holds, as the service takes it."""
        language = self.language.currentData()
        return ParticipantDraft(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            native_name=self.native_name.text(),
            birth_year=self._birth_year(),
            birth_date=self.birth_date.value(),
            gender=Gender(self.gender.currentData()),
            role=self._role(),
            family_id=self._family_id(),
            mother_tongue_id=int(language) if language is not None else None,
            programme_status=ProgrammeStatus(self.status.currentData()),
            status_changed_on=self.status_changed_on.value(),
            district=self.district.currentText(),
            guardian_phone=self.phone.text(),
            consent_on=self.consent_on.value(),
            consent_by=self.consent_by.currentText(),
        )

    def _birth_year(self) -> int:
        year = self.birth_year.value()
        if year is None:
            raise ValidationError(
                "birth_year",
                self.tr(
                    "Fyll i födelseåret med fyra siffror, t.ex. 2015. Är det inte känt, skriv det år som är troligast."
                ),
            )
        return year

    def show_error(self, error: ValidationError) -> None:
        for errors in (self.errors, self.family_errors):
            errors.clear()
        self._owner.get(error.field, self.errors).show(error)

    def message_for(self, field: str) -> str:
        """The error shown beside a field, '' if none."""
        return self._owner.get(field, self.errors).message_for(field)

    def accept(self) -> None:
        saved = service_call(
            self,
            self.tr("Spara deltagaren?"),
            lambda override: save_participant(
                self._database, self.draft(), self._participant_id, override=override, today=self._today
            ),
            invalid=self.show_error,
        )
        if saved is REFUSED:
            return
        self.saved = saved
        super().accept()
