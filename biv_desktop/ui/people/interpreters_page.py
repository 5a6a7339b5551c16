"""The interpreters page: every interpreter in a searchable table, the chosen one's bookings ahead below."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from biv_desktop.services.staff import (
    InterpreterRow,
    UpcomingSession,
    interpreter_bookings_ahead,
    list_interpreters,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.people.staff_page import StaffPage, staff_columns, status_text
from biv_desktop.ui.people.widgets import tr


def interpreter_columns() -> list[Column[InterpreterRow]]:
    middle: list[Column[InterpreterRow]] = [
        Column(tr("Anlitas via"), lambda r: r.engagement_label),
        Column(tr("Telefon"), lambda r: r.phone),
        Column(tr("E-post"), lambda r: r.email),
    ]
    return staff_columns(
        middle,
        (tr("Bokningar framöver"), lambda r: r.bookings_ahead),
        (tr("Nästa bokning"), lambda r: r.next_booking_on),
    )


def interpreter_editor(*args: Any) -> QDialog:
    """The interpreter editor (its module is loaded when the user first opens it, not with the page)."""
    from biv_desktop.ui.people.interpreter_dialog import InterpreterDialog

    return InterpreterDialog(*args)


class InterpretersPage(StaffPage[InterpreterRow]):
    """The interpreters: their languages, how they are engaged, and the sessions they are booked for."""

    editor = interpreter_editor

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
        self.show_panel(facts, tr("Kommande bokningar"), tr("Inga bokningar framöver."))

    def load(self) -> Sequence[InterpreterRow]:
        return list_interpreters(self.database, self.today)

    def organisation(self, row: InterpreterRow) -> str:
        return row.engagement_label

    def ahead(self, person_id: int) -> Sequence[UpcomingSession]:
        return interpreter_bookings_ahead(self.database, person_id, self.today)

    def open_schedule(self, person_id: int) -> QDialog:
        from biv_desktop.ui.schedules.export_dialog import open_interpreter_schedule

        return open_interpreter_schedule(self, self.database, person_id, self.today)

    def facts(self, row: InterpreterRow) -> dict[str, str]:
        return {
            tr("Telefon"): row.phone,
            tr("E-post"): row.email,
            tr("Språk"): ", ".join(row.language_names),
            tr("Anlitas via"): row.engagement_label,
            tr("Status"): status_text(row.active, row.inactive_since),
        }
