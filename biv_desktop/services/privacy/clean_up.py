"""Gallring: who is due for anonymising, anonymising them, and deleting a participant on request.

The rules for when someone is due are in ``biv_desktop.domain.retention``. Anonymising a participant
removes what identifies them and keeps what the follow-up reports count (birth year, gender, role,
programme status, mother tongue, district, enrolments and attendance), so every report for a past
period gives the same figures afterwards. Deleting on request removes the participant, their enrolments,
marks and place in the queue; follow-up figures a meeting already stored stay as they were documented.

After either, ``privacy_files.remove_traces`` clears the removed text out of the database's files and
takes a fresh backup; ``privacy_mentions`` says where a removed name is still written in free text.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain import retention
from biv_desktop.domain.enums import Role, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.privacy.mentions import Mention, names_of, where_mentioned
from biv_desktop.services.register.settings import settings_in
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Enrollment,
    Family,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Participant,
    WaitingListEntry,
)

MISSING_PERSON = "Personen finns inte längre i registret; uppdatera listan."
ANONYMISED_LEADER_LAST_NAME = "gruppledare"
ANONYMISED_INTERPRETER_LAST_NAME = "tolk"


class PersonKind(StrEnum):
    """Whose data a clean-up concerns."""

    PARTICIPANT = "participant"
    LEADER = "leader"
    INTERPRETER = "interpreter"


@dataclass(frozen=True)
class PersonKey:
    """One person in the register, told apart by kind and id."""

    kind: PersonKind
    id: int


@dataclass(frozen=True)
class DuePerson:
    """Someone whose data is due for anonymising: only what the clean-up view needs to show."""

    key: PersonKey
    name: str
    role: str  # 'Barn', 'Förälder/vårdnadshavare', 'Gruppledare' or 'Tolk'
    ended_on: dt.date | None  # the last group ended, or for staff the day they became inactive
    due_since: dt.date | None  # None: never in a group, or the day they left is unknown

    @property
    def ended_label(self) -> str:
        """What ``ended_on`` means for this person, for the view's tooltip."""
        if self.key.kind is PersonKind.PARTICIPANT:
            return "Sista gruppen slutade" if self.ended_on else "Har aldrig varit med i en grupp"
        return "Inaktiv sedan" if self.ended_on else "Inaktiv (datum saknas)"


@dataclass(frozen=True)
class CleanUpResult:
    """What anonymising or deleting did, and where a removed name is still written in free text."""

    participants: int
    leaders: int
    interpreters: int
    families_removed: int
    mentions: tuple[Mention, ...]

    @property
    def people(self) -> int:
        return self.participants + self.leaders + self.interpreters


# Who is due --------------------------------------------------------------------------------------------


def _spans(session: Session) -> dict[int, list[retention.GroupSpan]]:
    last_session = (
        select(GroupSession.group_id, func.max(GroupSession.date).label("last"))
        .where(GroupSession.status != SessionStatus.CANCELLED)
        .group_by(GroupSession.group_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Enrollment.participant_id, Group.status, Group.start_date, last_session.c.last, Enrollment.left_on
        )
        .join(Group, Enrollment.group_id == Group.id)
        .outerjoin(last_session, last_session.c.group_id == Group.id)
    )
    spans: dict[int, list[retention.GroupSpan]] = defaultdict(list)
    for participant_id, status, start_date, last, left_on in rows:
        spans[participant_id].append(retention.GroupSpan(status, start_date, last, left_on))
    return spans


def participant_standings(session: Session) -> dict[int, retention.Standing]:
    """Every participant not yet anonymised, with their standing (own, or their family's if never in a group)."""
    people = session.execute(
        select(Participant.id, Participant.family_id).where(Participant.anonymised_on.is_(None))
    ).all()
    waiting = set(session.scalars(select(WaitingListEntry.participant_id)))
    spans = _spans(session)
    own = {pid: retention.own_standing(pid in waiting, spans.get(pid, ())) for pid, _family in people}
    families: dict[int, list[int]] = defaultdict(list)
    for pid, family_id in people:
        if family_id is not None:
            families[family_id].append(pid)
    standings = {}
    for pid, family_id in people:
        others = [own[other] for other in families.get(family_id, ()) if other != pid] if family_id else []
        standings[pid] = retention.family_standing(own[pid], pid in spans, others)
    return standings


def _due_participant_standings(
    session: Session, months: int, today: dt.date
) -> dict[int, retention.Standing]:
    """The participants due for anonymising ``today``, with their standings."""
    standings = participant_standings(session)
    return {pid: standing for pid, standing in standings.items() if retention.is_due(standing, months, today)}


