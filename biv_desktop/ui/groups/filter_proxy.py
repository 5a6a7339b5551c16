"""Searching, filtering and sorting the groups table the way a Swedish reader expects."""

from typing import Any

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.services.groups import GroupRow
from biv_desktop.ui.common.row_model import SearchProxy


def search_text(row: GroupRow) -> str:
    """Everything the search field looks in."""
    return " ".join((row.name, row.language, row.premises, *row.leader_names, row.interpreter_name))


class GroupFilterProxy(SearchProxy):
    """Keeps the groups that match the search words (as every list searches: ``SearchProxy``) and the
    chosen programme, kind, language, premises, term and status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(search_text, parent)
        self._wanted: dict[str, object] = {}
        self.set_row_filter(self._fits)

    def set_search_text(self, text: str) -> None:
        """Every word typed must begin a word of the name, language, premises, a leader or the interpreter."""
        self.set_search(text)

    def set_programme(self, programme: Programme | None) -> None:
        self._want("programme", programme)

    def set_kind(self, kind: GroupKind | None) -> None:
        self._want("kind", kind)

    def set_status(self, status: GroupStatus | None) -> None:
        self._want("status", status)

    def set_language(self, language: str | None) -> None:
        self._want("language", language)

    def set_premises(self, premises: str | None) -> None:
        self._want("premises", premises)

    def set_term(self, term: str | None) -> None:
        """Only groups starting in this term, e.g. 'vt 2026'."""
        self._want("term", term)

    def _want(self, field: str, value: object) -> None:
        """Keep only the groups whose ``field`` is ``value`` (None: any)."""
        self._wanted[field] = value
        self.set_row_filter(self._fits)

    def _fits(self, row: object) -> bool:
        return isinstance(row, GroupRow) and all(
            value is None or getattr(row, field) == value for field, value in self._wanted.items()
        )
