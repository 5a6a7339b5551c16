"""A table model over immutable rows, described column by column: the one way screens list things."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from biv_desktop.services.participants import SearchQuery

AnyIndex = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")

# The value a column sorts by (dates and numbers as such); the whole row object behind a line.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
# The roles a row model answers; a view asks for others too (fonts, check states, sizes), turned away early.
ANSWERED_ROLES = frozenset(
    {_DISPLAY, int(SORT_ROLE), int(ROW_ROLE), _TOOLTIP, _ALIGNMENT, _FOREGROUND, _BACKGROUND, _DECORATION}
)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """One column: its header and how a row is shown, sorted and explained in it."""

    header: str
    display: Callable[[RowT], str]
    sort: Callable[[RowT], Any] | None = None
    tooltip: Callable[[RowT], str | None] | None = None
    align_center: bool = False
    foreground: Callable[[RowT], QBrush | None] | None = None
    background: Callable[[RowT], QBrush | None] | None = None
    decoration: Callable[[RowT], Any] | None = None


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of frozen dataclasses from a service; replaced whole on refresh or one at a time after an edit."""

    def __init__(self, columns: Sequence[Column[RowT]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[RowT] = []
        self.version = 0  # changes with every change of the rows, before the views are told

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.version += 1
        self.endResetModel()

    def replace_row(self, position: int, row: RowT) -> None:
        """Put an edited row in place and tell the views about that line only."""
        self._rows[position] = row
        self.version += 1
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._columns) - 1))

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_list(self) -> list[RowT]:
        """The rows themselves, not a copy: for reading only."""
        return self._rows

    def row_at(self, position: int) -> RowT:
        return self._rows[position]

    def text_only_columns(self) -> frozenset[int]:
        """The columns whose cells differ only in their text (no icon), so their width can be measured from
        the texts alone (ui/common/column_widths). A subclass that answers cells its own way (its own
        ``data``: fonts, check boxes) has none, unless it names those that stay plain text, shown as
        ``cell`` gives them."""
        if type(self).data is not RowTableModel.data or type(self).cell is not RowTableModel.cell:
            return frozenset()
        return frozenset(number for number, column in enumerate(self._columns) if column.decoration is None)

    def sort_value(self, position: int, column: int) -> Any:
        """What the row at ``position`` sorts by in ``column`` (as SORT_ROLE gives it, without Qt between)."""
        row, described = self._rows[position], self._columns[column]
        return described.sort(row) if described.sort else described.display(row)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every role of every cell a view paints or measures (tens of thousands of times when a
        # long list is shown): roles no column answers are turned away before anything else is looked at.
        if role not in ANSWERED_ROLES:
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, position: int, number: int, role: int) -> Any:
        """What ``data`` answers for the row at ``position`` in column ``number``."""
        if role not in ANSWERED_ROLES:
            return None
        if not (0 <= position < len(self._rows) and 0 <= number < len(self._columns)):
            return None  # an invalid index has row and column -1
        row = self._rows[position]
        column = self._columns[number]
        if role == _DISPLAY:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.display(row)
        if role == ROW_ROLE:
            return row
        if role == _TOOLTIP and column.tooltip is not None:
            return column.tooltip(row)
        if role == _ALIGNMENT and column.align_center:
            return _CENTRED
        if role == _FOREGROUND and column.foreground is not None:
            return column.foreground(row)
        if role == _BACKGROUND and column.background is not None:
            return column.background(row)
        if role == _DECORATION and column.decoration is not None:
            return column.decoration(row)
        return None


class SearchProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE and keeps the rows that match what was typed, the same way on every screen.

    Every word typed must begin a word of the row's search text, folded as the participant search folds
    it (case, accents and the Arabic-script letters keyboards write differently do not matter); a
    subclass may read the query otherwise (``matches``), as the participant register does with ages.
    """

    def __init__(self, search_text: Callable[[Any], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._search_text = search_text
        self._query = SearchQuery()
        self._typed = ""
        self._extra: Callable[[Any], bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator = QCollator(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)
        self._ranked_version: tuple[int, int] = (0, -1)
        self._ranks_by_column: dict[int, list[int]] = {}
        self._filter_version = 0  # changes with the search and the row filter
        self._accepted_for: tuple[int, int, int] = (0, -1, -1)
        self._accepted: list[bool] = []

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._query = SearchQuery.parse(text)
        self._typed = search_words(text)
        self._filter_version += 1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_row_filter(self, accept: Callable[[Any], bool] | None) -> None:
        """An extra condition on the row object (from filter combos); None accepts every row."""
        self.beginFilterChange()
        self._extra = accept
        self._filter_version += 1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, source_left: AnyIndex, source_right: AnyIndex) -> bool:
        source = self.sourceModel()
        if isinstance(source, RowTableModel):  # a flat table: no index has a parent
            # Each row's place in the column's order, worked out once per set of rows: a keystroke that
            # widens the search sorts a thousand rows back in, about ten comparisons each. Called some
            # 15,000 times to sort 2,338 participants: the ranks at hand are looked up first.
            column = source_left.column()
            ranks = self._ranks_by_column.get(column)
            if ranks is None or self._ranked_version != (id(source), source.version):
                ranks = self.ranks(source, column)
            return ranks[source_left.row()] < ranks[source_right.row()]
        return self._less(source_left.data(SORT_ROLE), source_right.data(SORT_ROLE))

    def ranks(self, source: "RowTableModel[Any]", column: int) -> list[int]:
        """Each source row's rank in ``column`` (equal values share one), for the rows the model holds now."""
        if self._ranked_version != (id(source), source.version):
            self._ranked_version = (id(source), source.version)
            self._ranks_by_column = {}
        ranks = self._ranks_by_column.get(column)
        if ranks is None:
            values = [source.sort_value(position, column) for position in range(source.rowCount())]
            keys = self._sort_keys(values)
            if keys is not None:
                order = sorted(range(len(values)), key=keys.__getitem__)
            else:

                def compare(a: int, b: int) -> int:
                    return -1 if self._less(values[a], values[b]) else int(self._less(values[b], values[a]))

                order = sorted(range(len(values)), key=cmp_to_key(compare))
            ranks = [0] * len(values)
            rank = 0
            for place, position in enumerate(order):
                before = order[place - 1]
                if place and (
                    keys[before] < keys[position]
                    if keys is not None
                    else self._less(values[before], values[position])
                ):
                    rank += 1
                ranks[position] = rank
            self._ranks_by_column[column] = ranks
        return ranks

    def _sort_keys(self, values: list[Any]) -> list[Any] | None:
        """Keys that order a column of only text (the collator's own keys) or only numbers as ``_less`` does,
        compared without calling Python for each pair (2,340 names: 16 ms -> 7 ms); None for a mixed column."""
        if all(type(value) is str for value in values):
            return [self._collator.sortKey(value) for value in values]
        if all(type(value) in (int, float) for value in values):
            return values
        return None

    def _less(self, left: Any, right: Any) -> bool:
        # Compared in Python: Qt cannot order tuples or other Python objects, and text goes through a
        # Swedish collator so å, ä and ö sort after z.
        if isinstance(left, str) and isinstance(right, str):
            return self._collator.compare(left, right) < 0
        if left is None or right is None:
            return left is None and right is not None
        try:
            return bool(left < right)
        except TypeError:
            return str(left) < str(right)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        source = self.sourceModel()
        if isinstance(source, RowTableModel):  # a flat table: no index has a parent
            # Qt asks row by row, every row at each keystroke; the answers are worked out for all rows in
            # one pass when the search, the filter or the rows have changed, and looked up here.
            if self._accepted_for != (id(source), source.version, self._filter_version):
                self._accepted = [self._accepts(row) for row in source.row_list()]
                self._accepted_for = (id(source), source.version, self._filter_version)
            return self._accepted[source_row]
        return self._accepts(source.index(source_row, 0, source_parent).data(ROW_ROLE))

    def _accepts(self, row: Any) -> bool:
        if row is None:
            return False
        if self._extra is not None and not self._extra(row):
            return False
        return self._query.is_empty or self.matches(self._query, row)

    def matches(self, query: SearchQuery, row: Any) -> bool:
        """Whether a row has every word typed; numbers count as words here (a year, a date's day)."""
        key = search_words(self._search_text(row))
        return all(f" {word}" in key for word in self._typed.split())


def search_words(text: str) -> str:
    """Text as the folded words a search compares, each after a space (" rasha al zahraa 2026 3 10").

    Folded by the participant search's own rules (``SearchQuery``), numbers written as numbers, so what is
    typed and what is searched are read alike.
    """
    query = SearchQuery.parse(text)
    numbers = (*query.numbers, *(number for age_range in query.age_ranges for number in age_range))
    return "".join(f" {word}" for word in (*query.words, *map(str, numbers)))
