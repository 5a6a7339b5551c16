"""One group in full: its facts, leaders and interpreter, its sessions and how many take part.

The roster itself comes from ``services.enrolment.roster(database, group_id)``.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.ages import AgeBand, age_range_label
from biv_desktop.domain.calendar import term_label
from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.domain.naming import group_name
from biv_desktop.domain.schedule.staffing import StaffedPerson, staffing_problems
from biv_desktop.services.groups.drafts import GroupDraft
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.read_models import from_row
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    ThemePlan,
)


@dataclass(frozen=True)
class StaffMember:
    """A leader or the interpreter of a group, with what the coordinator needs to reach them."""

    id: int
    name: str
    phone: str
    email: str
    note: str  # 'Utbildad' or 'Ej utbildad' for a leader, the languages for an interpreter
    active: bool


@dataclass(frozen=True)
class GroupLink:
    """Another group this one belongs with (a children's group and its parents' group)."""

    id: int
    name: str
    status: GroupStatus


@dataclass(frozen=True)
class SessionRow:
    """One session of the group as its detail lists it."""

    id: int
    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    theme_title: str
    status: SessionStatus
    premises: str
    leader_names: tuple[str, ...]
    interpreter_name: str
    staffing_problems: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class GroupDetail:
    """A group with everything its detail view shows; ``draft()`` gives what the edit dialog starts from."""

    id: int
    uuid: str
    name: str
    suggested_name: str
    programme: Programme
    kind: GroupKind
    language_id: int
    language: str
    age_min: int | None
    age_max: int | None
    premises_id: int
    premises: str
    district: str
    start_date: dt.date
    weekday: int
    start_time: dt.time
    end_time: dt.time
    status: GroupStatus
    capacity: int
    theme_plan_id: int | None
    theme_plan_name: str
    leader1: StaffMember | None
    leader2: StaffMember | None
    interpreter: StaffMember | None
    children_group: GroupLink | None
    parents_groups: tuple[GroupLink, ...]
    sessions: tuple[SessionRow, ...]
    enrolled: int  # taking part now
    left: int  # enrolled once, since left
    staffing_problems: tuple[str, ...]
    schedule_locked: bool  # a session is held or has attendance: dates and times are changed in the schedule

    @property
    def age_band_label(self) -> str:
        return age_range_label(self.age_min, self.age_max)

    @property
    def term(self) -> str:
        return term_label(self.start_date)

    @property
    def length_minutes(self) -> int:
        return (self.end_time.hour * 60 + self.end_time.minute) - (
            self.start_time.hour * 60 + self.start_time.minute
        )

    @property
    def leaders(self) -> tuple[StaffMember, ...]:
        return tuple(leader for leader in (self.leader1, self.leader2) if leader is not None)

    def count(self, status: SessionStatus) -> int:
        return sum(1 for item in self.sessions if item.status is status)

    def planned_from(self, today: dt.date) -> tuple[SessionRow, ...]:
        """The planned sessions from ``today`` on."""
        return tuple(s for s in self.sessions if s.status is SessionStatus.PLANNED and s.date >= today)

    def draft(self) -> GroupDraft:
        """The group as the edit dialog fills its fields; the name left empty while it is the suggested one."""
        return from_row(
            GroupDraft,
            self,
            leader1_id=self.leader1.id if self.leader1 else None,
            leader2_id=self.leader2.id if self.leader2 else None,
            interpreter_id=self.interpreter.id if self.interpreter else None,
            name="" if self.name == self.suggested_name else self.name,
        )


def _leader(leader: GroupLeader | None) -> StaffMember | None:
    if leader is None:
        return None
    note = "Utbildad" if leader.trained else "Ej utbildad"
    return StaffMember(leader.id, leader.full_name, leader.phone, leader.email, note, leader.active)


def _interpreter(interpreter: Interpreter | None) -> StaffMember | None:
    if interpreter is None:
        return None
    languages = ", ".join(language.name for language in interpreter.languages)
    return StaffMember(
        interpreter.id,
        interpreter.full_name,
        interpreter.phone,
        interpreter.email,
        languages,
        interpreter.active,
    )


def _staffed(leader: GroupLeader | None) -> StaffedPerson | None:
    return None if leader is None else StaffedPerson(leader.id, leader.full_name, trained=leader.trained)


def _staffed_interpreter(interpreter: Interpreter | None) -> StaffedPerson | None:
    if interpreter is None:
        return None
    ids = frozenset(language.id for language in interpreter.languages)
    return StaffedPerson(interpreter.id, interpreter.full_name, language_ids=ids)


def _problems(
    group: Group, leaders: tuple[GroupLeader | None, ...], interpreter: Interpreter | None
) -> tuple[str, ...]:
    staffed = [person for person in (_staffed(leader) for leader in leaders) if person is not None]
    return tuple(
        staffing_problems(staffed, _staffed_interpreter(interpreter), group.language_id, group.language.name)
    )


def _session_row(group: Group, row: GroupSession) -> SessionRow:
    leaders = (row.leader1, row.leader2)
    return SessionRow(
        id=row.id,
        number=row.number,
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        theme_title=row.theme_title,
        status=row.status,
        premises=(row.premises or group.premises).name,
        leader_names=tuple(leader.full_name for leader in leaders if leader is not None),
        interpreter_name=row.interpreter.full_name if row.interpreter else "",
        # Only sessions still to come can be put right; a held or cancelled one is history.
        staffing_problems=_problems(group, leaders, row.interpreter)
        if row.status is SessionStatus.PLANNED
        else (),
        note=row.note,
    )


def _link(group: Group) -> GroupLink:
    return GroupLink(group.id, group.name, group.status)


def suggested_name(group: Group) -> str:
    band = (
        AgeBand(group.age_min, group.age_max)
        if group.age_min is not None and group.age_max is not None
        else None
    )
    district = group.premises.district.strip() or group.premises.name
    return group_name(group.programme, group.kind, group.language.name, band, district, group.start_date)


def has_attendance(session: Session, group_id: int) -> bool:
    """Whether any of the group's sessions is held or has attendance marks: its history has begun."""
    held = session.scalar(
        select(func.count())
        .select_from(GroupSession)
        .where(GroupSession.group_id == group_id, GroupSession.status == SessionStatus.HELD)
    )
    marks = session.scalar(
        select(func.count())
        .select_from(AttendanceMark)
        .join(GroupSession, AttendanceMark.session_id == GroupSession.id)
        .where(GroupSession.group_id == group_id)
    )
    return bool(held or marks)


