"""The rows a long list shows: searched, filtered and sorted in Python in one pass, for a view to read.

A QSortFilterProxyModel asks Python row by row whether a row is kept (2,340 calls a keystroke for the
20-year register's participants) and compares rows one pair at a time when it sorts (some 15,000 calls
to sort them by name). Here the rows are put in each column's order once, when they are read; a keystroke
keeps the sorted positions that match, in one list comprehension, and tells the view with a layout change
(the chosen row stays chosen, as it does behind a proxy). A letter typed on looks only among the lines the
search showed already, and a letter erased shows again what that search showed.

It searches and sorts as ``SearchProxy`` does (the same ``matches``, ranks by the same Swedish collator) and
offers the same face to the tab that uses it: ``set_search``, ``set_row_filter``, ``sourceModel``.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMetaObject, QModelIndex, QPersistentModelIndex, Qt

from biv_desktop.services.participants import SearchQuery
from biv_desktop.ui.common.row_model import RowTableModel, SearchProxy, search_words

AnyIndex = QModelIndex | QPersistentModelIndex


class ShownRows(QAbstractTableModel):
    """The lines of ``source`` a view shows, in the order its header chose; ``matches`` reads the search
    (by default every word typed must begin a word of ``search_text(row)``). It keeps ``SearchQuery``'s
    rules: a query that ``narrows`` another matches none of the rows the other did not."""

    def __init__(
        self,
        source: RowTableModel[Any],
        matches: Callable[[SearchQuery, Any], bool] | None = None,
        search_text: Callable[[Any], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        # The order of text and numbers, as every other list sorts (SearchProxy's collator and ranks).
        self._ranking = SearchProxy(search_text or (lambda _row: ""))
        self._matches = matches
        self._search_text = search_text or (lambda _row: "")
        self._query = SearchQuery()
        self._typed = ""
        self._extra: Callable[[Any], bool] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted: list[int] = []  # every source position, in the chosen order
        self._shown: list[int] = []  # the source positions shown, in that order
        # The lines of each search typed since the rows, the row filter or the order last changed: a letter
        # erased shows them again, a letter typed on looks only among them (never changed once made).
        self._searched: dict[SearchQuery, list[int]] = {}
        source.modelReset.connect(self._source_reset)
        source.dataChanged.connect(self._source_changed)
        self._source_reset()

    # The face SearchProxy offers.
    def sourceModel(self) -> RowTableModel[Any]:
        return self._source

    def set_search(self, text: str) -> None:
        self._query = SearchQuery.parse(text)
        self._typed = search_words(text)
        self._rearrange(self._lines_searched())

    def set_row_filter(self, accept: Callable[[Any], bool] | None) -> None:
        """An extra condition on the row object (from filter combos); None accepts every row."""
        self._extra = accept
        self._rearrange(self._filtered())

    def source_position(self, row: int) -> int:
        """Where the line ``row`` of this model stands in the source model."""
        return self._shown[row]

    # Filtering and sorting, in Python and in one pass each.
    def _filtered(self) -> list[int]:
        """Every row that passes the search and the row filter, in the chosen order. The searches typed
        before are forgotten: what they kept depends on the rows, the filter and the order."""
        self._searched.clear()
        return self._passing(self._sorted)

    def _passing(self, positions: list[int]) -> list[int]:
        if self._extra is None and self._query.is_empty:
            return list(positions)
        rows = self._source.row_list()
        return [position for position in positions if self._accepts(rows[position])]

    def _lines_searched(self) -> list[int]:
        """The lines for the search just typed: as shown when it was typed before (a letter erased), or those
        of an earlier search it narrows (a letter typed on) that still pass, or every row's that pass."""
        lines = self._searched.get(self._query)
        if lines is None:
            narrowed = [kept for query, kept in self._searched.items() if self._query.narrows(query)]
            lines = self._passing(min(narrowed, key=len, default=self._sorted))
            if len(self._searched) >= 64:  # a long session of searches: start over rather than grow
                self._searched.clear()
            self._searched[self._query] = lines
        return lines

    def _accepts(self, row: Any) -> bool:
        if self._extra is not None and not self._extra(row):
            return False
        if self._query.is_empty:
            return True
        if self._matches is not None:
            return self._matches(self._query, row)
        key = search_words(self._search_text(row))
        return all(f" {word}" in key for word in self._typed.split())

    def _order(self) -> list[int]:
        count = self._source.rowCount()
        if self._sort_column < 0 or count == 0:
            return list(range(count))
        ranks = self._ranking.ranks(self._source, self._sort_column)
        # Stable, as Qt's own sort: rows that sort alike keep the source's order, also when descending.
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(range(count), key=ranks.__getitem__, reverse=descending)

    def _rearrange(self, shown: list[int]) -> None:
        """Show ``shown`` instead, keeping persistent indexes (the view's chosen and current row) on their
        rows, or dropping them for rows no longer shown. The same lines again (a letter more that hides no
        one) tell the view nothing, as a proxy would not."""
        if shown == self._shown:
            return
        # Emitted through Qt, not with .emit(): PySide6 6.12's emit() from Python drops a reference to True
        # each call, and a few thousand keystrokes would free True and crash the program.
        QMetaObject.invokeMethod(self, "layoutAboutToBeChanged", Qt.ConnectionType.DirectConnection)
        kept = self.persistentIndexList()
        before = self._shown
        self._shown = shown
        if kept:
            line_of = {position: line for line, position in enumerate(shown)}
            moved = []
            for index in kept:
                line = line_of.get(before[index.row()]) if 0 <= index.row() < len(before) else None
                moved.append(self.index(line, index.column()) if line is not None else QModelIndex())
            # One call for all (PySide6 6.12 drops a reference to None at each call, as at each emit()).
            self.changePersistentIndexList(kept, moved)
        QMetaObject.invokeMethod(self, "layoutChanged", Qt.ConnectionType.DirectConnection)

    def _source_reset(self) -> None:
        self.beginResetModel()
        self._sorted = self._order()
        self._shown = self._filtered()
        self.endResetModel()

    def _source_changed(self, *_args: object) -> None:
        # An edited row may sort or match otherwise now: the lines are worked out again.
        self._sorted = self._order()
        shown = self._filtered()
        if shown != self._shown:
            self._rearrange(shown)
        elif shown:  # the same lines in the same order, but what they say has changed
            self.dataChanged.emit(self.index(0, 0), self.index(len(shown) - 1, self.columnCount() - 1))

    # The Qt model.
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (-1 <= column < self._source.columnCount()):
            return
        self._sort_column, self._sort_order = column, order
        self._sorted = self._order()
        self._rearrange(self._filtered())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else self._source.columnCount()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self._source.headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = index.row()
        if not 0 <= line < len(self._shown):
            return None  # an invalid index has row and column -1
        return self._source.cell(self._shown[line], index.column(), role)
