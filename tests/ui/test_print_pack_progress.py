"""A term's print pack is made off the GUI thread (its preview then draws only the pages in view), behind a progress dialog with Avbryt: the window keeps
handling events while the pages are made, and Avbryt stops the work with nothing shown or left behind."""

import datetime as dt
import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from biv_desktop.reports.sheets import pack as packs
from biv_desktop.ui.printing import preview
from biv_desktop.ui.printing.pages import render_page
from biv_desktop.ui.printing.sheet_actions import print_pack

TERM = (dt.date(2026, 1, 26), dt.date(2026, 3, 15))


def test_the_pack_is_made_off_the_gui_thread_with_progress(
    qtbot: QtBot, register: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = packs.write_print_pack
    made_in: list[threading.Thread] = []
    reported: list[tuple[int, int]] = []

    def write(path: Path, pack: Any, printed_on: Any, progress: Any) -> Any:
        made_in.append(threading.current_thread())

        def told(done: int, total: int) -> None:
            reported.append((done, total))
            progress(done, total)

        return real_write(path, pack, printed_on, told)

    real_render = render_page
    drawn: list[int] = []

    def render(*args: Any, **kwargs: Any) -> Any:
        drawn.append(args[1])
        return real_render(*args, **kwargs)

    monkeypatch.setattr(packs, "write_print_pack", write)
    monkeypatch.setattr(preview, "render_page", render)
    dialog = print_pack(None, register.database, *TERM)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.page_labels) > 0)
    assert made_in and made_in[0] is not threading.main_thread()
    sheets = reported[-1][1]
    assert sheets > 10 and [done for done, _total in reported] == list(range(sheets))
    assert len(dialog.page_labels) >= sheets
    # The preview draws a page only as it scrolls into view: a few pages, not the whole pack, at once.
    qtbot.waitUntil(lambda: len(drawn) > 0)
    assert len(set(drawn)) < sheets


def test_avbryt_stops_making_the_pack_and_nothing_opens(
    qtbot: QtBot, register: Any, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    def slow_write(path: Path, pack: Any, printed_on: Any, progress: Any) -> Any:
        for done in range(10_000):  # until Avbryt: each report raises once it was pressed
            progress(done, 10_000)
            threading.Event().wait(0.01)
        raise AssertionError("Avbryt did not stop the work")

    pressed: list[bool] = []

    def press_avbryt() -> None:
        # Runs in the GUI thread while the work is under way: the window still handles its events.
        progress = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog))
        avbryt = next(b for b in progress.findChildren(QPushButton) if b.text() == "Avbryt")
        avbryt.click()
        pressed.append(True)

    monkeypatch.setattr(packs, "write_print_pack", slow_write)
    QTimer.singleShot(200, press_avbryt)
    assert print_pack(None, register.database, *TERM) is None
    assert pressed == [True]
    assert message_boxes.shown == []  # cancelling is no error


def test_the_cycle_collector_waits_while_the_pack_is_made(
    qtbot: QtBot, register: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its full walks over the open window's objects took a fifth of the pack's time, and found nothing.
    real_write = packs.write_print_pack
    collecting: list[bool] = []

    def write(path: Path, pack: Any, printed_on: Any, progress: Any) -> Any:
        collecting.append(gc.isenabled())
        return real_write(path, pack, printed_on, progress)

    monkeypatch.setattr(packs, "write_print_pack", write)
    assert gc.isenabled()
    dialog = print_pack(None, register.database, *TERM)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert collecting == [False]
    assert gc.isenabled(), "the collector runs again once the pack is made"
    assert len(dialog.page_labels) > 10
