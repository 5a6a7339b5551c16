"""What the printed attendance sheets show: one session, a whole course, or every session of a week.

The read models here carry everything a sheet prints, so reports/sheets draws them without the database.
Each session is the schedule area's one reading of it (``SessionReading``): the same number ("Träff 5 av
14"), date, theme and staff as the screens show.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.ages import age_range_label
from biv_desktop.domain.enums import GroupKind, Mark, Programme, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.retention import ANONYMISED_NAME
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.lookup import check_exists, get_or_missing, missing
from biv_desktop.services.schedule.reading import SessionReading, read_group_sessions
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Participant,
    Premises,
    effective_premises_id,
    session_takes_place,
)

LONGEST_PACK_DAYS = 366


@dataclass(frozen=True)
class SheetGroup:
    """What every sheet says about its group: who it is for, where and when it meets, who leads it."""

    id: int
    name: str
    programme: Programme
    kind: GroupKind
    language: str
    age_min: int | None
    age_max: int | None
    premises: str
    premises_address: str
    weekday: int
    start_time: dt.time
    end_time: dt.time
    leader_names: tuple[str, ...]
    interpreter_name: str

    @property
    def age_band_label(self) -> str:
        """E.g. '10–12 år', or '' for a parents' group."""
        return age_range_label(self.age_min, self.age_max)


@dataclass(frozen=True)
class SheetParticipant:
    """A participant as a sheet lists them: the name in Latin letters, in their own script, and birth year."""

    id: int
    name: str
    native_name: str
    birth_year: int
    role: Role
    joined_on: dt.date
    left_on: dt.date | None

    def enrolled_on(self, day: dt.date) -> bool:
        """Whether the participant belonged to the group on that day."""
        return self.joined_on <= day and (self.left_on is None or self.left_on >= day)


@dataclass(frozen=True)
class SessionSheet:
    """One session's attendance sheet: the session as read, its group, and who belongs on its day."""

    session: SessionReading
    group: SheetGroup
    participants: tuple[SheetParticipant, ...]
    notified_absent: frozenset[int] = frozenset()  # participant ids whose absence was notified already


@dataclass(frozen=True)
class CourseRow:
    """One participant's line of the course sheet: a recorded mark (or None) and membership per session."""

    participant: SheetParticipant
    marks: tuple[Mark | None, ...]
    enrolled: tuple[bool, ...]

    @property
    def present_count(self) -> int:
        return sum(mark is Mark.PRESENT for mark in self.marks)


@dataclass(frozen=True)
class CourseSheet:
    """A whole course on one sheet: everyone who belonged to the group against all its sessions."""

    group: SheetGroup
    sessions: tuple[SessionReading, ...]
    rows: tuple[CourseRow, ...]

    @property
    def has_marks(self) -> bool:
        """Whether any attendance has been recorded."""
        return any(mark is not None for row in self.rows for mark in row.marks)

    def taken_at(self, index: int) -> bool:
        """Whether attendance was recorded for anyone at the session in column ``index``."""
        return any(row.marks[index] is not None for row in self.rows)

    def present_at(self, index: int) -> int:
        """How many were marked present at the session in column ``index``."""
        return sum(row.marks[index] is Mark.PRESENT for row in self.rows)


@dataclass(frozen=True)
class PrintPack:
    """Every session sheet of a period, optionally at one premises, in the order they happen."""

    first: dt.date
    last: dt.date
    premises: str | None
    sheets: tuple[SessionSheet, ...]


def _person_name(person: GroupLeader | Interpreter | None) -> str:
    return person.full_name if person is not None else ""


def _participant_name(participant: Participant) -> str:
    return participant.full_name if participant.anonymised_on is None else ANONYMISED_NAME


def _sheet_group(group: Group) -> SheetGroup:
    leaders = tuple(name for name in (_person_name(group.leader1), _person_name(group.leader2)) if name)
    return SheetGroup(
        id=group.id,
        name=group.name,
        programme=group.programme,
        kind=group.kind,
        language=group.language.name,
        age_min=group.age_min,
        age_max=group.age_max,
        premises=group.premises.name,
        premises_address=group.premises.address,
        weekday=group.weekday,
        start_time=group.start_time,
        end_time=group.end_time,
        leader_names=leaders,
        interpreter_name=_person_name(group.interpreter),
    )


def _participants(session: Session, group_ids: Iterable[int]) -> dict[int, list[SheetParticipant]]:
    """Everyone ever enrolled in each group, in Swedish alphabetical order."""
    wanted = set(group_ids)
    found: dict[int, list[SheetParticipant]] = defaultdict(list)
    if not wanted:
        return found
    enrollments = session.scalars(
        select(Enrollment).where(Enrollment.group_id.in_(wanted)).options(joinedload(Enrollment.participant))
    ).all()
    # By surname, then first name, the Swedish way: the order the register shows them in on screen.
    order: dict[int, tuple[str, str, int]] = {}
    for enrollment in enrollments:
        person = enrollment.participant
        order[person.id] = (
            swedish_sort_key(person.last_name),
            swedish_sort_key(person.first_name),
            person.id,
        )
        found[enrollment.group_id].append(
            SheetParticipant(
                id=person.id,
                name=_participant_name(person),
                native_name=person.native_name if person.anonymised_on is None else "",
                birth_year=person.birth_year,
                role=person.role,
                joined_on=enrollment.joined_on,
                left_on=enrollment.left_on,
            )
        )
    for rows in found.values():
        rows.sort(key=lambda row: order[row.id])
    return found