def group_or_refuse(session: Session, group_id: int) -> Group:
    """The group with its sessions; a ValidationError on group_id if it was removed meanwhile."""
    return get_or_missing(session, Group, group_id, "group_id", options=[selectinload(Group.sessions)])


def detail_in(session: Session, group_id: int) -> GroupDetail:
    """One group's detail, read inside a transaction already open."""
    group = group_or_refuse(session, group_id)
    counts = {
        bool(active): int(count)
        for active, count in session.execute(
            select(Enrollment.left_on.is_(None), func.count())
            .where(Enrollment.group_id == group_id)
            .group_by(Enrollment.left_on.is_(None))
        )
    }
    parents = session.scalars(
        select(Group).where(Group.children_group_id == group_id).order_by(Group.start_date, Group.id)
    ).all()
    plan = session.get(ThemePlan, group.theme_plan_id) if group.theme_plan_id is not None else None
    return from_row(
        GroupDetail,
        group,
        suggested_name=suggested_name(group),
        language=group.language.name,
        premises=group.premises.name,
        district=group.premises.district,
        theme_plan_name=plan.name if plan is not None else "",
        leader1=_leader(group.leader1),
        leader2=_leader(group.leader2),
        interpreter=_interpreter(group.interpreter),
        children_group=_link(group.children_group) if group.children_group else None,
        parents_groups=tuple(_link(item) for item in parents),
        sessions=tuple(_session_row(group, row) for row in group.sessions),
        enrolled=counts.get(True, 0),
        left=counts.get(False, 0),
        staffing_problems=_problems(group, (group.leader1, group.leader2), group.interpreter),
        schedule_locked=has_attendance(session, group_id),
    )


def get_group(database: Database, group_id: int) -> GroupDetail:
    """One group in full; a ValidationError if it was removed meanwhile."""
    with database.transaction() as session:
        return detail_in(session, group_id)
