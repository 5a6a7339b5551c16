"""A page's first showing paints its table once: laid out (scroll bar, fitted columns, rows in view) before
the window paints, not from Qt's zero timers after it, which painted the table a second time."""

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from biv_desktop.demo import write_demo_database
from biv_desktop.store.register import open_register
from biv_desktop.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo-3.sqlite"
    write_demo_database(path, years=3, seed=2026, today=TODAY)
    return path


@pytest.fixture
def window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    database = open_register(copy, backups=None)
    main_window = MainWindow(database, demo=True, today=TODAY)
    qtbot.addWidget(main_window)
    main_window.resize(1366, 720)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.close()
    database.close()


class TablePaints(QObject):
    """Counts, application-wide, the paints of each table's rows by the table's accessible name (the page and
    its table are made when it is first shown, so they cannot be watched before)."""

    def __init__(self) -> None:
        super().__init__()
        self.by_table: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = watched.parent()
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(table, QTableView)
            and watched is table.viewport()
        ):
            self.by_table[table.accessibleName()] += 1
        return False


# Each page shown first, after the overview: a page shown after others had been painted its table once
# where the same page shown first painted it twice (its rows read as it was shown).
@pytest.mark.parametrize(
    ("title", "table"),
    [
        ("Grupper", "Grupper"),
        ("Schema", "Gruppträffar"),
        ("Deltagare", "Deltagare"),
        ("Gruppledare", "Gruppledare"),
        ("Tolkar", "Tolkar"),
        ("Lokaler", "Lokaler"),
    ],
)
def test_a_page_shown_for_the_first_time_paints_its_table_once(
    window: MainWindow, title: str, table: str
) -> None:
    paints = TablePaints()
    application = QApplication.instance()
    assert application is not None
    application.installEventFilter(paints)
    try:
        row = next(
            row for row in range(window.navigation.count()) if window.navigation.item(row).text() == title
        )
        window.navigation.setCurrentRow(row)
        for _round in range(3):
            QApplication.processEvents()
    finally:
        application.removeEventFilter(paints)
    [shown] = [
        view for view in window.current_page().findChildren(QTableView) if view.accessibleName() == table
    ]
    rows_fit = shown.rowViewportPosition(shown.model().rowCount() - 1) < shown.viewport().height()
    # With more rows than fit, the scroll bar came with the rows, in the same paint.
    assert shown.verticalScrollBar().isVisible() is not rows_fit
    assert paints.by_table[table] == 1
