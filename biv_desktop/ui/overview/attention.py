"""The overview's 'Att ordna' panel: what needs the coordinator's hand soon, one tab each.

- Tolk ej bekräftad: sessions in the coming three weeks whose interpreter is not confirmed; Enter or a
  double-click opens the session's booking form; the booking list per agency and the hours from here.
- Behöver ringas: children who missed sessions in a row (ui/overview/calls_tab).
- Gallring: how many people are due for clean-up, and the way into it (ui/overview/clean_up_tab).
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from biv_desktop.services.bookings import UNCONFIRMED_HORIZON_DAYS, SessionBooking, unconfirmed_bookings
from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.steady_tabs import SteadyTabs
from biv_desktop.ui.common.styles import HINT_STYLE
from biv_desktop.ui.common.table import make_table, selected_row
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.overview.calls_tab import ChildrenToCall
from biv_desktop.ui.overview.clean_up_tab import CleanUpDue

tr = translator("Overview")
PANEL_HEIGHT = 200


def booking_columns() -> list[Column[SessionBooking]]:
    return [
        Column(tr("Datum"), lambda r: r.session.date.isoformat()),
        Column(tr("Tid"), lambda r: r.session.start_time.strftime("%H:%M")),
        Column(tr("Grupp"), lambda r: f"{r.session.group_name}, träff {r.session.number}"),
        Column(tr("Språk"), lambda r: r.language),
        Column(tr("Tolk"), lambda r: r.session.interpreter_name or tr("ingen vald")),
        Column(tr("Bokning"), lambda r: r.state.label),
        Column(tr("Förmedling"), lambda r: r.agency_label),
        Column(tr("Ändrad"), lambda r: r.changed_on.isoformat() if r.changed_on else ""),
    ]


class UnconfirmedInterpreters(QWidget):
    """The sessions soon to come whose interpreter is not confirmed, each opening its booking form."""

    def __init__(
        self, database: Database, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.on_change = on_change
        self.today = dt.date.today()
        self.model: RowTableModel[SessionBooking] = RowTableModel(booking_columns(), self)
        self.table: QTableView = make_table(self.model, tr("Tolk ej bekräftad"), self.open_current)
        self.empty = QLabel(tr("Alla träffar de kommande tre veckorna har bekräftad tolk."))
        hint = QLabel(tr("Dubbelklicka för att ändra bokningen."))
        hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.list_button = QPushButton(tr("&Bokningslista per förmedling…"))
        self.list_button.setAutoDefault(False)
        self.list_button.clicked.connect(lambda _checked=False: self._open_booking_list(database))
        below = QHBoxLayout()
        below.addWidget(hint)
        below.addStretch(1)
        below.addWidget(self.list_button)
        self.hours_button = QPushButton(tr("&Timmar för fakturakontroll…"))
        self.hours_button.setAutoDefault(False)
        self.hours_button.clicked.connect(lambda _checked=False: self._open_hours(database))
        below.addWidget(self.hours_button)
        layout.addLayout(below)

    def refresh(self, today: dt.date) -> int:
        self.today = today
        rows = unconfirmed_bookings(self.database, today, UNCONFIRMED_HORIZON_DAYS)
        self.model.set_rows(rows)
        fit_columns(self.table, {2: 320}, stretch=2)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        return len(rows)

    # The booking list and the hours are printouts: their dialogs (and reportlab, openpyxl) load when asked.
    def _open_booking_list(self, database: Database) -> None:
        from biv_desktop.ui.bookings.list_dialog import open_booking_list

        open_booking_list(self, database, self.today)

    def _open_hours(self, database: Database) -> None:
        from biv_desktop.ui.bookings.hours_dialog import open_hours

        open_hours(self, database, self.today)

    def open_current(self) -> None:
        row: SessionBooking | None = selected_row(self.table)
        if row is None:
            return
        from biv_desktop.ui.bookings.booking_dialog import edit_booking  # the form, when it is opened

        if edit_booking(self, self.database, row.session.id) is not None:
            self.on_change()


class AttentionPanel(SteadyTabs):
    """What needs doing soon, a tab per kind, each tab's title counting its lines."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(PANEL_HEIGHT)
        self.today = dt.date.today()
        self.interpreters = UnconfirmedInterpreters(database, lambda: self.refresh(self.today))
        self.addTab(self.interpreters, "")
        self.calls = ChildrenToCall(database, lambda: self.refresh(self.today))
        self.addTab(self.calls, "")
        self.clean_up = CleanUpDue(database, lambda: self.refresh(self.today))
        self.addTab(self.clean_up, "")

    def put_first(self, page: QWidget, title: str) -> None:
        """Make ``page`` the first tab, shown at start, with as much height as the window gives it (the
        overview's week of sessions)."""
        self.insertTab(0, page, title)
        self.setCurrentIndex(0)
        self.setMaximumHeight(16777215)  # QWIDGETSIZE_MAX: no longer a small panel
        self.setMinimumHeight(PANEL_HEIGHT + 60)

    def refresh(self, today: dt.date) -> None:
        self.today = today
        count = self.interpreters.refresh(today)
        self.setTabText(
            self.indexOf(self.interpreters), tr("Tolk ej bekräftad ({count})").format(count=count)
        )
        calls = self.calls.refresh(today)
        self.setTabText(self.indexOf(self.calls), tr("Behöver ringas ({count})").format(count=calls))
        due = self.clean_up.refresh(today)
        self.setTabText(self.indexOf(self.clean_up), tr("Gallring ({count})").format(count=due))
