"""Ending the program once its window has painted its first frame: a smoke test of a build and the start
that the benchmark (tests/benchmark/run.py) times, never anything a user needs.

When the first frame is on screen the program writes one line, ``first frame <seconds>``, to standard
output: the system's monotonic clock (``time.perf_counter``, the same clock in every process on Linux,
Windows and macOS), so whoever started the program can tell how long the first frame took.
"""

import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_FRAME_LINE = "first frame"


class FirstFrameWatch(QObject):
    """Quits the application with status 0 right after ``window`` has painted its first whole frame."""

    def __init__(self, window: QWidget, app: QCoreApplication) -> None:
        super().__init__(window)
        self._app = app
        self._painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            # The window's children are painted in the same pass, right after the window itself: a zero
            # timer fires once that pass (the whole first frame) is done.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        if sys.stdout is not None:  # a program without a console has no standard output
            print(f"{FIRST_FRAME_LINE} {time.perf_counter():.6f}", flush=True)
        # exit(0) rather than quit(): in the test suite quit() left the shared QApplication so that a later
        # test's preview no longer redrew on resizing (tests/ui/test_printing.py).
        self._app.exit(0)


def quit_after_first_frame(window: QWidget, app: QCoreApplication) -> FirstFrameWatch:
    """Watch the (not yet shown) window and end the event loop once its first frame is painted."""
    return FirstFrameWatch(window, app)
