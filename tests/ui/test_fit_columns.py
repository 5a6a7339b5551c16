"""fit_columns: columns as wide as their contents or heading, never wider than their limit."""

from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import fit_columns


@dataclass(frozen=True)
class Person:
    name: str
    note: str


def test_a_column_is_as_wide_as_its_contents_or_heading_up_to_its_limit(qtbot: QtBot) -> None:
    model: RowTableModel[Person] = RowTableModel(
        [
            Column("Namn", lambda p: p.name),
            Column("En mycket lång rubrik för en smal kolumn", lambda p: p.note),
            Column("Kort", lambda p: p.note),
            Column("Anteckning", lambda p: p.note),
        ]
    )
    model.set_rows([Person("Rana Haddad Al-Zahraa Abu Khalil Ibrahim", "ja"), Person("Ali", "nej")])
    table = make_table(model, "Personer")
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    header = table.horizontalHeader()
    # Unlimited, the columns take what their contents and headings need (as Qt's own fitting gives).
    fit_columns(table, {}, stretch=3)
    fitted = [table.columnWidth(column) for column in range(3)]
    for column in range(3):
        table.resizeColumnToContents(column)
        assert table.columnWidth(column) == fitted[column]
    assert fitted[0] > 120 and fitted[1] > header.sectionSizeHint(2)
    # With limits: the long names and the long heading are cut to their limit; the short column keeps its width.
    fit_columns(table, {0: 120, 1: 90, 2: fitted[2] + 50}, stretch=3)
    assert [table.columnWidth(column) for column in range(3)] == [120, 90, fitted[2]]


def test_the_stretched_column_fills_a_wide_view_and_keeps_its_names_whole_in_a_narrow_one(
    qtbot: QtBot,
) -> None:
    model: RowTableModel[Person] = RowTableModel(
        [Column("Namn", lambda p: p.name), Column("Anteckning", lambda p: p.note)]
    )
    model.set_rows(
        [Person("Biniam Woldemariam", "Nyckel hämtas i expeditionen före kl. 15."), Person("Ali", "")]
    )
    table = make_table(model, "Personer")
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    fit_columns(table, {1: 220}, stretch=0)
    name = table.fontMetrics().horizontalAdvance("Biniam Woldemariam")
    # Wide: the name takes all the room the note leaves.
    assert table.columnWidth(0) + table.columnWidth(1) == table.viewport().width()
    assert table.columnWidth(1) == 220
    # Narrow (a window snapped to half the screen): the name keeps room for itself, the table scrolls sideways.
    table.resize(260, 300)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    assert table.columnWidth(0) >= name
    # Wide again: it fills the view again, and a note dragged narrower gives the name its room.
    table.resize(900, 300)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    table.setColumnWidth(1, 150)
    assert table.columnWidth(0) + 150 == table.viewport().width()
