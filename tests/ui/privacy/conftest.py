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
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Mark, Programme, Role, SessionStatus
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Family,
    Group,
    GroupLeader,
    GroupSession,
    Language,
    Participant,
    Premises,
)

TODAY = dt.date(2026, 11, 25)


@dataclass(frozen=True)
class DueRegister:
    """The fixture register and its people's ids by first name."""

    database: Database
    today: dt.date
    ids: dict[str, int]


def _group(arabic: Language, premises: Premises, status: GroupStatus, start: dt.date) -> Group:
    group = Group(
        name=f"BIV Arabiska 7–12 år, Ryd, {'vt 2025' if start.year == 2025 else 'ht 2026'}",
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        language=arabic,
        age_min=7,
        age_max=12,
        premises=premises,
        start_date=start,
        weekday=start.weekday(),
        start_time=dt.time(17),
        end_time=dt.time(19),
        status=status,
    )
    for number in range(1, 15):
        day = start + dt.timedelta(weeks=number - 1)
        held = SessionStatus.HELD if day < TODAY else SessionStatus.PLANNED
        group.sessions.append(
            GroupSession(number=number, date=day, start_time=dt.time(17), end_time=dt.time(19), status=held)
        )
    return group


@pytest.fixture
def due_register(database: Database) -> DueRegister:
    with database.transaction() as session:
        arabic = session.scalars(select(Language).where(Language.iso_code == "ar")).one()
        ryd = Premises(name="Ryds kyrka", district="Ryd")
        farah = Family(name="Farah")
        people = {
            "Amina": Participant(
                first_name="Amina",
                last_name="Farah",
                birth_year=2015,
                family=farah,
                guardian_phone="070-123 45 67",
            ),
            "Hodan": Participant(
                first_name="Hodan", last_name="Farah", birth_year=1988, role=Role.GUARDIAN, family=farah
            ),
            "Faisal": Participant(first_name="Faisal", last_name="Omar", birth_year=2014),
            "Dawit": Participant(first_name="Dawit", last_name="Tesfay", birth_year=2016),
        }
        olle = GroupLeader(
            first_name="Olle", last_name="Berg", active=False, inactive_since=dt.date(2025, 9, 1)
        )
        spring = _group(arabic, ryd, GroupStatus.FINISHED, dt.date(2025, 2, 11))
        autumn = _group(arabic, ryd, GroupStatus.RUNNING, dt.date(2026, 10, 6))
        session.add_all([*people.values(), olle, spring, autumn])
        session.flush()
        for person, group in ((people["Amina"], spring), (people["Dawit"], autumn)):
            session.add(Enrollment(participant=person, group=group, joined_on=group.start_date))
            for row in group.sessions:
                if row.status is SessionStatus.HELD:
                    session.add(AttendanceMark(session=row, participant=person, mark=Mark.PRESENT))
        ids = {name: person.id for name, person in people.items()}
        ids["Olle"] = olle.id
        ids["Farah"] = farah.id
    return DueRegister(database, TODAY, ids)
