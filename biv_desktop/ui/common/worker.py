"""Long work (a backup, a restore, an export) off the GUI thread, with progress shown and a way to cancel.

The work runs on Qt's global thread pool and talks to the GUI thread only through signals; widgets are
touched only there. ``run_with_progress`` shows a progress dialog and waits in a local event loop (as
a modal dialog's exec does), so the window keeps painting while the caller's code stays linear.
"""

import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from biv_desktop.ui.common.text import translator

# The work is told (done, total) as it goes; the numbers are its own (pages, tables, per mille).
Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]
Result = TypeVar("Result")
# A progress dialog appears only for work that has not finished by then.
SHOW_AFTER_MS = 400

tr = translator("Backup")


class TaskCancelled(Exception):
    """Raised inside the work when the user pressed Avbryt; the work leaves nothing half-done."""


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One piece of work on the thread pool; its signals arrive in the thread that made it."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it until its signals are handled
        self.signals = _Signals()
        self._work = work
        self._cancelled = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancelled.set()

    def _report(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise TaskCancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except BaseException as error:  # handed to the GUI thread, which decides what to tell
            self.done = True
            self.signals.failed.emit(error)
        else:
            self.done = True
            self.signals.finished.emit(result)

    def start(self) -> "Task":
        QThreadPool.globalInstance().start(self)
        return self


def wait_for_background_work() -> None:
    """Let running work finish (before the register is closed at exit)."""
    QThreadPool.globalInstance().waitForDone()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Progress], Result],
    *,
    cancellable: bool = True,
) -> Result:
    """Run ``work`` off the GUI thread behind a progress dialog; its result, or its exception raised here.

    Pressing Avbryt raises TaskCancelled inside the work at its next progress report, and here.
    """
    dialog = QProgressDialog(label, tr("Avbryt") if cancellable else "", 0, 0, parent)
    text = QLabel(label)
    text.setWordWrap(True)  # a long file name wraps instead of being cut off
    dialog.setLabel(text)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(460)
    if not cancellable:
        dialog.setCancelButton(None)
    task = Task(work)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finish(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def fail(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    task.signals.progress.connect(show_progress)
    task.signals.finished.connect(finish)
    task.signals.failed.connect(fail)
    dialog.canceled.connect(task.cancel)
    dialog.setValue(0)
    task.start()
    # Nothing runs the event loop between start and exec, so the result's signal (queued) arrives in it.
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return cast(Result, outcome["result"])
