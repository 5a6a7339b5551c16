"""The list screen as a page of the window (people, places): a searchable table, a button to add, Enter to
open, a detail panel below. It shares its buttons and behaviour with ``list_screen.ListTab``."""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.store.database import Database
from biv_desktop.ui.common.count_line import show_count
from biv_desktop.ui.common.list_screen import current_row, new_button, open_button, open_index, select_first
from biv_desktop.ui.common.row_model import Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.table import connect_search, make_table, on_rows_changed
from biv_desktop.ui.common.table_columns import fit_columns, stretch_column
from biv_desktop.ui.page import Page, heading

RowT = TypeVar("RowT")


def inactive_brush(active: bool) -> QBrush | None:
    """Grey text for someone no longer active; the palette's own colour otherwise."""
    return None if active else QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


class RecordPage(Page, Generic[RowT]):
    """Lists rows from a service; subclasses say how to load, search, open and add them."""

    def __init__(
        self,
        title: str,
        database: Database,
        columns: Sequence[Column[RowT]],
        *,
        search_hint: str,
        new_text: str,
        nouns: tuple[str, str],
        today: dt.date | None = None,
        inactive_filter: Callable[[RowT], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, database, parent)
        self._today = today  # a fixed day for tests; otherwise the real today at every refresh
        self._nouns = nouns  # e.g. ('gruppledare', 'gruppledare'): one and many, for the count line
        self._is_active = inactive_filter
        self.model: RowTableModel[RowT] = RowTableModel(columns, self)
        self.proxy = SearchProxy(self.search_text, self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Sök"))
        self.search.textChanged.connect(self.proxy.set_search)

        self.new_button = new_button(self, new_text, self.add_new)
        self.open_button = open_button(self.open_current)

        self.show_inactive = QCheckBox(self.tr("Visa &inaktiva"))
        if inactive_filter is None:
            self.show_inactive.hide()
        self.show_inactive.toggled.connect(self._apply_inactive_filter)

        self.count_label = QLabel()
        self.table = make_table(self.proxy, title, wrap=True)
        connect_search(self.search, self.table)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        stretch_column(self.table, 0)  # its floor is its fitted width (fit_columns)
        self.table.activated.connect(lambda index: open_index(self.table, index, self.open_current))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        on_rows_changed(self.proxy, self._update_count)

        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.show_inactive)
        tools.addSpacing(8)
        tools.addWidget(self.open_button)
        tools.addWidget(self.new_button)

        # The list above, and a page's detail panel (if it has one) below, sharing the height as the user drags.
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addLayout(tools)
        layout.addWidget(self.count_label)
        layout.addWidget(self.body, 1)
        self._apply_inactive_filter(False)

    # What a subclass provides.
    def load(self) -> Sequence[RowT]:
        """The rows from the service."""
        raise NotImplementedError

    def search_text(self, row: RowT) -> str:
        """What the search field looks in for a row."""
        raise NotImplementedError

    def edit(self, row: RowT | None) -> RowT | None:
        """Open the editor on a row (None for a new one); the saved row, or None if cancelled."""
        raise NotImplementedError

    def show_details(self, row: RowT | None) -> None:
        """Show the chosen row in the detail panel, if the page has one."""

    # The page's behaviour.
    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        chosen = self.current_row()
        self.model.set_rows(self.load())
        self._fit_columns()
        self.select_where(
            lambda row: chosen is not None and getattr(row, "id", None) == getattr(chosen, "id", 0)
        )
        self._selection_changed()

    def search_field(self) -> QLineEdit:
        return self.search

    def current_row(self) -> RowT | None:
        row: RowT | None = current_row(self.table)
        return row

    def select_where(self, matches: Callable[[RowT], bool]) -> bool:
        """Select the first shown row that matches; False if none is shown."""
        return select_first(self.table, matches)

    def add_new(self) -> None:
        saved = self.edit(None)
        if saved is not None:
            self._after_save(saved)

    def open_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        saved = self.edit(row)
        if saved is not None:
            self._after_save(saved)

    def _after_save(self, saved: RowT) -> None:
        self.model.set_rows(self.load())
        self._fit_columns()
        saved_id = getattr(saved, "id", None)
        if not self.select_where(lambda row: getattr(row, "id", None) == saved_id):
            # Saved as inactive while inactive ones are hidden: show them, so the row is not lost from view.
            self.show_inactive.setChecked(True)
            self.select_where(lambda row: getattr(row, "id", None) == saved_id)
        self._selection_changed()
        self.table.setFocus()

    def _selection_changed(self) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None)
        self.show_details(row)

    def _apply_inactive_filter(self, show_inactive: bool) -> None:
        is_active = self._is_active
        self.proxy.set_row_filter(None if show_inactive or is_active is None else is_active)
        self._update_count()

    def _fit_columns(self) -> None:
        """The name takes what is left; the others fit their contents, up to 220 px (longer text wraps)."""
        fit_columns(self.table, dict.fromkeys(range(1, self.model.columnCount()), 220), stretch=0)

    def _update_count(self) -> None:
        one, many = self._nouns
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            empty = self.tr("Det finns inga {many} ännu.").format(many=many)
            show_count(self.count_label, empty, empty)
        else:
            noun = one if total == 1 else many
            line = self.tr("Visar {shown} av {total} {noun}")
            show_count(
                self.count_label,
                line.format(shown=shown, total=total, noun=noun),
                line.format(shown=total, total=total, noun=noun),
            )
