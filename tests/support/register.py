"""A register for one test: opened fresh in a folder of its own, with the defaults a new register gets."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from biv_desktop.services.staff import list_languages
from biv_desktop.store.database import Database
from biv_desktop.store.register import open_register


@dataclass(frozen=True)
class FixtureRegister:
    """The window tests' fixture register (tests/ui/conftest.py), its fixed day and the names the tests look
    for; here so that fixtures and tests in other folders can name its type."""

    database: Database
    today: dt.date
    group_names: tuple[str, ...]
    understaffed_group: str


def new_register(folder: Path) -> Database:
    """Open a new register (defaults seeded: languages, theme plans, questionnaires) in ``folder``,
    with its backups beside it; the caller closes it."""
    return open_register(folder / "register.sqlite", folder / "backups")


@contextmanager
def register_in(folder: Path) -> Iterator[Database]:
    """A new register in ``folder`` for the length of a ``with`` block."""
    database = new_register(folder)
    try:
        yield database
    finally:
        database.close()


def language_ids(database: Database) -> dict[str, int]:
    """The register's languages by ISO code ('ar', 'so', 'prs', ...)."""
    return {row.iso_code: row.id for row in list_languages(database)}


def language_id(database: Database, iso_code: str) -> int:
    """One language's id by its ISO code; KeyError names a code the defaults do not have."""
    return language_ids(database)[iso_code]
