"""For the command-line tests: a register with a couple of fictional groups, and a stand-in window."""

import datetime as dt
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, Role
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Enrollment,
    Group,
    GroupLeader,
    Interpreter,
    Language,
    Participant,
    Premises,
)
from biv_desktop.store.register import open_register


@pytest.fixture
def register_with_groups(database: Database) -> Path:
    """The path of a closed register holding two groups: a running one with 3 of 6 places taken (one more
    child has left) and a planned one with no participants, no second leader and no interpreter."""
    with database.transaction() as session:
        somali = session.scalars(select(Language).where(Language.iso_code == "so")).one()
        arabic = session.scalars(select(Language).where(Language.iso_code == "ar")).one()
        ryd = Premises(name="Rydsgården", district="Ryd")
        berga = Premises(name="Berga församlingshem", district="Berga")
        leader_a = GroupLeader(first_name="Tova", last_name="Exempelsson", trained=True)
        leader_b = GroupLeader(first_name="Måns", last_name="Påhittad", trained=True)
        interpreter = Interpreter(first_name="Ayaan", last_name="Testdotter")
        running = Group(
            name="Somaliska 10–12 år",
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language=somali,
            age_min=10,
            age_max=12,
            premises=ryd,
            leader1=leader_a,
            leader2=leader_b,
            interpreter=interpreter,
            capacity=6,
            start_date=dt.date(2026, 9, 7),
            weekday=0,
            start_time=dt.time(15, 30),
            end_time=dt.time(17, 30),
            status=GroupStatus.RUNNING,
        )
        planned = Group(
            name="Föräldrar på arabiska",
            programme=Programme.BIS,
            kind=GroupKind.PARENTS,
            language=arabic,
            premises=berga,
            leader1=leader_a,
            capacity=8,
            start_date=dt.date(2027, 1, 18),
            weekday=2,
            start_time=dt.time(18, 0),
            end_time=dt.time(20, 0),
            status=GroupStatus.PLANNED,
        )
        session.add_all([running, planned])
        for number, first_name in enumerate(["Liban", "Hodan", "Warsame", "Sagal"]):
            child = Participant(first_name=first_name, last_name="Påhittad", birth_year=2015, role=Role.CHILD)
            left_on = dt.date(2026, 10, 5) if number == 3 else None
            session.add(
                Enrollment(participant=child, group=running, joined_on=dt.date(2026, 9, 7), left_on=left_on)
            )
    database.close()
    return database.path


@dataclass(frozen=True)
class WindowCall:
    """What the window was asked to open, and how many groups that file held at that moment (None: no file)."""

    path: Path
    demo: bool
    groups: int | None


@pytest.fixture
def fake_window(monkeypatch: pytest.MonkeyPatch) -> list[WindowCall]:
    """Stand in for the Qt window, recording each time the command line opens it."""
    calls: list[WindowCall] = []

    def run(database_path: Path, *, demo: bool = False) -> int:
        groups = None
        if database_path.exists():
            database = open_register(database_path)
            try:
                groups = len(list_groups(database))
            finally:
                database.close()
        calls.append(WindowCall(database_path, demo, groups))
        return 0

    module = types.ModuleType("biv_desktop.ui.app")
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "biv_desktop.ui.app", module)
    return calls
