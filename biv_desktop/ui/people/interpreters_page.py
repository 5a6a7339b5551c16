"""The interpreters page: every interpreter in a searchable table, the chosen one's bookings ahead below."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QWidget

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.staff import (
    InterpreterRow,
    interpreter_bookings_ahead,
    list_interpreters,
    list_languages,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.people.detail_panel import DetailPanel
from biv_desktop.ui.people.interpreter_dialog import InterpreterDialog
from biv_desktop.ui.people.leaders_page import status_text
from biv_desktop.ui.people.record_page import RecordPage, inactive_brush
from biv_desktop.ui.people.widgets import tr
from biv_desktop.ui.row_model import Column


def interpreter_columns() -> list[Column[InterpreterRow]]:
    def grey(row: InterpreterRow) -> QBrush | None:
        return inactive_brush(row.active)

    return [
        Column(tr("Namn"), lambda r: r.full_name, foreground=grey),
        Column(tr("Språk"), lambda r: ", ".join(r.language_names), foreground=grey),
        Column(tr("Anlitas via"), lambda r: r.engagement_label, foreground=grey),
        Column(tr("Telefon"), lambda r: r.phone, foreground=grey),
        Column(tr("E-post"), lambda r: r.email, foreground=grey),
        Column(
            tr("Bokningar framöver"),
            lambda r: str(r.bookings_ahead),
            sort=lambda r: r.bookings_ahead,
            align_center=True,
            foreground=grey,
        ),
        Column(
            tr("Nästa bokning"),
            lambda r: r.next_booking_on.isoformat() if r.next_booking_on else "",
            sort=lambda r: r.next_booking_on or dt.date.max,
            foreground=grey,
        ),
        Column(tr("Status"), lambda r: status_text(r.active, r.inactive_since), foreground=grey),
    ]


class InterpretersPage(RecordPage[InterpreterRow]):
    """The interpreters: their languages, how they are engaged, and the sessions they are booked for."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr("Tolkar"),
            database,
            interpreter_columns(),
            search_hint=tr("Sök på namn, språk, tolkförmedling, telefon eller e-post"),
            new_text=tr("&Ny tolk…"),
            nouns=(tr("tolk"), tr("tolkar")),
            today=today,
            inactive_filter=lambda row: row.active,
            parent=parent,
        )
        facts = (tr("Telefon"), tr("E-post"), tr("Språk"), tr("Anlitas via"), tr("Status"))
        self.details = DetailPanel(facts, tr("Kommande bokningar"), tr("Inga bokningar framöver."))
        self.body.addWidget(self.details)
        self.body.setSizes([420, 300])

    def load(self) -> Sequence[InterpreterRow]:
        return list_interpreters(self.database, self.today)

    def search_text(self, row: InterpreterRow) -> str:
        return " ".join((row.full_name, *row.language_names, row.engagement_label, row.phone, row.email))

    def edit(self, row: InterpreterRow | None) -> InterpreterRow | None:
        dialog = InterpreterDialog(self.database, list_languages(self.database), row, self.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved

    def show_details(self, row: InterpreterRow | None) -> None:
        if row is None:
            self.details.show_nothing()
            return
        try:
            sessions = interpreter_bookings_ahead(self.database, row.id, self.today)
        except ValidationError:
            self.details.show_nothing()
            return
        facts = {
            tr("Telefon"): row.phone,
            tr("E-post"): row.email,
            tr("Språk"): ", ".join(row.language_names),
            tr("Anlitas via"): row.engagement_label,
            tr("Status"): status_text(row.active, row.inactive_since),
        }
        self.details.show_person(row.full_name, facts, sessions)
