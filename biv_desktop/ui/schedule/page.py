"""The schedule page: every session in a period, week by week, narrowed by premises, person or group."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.services.schedule import FilterChoices, ScheduleRow, filter_choices, sessions_between
from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import lay_out_before_painting
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.common.table_rows import fit_rows_in_view
from biv_desktop.ui.page import Page, heading
from biv_desktop.ui.schedule import table as columns
from biv_desktop.ui.schedule.attendance_actions import ScheduleAttendance
from biv_desktop.ui.schedule.period import PeriodBar
from biv_desktop.ui.schedule.table import ScheduleTableModel, WeekOrderProxy, lines_by_week, span_headings
from biv_desktop.ui.schedule.widgets import select_data, tr

# Widest a column grows to fit its contents, in pixels; longer text wraps.
MAX_COLUMN_WIDTH = {
    columns.THEME: 150,
    columns.PREMISES: 130,
    columns.LEADERS: 140,
    columns.INTERPRETER: 130,
    columns.PROBLEMS: 160,
}


class SchedulePage(Page):
    """The sessions of a period (this week and the next three at first), with problems flagged."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("Schema"), database, parent)
        self._fixed_today = today  # a fixed day for tests; otherwise the real today
        self.period = PeriodBar(self.today)
        self.period.changed.connect(self.refresh)

        self.premises_filter = self._filter_combo(tr("Alla lokaler"))
        self.person_filter = self._filter_combo(tr("Alla gruppledare och tolkar"))
        self.group_filter = self._filter_combo(tr("Alla grupper"))
        self.open_button = QPushButton(tr("&Öppna träffen…"))
        self.open_button.setToolTip(tr("Flytta, byt tema, sätt in vikarie eller ställ in (Enter)"))
        self.open_button.clicked.connect(self.open_current)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        for text, combo in (
            (tr("&Lokal:"), self.premises_filter),
            (tr("&Person:"), self.person_filter),
            (tr("&Grupp:"), self.group_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
            filters.addSpacing(8)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.model = ScheduleTableModel(self)
        self.proxy = WeekOrderProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        # Taking attendance and printing sheets (Ctrl+T, Ctrl+P, Ctrl+Shift+P), also in the context menu.
        self.attendance = ScheduleAttendance(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.period)
        layout.addLayout(filters)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addLayout(self.attendance.buttons())
        layout.addWidget(self.table, 1)

    @property
    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    @property
    def fixed_today(self) -> dt.date | None:
        """The day given for tests and demonstrations; None means the real today, wherever it is asked."""
        return self._fixed_today

    def _filter_combo(self, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.currentIndexChanged.connect(lambda _index: self.refresh())
        return combo

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName(tr("Gruppträffar"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        fit_rows_in_view(table)
        lay_out_before_painting(table)
        table.setSortingEnabled(True)
        table.sortByColumn(columns.DAY, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(columns.GROUP, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._open_index)
        for signal in (self.proxy.layoutChanged, self.proxy.modelReset):
            signal.connect(lambda *_: span_headings(table))
        return table

    # Loading.
    def refresh(self) -> None:
        """Reload the period's filter choices and sessions, keeping the chosen filters and session."""
        chosen = self.current_session()
        first, last = self.period.first, self.period.last

        def read(_override: bool) -> list[ScheduleRow]:
            self._fill_filters(filter_choices(self.database, first, last))
            return sessions_between(self.database, first, last, **self._filters())

        rows = service_call(
            self, tr("Schema"), read, invalid=lambda error: self.summary_label.setText(error.message)
        )
        if rows is REFUSED:
            self.model.set_rows([])
            return
        self.model.set_rows(lines_by_week(rows, first, last))
        self._fit_columns()
        self._show_summary(rows)
        if chosen is not None:
            self.select_session(chosen.id)

    def _fill_filters(self, choices: FilterChoices) -> None:
        self._refill(self.premises_filter, [(c.name, c.id) for c in choices.premises])
        self._refill(
            self.person_filter,
            [(tr("{name} (gruppledare)").format(name=c.name), f"leader:{c.id}") for c in choices.leaders]
            + [
                (tr("{name} (tolk)").format(name=c.name), f"interpreter:{c.id}") for c in choices.interpreters
            ],
        )
        self._refill(self.group_filter, [(c.name, c.id) for c in choices.groups])

    @staticmethod
    def _refill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
        """New items, keeping the chosen one even when the new period does not offer it."""
        chosen, chosen_text = combo.currentData(), combo.currentText()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        if chosen is not None and combo.findData(chosen) < 0:
            combo.addItem(chosen_text, chosen)
        select_data(combo, chosen)
        combo.blockSignals(False)

    def _filters(self) -> dict[str, int | None]:
        person = self.person_filter.currentData()
        kind, _, person_id = (person or "").partition(":")
        return {
            "premises_id": self.premises_filter.currentData(),
            "leader_id": int(person_id) if kind == "leader" else None,
            "interpreter_id": int(person_id) if kind == "interpreter" else None,
            "group_id": self.group_filter.currentData(),
        }

    def _fit_columns(self) -> None:
        fit_columns(self.table, MAX_COLUMN_WIDTH, stretch=columns.GROUP)

    def _show_summary(self, rows: list[ScheduleRow]) -> None:
        first, last = self.period.first, self.period.last
        weeks = tr("Vecka {first}–{last}").format(
            first=first.isocalendar().week, last=last.isocalendar().week
        )
        if first.isocalendar()[:2] == last.isocalendar()[:2]:
            weeks = tr("Vecka {week}").format(week=first.isocalendar().week)
        held = [row for row in rows if row.status is not SessionStatus.CANCELLED]
        text = tr("{weeks}: {count} träffar").format(weeks=weeks, count=len(rows))
        if len(held) != len(rows):
            text += tr(" (varav {count} inställda)").format(count=len(rows) - len(held))
        conflicts = sum(1 for row in rows if row.has_conflicts)
        understaffed = sum(1 for row in rows if row.understaffed)
        if not conflicts and not understaffed:
            text += ". " + tr("Inga krockar, och alla träffar har två utbildade gruppledare och tolk.")
        else:
            conflict_text = (
                tr("{count} med krockar").format(count=conflicts) if conflicts else tr("inga krockar")
            )
            staffing_text = (
                tr("{count} med bemanningsproblem").format(count=understaffed)
                if understaffed
                else tr("inga bemanningsproblem")
            )
            text += f". {conflict_text[:1].upper()}{conflict_text[1:]}, {staffing_text}."
        self.summary_label.setText(text)

    # Choosing and opening.
    def current_session(self) -> ScheduleRow | None:
        index = self.table.currentIndex()
        line = index.data(ROW_ROLE) if index.isValid() else None
        return line if isinstance(line, ScheduleRow) else None

    def select_session(self, session_id: int) -> bool:
        """Make the session with this id current, if it is shown."""
        for position in range(self.proxy.rowCount()):
            index = self.proxy.index(position, 0)
            line = index.data(ROW_ROLE)
            if isinstance(line, ScheduleRow) and line.id == session_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.open_current()

    def open_current(self) -> None:
        """Open the chosen session's form; after a save show what was done and keep the session chosen."""
        row = self.current_session()
        if row is None:
            return
        # The session's form (moving, themes, substitutes) loads when a session is first opened.
        from biv_desktop.ui.schedule.session_dialog import NextStep, SessionDialog

        dialog = service_call(
            self,
            tr("Träffen"),
            lambda _: SessionDialog(self.database, row.id, self),
            invalid=lambda error: self.show_message(error.message),
        )
        if dialog is REFUSED:
            self.refresh()
            return
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.next_step is NextStep.TAKE_ATTENDANCE:
            self.attendance.take_attendance()
        elif dialog.next_step is NextStep.PRINT_SHEET:
            self.attendance.print_sheet()
        if not accepted:
            return
        self.refresh()
        self.select_session(row.id)
        self.show_message(dialog.message)
        self.table.setFocus()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
