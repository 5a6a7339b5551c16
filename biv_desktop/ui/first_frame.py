"""Doing something right after a widget has painted its first frame: the window opens its register once it
is on screen (ui/app.py), and a smoke test of a build, or the benchmark (tests/benchmark/run.py), learns
when the window was on screen and when the register's overview was.

``report`` writes one line, ``<what> <seconds>``, to standard output: the system's monotonic clock
(``time.perf_counter``, the same clock in every process on Linux, Windows and macOS), so whoever started the
program can tell how long it took.
"""

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_FRAME_LINE = "first frame"  # the window on screen, its register perhaps not yet open
REGISTER_SHOWN_LINE = "register shown"  # the overview painted with the register's figures


class FirstFrameWatch(QObject):
    """Calls ``then`` once, right after ``widget`` has painted its first whole frame, or after ``latest``
    milliseconds if it has painted nothing by then (a window started minimised paints nothing)."""

    def __init__(self, widget: QWidget, then: Callable[[], object], latest: int | None = None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        self._called = False
        widget.installEventFilter(self)
        if latest is not None:
            QTimer.singleShot(latest, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._called:
            # The widget's children are painted in the same pass, right after the widget itself: a zero
            # timer fires once that pass (the whole frame) is done.
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        if self._called:
            return
        self._called = True
        self._widget.removeEventFilter(self)
        self._then()


def after_first_frame(
    widget: QWidget, then: Callable[[], object], *, latest: int | None = None
) -> FirstFrameWatch:
    """Call ``then`` once ``widget`` (shown now or later) has painted its first frame."""
    return FirstFrameWatch(widget, then, latest)


def report(what: str) -> None:
    """Say on standard output that ``what`` happened now (nothing for a program without a console)."""
    if sys.stdout is not None:
        print(f"{what} {time.perf_counter():.6f}", flush=True)
