"""What the leader and interpreter editors share: name, contact, languages, active, and how saving goes."""

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from biv_desktop.services.staff import LanguageRow
from biv_desktop.store.database import Database
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.formatting import day_in_words
from biv_desktop.ui.people.widgets import LanguageChecklist, tr

RowT = TypeVar("RowT")


def ahead_summary(count: int, next_on: dt.date | None, what: str) -> str:
    """E.g. 'Bokad på 3 träffar framöver, nästa tisdag 10 mars.'"""
    if count == 0 or next_on is None:
        return tr("Inga {what} framöver.").format(what=what)
    noun = "träff" if count == 1 else "träffar"
    return tr("Bokad på {count} {noun} framöver, nästa {day}.").format(
        count=count, noun=noun, day=day_in_words(next_on)
    )


class PersonDialog(EditorDialog[RowT]):
    """A form for a person who works in the groups: name, contact, languages, active, and the rows a
    subclass adds (``add_rows``); it builds the draft and saves it (``save``)."""

    def __init__(
        self,
        title: str,
        database: Database,
        languages: Sequence[LanguageRow],
        today: dt.date,
        person: RowT | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, database, parent)
        self.today = today
        self.person = person
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

        self.errors.add_row("first_name", self.tr("&Förnamn:"), self.first_name)
        self.errors.add_row("last_name", self.tr("&Efternamn:"), self.last_name)
        self.errors.add_row("phone", self.tr("&Telefon:"), self.phone)
        self.errors.add_row("email", self.tr("E-&post:"), self.email)
        self.add_rows()
        self.errors.add_row("language_ids", self.tr("Sp&råk:"), self.languages)
        self.form.addRow(self.tr("Status:"), self.active)
        self.form.addRow("", self.active_note)
        self.form.addRow("", self.ahead_note)
        self.active.toggled.connect(lambda _checked: self.update_active_note())
        if person is not None:
            self._show_person(person)
        self.ahead_note.setVisible(person is not None)

    def _show_person(self, person: Any) -> None:
        self.first_name.setText(person.first_name)
        self.last_name.setText(person.last_name)
        self.phone.setText(person.phone)
        self.email.setText(person.email)
        self.languages.set_checked(person.language_ids)
        self.active.setChecked(person.active)

    def person_fields(self) -> dict[str, Any]:
        """What every staff draft holds, as the form now stands."""
        return {
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "language_ids": self.languages.checked_ids(),
            "active": self.active.isChecked(),
        }

    # What a subclass provides.
    def add_rows(self) -> None:
        """Add the rows between e-mail and languages (organisation, engagement …)."""

    def inactive_since(self) -> dt.date | None:
        """When the person being edited stopped, if they have."""
        since: dt.date | None = getattr(self.person, "inactive_since", None)
        return since

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
