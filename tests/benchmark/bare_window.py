"""The bare window the program's start is measured against: PySide6 alone, a navigation list and a
10-row table, shown and painted once; then it says when on standard output and ends.

It prints ``first frame <seconds>`` on the monotonic clock, like ``BIV_DESKTOP_QUIT_AFTER_START=1`` makes
the program do (biv_desktop/ui/first_frame.py), so both are timed the same way. Nothing of biv_desktop is
imported. It can be frozen with PyInstaller like the program, for the frozen comparison of run.py.

With ``--with-store`` it first loads what any window reading the register through SQLAlchemy must load:
SQLAlchemy's ORM and the register's models, mapped and configured (the floor run.py reports).
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

PAGES = ["Översikt", "Grupper", "Schema", "Deltagare", "Gruppledare", "Tolkar", "Lokaler", "Utbildning"]


class FirstFrame(QObject):
    """Ends the application right after the window's first whole frame is painted."""

    def __init__(self, window: QWidget, app: QApplication) -> None:
        super().__init__(window)
        self.app = app
        self.painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.done)
        return False

    def done(self) -> None:
        print(f"first frame {time.perf_counter():.6f}", flush=True)
        self.app.exit(0)


def load_store() -> None:
    """SQLAlchemy's ORM and the register's models, configured as they are before the first query."""
    from biv_desktop.ui.module_check import answer_without_keeping_source

    # Before SQLAlchemy is imported, as the program's start does (biv_desktop/cli/window.py).
    answer_without_keeping_source()
    from sqlalchemy.orm import configure_mappers

    import biv_desktop.store.models  # noqa: F401 - imported for its mapped classes

    configure_mappers()


def main() -> int:
    if "--with-store" in sys.argv[1:]:
        load_store()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    navigation = QListWidget()
    navigation.addItems(PAGES)
    table = QTableWidget(10, 4)
    for row in range(10):
        for column in range(4):
            table.setItem(row, column, QTableWidgetItem(f"Rad {row + 1}, kolumn {column + 1}"))
    central = QWidget()
    layout = QHBoxLayout(central)
    layout.addWidget(navigation)
    layout.addWidget(table, 1)
    window.setCentralWidget(central)
    FirstFrame(window, app)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
