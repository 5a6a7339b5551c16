"""What the leader and interpreter editors share: name, contact, languages, active, and how saving goes."""

import datetime as dt
from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.staff import LanguageRow
from biv_desktop.store.database import Database
from biv_desktop.ui.form import FieldErrors
from biv_desktop.ui.formatting import day_in_words
from biv_desktop.ui.people.widgets import LanguageChecklist, confirm_warnings, tr

RowT = TypeVar("RowT")


def ahead_summary(count: int, next_on: dt.date | None, what: str) -> str:
    """E.g. 'Bokad på 3 träffar framöver, nästa tisdag 10 mars.'"""
    if count == 0 or next_on is None:
        return tr("Inga {what} framöver.").format(what=what)
    noun = "träff" if count == 1 else "träffar"
    return tr("Bokad på {count} {noun} framöver, nästa {day}.").format(
        count=count, noun=noun, day=day_in_words(next_on)
    )


class PersonDialog(QDialog, Generic[RowT]):
    """A form for a person who works in the groups. Subclasses add their rows, build the draft and save it."""

    def __init__(
        self,
        title: str,
        database: Database,
        languages: Sequence[LanguageRow],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.database = database
        self.today = today
        self.saved: RowT | None = None

        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("070-123 45 67")
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("namn@exempel.se"))
        self.languages = LanguageChecklist(languages)
        self.active = QCheckBox(self.tr("&Aktiv"))
        self.active.setChecked(True)
        self.active_note = QLabel()
        self.active_note.setWordWrap(True)
        self.ahead_note = QLabel()
        self.ahead_note.setWordWrap(True)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors(self.form)
        self.errors.add_row("first_name", self.tr("&Förnamn:"), self.first_name)
        self.errors.add_row("last_name", self.tr("&Efternamn:"), self.last_name)
        self.errors.add_row("phone", self.tr("&Telefon:"), self.phone)
        self.errors.add_row("email", self.tr("E-&post:"), self.email)
        self.add_rows()
        self.errors.add_row("language_ids", self.tr("Sp&råk:"), self.languages)
        self.form.addRow(self.tr("Status:"), self.active)
        self.form.addRow("", self.active_note)
        self.form.addRow("", self.ahead_note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.active.toggled.connect(lambda _checked: self.update_active_note())

    # What a subclass provides.
    def add_rows(self) -> None:
        """Add the rows between e-mail and languages (organisation, engagement …)."""

    def save(self, override: bool) -> RowT:
        """Save the form through the service; raises ValidationError or NeedsConfirmation."""
        raise NotImplementedError

    def inactive_since(self) -> dt.date | None:
        """When the person being edited stopped, if they have."""
        return None

    # Behaviour.
    def update_active_note(self) -> None:
        since = self.inactive_since()
        if self.active.isChecked():
            self.active_note.setText("")
        elif since is not None:
            self.active_note.setText(self.tr("Inaktiv sedan {day}.").format(day=since.isoformat()))
        else:
            self.active_note.setText(
                self.tr("Blir inaktiv från och med i dag, {day}.").format(day=self.today.isoformat())
            )
        self.active_note.setVisible(bool(self.active_note.text()))

    def accept(self) -> None:
        """Save; on bad input show why beside the field and stay open with what was typed."""
        self.errors.clear()
        try:
            try:
                self.saved = self.save(override=False)
            except NeedsConfirmation as asked:
                if not confirm_warnings(self, self.windowTitle(), asked.warnings):
                    return
                self.saved = self.save(override=True)
        except ValidationError as error:
            self.errors.show(error)
            return
        super().accept()