def _due_participants(session: Session, months: int, today: dt.date) -> list[DuePerson]:
    due = _due_participant_standings(session, months, today)
    # Filtered here rather than with IN (…): a register of many years may have more due than SQL variables.
    rows = session.execute(
        select(Participant.id, Participant.first_name, Participant.last_name, Participant.role).where(
            Participant.anonymised_on.is_(None)
        )
    )
    return [
        DuePerson(
            key=PersonKey(PersonKind.PARTICIPANT, pid),
            name=f"{first} {last}".strip(),
            role=Role(role).label,
            ended_on=due[pid].last_ended,
            due_since=retention.due_since(due[pid], months),
        )
        for pid, first, last, role in rows
        if pid in due
    ]


def _booked_ahead(session: Session, today: dt.date) -> tuple[set[int], set[int]]:
    ahead = session.execute(
        select(GroupSession.leader1_id, GroupSession.leader2_id, GroupSession.interpreter_id).where(
            GroupSession.date >= today, GroupSession.status == SessionStatus.PLANNED
        )
    ).all()
    leaders = {person for row in ahead for person in row[:2] if person is not None}
    interpreters = {row[2] for row in ahead if row[2] is not None}
    return leaders, interpreters


def _due_staff(session: Session, months: int, today: dt.date) -> list[DuePerson]:
    booked_leaders, booked_interpreters = _booked_ahead(session, today)
    found: list[DuePerson] = []
    for model, kind, role, booked, placeholder in (
        (GroupLeader, PersonKind.LEADER, "Gruppledare", booked_leaders, ANONYMISED_LEADER_LAST_NAME),
        (Interpreter, PersonKind.INTERPRETER, "Tolk", booked_interpreters, ANONYMISED_INTERPRETER_LAST_NAME),
    ):
        rows = session.execute(
            select(model.id, model.first_name, model.last_name, model.inactive_since).where(
                model.active.is_(False)
            )
        )
        for person_id, first, last, inactive_since in rows:
            if (first, last) == (retention.ANONYMISED_STAFF_NAME, placeholder):
                continue
            ahead = 1 if person_id in booked else 0
            if retention.staff_is_due(False, inactive_since, ahead, months, today):
                found.append(
                    DuePerson(
                        key=PersonKey(kind, person_id),
                        name=f"{first} {last}".strip(),
                        role=role,
                        ended_on=inactive_since,
                        due_since=retention.staff_due_since(inactive_since, months),
                    )
                )
    return found


def due_for_clean_up(database: Database, today: dt.date | None = None) -> list[DuePerson]:
    """Everyone whose data is due for anonymising ``today``: those due longest first, then those without
    a date (never in a group), participants before staff, by name within a day."""
    today = today or dt.date.today()
    with database.transaction() as session:
        settings = settings_in(session)
        people = _due_participants(session, settings.retention_months_participants, today)
        people += _due_staff(session, settings.retention_months_staff, today)
    kinds = list(PersonKind)
    return sorted(
        people,
        key=lambda person: (
            person.due_since is None,
            person.due_since or today,
            kinds.index(person.key.kind),
            person.name.casefold(),
            person.key.id,
        ),
    )


def due_counts(database: Database, today: dt.date | None = None) -> Counter[str]:
    """How many of each role ``due_for_clean_up`` lists ``today`` ('Barn', 'Förälder/vårdnadshavare',
    'Gruppledare', 'Tolk'), counted without reading names: the overview shows only these at every start."""
    today = today or dt.date.today()
    counts: Counter[str] = Counter()
    with database.transaction() as session:
        settings = settings_in(session)
        due = _due_participant_standings(session, settings.retention_months_participants, today)
        rows = session.execute(
            select(Participant.id, Participant.role).where(Participant.anonymised_on.is_(None))
        )
        counts.update(Role(role).label for pid, role in rows if pid in due)
        counts.update(person.role for person in _due_staff(session, settings.retention_months_staff, today))
    return counts


# Anonymising and deleting --------------------------------------------------------------------------------


