"""The group leaders page: every leader in a searchable table, the chosen one's sessions ahead beside it."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QWidget

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.staff import LeaderRow, leader_sessions_ahead, list_languages, list_leaders
from biv_desktop.store.database import Database
from biv_desktop.ui.people.detail_panel import DetailPanel
from biv_desktop.ui.people.leader_dialog import LeaderDialog
from biv_desktop.ui.people.record_page import RecordPage, inactive_brush
from biv_desktop.ui.people.widgets import tr
from biv_desktop.ui.row_model import Column


def status_text(active: bool, inactive_since: dt.date | None) -> str:
    if active:
        return tr("Aktiv")
    return (
        tr("Inaktiv sedan {day}").format(day=inactive_since.isoformat()) if inactive_since else tr("Inaktiv")
    )


def _next_date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def leader_columns() -> list[Column[LeaderRow]]:
    def grey(row: LeaderRow) -> QBrush | None:
        return inactive_brush(row.active)

    return [
        Column(tr("Namn"), lambda r: r.full_name, foreground=grey),
        Column(tr("Språk"), lambda r: ", ".join(r.language_names), foreground=grey),
        Column(tr("Organisation"), lambda r: r.organisation_label, foreground=grey),
        Column(
            tr("Utbildning"),
            lambda r: r.trained_label,
            sort=lambda r: (r.trained, r.trained_on or dt.date.min),
            foreground=grey,
        ),
        Column(tr("Telefon"), lambda r: r.phone, foreground=grey),
        Column(
            tr("Träffar framöver"),
            lambda r: str(r.sessions_ahead),
            sort=lambda r: r.sessions_ahead,
            align_center=True,
            foreground=grey,
        ),
        Column(
            tr("Nästa träff"),
            lambda r: _next_date(r.next_session_on),
            sort=lambda r: r.next_session_on or dt.date.max,
            foreground=grey,
        ),
        Column(tr("Status"), lambda r: status_text(r.active, r.inactive_since), foreground=grey),
    ]


class LeadersPage(RecordPage[LeaderRow]):
    """The coordinator's group leaders: who they are, what they speak, whether trained, when they lead next."""

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
        self.details = DetailPanel(facts, tr("Kommande träffar"), tr("Inga träffar framöver."))
        self.body.addWidget(self.details)
        self.body.setSizes([420, 300])

    def load(self) -> Sequence[LeaderRow]:
        return list_leaders(self.database, self.today)

    def search_text(self, row: LeaderRow) -> str:
        return " ".join((row.full_name, *row.language_names, row.organisation_label, row.phone, row.email))

    def edit(self, row: LeaderRow | None) -> LeaderRow | None:
        dialog = LeaderDialog(self.database, list_languages(self.database), row, self.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved

    def show_details(self, row: LeaderRow | None) -> None:
        if row is None:
            self.details.show_nothing()
            return
        try:
            sessions = leader_sessions_ahead(self.database, row.id, self.today)
        except ValidationError:
            # Removed since the list was read: the next refresh drops the row.
            self.details.show_nothing()
            return
        facts = {
            tr("Telefon"): row.phone,
            tr("E-post"): row.email,
            tr("Språk"): ", ".join(row.language_names),
            tr("Organisation"): row.organisation_label,
            tr("Utbildning"): row.trained_label,
            tr("Status"): status_text(row.active, row.inactive_since),
        }
        self.details.show_person(row.full_name, facts, sessions)
