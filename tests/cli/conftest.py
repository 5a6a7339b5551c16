"""For the command-line tests: a register with a couple of fictional groups, and a stand-in window."""

import datetime as dt
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.services.participants import roster
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, Language
from biv_desktop.store.register import open_register
from support import factories


@pytest.fixture
def register_with_groups(database: Database) -> Path:
    """The path of a closed register holding two groups: a running one with 3 of 6 places taken (one more
    child has left) and a planned one with no participants, no second leader, no interpreter and no sessions.

    The running group's fourteen Monday sessions (2026-09-07 – 2026-12-07) have the themes "Tema nummer 1"
    to "Tema nummer 14"; none is held yet."""
    ryd = factories.premises(database, "Rydsgården", "Ryd")
    berga = factories.premises(database, "Berga församlingshem", "Berga")
    tova = factories.leader(database, "Tova", "Exempelsson", trained_on=dt.date(2025, 10, 4))
    mans = factories.leader(database, "Måns", "Påhittad", trained_on=dt.date(2025, 10, 4))
    ayaan = factories.interpreter(database, "Ayaan", "Testdotter", languages=("so",))
    running = factories.group(
        database,
        name="Somaliska 10–12 år",
        language="so",
        ages=(10, 12),
        premises_id=ryd,
        leader_ids=(tova, mans),
        interpreter_id=ayaan,
        capacity=6,
        start=dt.date(2026, 9, 7),
        start_time=dt.time(15, 30),
        theme_plan_id=factories.theme_plan(database, [f"Tema nummer {n}" for n in range(1, 15)]),
        running=True,
    )
    # Built by hand on purpose: a group without sessions, which no service makes (every created group gets
    # its schedule), so that the report commands' "no sessions yet" refusal can be tried.
    with database.transaction() as session:
        arabic = session.scalars(select(Language).where(Language.iso_code == "ar")).one()
        session.add(
            Group(
                name="Föräldrar på arabiska",
                programme=Programme.BIS,
                kind=GroupKind.PARENTS,
                language=arabic,
                premises_id=berga,
                leader1_id=tova,
                capacity=8,
                start_date=dt.date(2027, 1, 18),
                weekday=2,
                start_time=dt.time(18, 0),
                end_time=dt.time(20, 0),
                status=GroupStatus.PLANNED,
            )
        )
    children = factories.participants_in(
        database, running.id, ["Liban", "Hodan", "Warsame", "Sagal"], birth_year=2015, last_name="Påhittad"
    )
    [sagal] = [
        row.enrollment_id for row in roster(database, running.id) if row.participant_id == children["Sagal"]
    ]
    factories.leave(database, sagal, dt.date(2026, 10, 5))
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
