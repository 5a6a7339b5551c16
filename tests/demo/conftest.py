"""Demo registers built once per scenario and shared by the demo tests, plus a way to compare two builds."""

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from biv_desktop.demo import DemoSummary, write_demo_database
from biv_desktop.store.database import Database
from biv_desktop.store.register import open_register


@dataclass(frozen=True)
class Built:
    """A demo register written for one scenario, open for reading."""

    path: Path
    today: dt.date
    summary: DemoSummary
    database: Database


@dataclass(frozen=True)
class Scenario:
    years: int
    seed: int
    today: dt.date


# Late November: autumn groups running, spring groups planned. Early March: the next year is planned too.
SCENARIOS = {
    "autumn": Scenario(years=3, seed=2026, today=dt.date(2026, 11, 25)),
    "spring": Scenario(years=5, seed=7, today=dt.date(2025, 3, 10)),
}
# The largest build the tests make: two decades of groups, for what only shows over many terms.
TWENTY_YEARS = Scenario(years=20, seed=2026, today=dt.date(2026, 11, 25))


def _build(name: str, scenario: Scenario, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    path = tmp_path_factory.mktemp(f"demo-{name}") / "demo.sqlite"
    summary = write_demo_database(path, years=scenario.years, seed=scenario.seed, today=scenario.today)
    database = open_register(path, backups=None)
    yield Built(path, scenario.today, summary, database)
    database.close()


@pytest.fixture(scope="session", params=sorted(SCENARIOS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    yield from _build(request.param, SCENARIOS[request.param], tmp_path_factory)


@pytest.fixture(scope="session")
def twenty_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """A demo of twenty agreement years up to 25 November 2026, written once for the whole run."""
    yield from _build("twenty-years", TWENTY_YEARS, tmp_path_factory)


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, ordered by id: what two builds must agree on."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        dump = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            order = "id" if "id" in columns else columns[0]
            # Which register a file is (store.identity) belongs to the file, not to the data built.
            skip = " WHERE key <> 'register_id'" if table == "setting" else ""
            dump[table] = connection.execute(f'SELECT * FROM "{table}"{skip} ORDER BY "{order}"').fetchall()
        return dump
    finally:
        connection.close()


@pytest.fixture
def dump_tables() -> Callable[[Path], dict[str, list[tuple[object, ...]]]]:
    return _dump
