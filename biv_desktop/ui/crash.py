"""The last line of defence: unexpected errors are logged without personal data and met with an apology."""

import contextlib
import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from biv_desktop import paths

log = logging.getLogger("biv_desktop")
LOG_FILE_NAME = "biv-desktop.log"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the current one and each new one after a rollover) only the user can
    read, whatever the umask: no personal data is logged, but file names and errors may tell a lot."""

    def _open(self) -> Any:
        def private(path: str, flags: int) -> int:
            return os.open(path, flags, 0o600)

        stream = open(  # noqa: SIM115 - the handler keeps the stream open and closes it itself
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private
        )
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)  # a log file made before this version
        return stream


def configure_logging(folder: Path) -> Path:
    """Log to a rotating file in ``folder`` (once, however often called); returns the log file."""
    log_file = folder / LOG_FILE_NAME
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == log_file:
            return log_file
    handler = PrivateRotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log_file


def _short_path(filename: str) -> str:
    # From the package down only: the folders above it name the user's account.
    parts = Path(filename).parts
    return "/".join(parts[parts.index("biv_desktop") :]) if "biv_desktop" in parts else Path(filename).name


def describe_without_personal_data(error_type: type[BaseException], traceback_: TracebackType | None) -> str:
    """The error's class and where it happened: never its message or variables, which may hold names."""
    frames = traceback.extract_tb(traceback_)
    lines = [f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}" for frame in frames]
    return "\n".join([f"{error_type.__module__}.{error_type.__qualname__}", *lines])


class CrashHandler:
    """Replaces sys.excepthook while the window runs."""

    def __init__(self) -> None:
        self._showing = False

    def __call__(
        self, error_type: type[BaseException], error: BaseException, traceback_: TracebackType | None
    ) -> None:
        if issubclass(error_type, KeyboardInterrupt):
            sys.__excepthook__(error_type, error, traceback_)
            return
        # A failing log (a full disk, say) must not stand in the way of the apology.
        with contextlib.suppress(Exception):
            log.critical("Unexpected error:\n%s", describe_without_personal_data(error_type, traceback_))
        self._apologise()

    def _apologise(self) -> None:
        # An error inside the apology (or a burst of them from one paint) must not open box after box.
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            folder = paths.log_dir()
            QMessageBox.critical(
                None,
                QCoreApplication.translate("Crash", "Något gick fel"),
                QCoreApplication.translate(
                    "Crash",
                    "Något oväntat gick fel i BIV Desktop. Förlåt! Det du redan har sparat finns kvar.\n\n"
                    "Felet har skrivits i loggen i mappen {folder}. Loggen innehåller inga personuppgifter "
                    "och kan skickas till den som sköter programmet.",
                ).format(folder=folder),
            )
        except Exception:
            # Nothing more can be done from here than what Python itself does.
            sys.__excepthook__(*sys.exc_info())
        finally:
            self._showing = False


def install_crash_handler() -> CrashHandler:
    """Log to the user's log folder and catch what nothing else caught."""
    configure_logging(paths.log_dir())
    handler = CrashHandler()
    sys.excepthook = handler
    return handler
