"""The import dialog's two tables: which column of the file fills which field (changeable with a combo
box per column), and the preview of every row with its problems and, for a duplicate, skip or merge."""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from biv_desktop.services.participants import DuplicateChoice, ImportField, PreviewRow
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.table_columns import stretch_column
from biv_desktop.ui.participants.widgets import tr

PROBLEM = QBrush(QColor("#a4262c"))
WARNING = QBrush(QColor("#8a5a00"))
DUPLICATE = QBrush(QColor("#0f5ea8"))


class MappingTable(QTableWidget):
    """One line per column of the file: its header, an example value, and the field it fills."""

    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([tr("Rubrik i filen"), tr("Exempel"), tr("Fält i registret")])
        self.setAccessibleName(tr("Kolumner"))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        stretch_column(self, 1)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []

    def set_columns(
        self, headers: Sequence[str], examples: Sequence[str], mapping: Sequence[ImportField]
    ) -> None:
        self.combos = []
        self.setRowCount(len(headers))
        for position, (header, example, field) in enumerate(zip(headers, examples, mapping, strict=True)):
            self.setItem(position, 0, QTableWidgetItem(header or tr("(ingen rubrik)")))
            self.setItem(position, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.setAccessibleName(tr("Fält för kolumnen {header}").format(header=header))
            for choice in ImportField:
                combo.addItem(choice.label, choice)
            combo.setCurrentIndex(combo.findData(field))
            combo.currentIndexChanged.connect(self.mapping_changed)
            self.setCellWidget(position, 2, combo)
            self.combos.append(combo)
        self.resizeRowsToContents()

    def mapping(self) -> tuple[ImportField, ...]:
        return tuple(ImportField(combo.currentData()) for combo in self.combos)

    def choose(self, column: int, field: ImportField) -> None:
        """Set one column's field, as the user would with its combo box."""
        self.combos[column].setCurrentIndex(self.combos[column].findData(field))


def _status(row: PreviewRow) -> str:
    """The status as the file wrote it, and whether it puts the person on the waiting list."""
    if row.waiting and "vänt" not in row.status.casefold():
        return f"{row.status} ({tr('väntelista')})" if row.status else tr("väntelista")
    return row.status


def _colour(row: PreviewRow) -> QBrush | None:
    if row.problems:
        return PROBLEM
    if row.is_duplicate:
        return DUPLICATE
    return WARNING if row.warnings else None


class PreviewModel(RowTableModel[PreviewRow]):
    """Every row of the list; a duplicate's choice (skip or merge) is kept here by its row number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.choices: dict[int, DuplicateChoice] = {}
        columns: list[Column[PreviewRow]] = [
            Column(tr("Rad"), lambda r: str(r.line), sort=lambda r: r.line),
            Column(tr("Namn"), lambda r: r.name),
            Column(tr("Född"), lambda r: r.birth),
            Column(tr("Roll"), lambda r: r.role),
            Column(tr("Familj"), lambda r: r.family),
            Column(tr("Modersmål"), lambda r: r.language),
            Column(tr("Status"), _status),
            Column(
                tr("Bedömning"), lambda r: r.verdict, tooltip=lambda r: r.remarks or None, foreground=_colour
            ),
            Column(tr("Vid dubblett"), self._choice_text),
            Column(tr("Anmärkningar"), lambda r: r.remarks, tooltip=lambda r: r.remarks or None),
        ]
        super().__init__(columns, parent)

    def _choice_text(self, row: PreviewRow) -> str:
        if not row.is_duplicate:
            return ""
        return self.choices.get(row.line, DuplicateChoice.SKIP).label

    def set_choice(self, positions: Sequence[int], choice: DuplicateChoice) -> int:
        """Skip or merge the duplicates among the rows at ``positions``; how many were duplicates."""
        changed = 0
        for position in positions:
            row = self.row_at(position)
            if row.is_duplicate:
                self.choices[row.line] = choice
                changed += 1
                column = self.columnCount() - 2
                self.dataChanged.emit(self.index(position, column), self.index(position, column))
        return changed

    def duplicate_choices(self) -> dict[int, DuplicateChoice]:
        return {
            row.line: self.choices.get(row.line, DuplicateChoice.SKIP)
            for row in self.rows()
            if row.is_duplicate
        }
