"""The hostile-input tests' harness (test_hostile_input*.py): the fictional demo register copied per test,
hostile values as hypothesis strategies, and the check every call goes through.

Hostile values: empty and blank text, 5,000 characters, NUL, lone surrogates, U+FFFE/U+FFFF, right-to-left mixed with left-to-right text,
combining marks, emoji, control characters, text starting with = + - @, digits int() cannot read, far-off
dates (year 1 and 9999) and 29 February. Dates reach the services as ``datetime.date``, so an impossible
day such as 30 February cannot be passed at all (the forms' date fields cannot hold one); as text it is
tried like any other. Ids are mostly existing ones, otherwise ones that do not exist, zero or negative.
Numbers range over 64 bits.
"""

import datetime as dt
import itertools
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import pytest
from hypothesis import strategies as st

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.database import Database
from biv_desktop.store.register import open_register

T = TypeVar("T")
HOSTILE_TODAY = dt.date(2026, 11, 25)
HOSTILE_TEXTS = (
    "",
    " ",
    " \t\n ",
    "A" * 5000,
    "Åsa " + "é" * 4999,
    "سارة الحسن Berg 12",
    "Ali \u202egreB\u202c",
    "e\u0301\u0302\u0303\u0304 Z\u0351\u0352\u0353",
    "\u0627\u064e\u0644\u0652",
    "😀 👨‍👩‍👧‍👦 🇸🇪",
    "\x00",
    "Ali\x00Berg",
    "\ud800",  # a lone surrogate, which text pasted from another program can carry
    "Karin \udfff Berg",
    "Sara\ufffe\uffff",  # not characters: XML (and so xlsx and PDF text) cannot hold them
    "Karin\x07",
    "\x1b[31mröd",
    "\u0085",
    "\ufeff\u200b",
    '=HYPERLINK("http://example.com")',
    "+46 70-123 45 67",
    "-1",
    "@SUM(A1:A9)",
    "'; DROP TABLE participant; --",
    "2025-02-30",
    "29 februari 2024",
    "rad ett\r\nrad två",
    "a/b",
    "..",
    "²",
    "١٢",
    "9" * 30,
)
HOSTILE_DATES = (
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
    dt.date(1899, 12, 31),
    dt.date(2101, 1, 1),
    dt.date(2024, 2, 29),
    dt.date(2028, 2, 29),
    HOSTILE_TODAY,
    HOSTILE_TODAY + dt.timedelta(days=1),
)
# Ids of things in the demo register the calls refer to (the first row each query finds).
ID_QUERIES = {
    # A child in no group and not waiting, so placing and queueing can succeed.
    "participant": "SELECT id FROM participant WHERE role = 'child' AND id NOT IN "
    "(SELECT participant_id FROM enrollment UNION SELECT participant_id FROM waiting_list_entry) ORDER BY id",
    "waiting": "SELECT participant_id FROM waiting_list_entry ORDER BY id",
    "family": "SELECT id FROM family ORDER BY id",
    "running_group": "SELECT id FROM support_group WHERE status = 'running' ORDER BY id",
    "planned_group": "SELECT id FROM support_group WHERE status = 'planned' ORDER BY id",
    "finished_group": "SELECT id FROM support_group WHERE status = 'finished' ORDER BY id",
    "enrollment": "SELECT id FROM enrollment ORDER BY id",
    "held_session": "SELECT id FROM group_session WHERE status = 'held' ORDER BY date DESC",
    "planned_session": f"SELECT id FROM group_session WHERE status = 'planned' AND date > '{HOSTILE_TODAY}' "
    "ORDER BY id",
    "leader": "SELECT id FROM group_leader WHERE active ORDER BY id",
    "leader2": "SELECT id FROM group_leader WHERE active ORDER BY id DESC",
    "interpreter": "SELECT interpreter_id FROM interpreter_language JOIN language l ON l.id = language_id "
    "WHERE l.iso_code = 'ar' ORDER BY interpreter_id",
    "premises": "SELECT id FROM premises ORDER BY id",
    "break_week": "SELECT id FROM break_week ORDER BY id",
    "theme_plan": "SELECT id FROM theme_plan WHERE kind = 'children' AND is_default",
    "language": "SELECT id FROM language WHERE iso_code = 'ar'",
    "agreement": "SELECT id FROM agreement ORDER BY starts_on DESC",
    "course": "SELECT id FROM training_course ORDER BY id",
    "trainee": "SELECT id FROM trainee WHERE NOT completed ORDER BY id",
    "effort": "SELECT id FROM communication_effort ORDER BY id",
    "meeting": "SELECT id FROM follow_up_meeting ORDER BY id",
    "questionnaire": "SELECT id FROM questionnaire WHERE kind = 'children' ORDER BY id",
}
_unique = itertools.count(1)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: what a refused call must leave as it was."""
    with closing(sqlite3.connect(path)) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }


@dataclass(frozen=True)
class Hostile:
    """A copy of the demo register, the ids in it, the hostile values and the check every call goes through."""

    database: Database
    ids: dict[str, int]
    today: dt.date = HOSTILE_TODAY
    text: ClassVar[st.SearchStrategy[str]] = st.one_of(
        st.sampled_from(HOSTILE_TEXTS),
        st.text(max_size=60),
        st.builds(lambda lead, rest: lead + rest, st.sampled_from("=+-@"), st.text(max_size=30)),
    )
    dates: ClassVar[st.SearchStrategy[dt.date]] = st.one_of(st.sampled_from(HOSTILE_DATES), st.dates())
    times: ClassVar[st.SearchStrategy[dt.time]] = st.one_of(
        st.sampled_from((dt.time(0), dt.time(23, 59, 59), dt.time(17))), st.times()
    )
    numbers: ClassVar[st.SearchStrategy[int]] = st.one_of(
        st.sampled_from((0, -1, 1, 6, 14, 120, 2015, 10**6)),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
    )
    missing_ids: ClassVar[st.SearchStrategy[int]] = st.one_of(
        st.sampled_from((0, -1, 10**6)), st.integers(min_value=-(2**63), max_value=2**63 - 1)
    )

    def id_of(self, name: str) -> st.SearchStrategy[int]:
        """Mostly the id of the named thing; otherwise an id that does not exist, zero or negative."""
        existing = st.just(self.ids[name])
        return st.one_of(existing, existing, existing, self.missing_ids)

    def maybe_missing(self) -> st.SearchStrategy[int | None]:
        """For a reference the form may leave empty: nothing, or an id that does not exist."""
        return st.one_of(st.none(), self.missing_ids)

    @staticmethod
    def unique(prefix: str) -> str:
        """A name no earlier example used, for things whose names must be unique."""
        return f"{prefix} {next(_unique)}"

    @staticmethod
    def vary(base: T, fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[T]:
        """``base`` as it is or with one of its fields replaced by a hostile value, so that each field
        meets the service's checks on its own rather than behind another field's refusal."""
        chosen = st.sets(st.sampled_from(sorted(fields)), max_size=1)
        return chosen.flatmap(
            lambda names: st.fixed_dictionaries({name: fields[name] for name in names}).map(
                lambda changes: replace(base, **changes)  # type: ignore[type-var]
            )
        )

    def attempt(self, call: Callable[[], T], refusals: tuple[type[Exception], ...] = ()) -> T | None:
        """Make the call. A refusal must be a ValidationError (or one of ``refusals``, Swedish errors about
        files) with a sentence, and change no row; either way the database stays whole."""
        before = dump(self.database.path)
        result = None
        refused: tuple[type[Exception], ...] = (ValidationError, *refusals)
        try:
            result = call()
        except refused as error:
            assert str(error).strip()
            if isinstance(error, ValidationError):
                assert error.field
            assert dump(self.database.path) == before, f"refused but changed the register: {error}"
        with closing(sqlite3.connect(self.database.path)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        return result


@pytest.fixture(scope="session")
def hostile_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional demo register of one agreement year up to HOSTILE_TODAY, written once."""
    path = tmp_path_factory.mktemp("hostile") / "demo.sqlite"
    write_demo_database(path, years=1, seed=11, today=HOSTILE_TODAY)
    return path


@pytest.fixture
def hostile(hostile_demo_file: Path, tmp_path: Path) -> Iterator[Hostile]:
    """A fresh copy of the demo register for one test (its examples share it) and the hostile values."""
    path = tmp_path / "register.sqlite"
    shutil.copyfile(hostile_demo_file, path)
    with closing(sqlite3.connect(path)) as connection:
        found = {name: connection.execute(query).fetchone() for name, query in ID_QUERIES.items()}
        ids = {name: int(row[0]) for name, row in found.items() if row is not None}
        ids["attendee"] = connection.execute(
            "SELECT e.participant_id FROM enrollment e JOIN group_session s ON s.group_id = e.group_id "
            "WHERE s.id = ? AND e.left_on IS NULL",
            (ids["held_session"],),
        ).fetchone()[0]
    database = open_register(path, tmp_path / "backups")
    yield Hostile(database, ids)
    database.close()
