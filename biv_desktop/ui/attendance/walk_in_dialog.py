"""Adding a guest who turned up: first name, birth year and gender, registered and marked present."""

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import Gender, GroupKind, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.attendance import MarkChange, SessionAttendance, add_walk_in, role_for
from biv_desktop.store.database import Database
from biv_desktop.ui.attendance.marks import tr
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call


class WalkInDialog(QDialog):
    """The walk-in form; after Spara, ``added`` holds what the service returned."""

    def __init__(
        self,
        database: Database,
        sheet: SessionAttendance,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._sheet = sheet
        self._today = today
        self.added: MarkChange | None = None
        self.setWindowTitle(tr("Lägg till gäst"))
        role = role_for(sheet.kind)
        who = tr("deltagare") if sheet.kind is GroupKind.CHILDREN else tr("förälder")
        intro = QLabel(
            tr("Gästen registreras som {who} i {group} från {day} och markeras som närvarande.").format(
                who=who, group=sheet.group_name, day=sheet.date.isoformat()
            )
        )
        intro.setWordWrap(True)
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.last_name.setPlaceholderText(tr("om det är känt"))
        self.birth_year = QLineEdit()
        self.birth_year.setPlaceholderText(tr("t.ex. 2015") if role is Role.CHILD else tr("t.ex. 1985"))
        self.birth_year.setMaxLength(4)
        self.gender = QComboBox()
        self.gender.setPlaceholderText(tr("Välj…"))
        for gender in (Gender.FEMALE, Gender.MALE, Gender.OTHER, Gender.NOT_STATED):
            self.gender.addItem(gender.label_for(role), gender.value)
        self.gender.setCurrentIndex(-1)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("first_name", tr("&Förnamn:"), self.first_name)
        self.errors.add_row("last_name", tr("&Efternamn:"), self.last_name)
        self.errors.add_row("birth_year", tr("Födelse&år:"), self.birth_year)
        self.errors.add_row("gender", tr("&Kön:"), self.gender)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.first_name.setFocus()

    def _birth_year(self) -> int:
        text = self.birth_year.text().strip()
        if not (text.isascii() and text.isdigit() and len(text) == 4):
            raise ValidationError("birth_year", tr("Skriv födelseåret med fyra siffror, t.ex. 2015."))
        return int(text)

    def _gender(self) -> Gender:
        value = self.gender.currentData()
        if value is None:
            raise ValidationError("gender", tr("Välj kön."))
        return Gender(value)

    def accept(self) -> None:
        """Register the guest; wrong fields are shown beside them and the form stays open."""
        self.errors.clear()

        def add(override: bool) -> MarkChange:
            first_name, last_name = self.first_name.text(), self.last_name.text()
            return self._add(first_name, last_name, self._birth_year(), self._gender(), override=override)

        added = service_call(self, self.windowTitle(), add, invalid=self.errors.show)
        if added is REFUSED:
            return
        self.added = added
        super().accept()

    def _add(
        self, first_name: str, last_name: str, birth_year: int, gender: Gender, *, override: bool
    ) -> MarkChange:
        return add_walk_in(
            self._database,
            self._sheet.session_id,
            first_name,
            birth_year,
            gender,
            last_name,
            override=override,
            today=self._today,
        )
