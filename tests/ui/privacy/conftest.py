"""A small fictional register with people due for anonymising, for the Gallring dialog and the requests.

On TODAY (Wednesday 25 November 2026), retention 12 months: Amina Farah (child) was in the Arabic spring 2025
group, which ended 2025-05-13, so she and her mother Hodan Farah (never in a group) have been due since
2026-05-13; group leader Olle Berg has been inactive since 2025-09-01 (due since 2026-09-01); Faisal Omar
was registered but never in a group (due, not ticked in advance). Dawit Tesfay is in the running autumn
group and is never due.
"""

import datetime as dt
from dataclasses import dataclass

import pytest

from biv_desktop.domain.enums import Role
from biv_desktop.store.database import Database
from support import factories

TODAY = dt.date(2026, 11, 25)


@dataclass(frozen=True)
class DueRegister:
    """The fixture register and its people's ids by first name."""

    database: Database
    today: dt.date
    ids: dict[str, int]


def _group(database: Database, premises_id: int, start: dt.date, term: str) -> int:
    """An Arabic children's group at Ryd meeting on Tuesdays, with everyone present at each session before
    TODAY (enrol its people first)."""
    return factories.group(
        database,
        name=f"BIV Arabiska 7–12 år, Ryd, {term}",
        language="ar",
        ages=(7, 12),
        premises_id=premises_id,
        start=start,
        themes=False,
    ).id


@pytest.fixture
def due_register(database: Database) -> DueRegister:
    ryd = factories.premises(database, "Ryds kyrka", "Ryd")
    farah = factories.family(database, "Farah")
    ids = {
        "Amina": factories.participant(
            database, "Amina", 2015, last_name="Farah", family_id=farah, guardian_phone="070-123 45 67"
        ),
        "Hodan": factories.participant(
            database, "Hodan", 1988, last_name="Farah", role=Role.GUARDIAN, family_id=farah
        ),
        "Faisal": factories.participant(database, "Faisal", 2014, last_name="Omar"),
        "Dawit": factories.participant(database, "Dawit", 2016, last_name="Tesfay"),
        "Olle": factories.leader(database, "Olle", "Berg", inactive_since=dt.date(2025, 9, 1)),
        "Farah": farah,
    }
    spring = _group(database, ryd, dt.date(2025, 2, 11), "vt 2025")
    autumn = _group(database, ryd, dt.date(2026, 10, 6), "ht 2026")
    for person, group in (("Amina", spring), ("Dawit", autumn)):
        factories.enrol(database, ids[person], group)
        factories.all_present_until(database, group, TODAY)
    factories.finish(database, spring, TODAY)
    factories.mark_running(database, autumn)
    return DueRegister(database, TODAY, ids)
