"""A group's attendance grid to embed in the group's detail view: edited in place by key or click.

Typing a paper sheet in: put the cursor on the session's first participant and type 1/N, 2/F or 3/A
(0 or Delete clears) for each person in turn; the cursor moves down the column by itself, and on to the
next session's column at the bottom. A click cycles a cell's mark. Double-clicking a session's heading
opens the room view for that session.
"""

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.attendance_rules import next_mark, next_mark_ahead
from biv_desktop.domain.enums import Mark
from biv_desktop.services.attendance import AttendanceGrid, grid, mark
from biv_desktop.store.database import Database
from biv_desktop.ui.attendance.grid_model import NAME, AttendanceGridModel
from biv_desktop.ui.attendance.marks import SYMBOLS, key_help, mark_label, percent, tr, typed_mark
from biv_desktop.ui.attendance.session_dialog import open_session_attendance
from biv_desktop.ui.common.form import error_label, show_text
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.styles import FLAG_STYLE, HINT_STYLE

AnyIndex = QModelIndex | QPersistentModelIndex
NAME_WIDTH = (140, 240)
SESSION_WIDTH = 50
TOTAL_WIDTH = 60


class AttendanceGridView(QTableView):
    """The grid's table: mark keys go to the widget; arrows, Tab and Home/End move as usual."""

    def __init__(self, owner: "AttendanceGridWidget") -> None:
        super().__init__()
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._owner.handle_key(event):
            super().keyPressEvent(event)


