"""The measures taken inside one running window (part 4 of run.py), printed as one JSON line.

``python tests/benchmark/in_window.py REGISTER BACKUPS`` opens the main window (offscreen unless
QT_QPA_PLATFORM says otherwise) on REGISTER and measures, in this order, as a user would meet them:

- switching to each page of the navigation for the first time (until its frame is painted);
- filtering the participant register per keystroke (a name typed and erased again, ASCII keys);
- opening the attendance grid of the group with the most participants × sessions;
- a term's print pack in the window: reading the sessions, writing the PDF and the preview's first frame,
  the way Schema → Skriv ut närvarolistor does it (the term is the half-year holding today).

Every wait is for the event loop to have handled what the action posted (painting included); no sleeps.
Beside each wall time it keeps the processor time the process used meanwhile (``time.process_time``),
which a machine busy with other work disturbs far less (``cpu`` in the JSON line).
"""

import datetime as dt
import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from biv_desktop.ui.module_check import answer_without_keeping_source

TYPED = "sara"


def settle(app: QApplication) -> None:
    """Handle what is queued, painting included (twice: a paint may queue a layout that paints again)."""
    for _round in range(2):
        app.processEvents()


def timed(app: QApplication, action: Callable[[], object], cpu: dict[str, float], name: str) -> float:
    """Seconds from starting ``action`` until the event loop has painted its outcome; the processor
    seconds it took go into ``cpu`` under ``name``."""
    start, used = time.perf_counter(), time.process_time()
    action()
    settle(app)
    cpu[name] = time.process_time() - used
    return time.perf_counter() - start


def term_of(today: dt.date) -> tuple[dt.date, dt.date]:
    """The half-year (spring: January–June, autumn: July–December) that holds ``today``."""
    if today.month <= 6:
        return dt.date(today.year, 1, 1), dt.date(today.year, 6, 30)
    return dt.date(today.year, 7, 1), dt.date(today.year, 12, 31)


def main() -> None:
    # As the program's start does (cli/window.py) before it imports the window's modules.
    answer_without_keeping_source()
    from biv_desktop.services.attendance import grid
    from biv_desktop.services.groups import list_groups
    from biv_desktop.services.register import open_for_window
    from biv_desktop.ui.app import application
    from biv_desktop.ui.attendance.grid_widget import AttendanceGridWidget
    from biv_desktop.ui.main_window import MainWindow
    from biv_desktop.ui.participants.page import ParticipantsPage

    register, backups = Path(sys.argv[1]), Path(sys.argv[2])
    app = application()
    database = open_for_window(register, backups)
    results: dict[str, object] = {}
    cpu: dict[str, float] = {}  # "page <title>", "grid", "pack"
    results["cpu"] = cpu
    try:
        window = MainWindow(database)
        window.show()
        settle(app)

        pages: dict[str, float] = {}
        for row in range(1, window.navigation.count()):
            title = window.navigation.item(row).text()

            def switch(row: int = row) -> None:
                window.navigation.setCurrentRow(row)

            pages[title] = timed(app, switch, cpu, f"page {title}")
        results["pages"] = pages

        row = next(
            index
            for index in range(window.navigation.count())
            if window.navigation.item(index).text() == "Deltagare"
        )
        window.navigation.setCurrentRow(row)
        settle(app)
        page = window.current_page()
        assert isinstance(page, ParticipantsPage)
        field = page.register.search
        field.setFocus()
        keys: list[float] = []
        filtering: list[float] = []  # the same keystrokes until the filter is done, before any painting
        presses: list[Callable[[], None]] = []
        for char in TYPED:
            presses.append(functools.partial(QTest.keyClicks, field, char))
        presses += [lambda: QTest.keyClick(field, Qt.Key.Key_Backspace)] * len(TYPED)
        for key in presses:
            start = time.perf_counter()
            key()  # the line edit's textChanged filters the list before this returns
            filtering.append(time.perf_counter() - start)
            settle(app)
            keys.append(time.perf_counter() - start)
        results["keystrokes"] = keys
        results["keystroke_filtering"] = filtering
        results["register_rows"] = page.register.model.rowCount()

        groups = list_groups(database)
        sizes: dict[int, int] = {}
        for group in groups[:40]:  # the newest forty: enough to find a full one
            read = grid(database, group.id)
            sizes[group.id] = len(read.rows) * len(read.sessions)
        largest = max(sizes, key=lambda group_id: sizes[group_id])
        holder = QWidget()
        holder.resize(1100, 600)

        def open_grid() -> None:
            widget = AttendanceGridWidget(database, largest, parent=holder)
            widget.show()
            holder.show()

        results["grid"] = timed(app, open_grid, cpu, "grid")
        results["grid_cells"] = sizes[largest]
        holder.close()

        from biv_desktop.ui.printing import SheetPreviewDialog, print_pack

        first, last = term_of(dt.date.today())
        shown: list[SheetPreviewDialog] = []

        def open_pack() -> None:
            dialog = print_pack(window, database, first, last)
            assert dialog is not None, "no sessions in the term"
            shown.append(dialog)

        results["pack"] = timed(app, open_pack, cpu, "pack")
        [dialog] = shown
        document = dialog.current().document()
        results["pack_pages"] = len(document) if document is not None else 0
        results["pack_term"] = f"{first.isoformat()} – {last.isoformat()}"
        dialog.close()
        window.close()
        settle(app)
    finally:
        database.close()
    print(json.dumps(results), flush=True)


if __name__ == "__main__":
    main()
