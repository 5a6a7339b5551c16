"""The interpreter editor: contact, how they are engaged, languages, active."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from biv_desktop.domain.enums import InterpreterEngagement
from biv_desktop.services.staff import InterpreterDraft, InterpreterRow, LanguageRow, save_interpreter
from biv_desktop.store.database import Database
from biv_desktop.ui.people.person_dialog import PersonDialog, ahead_summary
from biv_desktop.ui.people.widgets import tr


class InterpreterDialog(PersonDialog[InterpreterRow]):
    """Adds or edits an interpreter; ``saved`` holds the saved row after Spara."""

    def __init__(
        self,
        database: Database,
        languages: Sequence[LanguageRow],
        interpreter: InterpreterRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Ny tolk") if interpreter is None else tr("Tolk – {name}")
        super().__init__(
            title.format(name=interpreter.full_name if interpreter else ""),
            database,
            languages,
            today or dt.date.today(),
            interpreter,
            parent,
        )
        self.interpreter = interpreter
        if interpreter is not None:
            self.engagement.setCurrentIndex(self.engagement.findData(interpreter.engagement.value))
            self.agency_name.setText(interpreter.agency_name)
            self.ahead_note.setText(
                ahead_summary(interpreter.bookings_ahead, interpreter.next_booking_on, tr("bokningar"))
            )
        self.update_active_note()

    def add_rows(self) -> None:
        self.engagement = QComboBox()
        for engagement in InterpreterEngagement:
            self.engagement.addItem(engagement.label, engagement.value)
        self.agency_name = QLineEdit()
        self.agency_name.setPlaceholderText(tr("Tolkförmedlingens namn"))
        self.errors.add_row("engagement", tr("Anlitas &via:"), self.engagement)
        self.errors.add_row("agency_name", tr("Tolkför&medling:"), self.agency_name)
        self.engagement.currentIndexChanged.connect(lambda _index: self._agency_enabled())
        self._agency_enabled()

    def _agency_enabled(self) -> None:
        # A freelance interpreter has no agency; the name typed stays, in case the choice was a slip.
        self.agency_name.setEnabled(self.engagement.currentData() == InterpreterEngagement.AGENCY.value)

    def draft(self) -> InterpreterDraft:
        engagement = InterpreterEngagement(self.engagement.currentData())
        return InterpreterDraft(
            **self.person_fields(),
            engagement=engagement,
            agency_name=self.agency_name.text() if engagement is InterpreterEngagement.AGENCY else "",
        )

    def save(self, override: bool) -> InterpreterRow:
        interpreter_id = self.interpreter.id if self.interpreter is not None else None
        return save_interpreter(
            self.database, self.draft(), interpreter_id, override=override, today=self.today
        )
