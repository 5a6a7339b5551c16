"""Searching, filtering and sorting the groups table the way a Swedish reader expects."""

from typing import Any

from PySide6.QtCore import QCollator, QLocale, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.services.groups import GroupRow
from biv_desktop.ui.groups.table_model import ROW_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


def search_text(row: GroupRow) -> str:
    """Everything the search field looks in, folded for case-insensitive matching."""
    parts = (row.name, row.language, row.premises, *row.leader_names, row.interpreter_name)
    return " ".join(parts).casefold()


class GroupFilterProxy(QSortFilterProxyModel):
    """Keeps the groups that match the search words and the chosen programme, kind, language, premises,
    term and status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._programme: Programme | None = None
        self._kind: GroupKind | None = None
        self._status: GroupStatus | None = None
        self._language: str | None = None
        self._premises: str | None = None
        self._term: str | None = None
        self._collator = QCollator(QLocale())
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)
        self.setSortRole(SORT_ROLE)

    def set_search_text(self, text: str) -> None:
        """Every word typed must occur in the name, language, premises, a leader or the interpreter."""
        self._begin_change()
        self._words = tuple(text.casefold().split())
        self._end_change()

    def set_programme(self, programme: Programme | None) -> None:
        self._begin_change()
        self._programme = programme
        self._end_change()

    def set_kind(self, kind: GroupKind | None) -> None:
        self._begin_change()
        self._kind = kind
        self._end_change()

    def set_status(self, status: GroupStatus | None) -> None:
        self._begin_change()
        self._status = status
        self._end_change()

    def set_language(self, language: str | None) -> None:
        self._begin_change()
        self._language = language
        self._end_change()

    def set_premises(self, premises: str | None) -> None:
        self._begin_change()
        self._premises = premises
        self._end_change()

    def set_term(self, term: str | None) -> None:
        """Only groups starting in this term, e.g. 'vt 2026'."""
        self._begin_change()
        self._term = term
        self._end_change()

    # Qt 6.9 replaced invalidateFilter() with a begin/end pair around the change; older Qt lacks the pair.
    def _begin_change(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if not isinstance(row, GroupRow):
            return False
        if self._programme is not None and row.programme is not self._programme:
            return False
        if self._kind is not None and row.kind is not self._kind:
            return False
        if self._status is not None and row.status is not self._status:
            return False
        if self._language is not None and row.language != self._language:
            return False
        if self._premises is not None and row.premises != self._premises:
            return False
        if self._term is not None and row.term != self._term:
            return False
        if self._words:
            haystack = search_text(row)
            return all(word in haystack for word in self._words)
        return True

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        left_value = left.data(SORT_ROLE)
        right_value = right.data(SORT_ROLE)
        if isinstance(left_value, str) and isinstance(right_value, str):
            return self._collator.compare(left_value, right_value) < 0
        if isinstance(left_value, int) and isinstance(right_value, int):
            return left_value < right_value
        return super().lessThan(left, right)
