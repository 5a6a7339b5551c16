"""The contact list a running group's leaders carry: each participant with their guardians' names and phones.

Only for a running group (a list of phone numbers has no use before a group starts or after it ends), and
only those in the group today. Printed marked confidential.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from biv_desktop.domain.attendance_rules import belongs_on
from biv_desktop.domain.enums import GroupStatus, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.attendance.calls import Guardian
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Family, Group, Participant


@dataclass(frozen=True)
class Contact:
    """One participant's line: their names, birth year, the phone stored for a guardian, and the guardians."""

    name: str
    native_name: str
    birth_year: int
    role: Role
    guardian_phone: str
    guardians: tuple[Guardian, ...]


@dataclass(frozen=True)
class ContactList:
    """A running group's participants today, in Swedish name order, with the leaders and interpreter."""

    group_name: str
    language: str
    leader_names: tuple[str, ...]
    interpreter_name: str
    today: dt.date
    contacts: tuple[Contact, ...]


def _guardians(person: Participant) -> tuple[Guardian, ...]:
    family: Family | None = person.family
    if family is None:
        return ()
    members = [
        m for m in family.members if m.role is Role.GUARDIAN and m.id != person.id and m.anonymised_on is None
    ]
    return tuple(
        Guardian(m.full_name, m.guardian_phone)
        for m in sorted(members, key=lambda m: swedish_sort_key(m.full_name))
    )


def contact_list(database: Database, group_id: int, today: dt.date | None = None) -> ContactList:
    """The group's contact list; a ValidationError unless the group is running."""
    today = today or dt.date.today()
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        if group.status is not GroupStatus.RUNNING:
            raise ValidationError(
                "group_id",
                f"Kontaktlistan görs bara för pågående grupper; ”{group.name}” är {group.status.label.lower()}.",
            )
        enrollments = session.scalars(
            select(Enrollment)
            .where(Enrollment.group_id == group_id)
            .options(
                joinedload(Enrollment.participant).joinedload(Participant.family).joinedload(Family.members)
            )
        ).unique()
        contacts = [
            Contact(
                name=e.participant.full_name,
                native_name=e.participant.native_name,
                birth_year=e.participant.birth_year,
                role=e.participant.role,
                guardian_phone=e.participant.guardian_phone,
                guardians=_guardians(e.participant),
            )
            for e in enrollments
            if belongs_on(e.joined_on, e.left_on, today) and e.participant.anonymised_on is None
        ]
        leaders = tuple(person.full_name for person in (group.leader1, group.leader2) if person is not None)
        return ContactList(
            group_name=group.name,
            language=group.language.name,
            leader_names=leaders,
            interpreter_name=group.interpreter.full_name if group.interpreter else "",
            today=today,
            contacts=tuple(sorted(contacts, key=lambda c: swedish_sort_key(c.name))),
        )
