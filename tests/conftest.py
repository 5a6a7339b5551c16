"""Shared test set-up: Qt offscreen before anything imports it, and a fresh register per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from biv_desktop.store import cipher
from biv_desktop.store.database import Database

# The shared test-support package (tests/support) is imported as "support": only this folder goes on the
# path, never the checkout, whose biv_desktop would shadow the installed wheel the tests must import.
_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from support.register import new_register  # noqa: E402


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


@pytest.fixture(autouse=True)
def no_passphrases_kept() -> Iterator[None]:
    """Each test starts and ends with no encrypted register unlocked (store.cipher keeps them in memory)."""
    cipher.forget_all()
    yield
    cipher.forget_all()


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A new, empty register (with the defaults seeded) in the test's own folder."""
    db = new_register(tmp_path)
    yield db
    db.close()
