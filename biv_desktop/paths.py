"""Where the program keeps its files. Everything is resolved when asked, nothing at import time."""

import sys
from pathlib import Path

import platformdirs

APP_NAME = "BIV Desktop"
DATABASE_NAME = "biv-register.sqlite"


def data_dir() -> Path:
    """The user's data folder for the program (created private on first use)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database() -> Path:
    return data_dir() / DATABASE_NAME


def backups_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def package_dir() -> Path:
    """The folder of the biv_desktop package: in the installed package, a checkout, or a frozen program.

    PyInstaller unpacks the data files of a frozen program under ``sys._MEIPASS`` (the ``_internal``
    folder beside the executable), keeping the package's own layout there.
    """
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "biv_desktop"
    return Path(__file__).resolve().parent


def resource_dir() -> Path:
    """The shipped resources: inside the package when installed or frozen, beside it in a source checkout."""
    package = package_dir()
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"
