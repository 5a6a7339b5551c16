"""Shared test set-up: Qt offscreen before anything imports it, and a fresh register per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from biv_desktop.store.database import Database
from biv_desktop.store.register import open_register


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's data, log and settings folders."""
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(tmp_path / "user" / folder))


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A new, empty register (with the defaults seeded) in the test's own folder."""
    db = open_register(tmp_path / "register.sqlite", tmp_path / "backups")
    yield db
    db.close()
