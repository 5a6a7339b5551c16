"""The group leaders page: every leader in a searchable table, the chosen one's sessions ahead beside it."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from biv_desktop.services.staff import LeaderRow, UpcomingSession, leader_sessions_ahead, list_leaders
from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.people.staff_page import StaffPage, staff_columns, status_text
from biv_desktop.ui.people.widgets import tr


def leader_columns() -> list[Column[LeaderRow]]:
    middle: list[Column[LeaderRow]] = [
        Column(tr("Organisation"), lambda r: r.organisation_label),
        Column(
            tr("Utbildning"),
            lambda r: r.trained_label,
            sort=lambda r: (r.trained, r.trained_on or dt.date.min),
        ),
        Column(tr("Telefon"), lambda r: r.phone),
    ]
    return staff_columns(
        middle,
        (tr("Träffar framöver"), lambda r: r.sessions_ahead),
        (tr("Nästa träff"), lambda r: r.next_session_on),
    )


def leader_editor(*args: Any) -> QDialog:
    """The leader editor (its module is loaded when the user first opens it, not with the page)."""
    from biv_desktop.ui.people.leader_dialog import LeaderDialog

    return LeaderDialog(*args)


class LeadersPage(StaffPage[LeaderRow]):
    """The coordinator's group leaders: who they are, what they speak, whether trained, when they lead next."""

    editor = leader_editor

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr("Gruppledare"),
            database,
            leader_columns(),
            search_hint=tr("Sök på namn, språk, organisation, telefon eller e-post"),
            new_text=tr("&Ny gruppledare…"),
            nouns=(tr("gruppledare"), tr("gruppledare")),
            today=today,
            inactive_filter=lambda row: row.active,
            parent=parent,
        )
        facts = (tr("Telefon"), tr("E-post"), tr("Språk"), tr("Organisation"), tr("Utbildning"), tr("Status"))
        self.show_panel(facts, tr("Kommande träffar"), tr("Inga träffar framöver."))
        self.certificate_button = QPushButton(tr("&Intyg om ideellt uppdrag…"))
        self.certificate_button.setAutoDefault(False)
        self.certificate_button.clicked.connect(lambda _checked=False: self.open_certificate())
        self.details.add_action(self.certificate_button)

    def load(self) -> Sequence[LeaderRow]:
        return list_leaders(self.database, self.today)

    def organisation(self, row: LeaderRow) -> str:
        return row.organisation_label

    def ahead(self, person_id: int) -> Sequence[UpcomingSession]:
        return leader_sessions_ahead(self.database, person_id, self.today)

    def open_certificate(self) -> QDialog | None:
        from biv_desktop.ui.bookings.hours_dialog import open_certificate

        row = self.current_row()
        return open_certificate(self, self.database, row.id, self.today) if row is not None else None

    def open_schedule(self, person_id: int) -> QDialog:
        from biv_desktop.ui.schedules.export_dialog import open_leader_schedule

        return open_leader_schedule(self, self.database, person_id, self.today)

    def facts(self, row: LeaderRow) -> dict[str, str]:
        return {
            tr("Telefon"): row.phone,
            tr("E-post"): row.email,
            tr("Språk"): ", ".join(row.language_names),
            tr("Organisation"): row.organisation_label,
            tr("Utbildning"): row.trained_label,
            tr("Status"): status_text(row.active, row.inactive_since),
        }
