"""The group leader editor: contact, organisation, languages, trained (shown), active."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from biv_desktop.domain.enums import Organisation
from biv_desktop.services.staff import LanguageRow, LeaderDraft, LeaderRow, save_leader
from biv_desktop.store.database import Database
from biv_desktop.ui.people.person_dialog import PersonDialog, ahead_summary
from biv_desktop.ui.people.widgets import tr


class LeaderDialog(PersonDialog[LeaderRow]):
    """Adds or edits a group leader; ``saved`` holds the saved row after Spara."""

    def __init__(
        self,
        database: Database,
        languages: Sequence[LanguageRow],
        leader: LeaderRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Ny gruppledare") if leader is None else tr("Gruppledare – {name}")
        super().__init__(
            title.format(name=leader.full_name if leader else ""),
            database,
            languages,
            today or dt.date.today(),
            leader,
            parent,
        )
        self.leader = leader
        if leader is not None:
            self.organisation.setCurrentIndex(self.organisation.findData(leader.organisation.value))
            self.organisation_name.setText(leader.organisation_name)
            self.ahead_note.setText(
                ahead_summary(leader.sessions_ahead, leader.next_session_on, self.tr("träffar"))
            )
        self.trained.setText(self._trained_text())
        self.update_active_note()

    def add_rows(self) -> None:
        self.organisation = QComboBox()
        for organisation in Organisation:
            self.organisation.addItem(organisation.label, organisation.value)
        self.organisation_name = QLineEdit()
        self.organisation_name.setPlaceholderText(self.tr("t.ex. Ryds församling eller Röda korset"))
        self.trained = QLabel()
        self.trained.setWordWrap(True)
        self.errors.add_row("organisation", self.tr("&Organisation:"), self.organisation)
        self.errors.add_row("organisation_name", self.tr("Organisationens &namn:"), self.organisation_name)
        self.form.addRow(self.tr("Utbildning:"), self.trained)

    def _trained_text(self) -> str:
        if self.leader is not None and self.leader.trained:
            if self.leader.trained_on is not None:
                return self.tr("Utbildad {day}.").format(day=self.leader.trained_on.isoformat())
            return self.tr("Utbildad.")
        return self.tr("Inte utbildad ännu. Det sätts när en gruppledarutbildning registreras som genomförd.")

    def draft(self) -> LeaderDraft:
        return LeaderDraft(
            **self.person_fields(),
            organisation=Organisation(self.organisation.currentData()),
            organisation_name=self.organisation_name.text(),
        )

    def save(self, override: bool) -> LeaderRow:
        leader_id = self.leader.id if self.leader is not None else None
        return save_leader(self.database, self.draft(), leader_id, override=override, today=self.today)
