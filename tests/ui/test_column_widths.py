"""A text column's width to fit its contents (ui/common/column_widths): the same number Qt's own
sizeHintForColumn gives, on the same rows, wherever the list is scrolled, whichever rows are hidden."""

import random
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.column_widths import measured_rows, text_column_widths
from biv_desktop.ui.common.row_model import Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.table import make_table

NAMES = ["Eva Lund", "Omar Ali", "Anna-Karin Bergström Wikander", "Li", "Åsa Öhman", "Hodan Abdi Warsame"]


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


def shown_table(qtbot: QtBot, count: int, *, wrap: bool, precision: int = 200) -> QTableView:
    model: RowTableModel[Line] = RowTableModel(
        [
            Column("Nr", lambda line: str(line.number)),
            Column("Gruppledare", lambda line: "\n".join(line.leaders)),
            Column("Lokal", lambda line: line.place),
            Column("Tom", lambda line: ""),
        ]
    )
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
