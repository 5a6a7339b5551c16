"""A text column's width to fit its contents (ui/common/column_widths): the same number Qt's own
sizeHintForColumn gives, on the same rows, wherever the list is scrolled, whichever rows are hidden."""

import random
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.column_widths import measured_rows, text_column_widths, text_only_columns
from biv_desktop.ui.common.row_model import Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.shown_rows import ShownRows
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import fit_columns

NAMES = [
    "Eva Lund",
    "Omar Ali",
    "Anna-Karin Bergström Wikander",
    "Li",
    "Åsa Öhman",
    "Hodan Abdi Warsame",
    "سارا کریمی",
    "ሰላም ተስፋዬ",
    "Ffion Affleck-Wåhlin",
]


@dataclass(frozen=True)
class Line:
    number: int
    leaders: tuple[str, ...]
    place: str


def lines(count: int) -> list[Line]:
    chosen = random.Random(7)
    return [
        Line(number, tuple(chosen.sample(NAMES, chosen.choice((0, 1, 2)))), chosen.choice(NAMES) + " kyrka")
        for number in range(count)
    ]


COLUMNS: list[Column[Line]] = [
    Column("Nr", lambda line: str(line.number)),
    Column("Gruppledare", lambda line: "\n".join(line.leaders)),
    Column("Lokal", lambda line: line.place),
    Column("Tom", lambda line: ""),
]


def shown_table(qtbot: QtBot, count: int, *, wrap: bool, precision: int = 200) -> QTableView:
    model: RowTableModel[Line] = RowTableModel(COLUMNS)
    model.set_rows(lines(count))
    proxy = SearchProxy(lambda line: line.place)
    proxy.setSourceModel(model)
    table = make_table(proxy, "Rader", wrap=wrap)
    table.horizontalHeader().setResizeContentsPrecision(precision)
    qtbot.addWidget(table)
    table.resize(500, 400)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    return table


def qt_widths(table: QTableView) -> dict[int, int]:
    return {column: table.sizeHintForColumn(column) for column in range(table.model().columnCount())}


@pytest.mark.parametrize("wrap", [True, False])
@pytest.mark.parametrize("count", [0, 12, 260])
def test_the_widths_are_qts_own_wherever_the_list_is_scrolled(qtbot: QtBot, count: int, wrap: bool) -> None:
    table = shown_table(qtbot, count, wrap=wrap)
    for position in (0, table.verticalScrollBar().maximum() // 3, table.verticalScrollBar().maximum()):
        table.verticalScrollBar().setValue(position)
        QApplication.processEvents()
        assert text_column_widths(table, range(4)) == qt_widths(table)


def test_hidden_rows_a_sorted_list_and_other_precisions_give_qts_widths_too(qtbot: QtBot) -> None:
    table = shown_table(qtbot, 300, wrap=True, precision=50)
    for row in range(0, 300, 7):
        table.setRowHidden(row, True)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    QApplication.processEvents()
    assert len(measured_rows(table)) == 50
    assert text_column_widths(table, range(4)) == qt_widths(table)
    for precision in (0, -1, 1):
        table.horizontalHeader().setResizeContentsPrecision(precision)
        assert text_column_widths(table, range(4)) == qt_widths(table)


class BoldPlaces(RowTableModel[Line]):
    """A row model whose own ``data`` makes a cell wider than its text: measured by Qt, cell by cell."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.column() == 2:
            font = QFont()
            font.setBold(True)
            font.setPointSize(font.pointSize() * 2)
            return font
        return super().data(index, role)


def qt_fitted(table: QTableView) -> list[int]:
    for column in range(table.model().columnCount()):
        table.resizeColumnToContents(column)
    return [table.columnWidth(column) for column in range(table.model().columnCount())]


@pytest.mark.parametrize("through", ["proxy", "shown rows", "own data"])
def test_fitting_columns_gives_the_widths_qt_fits_them_to(qtbot: QtBot, through: str) -> None:
    table = shown_table(qtbot, 260, wrap=True)
    proxy = table.model()
    assert isinstance(proxy, SearchProxy)
    source = proxy.sourceModel()
    assert isinstance(source, RowTableModel)
    if through != "proxy":
        model = BoldPlaces(COLUMNS) if through == "own data" else RowTableModel(COLUMNS)
        model.set_rows(source.rows())
        table.setModel(ShownRows(model) if through == "shown rows" else model)
        QApplication.processEvents()
    assert text_only_columns(table.model()) == (frozenset() if through == "own data" else frozenset(range(4)))
    fit_columns(table, {})
    fitted = [table.columnWidth(column) for column in range(4)]
    assert fitted == qt_fitted(table)
    # The heading is the widest in the empty column, the texts in the others.
    assert fitted[3] == table.horizontalHeader().sectionSizeHint(3) > 0
    if through == "own data":
        # The places at twice the size: measured with their font, not the view's.
        widest = max(table.fontMetrics().horizontalAdvance(line.place) for line in source.rows())
        assert fitted[2] > 1.5 * widest


def test_a_capped_column_is_cut_at_its_limit(qtbot: QtBot) -> None:
    table = shown_table(qtbot, 40, wrap=False)
    fit_columns(table, {2: 60, 3: 500})
    assert table.columnWidth(2) == 60
    assert table.columnWidth(3) == table.horizontalHeader().sectionSizeHint(3)
