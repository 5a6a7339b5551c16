"""The log file is created readable by the user alone, whatever the umask."""

import logging
import os
import stat
from pathlib import Path

from biv_desktop.ui.crash import configure_logging, log


def test_the_log_is_readable_by_the_user_alone(tmp_path: Path) -> None:
    previous = os.umask(0o022)  # a usual umask, which would give 0644
    try:
        (tmp_path / "logg").mkdir()
        log_file = configure_logging(tmp_path / "logg")
        log.warning("Ett test")
        for handler in log.handlers:
            handler.flush()
    finally:
        os.umask(previous)
        for handler in list(log.handlers):
            if isinstance(handler, logging.FileHandler):
                log.removeHandler(handler)
                handler.close()
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
