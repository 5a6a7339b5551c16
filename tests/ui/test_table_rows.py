"""A wrapping table's rows show every line of what they hold, as far down as the user scrolls; rows are
measured when they come into view, so a long list opens without measuring every row first."""

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.row_model import Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.table import make_table
from support.events import Events


@dataclass(frozen=True)
class Group:
    name: str
    leaders: tuple[str, ...]


def groups(count: int) -> list[Group]:
    # Every fifth group has three leaders (three lines); the others one.
    return [
        Group(
            f"Grupp {number:03}", ("Anna Berg", "Omar Ali", "Lena Ek") if number % 5 == 0 else ("Eva Lund",)
        )
        for number in range(count)
    ]


def shown_table(qtbot: QtBot, rows: list[Group]) -> tuple[RowTableModel[Group], SearchProxy, QTableView]:
    model: RowTableModel[Group] = RowTableModel(
        [Column("Namn", lambda g: g.name), Column("Gruppledare", lambda g: "\n".join(g.leaders))]
    )
    model.set_rows(rows)
    proxy = SearchProxy(lambda g: g.name)
    proxy.setSourceModel(model)
    table = make_table(proxy, "Grupper", wrap=True)
    qtbot.addWidget(table)
    table.resize(500, 400)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    return model, proxy, table


def lines_shown(table: QTableView, row: int) -> int:
    return table.rowHeight(row) // table.fontMetrics().lineSpacing()


def rows_in_view(table: QTableView) -> list[int]:
    bottom, first, count = table.viewport().height(), table.rowAt(0), table.model().rowCount()
    return [row for row in range(first, count) if table.rowViewportPosition(row) < bottom][:40]


def test_rows_in_view_are_tall_enough_for_every_line(qtbot: QtBot) -> None:
    _model, proxy, table = shown_table(qtbot, groups(300))
    for row in rows_in_view(table):
        leaders = proxy.index(row, 1).data().count("\n") + 1
        assert lines_shown(table, row) >= leaders


def test_rows_scrolled_to_and_rows_after_a_new_sort_show_every_line(qtbot: QtBot) -> None:
    _model, proxy, table = shown_table(qtbot, groups(300))
    table.scrollToBottom()
    QApplication.processEvents()
    seen = rows_in_view(table)
    assert seen[-1] == 299
    for row in seen:
        assert lines_shown(table, row) >= proxy.index(row, 1).data().count("\n") + 1
    table.sortByColumn(1, table.horizontalHeader().sortIndicatorOrder())
    table.scrollToTop()
    QApplication.processEvents()
    for row in rows_in_view(table):
        wanted = proxy.index(row, 1).data().count("\n") + 1
        assert lines_shown(table, row) >= wanted
        if wanted == 1:
            assert lines_shown(table, row) < 3  # a one-line row is not left at a taller row's height


def test_scrolled_to_the_end_the_view_stays_there_when_its_rows_fit_lower(qtbot: QtBot) -> None:
    # Rows start taller than one line needs (as in a font whose lines are low for the default row): fitted,
    # they take less room, the end moves further down, and the rows that come into view are fitted too.
    model: RowTableModel[Group] = RowTableModel(
        [Column("Namn", lambda g: g.name), Column("Gruppledare", lambda g: "\n".join(g.leaders))]
    )
    model.set_rows(groups(300))
    table = make_table(model, "Grupper", wrap=True)
    table.verticalHeader().setDefaultSectionSize(3 * table.fontMetrics().height())
    qtbot.addWidget(table)
    table.resize(500, 400)
    table.show()
    qtbot.waitExposed(table)
    table.scrollToBottom()
    QApplication.processEvents()
    bar = table.verticalScrollBar()
    assert bar.value() == bar.maximum()
    seen = rows_in_view(table)
    assert seen[-1] == 299
    for row in seen:
        assert table.rowHeight(row) >= table.sizeHintForRow(row)


def test_rows_scrolled_into_view_are_fitted_before_one_paint(qtbot: QtBot) -> None:
    _model, proxy, table = shown_table(qtbot, groups(300))
    qtbot.wait(50)  # the first showing's paints are over
    paints, bar = Events(QEvent.Type.Paint, table.viewport()), table.verticalScrollBar()
    for _step in range(4):
        paints.count = 0
        bar.setValue(bar.value() + 12)  # rows (the view scrolls by rows): about half the view
        for _round in range(3):
            QApplication.processEvents()
        assert paints.count == 1  # fitted at its paint, the view was painted a second time right after
        for row in rows_in_view(table):
            assert lines_shown(table, row) >= proxy.index(row, 1).data().count("\n") + 1


def test_new_rows_are_measured_too(qtbot: QtBot) -> None:
    model, _proxy, table = shown_table(qtbot, groups(3))
    model.set_rows([Group("Ny grupp", ("A", "B", "C", "D"))])
    QApplication.processEvents()
    assert lines_shown(table, 0) >= 4


def test_rows_that_come_into_view_when_the_table_grows_taller_show_every_line(qtbot: QtBot) -> None:
    _model, proxy, table = shown_table(qtbot, groups(300))
    before = rows_in_view(table)
    table.resize(500, 900)
    QApplication.processEvents()
    after = rows_in_view(table)
    assert len(after) > len(before)
    for row in after:
        assert lines_shown(table, row) >= proxy.index(row, 1).data().count("\n") + 1


def test_a_narrower_column_wraps_its_text_onto_more_lines(qtbot: QtBot) -> None:
    model, _proxy, table = shown_table(qtbot, groups(3))
    model.set_rows([Group("Grupp med många ledare", ("Anna Berg, Omar Ali, Lena Ek och Eva Lund",))])
    table.setColumnWidth(1, 400)
    QApplication.processEvents()
    one_line = table.rowHeight(0)
    table.setColumnWidth(1, 90)
    QApplication.processEvents()
    assert table.rowHeight(0) >= one_line + 2 * table.fontMetrics().lineSpacing()


def test_a_table_that_cuts_its_lines_keeps_one_line_rows_at_any_width(qtbot: QtBot) -> None:
    model, _proxy, table = shown_table(qtbot, groups(3))
    table.setWordWrap(False)
    model.set_rows([Group("Grupp med många ledare", ("Anna Berg, Omar Ali, Lena Ek och Eva Lund",))] * 5)
    table.setColumnWidth(1, 400)
    QApplication.processEvents()
    heights = [table.rowHeight(row) for row in range(5)]
    assert heights == [heights[0]] * 5 and lines_shown(table, 0) < 3
    table.setColumnWidth(1, 90)
    QApplication.processEvents()
    assert [table.rowHeight(row) for row in range(5)] == heights
