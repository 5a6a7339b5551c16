"""Where the program keeps its files. Everything is resolved when asked, nothing at import time."""

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


def resource_dir() -> Path:
    """The shipped resources: inside the package when installed, beside it in a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"
