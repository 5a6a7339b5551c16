"""The table of people due for anonymising, with a check box on each row for choosing whom to anonymise."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal

from biv_desktop.services.privacy import DuePerson, PersonKey, PersonKind
from biv_desktop.ui.common.row_model import SORT_ROLE, AnyIndex, Column, RowTableModel
from biv_desktop.ui.common.text import translator

CHECK_COLUMN = 0
DUE_COLUMN = 4


tr = translator("Privacy")


def _ended(person: DuePerson) -> str:
    if person.ended_on is not None:
        return person.ended_on.isoformat()
    return tr("Aldrig i en grupp") if person.key.kind is PersonKind.PARTICIPANT else tr("Okänt")


def due_columns() -> list[Column[DuePerson]]:
    """Only what choosing needs: the name, the role, when the last group ended and since when they are due."""
    return [
        Column(tr("Anonymisera"), lambda _person: "", sort=lambda _person: 0),
        Column(tr("Namn"), lambda person: person.name, sort=lambda person: person.name.casefold()),
        Column(tr("Roll"), lambda person: person.role),
        Column(
            tr("Sista grupp slutade / inaktiv sedan"),
            _ended,
            sort=lambda person: person.ended_on or dt.date.min,
            tooltip=lambda person: person.ended_label,
        ),
        Column(
            tr("Ska gallras sedan"),
            lambda person: person.due_since.isoformat() if person.due_since else "–",
            # Those without a day (never in a group) after everyone with one.
            sort=lambda person: person.due_since or dt.date.max,
        ),
    ]


class DueModel(RowTableModel[DuePerson]):
    """The people due, each with a check box in the first column; ``chosen`` says whom the user ticked."""

    chosen_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(due_columns(), parent)
        self._chosen: set[PersonKey] = set()

    def set_rows(self, rows: Sequence[DuePerson]) -> None:
        """New rows; those with a day they became due start ticked, those without one (never in a group)
        wait for the user to decide."""
        self._chosen = {person.key for person in rows if person.due_since is not None}
        super().set_rows(rows)
        self.chosen_changed.emit()

    def chosen(self) -> list[PersonKey]:
        return [person.key for person in self.rows() if person.key in self._chosen]

    def set_all(self, checked: bool) -> None:
        self._chosen = {person.key for person in self.rows()} if checked else set()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, CHECK_COLUMN), self.index(self.rowCount() - 1, CHECK_COLUMN))
        self.chosen_changed.emit()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CHECK_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == CHECK_COLUMN and index.row() < self.rowCount():
            chosen = self.row_at(index.row()).key in self._chosen
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
            if role == SORT_ROLE:
                return 0 if chosen else 1
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return tr("Vald") if chosen else tr("Inte vald")
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != CHECK_COLUMN or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.row_at(index.row()).key
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if checked:
            self._chosen.add(key)
        else:
            self._chosen.discard(key)
        self.dataChanged.emit(index, index, [role])
        self.chosen_changed.emit()
        return True
