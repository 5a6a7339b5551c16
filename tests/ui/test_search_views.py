"""A search field joined to its results (connect_search): each keystroke's outcome is painted in one pass."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.row_model import Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.table import connect_search, make_table
from support.events import Events


@pytest.mark.parametrize("wrap", [False, True], ids=["one line a row", "wrapping"])
def test_each_keystroke_is_painted_in_one_pass(qtbot: QtBot, wrap: bool) -> None:
    model: RowTableModel[str] = RowTableModel(
        # Every third row has two lines: a wrapping table fits the rows in view to them.
        [
            Column("Namn", lambda name: name),
            Column("Ledare", lambda name: "Anna\nOmar" if name[-1] in "036" else "Eva"),
        ]
    )
    model.set_rows([f"{word} {number:03}" for word in ("Grupp", "Träff") for number in range(300)])
    proxy = SearchProxy(lambda name: name)
    proxy.setSourceModel(model)
    search = QLineEdit()
    search.textChanged.connect(proxy.set_search)
    table = make_table(proxy, "Namn", wrap=wrap)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    connect_search(search, table)
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(search)
    layout.addWidget(table)
    qtbot.addWidget(window)
    window.resize(400, 500)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the first showing's paints are over
    passes = Events(QEvent.Type.UpdateRequest, window)  # each pass paints what changed since the last

    first_rows: list[str] = []
    for typed in ("grupp", "grupp 1", "grupp 2", "träff", ""):
        passes.count = 0
        search.setText(typed)
        for _round in range(3):
            QApplication.processEvents()
        first_rows.append(proxy.index(0, 0).data())
        # Laid out from Qt's zero timer, after the pass that painted the field, the table's rows and its
        # scroll bar were painted in a second pass.
        assert passes.count == 1, typed
    assert first_rows == ["Grupp 000", "Grupp 001", "Grupp 002", "Träff 000", "Grupp 000"]
    if wrap:  # and the rows in view show every line
        for row in range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1):
            lines = proxy.index(row, 1).data().count("\n") + 1
            assert table.rowHeight(row) >= lines * table.fontMetrics().lineSpacing()
