"""The groups page: every group in a table, with a search field and filters; Enter opens a group,
Ctrl+N creates one."""

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.services.groups import GroupRow, list_groups
from biv_desktop.store.database import Database
from biv_desktop.ui.common.column_widths import text_column_widths
from biv_desktop.ui.common.count_line import show_count
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import connect_search, make_table
from biv_desktop.ui.common.table_columns import STRETCH_FLOOR, set_column_widths, stretch_column
from biv_desktop.ui.common.window_state import widths_kept
from biv_desktop.ui.groups import table_model as columns
from biv_desktop.ui.groups.filter_proxy import GroupFilterProxy
from biv_desktop.ui.groups.table_model import GroupTableModel
from biv_desktop.ui.page import Page, heading

E = TypeVar("E", bound=StrEnum)

# Widest a column grows to fit its contents, in pixels; longer text wraps onto a second line.
MAX_COLUMN_WIDTH = {
    columns.LANGUAGE: 110,
    columns.PREMISES: 120,
    columns.LEADERS: 150,
    columns.INTERPRETER: 130,
}


def chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The value picked in a filter combo; None for 'Alla'. Qt hands enum values back as plain text."""
    value = combo.currentData()
    return kind(value) if value else None


class GroupsPage(Page):
    """Lists the groups; the coordinator narrows the list by typing or with the filters."""

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(self.tr("Grupper"), database, parent)
        self._today = today  # a fixed day for tests; otherwise the real today when a dialog opens
        self.model = GroupTableModel(self)
        self.proxy = GroupFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn, språk, lokal, gruppledare eller tolk"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Sök grupper"))
        self.search.textChanged.connect(self.proxy.set_search_text)

        self.programme_filter = self._combo(self.tr("Alla"), [(p.label, p) for p in Programme])
        self.programme_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_programme(chosen(self.programme_filter, Programme))
        )
        self.kind_filter = self._combo(self.tr("Alla"), [(k.label, k) for k in GroupKind])
        self.kind_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_kind(chosen(self.kind_filter, GroupKind))
        )
        self.status_filter = self._combo(self.tr("Alla"), [(s.label, s) for s in GroupStatus])
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(chosen(self.status_filter, GroupStatus))
        )
        # Filled from the groups listed, so they offer only what there is to find.
        self.language_filter = self._combo(self.tr("Alla"), [])
        self.language_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_language(self.language_filter.currentData())
        )
        self.premises_filter = self._combo(self.tr("Alla"), [])
        self.premises_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_premises(self.premises_filter.currentData())
        )
        self.term_filter = self._combo(self.tr("Alla"), [])
        self.term_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_term(self.term_filter.currentData())
        )

        self.new_button = QPushButton(self.tr("&Ny grupp…"))
        self.new_button.setToolTip(self.tr("Skapa en grupp med dess träffar (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_group)
        self.new_action = QAction(self.tr("Ny grupp"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_group)
        self.addAction(self.new_action)

        self.count_label = QLabel()
        self.table = self._make_table()
        connect_search(self.search, self.table)
        self.table.installEventFilter(self)  # Enter opens the group
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for text, combo in (
            (self.tr("&Program:"), self.programme_filter),
            (self.tr("&Typ:"), self.kind_filter),
            (self.tr("Spr&åk:"), self.language_filter),
            (self.tr("&Lokal:"), self.premises_filter),
            (self.tr("T&ermin:"), self.term_filter),
            (self.tr("S&tatus:"), self.status_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        self._update_count()

    def _combo(self, all_text: str, choices: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _make_table(self) -> QTableView:
        # Enter is caught by the page's event filter before the table sees it; double-click opens too.
        table = make_table(self.proxy, self.tr("Grupper"), self.open_selected, wrap=True)
        table.sortByColumn(columns.START, Qt.SortOrder.DescendingOrder)
        stretch_column(table, columns.NAME, STRETCH_FLOOR)
        table.horizontalHeader().sortIndicatorChanged.connect(self._fit_columns)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        rows = list_groups(self.database)
        self.model.set_rows(rows)
        self._offer_filters(rows)
        self._fit_columns()

    def _offer_filters(self, rows: Sequence[GroupRow]) -> None:
        """Fill the language, premises and term filters from the groups, keeping what was chosen."""
        languages = sorted({row.language for row in rows}, key=str.casefold)
        premises = sorted({row.premises for row in rows}, key=str.casefold)
        # Newest term first: autumn after spring within a year.
        terms = sorted(
            {row.term for row in rows}, key=lambda term: (term[3:], term[:2] == "ht"), reverse=True
        )
        for combo, values, label in (
            (self.language_filter, languages, lambda text: text[:1].upper() + text[1:]),
            (self.premises_filter, premises, str),
            (self.term_filter, terms, str),
        ):
            wanted = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(label(value), value)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)
            if combo.currentData() != wanted:
                combo.currentIndexChanged.emit(combo.currentIndex())

    def selected_row(self) -> GroupRow | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, GroupRow) else None

    def select_group(self, group_id: int) -> None:
        """Make the group's line the current one (after creating it), if the filters show it."""
        for position in range(self.proxy.rowCount()):
            row = self.proxy.index(position, 0).data(ROW_ROLE)
            if isinstance(row, GroupRow) and row.id == group_id:
                self.table.selectRow(position)
                self.table.scrollTo(self.proxy.index(position, 0))
                return

    def open_selected(self) -> None:
        """Open the chosen group's detail; what was changed there shows in the list afterwards."""
        row = self.selected_row()
        if row is None:
            return
        # The detail view's modules (rosters, attendance, printouts) load when a group is first opened.
        from biv_desktop.ui.groups.detail_dialog import GroupDetailDialog

        dialog = service_call(
            self, self.tr("Gruppen"), lambda _: GroupDetailDialog(self.database, row.id, self._today, self)
        )
        if dialog is REFUSED:
            self.refresh()
            return
        dialog.exec()
        if dialog.changed:
            self.refresh()
            self.select_group(row.id)

    def new_group(self) -> None:
        # The new group's form (its planner, staff suggestions, preview) loads when first asked for.
        from biv_desktop.ui.groups.group_dialog import new_group_dialog

        dialog = new_group_dialog(self.database, self._today, self)
        dialog.exec()
        if dialog.saved is not None:
            self.refresh()
            self.select_group(dialog.saved.id)

    def _fit_columns(self) -> None:
        """Size every column but the name to its contents; the name takes what is left and wraps.

        Qt would reserve room for the sort arrow in every header; only the sorted column needs it, and the
        name needs the width more.
        """
        if widths_kept(self.table):
            return  # the user's own widths from last time
        header = self.table.horizontalHeader()
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = header.fontMetrics().height() + margin
        fitted = [column for column in range(self.model.columnCount()) if column != columns.NAME]
        # What sizeHintForColumn gives, without laying out each of 200 rows' cells (ui/common/column_widths).
        contents = text_column_widths(self.table, fitted)
        widths = {}
        for column in fitted:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            title_width = header.fontMetrics().horizontalAdvance(title) + 4 * margin
            if column == header.sortIndicatorSection():
                title_width += arrow
            width = max(contents[column], title_width)
            widths[column] = min(width, MAX_COLUMN_WIDTH.get(column, width))
        set_column_widths(self.table, widths, columns.NAME, STRETCH_FLOOR)

    def search_field(self) -> QLineEdit:
        return self.search

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            empty = self.tr("Det finns inga grupper ännu.")
            show_count(self.count_label, empty, empty)
            return
        line = (
            self.tr("Visar {shown} av 1 grupp") if total == 1 else self.tr("Visar {shown} av {total} grupper")
        )
        show_count(
            self.count_label, line.format(shown=shown, total=total), line.format(shown=total, total=total)
        )
