"""Reading sessions for the schedule in a few queries, and turning them into bookings, conflicts and rows.

Sessions are read as plain columns rather than ORM objects, and the people, premises and languages they
refer to once per call, so years of sessions load quickly.

A parents' group meets in parallel with its children's group, in the same premises at the same time (in
another room): that pair does not double-book the premises. People are still checked: nobody can lead both.
"""

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind, GroupStatus, SessionStatus
from biv_desktop.domain.schedule.conflicts import (
    Booking,
    Conflict,
    ConflictKind,
    find_all_conflicts,
    find_conflicts,
)
from biv_desktop.domain.schedule.days_off import BreakWeek
from biv_desktop.domain.schedule.numbering import booking_label, takes_place
from biv_desktop.domain.schedule.staffing import StaffedPerson
from biv_desktop.services.lookup import missing
from biv_desktop.services.read_models import from_row
from biv_desktop.services.schedule.models import ScheduleRow
from biv_desktop.services.schedule.staffing import FULLY_STAFFED, Staffing, assess_booked, staffed_people
from biv_desktop.store.models import Group, GroupSession, Language, Premises, effective_premises_id


@dataclass(frozen=True)
class SessionFacts:
    """A stored session as the schedule needs it, with its effective premises."""

    id: int
    group_id: int
    group_name: str
    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    theme: str
    premises_id: int
    leader1_id: int | None
    leader2_id: int | None
    interpreter_id: int | None
    status: SessionStatus
    note: str
    language_id: int
    group_status: GroupStatus
    children_group_id: int | None  # for a parents' group: the children's group it runs beside

    @property
    def takes_place(self) -> bool:
        """Whether the session will be (or was) held: neither it nor its group is cancelled."""
        return takes_place(self.status, self.group_status)

    @property
    def leader_ids(self) -> tuple[int, ...]:
        return tuple(i for i in (self.leader1_id, self.leader2_id) if i is not None)

    @property
    def label(self) -> str:
        """How conflicts name this session, e.g. 'BIV Arabiska 7–9 år, Ryd, ht 2025 (träff 3)'."""
        return booking_label(self.group_name, self.number)

    def booking(self) -> Booking:
        return Booking(
            session_key=self.id,
            date=self.date,
            start=self.start_time,
            end=self.end_time,
            premises_id=self.premises_id,
            leader_ids=self.leader_ids,
            interpreter_id=self.interpreter_id,
            label=self.label,
        )


@dataclass(frozen=True)
class Register:
    """The people, premises and languages sessions refer to, loaded once per call."""

    leaders: Mapping[int, StaffedPerson]
    interpreters: Mapping[int, StaffedPerson]
    premises: Mapping[int, str]
    languages: Mapping[int, tuple[str, str]]  # id -> (name, ISO code)

    def staffing(self, facts: SessionFacts) -> Staffing:
        if not facts.takes_place:
            return FULLY_STAFFED
        name, code = self.languages[facts.language_id]
        return assess_booked(
            facts.leader_ids,
            facts.interpreter_id,
            (self.leaders, self.interpreters),
            facts.language_id,
            name,
            code,
        )

    def describe(self, conflict: Conflict) -> str:
        """The conflict's sentence, with the names of those booked twice, e.g. '… Gäller Karin Holmgren.'"""
        names = [self.leaders[i].name for i in conflict.leader_ids if i in self.leaders]
        if conflict.interpreter_id is not None and conflict.interpreter_id in self.interpreters:
            names.append(self.interpreters[conflict.interpreter_id].name)
        if not names:
            return conflict.message
        return f"{conflict.message} Gäller {' och '.join(names)}."

    def describe_all(self, conflicts: Iterable[Conflict]) -> tuple[str, ...]:
        return tuple(self.describe(conflict) for conflict in conflicts)

    def row(self, facts: SessionFacts, conflicts: Sequence[Conflict] = ()) -> ScheduleRow:
        leaders = [self.leaders[i] for i in facts.leader_ids if i in self.leaders]
        interpreter = self.interpreters.get(facts.interpreter_id) if facts.interpreter_id else None
        return from_row(
            ScheduleRow,
            facts,
            premises=self.premises.get(facts.premises_id, ""),
            leader_ids=tuple(leader.id for leader in leaders),
            leader_names=tuple(leader.name for leader in leaders),
            interpreter_id=interpreter.id if interpreter else None,
            interpreter_name=interpreter.name if interpreter else "",
            staffing_problems=self.staffing(facts).problems,
            conflicts=tuple(conflicts) if facts.takes_place else (),
            conflict_messages=self.describe_all(conflicts) if facts.takes_place else (),
        )