def _participant(session: Session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None or person.anonymised_on is not None:
        raise ValidationError("people", MISSING_PERSON)
    return person


def _refuse_active(person: Participant, standings: dict[int, retention.Standing]) -> None:
    standing = standings.get(person.id)
    if standing is not None and standing.active:
        raise ValidationError(
            "people",
            f"{person.full_name or 'Deltagaren'} står på väntelistan eller är med i en grupp som är planerad "
            "eller pågår, så uppgifterna behövs fortfarande. Ta bort hen från väntelistan eller gruppen först.",
        )


def _anonymise_participant(person: Participant, today: dt.date) -> int | None:
    """Remove what identifies the participant; returns the family they were taken out of."""
    family_id = person.family_id
    person.first_name = ""
    person.last_name = ""
    person.native_name = ""
    person.birth_date = None
    person.status_changed_on = None
    person.guardian_phone = ""
    person.consent_on = None
    person.consent_by = ""
    person.family_id = None
    person.anonymised_on = today
    return family_id


def _clear_leave_reasons(session: Session, participant_ids: Iterable[int]) -> None:
    # A reason for leaving is free text about the person ("moved to ..."); the enrolment itself stays.
    for enrollment in session.scalars(
        select(Enrollment).where(
            Enrollment.participant_id.in_(list(participant_ids)), Enrollment.leave_reason != ""
        )
    ):
        enrollment.leave_reason = ""


def _remove_empty_families(session: Session, family_ids: Iterable[int | None]) -> int:
    """Delete the families with no one left in them but anonymised people: a family's name is the
    members' surname, so it goes with the last of their names."""
    removed = 0
    for family_id in {family_id for family_id in family_ids if family_id is not None}:
        family = session.get(Family, family_id)
        members = session.scalars(select(Participant).where(Participant.family_id == family_id)).all()
        if family is None or any(member.anonymised_on is None for member in members):
            continue
        for member in members:
            member.family_id = None
        session.flush()
        session.delete(family)
        removed += 1
    return removed


def _anonymise_staff(session: Session, kind: PersonKind, person_id: int) -> str:
    """Remove a leader's or interpreter's name and contacts; returns the name they had."""
    person: GroupLeader | Interpreter | None
    if kind is PersonKind.LEADER:
        person, placeholder = session.get(GroupLeader, person_id), ANONYMISED_LEADER_LAST_NAME
    else:
        person, placeholder = session.get(Interpreter, person_id), ANONYMISED_INTERPRETER_LAST_NAME
    if person is None:
        raise ValidationError("people", MISSING_PERSON)
    if (person.first_name, person.last_name) == (retention.ANONYMISED_STAFF_NAME, placeholder):
        raise ValidationError("people", MISSING_PERSON)
    if person.active:
        raise ValidationError(
            "people",
            f"{person.full_name} är markerad som aktiv. Markera hen som inaktiv innan uppgifterna gallras.",
        )
    name = person.full_name
    person.first_name, person.last_name = retention.ANONYMISED_STAFF_NAME, placeholder
    person.phone = ""
    person.email = ""
    return name


def anonymise(database: Database, people: Sequence[PersonKey], today: dt.date | None = None) -> CleanUpResult:
    """Anonymise the chosen participants, group leaders and interpreters, all in one transaction.

    Refuses (ValidationError on 'people', nothing changed) a participant still waiting or in a planned or
    running group, an active leader or interpreter, and anyone already anonymised or gone.
    """
    today = today or dt.date.today()
    if not people:
        raise ValidationError("people", "Markera minst en person att anonymisera.")
    with database.transaction() as session:
        names: list[str] = []
        families: list[int | None] = []
        counts = {kind: 0 for kind in PersonKind}
        participant_ids = []
        standings = participant_standings(session)
        for key in dict.fromkeys(people):
            if key.kind is PersonKind.PARTICIPANT:
                person = _participant(session, key.id)
                _refuse_active(person, standings)
                names.extend(names_of(person.first_name, person.last_name, person.native_name))
                families.append(_anonymise_participant(person, today))
                participant_ids.append(person.id)
            else:
                names.extend(names_of(_anonymise_staff(session, key.kind, key.id)))
            counts[key.kind] += 1
        _clear_leave_reasons(session, participant_ids)
        session.flush()
        removed = _remove_empty_families(session, families)
        session.flush()
        return CleanUpResult(
            participants=counts[PersonKind.PARTICIPANT],
            leaders=counts[PersonKind.LEADER],
            interpreters=counts[PersonKind.INTERPRETER],
            families_removed=removed,
            mentions=where_mentioned(session, names),
        )


def delete_participant(database: Database, participant_id: int) -> CleanUpResult:
    """Remove a participant entirely on their (or their guardian's) request: the person, their enrolments,
    attendance marks and place on the waiting list, and their family if no one else is left in it.

    Follow-up figures already stored with a meeting are not touched: they stay as they were documented.
    """
    with database.transaction() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise ValidationError("participant_id", MISSING_PERSON)
        names = names_of(person.first_name, person.last_name, person.native_name)
        family_id = person.family_id
        session.delete(person)
        session.flush()
        removed = _remove_empty_families(session, [family_id])
        session.flush()
        return CleanUpResult(1, 0, 0, removed, where_mentioned(session, names))