class AttendanceGridWidget(QWidget):
    """Participants × sessions of one group, with totals, the rate and who has missed two in a row.

    ``changed`` is emitted after every mark, so a surrounding view can refresh what it counts.
    """

    changed = Signal()

    def __init__(
        self,
        database: Database,
        group_id: int | None = None,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._group_id = group_id
        self._today = today
        self.model = AttendanceGridModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.flags = QLabel()
        self.flags.setStyleSheet(FLAG_STYLE)
        self.flags.setWordWrap(True)
        self.flags.hide()
        self.table = self._make_table()
        legend = QLabel(_legend())
        legend.setWordWrap(True)
        legend.setStyleSheet(HINT_STYLE)
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.summary)
        layout.addWidget(self.flags)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(legend)
        layout.addStretch(1)
        if group_id is not None:
            self.refresh()

    def _make_table(self) -> QTableView:
        table = AttendanceGridView(self)
        table.setModel(self.model)
        # As tall as its rows (a group has about six), so the legend sits right under it.
        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAccessibleName(tr("Närvaro per deltagare och träff"))
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setHighlightSections(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.sectionDoubleClicked.connect(self._open_session)
        table.clicked.connect(self._clicked)
        return table

    # Loading ------------------------------------------------------------------------------------------

    def set_database(self, database: Database) -> None:
        self._database = database

    def set_group(self, group_id: int | None) -> None:
        """Show another group's grid (None empties it)."""
        self._group_id = group_id
        self.refresh()

    def grid(self) -> AttendanceGrid | None:
        return self.model.grid()

    def refresh(self) -> None:
        """Read the group's grid afresh, keeping the cursor where it was."""
        current = self.table.currentIndex()
        position = (current.row(), current.column()) if current.isValid() else None
        self.model.set_grid(grid(self._database, self._group_id, self._today) if self._group_id else None)
        self._fit_columns()
        self._show_summary()
        self._show_message("")
        if position is not None and position[0] < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(*position))
        else:
            self.table.setCurrentIndex(self._first_unmarked())

    def _fit_columns(self) -> None:
        self.table.resizeColumnToContents(NAME)
        self.table.setColumnWidth(NAME, max(NAME_WIDTH[0], min(self.table.columnWidth(NAME), NAME_WIDTH[1])))
        first_total = self.model.first_total_column()
        for column in range(1, self.model.columnCount()):
            self.table.setColumnWidth(column, SESSION_WIDTH if column < first_total else TOTAL_WIDTH)

    def _show_summary(self) -> None:
        table = self.model.grid()
        if table is None:
            self.summary.setText(tr("Välj en grupp för att se närvaron."))
            self.flags.hide()
            return
        totals = table.totals
        self.summary.setText(
            tr(
                "<b>Närvaro {rate}</b> av de markerade träffarna: {present} närvarande, {absent} frånvarande, "
                "{notified} anmäld frånvaro. {held} av {count} träffar genomförda."
            ).format(
                rate=percent(totals.rate),
                present=totals.present,
                absent=totals.absent,
                notified=totals.notified,
                held=table.held_sessions,
                count=sum(1 for session in table.sessions if session.takes_place),
            )
        )
        follow_up = table.follow_up_rows
        self.flags.setVisible(bool(follow_up))
        self.flags.setText(
            tr("Har missat de två senaste träffarna eller fler – hör gärna av er: {names}").format(
                names=", ".join(row.name for row in follow_up)
            )
        )

    def _show_message(self, text: str) -> None:
        show_text(self.message, text)

    # Marking ------------------------------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a key typed in the grid; False leaves it to the table (arrows and the like)."""
        index = self.table.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.table.setCurrentIndex(self._next_down(index))
            return True
        if event.key() == Qt.Key.Key_Space and index.isValid() and self.model.is_markable(index):
            self.set_mark(index, self._next(index))
            return True
        handled, value = typed_mark(event)
        if not handled or not index.isValid() or self.model.session_at(index.column()) is None:
            return False
        if self.set_mark(index, value):
            self.table.setCurrentIndex(self._next_down(index))
        return True

    def _next(self, index: AnyIndex) -> Mark | None:
        """What a click or Space gives: the next mark, or at a session still to come notified absence or none."""
        session = self.model.session_at(index.column())
        if session is not None and session.notice_ahead:
            return next_mark_ahead(self.model.mark_at(index))
        return next_mark(self.model.mark_at(index))

    def _clicked(self, index: QModelIndex) -> None:
        if self.model.is_markable(index):
            self.set_mark(index, self._next(index))

    def set_mark(self, index: AnyIndex, value: Mark | None) -> bool:
        """Save a mark in a cell and show what the service returned; False (and a message) if refused."""
        row, session = self.model.row_at(index.row()), self.model.session_at(index.column())
        if row is None or session is None:
            return False
        if not self.model.is_markable(index):
            self._show_message(
                session.closed_reason
                or tr("{name} var inte med i gruppen den {day}.").format(
                    name=row.name, day=session.date.isoformat()
                )
            )
            return False
        self._show_message("")
        change = service_call(
            self,
            tr("Närvaro"),
            lambda _: mark(self._database, session.id, row.participant_id, value, today=self._today),
            invalid=lambda error: self._show_message(error.message),
        )
        if change is REFUSED:
            return False
        self.model.apply(change)
        self._show_summary()
        self._show_message("")
        self.table.setAccessibleDescription(f"{row.name}: {mark_label(value)}")
        self.changed.emit()
        return True

    def _next_down(self, index: AnyIndex) -> QModelIndex:
        """The next cell to type into: down the column, then the top of the next session's column."""
        for row in range(index.row() + 1, self.model.totals_row()):
            candidate = self.model.index(row, index.column())
            if self.model.is_markable(candidate):
                return candidate
        for column in range(index.column() + 1, self.model.first_total_column()):
            for row in range(self.model.totals_row()):
                candidate = self.model.index(row, column)
                if self.model.is_markable(candidate):
                    return candidate
        return self.model.index(index.row(), index.column())

    def _first_unmarked(self) -> QModelIndex:
        """Where typing carries on: the first open cell without a mark, column by column."""
        for column in range(1, self.model.first_total_column()):
            for row in range(self.model.totals_row()):
                candidate = self.model.index(row, column)
                if self.model.is_markable(candidate) and self.model.mark_at(candidate) is None:
                    return candidate
        return self.model.index(0, 1 if self.model.columnCount() > 1 else 0)

    def _open_session(self, column: int) -> None:
        session = self.model.session_at(column)
        if session is None:
            return
        if open_session_attendance(self, self._database, session.id, today=self._today):
            self.refresh()
            self.changed.emit()


def _legend() -> str:
    """What the symbols and colours mean, and how to type a paper sheet in."""
    gap = "\u2003"  # an em space keeps the items apart without separators that look like marks
    symbols = gap.join(
        (
            tr("{symbol} närvarande").format(symbol=SYMBOLS[Mark.PRESENT]),
            tr("{symbol} frånvarande").format(symbol=SYMBOLS[Mark.ABSENT]),
            tr("{symbol} anmäld frånvaro").format(symbol=SYMBOLS[Mark.NOTIFIED_ABSENCE]),
            tr("· inte markerad"),
            tr("rött: två eller fler missade träffar i rad"),
            tr("randigt: inställd träff"),
        )
    )
    typing = tr("Skriv in en papperslista: {keys}. Markören går nedåt av sig själv. Klick växlar.").format(
        keys=key_help()
    )
    return f"{symbols}\n{typing} {tr('Dubbelklicka på en träffs rubrik för att ta närvaro i rummet.')}"