def load_register(session: Session) -> Register:
    leaders, interpreters = staffed_people(session)
    premises = {row.id: row.name for row in session.scalars(select(Premises))}
    languages = {row.id: (row.name, row.iso_code) for row in session.scalars(select(Language))}
    return Register(leaders, interpreters, premises, languages)


_COLUMNS = (
    GroupSession.id,
    GroupSession.group_id,
    Group.name,
    GroupSession.number,
    GroupSession.date,
    GroupSession.start_time,
    GroupSession.end_time,
    GroupSession.theme_title,
    effective_premises_id(),
    GroupSession.leader1_id,
    GroupSession.leader2_id,
    GroupSession.interpreter_id,
    GroupSession.status,
    GroupSession.note,
    Group.language_id,
    Group.status,
    Group.children_group_id,
)


def load_facts(session: Session, *conditions: ColumnElement[bool]) -> list[SessionFacts]:
    """Sessions matching the conditions, in time order; those of a cancelled group will not take place
    and are left out."""
    query = (
        select(*_COLUMNS)
        .join(Group, GroupSession.group_id == Group.id)
        .where(Group.status != GroupStatus.CANCELLED, *conditions)
        .order_by(GroupSession.date, GroupSession.start_time, Group.name, GroupSession.number)
    )
    return [SessionFacts(*tuple(row)) for row in session.execute(query)]


def facts_for(session: Session, session_id: int) -> SessionFacts:
    """One session (of any group), or a ValidationError if it is gone."""
    query = (
        select(*_COLUMNS).join(Group, GroupSession.group_id == Group.id).where(GroupSession.id == session_id)
    )
    row = session.execute(query).first()
    if row is None:
        raise missing(GroupSession)
    return SessionFacts(*tuple(row))


def linked_parents(session: Session, group: Group) -> tuple[Group, ...]:
    """The parents' groups running beside a children's group that are not over or called off."""
    if group.kind is not GroupKind.CHILDREN:
        return ()
    return tuple(
        session.scalars(
            select(Group)
            .where(
                Group.children_group_id == group.id,
                Group.status.not_in((GroupStatus.CANCELLED, GroupStatus.FINISHED)),
            )
            .order_by(Group.name)
        )
    )


def in_parallel(group_id: int, children_group_id: int | None, other: SessionFacts) -> bool:
    """Whether a session of this group and `other` are a parents' group and its children's group."""
    return children_group_id == other.group_id or other.children_group_id == group_id


def without_parallel_groups(
    conflicts: Iterable[Conflict],
    group_id: int,
    children_group_id: int | None,
    others: Mapping[Hashable, SessionFacts],
) -> list[Conflict]:
    """The conflicts, leaving out premises shared by a parents' group and its children's group."""
    return [
        conflict
        for conflict in conflicts
        if not (
            conflict.kind is ConflictKind.PREMISES_DOUBLE_BOOKED
            and conflict.other_key in others
            and in_parallel(group_id, children_group_id, others[conflict.other_key])
        )
    ]


def all_conflicts(
    facts: Sequence[SessionFacts], breaks: Sequence[BreakWeek]
) -> dict[Hashable, list[Conflict]]:
    """Every conflict among the sessions that take place, by session id (the bulk finder, for lists)."""
    by_id: dict[Hashable, SessionFacts] = {item.id: item for item in facts if item.takes_place}
    found = find_all_conflicts((item.booking() for item in by_id.values()), breaks=breaks)
    return {
        key: without_parallel_groups(conflicts, by_id[key].group_id, by_id[key].children_group_id, by_id)
        for key, conflicts in found.items()
    }


def conflicts_for(
    session: Session,
    candidate: Booking,
    breaks: Sequence[BreakWeek],
    *,
    group_id: int,
    children_group_id: int | None,
) -> list[Conflict]:
    """What a session of the group, booked as `candidate`, would clash with among those already on its day."""
    others = load_facts(
        session, GroupSession.date == candidate.date, GroupSession.status != SessionStatus.CANCELLED
    )
    found = find_conflicts(candidate, [item.booking() for item in others], breaks=breaks)
    return without_parallel_groups(found, group_id, children_group_id, {item.id: item for item in others})


def conflicts_of(session: Session, facts: SessionFacts, breaks: Sequence[BreakWeek]) -> list[Conflict]:
    """A stored (or changed) session's conflicts; none for one that will not take place."""
    if not facts.takes_place:
        return []
    return conflicts_for(
        session, facts.booking(), breaks, group_id=facts.group_id, children_group_id=facts.children_group_id
    )
