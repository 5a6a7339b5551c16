"""The groups page: every group in a table, with a search field and filters."""

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.services.groups import list_groups
from biv_desktop.store.database import Database
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

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Grupper"), database, parent)
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

        self.count_label = QLabel()
        self.table = self._make_table()
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 1)
        for text, combo in (
            (self.tr("&Program:"), self.programme_filter),
            (self.tr("&Typ:"), self.kind_filter),
            (self.tr("S&tatus:"), self.status_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addSpacing(8)
            filters.addWidget(label)
            filters.addWidget(combo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
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
        table = QTableView()
        table.setModel(self.proxy)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setSortingEnabled(True)
        table.sortByColumn(columns.START, Qt.SortOrder.DescendingOrder)
        table.setAccessibleName(self.tr("Grupper"))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(columns.NAME, QHeaderView.ResizeMode.Stretch)
        header.sortIndicatorChanged.connect(self._fit_columns)
        return table

    def refresh(self) -> None:
        self.model.set_rows(list_groups(self.database))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Size every column but the name to its contents; the name takes what is left and wraps.

        Qt would reserve room for the sort arrow in every header; only the sorted column needs it, and the
        name needs the width more.
        """
        header = self.table.horizontalHeader()
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = header.fontMetrics().height() + margin
        for column in range(self.model.columnCount()):
            if column == columns.NAME:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            title_width = header.fontMetrics().horizontalAdvance(title) + 4 * margin
            if column == header.sortIndicatorSection():
                title_width += arrow
            width = max(self.table.sizeHintForColumn(column), title_width)
            self.table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH.get(column, width)))

    def search_field(self) -> QLineEdit:
        return self.search

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.count_label.setText(self.tr("Det finns inga grupper ännu."))
        elif total == 1:
            self.count_label.setText(self.tr("Visar {shown} av 1 grupp").format(shown=shown))
        else:
            self.count_label.setText(
                self.tr("Visar {shown} av {total} grupper").format(shown=shown, total=total)
            )
