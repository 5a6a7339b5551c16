"""What the leaders and interpreters pages share: the columns around the person, opening the editor, and
the chosen person's facts and sessions ahead beside the table."""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from biv_desktop.services.staff import LanguageRow, UpcomingSession, list_languages
from biv_desktop.store.database import Database
from biv_desktop.ui.common.list_page import RecordPage, inactive_brush
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.people.detail_panel import DetailPanel
from biv_desktop.ui.people.widgets import tr


class StaffRow(Protocol):
    """What a leader's and an interpreter's row have in common."""

    @property
    def id(self) -> int: ...
    @property
    def full_name(self) -> str: ...
    @property
    def language_names(self) -> tuple[str, ...]: ...
    @property
    def phone(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def inactive_since(self) -> dt.date | None: ...


RowT = TypeVar("RowT", bound=StaffRow)
EditorFactory = Callable[[Database, Sequence[LanguageRow], Any, dt.date, QWidget], Any]


def status_text(active: bool, inactive_since: dt.date | None) -> str:
    if active:
        return tr("Aktiv")
    return (
        tr("Inaktiv sedan {day}").format(day=inactive_since.isoformat()) if inactive_since else tr("Inaktiv")
    )


def staff_columns(
    middle: Sequence[Column[RowT]],
    ahead: tuple[str, Callable[[RowT], int]],
    next_on: tuple[str, Callable[[RowT], dt.date | None]],
) -> list[Column[RowT]]:
    """Name and languages, the ``middle`` columns, how many sessions ahead and the next, and the status;
    an inactive person in grey."""
    (ahead_header, count), (next_header, day) = ahead, next_on
    columns = [
        Column(tr("Namn"), lambda r: r.full_name),
        Column(tr("Språk"), lambda r: ", ".join(r.language_names)),
        *middle,
        Column(ahead_header, lambda r: str(count(r)), sort=count, align_center=True),
        Column(next_header, lambda r: _iso(day(r)), sort=lambda r: day(r) or dt.date.max),
        Column(tr("Status"), lambda r: status_text(r.active, r.inactive_since)),
    ]
    return [Column(c.header, c.display, c.sort, c.tooltip, c.align_center, _grey) for c in columns]


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _grey(row: StaffRow) -> QBrush | None:
    return inactive_brush(row.active)


class StaffPage(RecordPage[RowT]):
    """A page of people who work in the groups; the chosen one's facts and sessions ahead beside it.

    A subclass gives the editor (``editor``), what is ahead for a person (``ahead``) and its facts."""

    editor: EditorFactory
    details: DetailPanel

    def show_panel(self, facts: Sequence[str], heading: str, nothing: str) -> None:
        self.details = DetailPanel(facts, heading, nothing)
        self.schedule_button = QPushButton(tr("&Schema och kalenderfil…"))
        self.schedule_button.setAutoDefault(False)
        self.schedule_button.clicked.connect(lambda _checked=False: self._open_schedule())
        self.details.add_action(self.schedule_button)
        self.body.addWidget(self.details)
        self.body.setSizes([420, 300])

    def ahead(self, person_id: int) -> Sequence[UpcomingSession]:
        raise NotImplementedError

    def open_schedule(self, person_id: int) -> QDialog:
        """Open the person's schedule dialog (ui.schedules)."""
        raise NotImplementedError

    def _open_schedule(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_schedule(row.id)

    def facts(self, row: RowT) -> dict[str, str]:
        raise NotImplementedError

    def organisation(self, row: RowT) -> str:
        """Who the person works through, searched with the name and contact."""
        raise NotImplementedError

    def search_text(self, row: RowT) -> str:
        return " ".join((row.full_name, *row.language_names, self.organisation(row), row.phone, row.email))

    def edit(self, row: RowT | None) -> RowT | None:
        dialog = type(self).editor(self.database, list_languages(self.database), row, self.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        saved: RowT | None = dialog.saved
        return saved

    def show_details(self, row: RowT | None) -> None:
        if row is None:
            self.details.show_nothing()
            return
        sessions = service_call(
            self,
            self.title,
            lambda _: self.ahead(row.id),
            invalid=lambda _gone: None,  # removed since the list was read: the next refresh drops the row
        )
        if sessions is REFUSED:
            self.details.show_nothing()
            return
        self.details.show_person(row.full_name, self.facts(row), sessions)