def _session_sheet(
    reading: SessionReading,
    group: Group,
    participants: list[SheetParticipant],
    notified: frozenset[int] = frozenset(),
) -> SessionSheet:
    return SessionSheet(
        session=reading,
        group=_sheet_group(group),
        participants=tuple(person for person in participants if person.enrolled_on(reading.date)),
        notified_absent=notified,
    )


def _notified(session: Session, session_ids: Sequence[int]) -> dict[int, frozenset[int]]:
    """The participants with a notified absence at each session (often recorded ahead, by phone)."""
    found: dict[int, set[int]] = defaultdict(set)
    for session_id, participant_id in session.execute(
        select(AttendanceMark.session_id, AttendanceMark.participant_id).where(
            AttendanceMark.session_id.in_(session_ids), AttendanceMark.mark == Mark.NOTIFIED_ABSENCE
        )
    ):
        found[session_id].add(participant_id)
    return {session_id: frozenset(ids) for session_id, ids in found.items()}


def _load_groups(session: Session, group_ids: Iterable[int]) -> dict[int, Group]:
    groups = session.scalars(
        select(Group)
        .where(Group.id.in_(set(group_ids)))
        .options(
            joinedload(Group.language),
            joinedload(Group.premises),
            joinedload(Group.leader1),
            joinedload(Group.leader2),
            joinedload(Group.interpreter),
            joinedload(Group.sessions).options(
                joinedload(GroupSession.premises),
                joinedload(GroupSession.leader1),
                joinedload(GroupSession.leader2),
                joinedload(GroupSession.interpreter),
            ),
        )
    ).unique()
    return {group.id: group for group in groups}


def _sheets_for(session: Session, session_ids: Sequence[int]) -> list[SessionSheet]:
    group_ids = session.scalars(
        select(GroupSession.group_id).where(GroupSession.id.in_(session_ids)).distinct()
    ).all()
    groups = _load_groups(session, group_ids)
    participants = _participants(session, group_ids)
    readings = {reading.id: reading for group in groups.values() for reading in read_group_sessions(group)}
    notified = _notified(session, session_ids)
    sheets = []
    for session_id in session_ids:
        reading = readings[session_id]
        group = groups[reading.group_id]
        sheets.append(
            _session_sheet(reading, group, participants[group.id], notified.get(session_id, frozenset()))
        )
    return sheets


def session_sheet(database: Database, session_id: int) -> SessionSheet:
    """The attendance sheet of one session; a ValidationError if it was removed meanwhile."""
    with database.transaction() as session:
        check_exists(session, GroupSession, session_id, "session")
        return _sheets_for(session, [session_id])[0]


def session_sheet_by_number(database: Database, group_id: int, number: int) -> SessionSheet:
    """The attendance sheet of the group's session with that number (as the schedule numbers them)."""
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group")
        numbers = sorted(row.number for row in group.sessions)
        match = [row.id for row in group.sessions if row.number == number]
        if not match:
            if not numbers:
                raise ValidationError("session", f"Gruppen ”{group.name}” har inga träffar ännu.")
            raise ValidationError(
                "session",
                f"Gruppen ”{group.name}” har ingen träff nummer {number}; "
                f"träffarna är numrerade {numbers[0]}–{numbers[-1]}.",
            )
        return _sheets_for(session, match)[0]


def course_sheet(database: Database, group_id: int) -> CourseSheet:
    """The whole course of a group: its sessions in date order and everyone who belonged at some session."""
    with database.transaction() as session:
        groups = _load_groups(session, [group_id])
        if group_id not in groups:
            raise missing(Group, "group")
        group = groups[group_id]
        columns = tuple(sorted(read_group_sessions(group), key=lambda column: (column.date, column.number)))
        if not columns:
            raise ValidationError(
                "group", f"Gruppen ”{group.name}” har inga träffar ännu; lägg in schemat först."
            )
        marks: dict[tuple[int, int], Mark] = {
            (mark.participant_id, mark.session_id): mark.mark
            for mark in session.scalars(
                select(AttendanceMark).where(AttendanceMark.session_id.in_([column.id for column in columns]))
            )
        }
        lines = []
        for person in _participants(session, [group_id])[group_id]:
            enrolled = tuple(person.enrolled_on(column.date) for column in columns)
            recorded = tuple(marks.get((person.id, column.id)) for column in columns)
            if any(enrolled) or any(mark is not None for mark in recorded):
                lines.append(CourseRow(person, recorded, enrolled))
        return CourseSheet(_sheet_group(group), columns, tuple(lines))


def print_pack(
    database: Database, first: dt.date, last: dt.date, premises_id: int | None = None
) -> PrintPack:
    """Every session sheet from first to last (both included) that takes place, optionally at one premises.

    Ordered by date, start time and premises, the order a coordinator hands them out in.
    """
    if last < first:
        raise ValidationError("last", "Slutdatumet ligger före startdatumet. Byt plats på datumen.")
    if (last - first).days >= LONGEST_PACK_DAYS:
        raise ValidationError("last", "Välj högst ett år åt gången.")
    with database.transaction() as session:
        premises_name: str | None = None
        where = effective_premises_id()
        query = (
            select(GroupSession.id)
            .join(Group, GroupSession.group_id == Group.id)
            .join(Premises, Premises.id == where)
            .where(GroupSession.date.between(first, last), session_takes_place())
        )
        if premises_id is not None:
            premises_name = get_or_missing(session, Premises, premises_id, "premises").name
            query = query.where(where == premises_id)
        ids = session.scalars(
            query.order_by(GroupSession.date, GroupSession.start_time, Premises.name, Group.name)
        ).all()
        return PrintPack(first, last, premises_name, tuple(_sheets_for(session, ids)))
