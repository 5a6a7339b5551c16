"""Reading the attendance read models from the register, inside the caller's transaction."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.attendance_rules import (
    MISSES_IN_A_ROW,
    SessionMark,
    belongs_on,
    missed_in_a_row,
    misses_now,
    participant_totals,
    session_totals,
)
from biv_desktop.domain.enums import Mark, SessionStatus
from biv_desktop.domain.retention import ANONYMISED_NAME
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.attendance.read_models import (
    AttendanceGrid,
    AttendeeRow,
    GridRow,
    GridSession,
    MarkChange,
    SessionAttendance,
    StaffAtSession,
    closed_reason,
    open_ahead,
)
from biv_desktop.services.read_models import from_row
from biv_desktop.services.schedule.reading import read_group_sessions, read_session
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Participant,
)


@dataclass(frozen=True)
class _Member:
    """A participant of the group (or someone with a mark in it) with their enrolment, if any."""

    person: Participant
    enrollment: Enrollment | None

    def expected_on(self, day: dt.date) -> bool:
        if self.enrollment is None:
            return False
        return belongs_on(self.enrollment.joined_on, self.enrollment.left_on, day)

    def sort_key(self) -> tuple[str, str, int]:
        person = self.person
        if person.anonymised_on is not None:
            return ("\uffff", "", person.id)  # nameless lines last
        return (swedish_sort_key(person.first_name), swedish_sort_key(person.last_name), person.id)


def _members(session: Session, group_id: int, marked: set[int]) -> list[_Member]:
    """Everyone ever enrolled in the group, and anyone marked at its sessions without an enrolment."""
    enrollments = session.scalars(
        select(Enrollment).options(joinedload(Enrollment.participant)).where(Enrollment.group_id == group_id)
    ).all()
    members = {
        enrollment.participant_id: _Member(enrollment.participant, enrollment) for enrollment in enrollments
    }
    strays = marked - members.keys()
    if strays:
        for person in session.scalars(select(Participant).where(Participant.id.in_(strays))):
            members[person.id] = _Member(person, None)
    return sorted(members.values(), key=_Member.sort_key)


def _names(person: Participant) -> tuple[str, str, str]:
    if person.anonymised_on is not None:
        return ANONYMISED_NAME, "", ""
    return person.first_name, person.last_name, person.native_name


def _attendee(member: _Member, group_session: GroupSession, mark: Mark | None) -> AttendeeRow:
    first, last, native = _names(member.person)
    enrollment = member.enrollment
    return AttendeeRow(
        session_id=group_session.id,
        participant_id=member.person.id,
        first_name=first,
        last_name=last,
        native_name=native,
        birth_year=member.person.birth_year,
        gender=member.person.gender,
        role=member.person.role,
        joined_on=enrollment.joined_on if enrollment else None,
        left_on=enrollment.left_on if enrollment else None,
        expected=member.expected_on(group_session.date),
        mark=mark,
    )


def _staff(label: str, person: GroupLeader | Interpreter | None, present: bool | None) -> StaffAtSession:
    if person is None:
        return StaffAtSession(label, None, "", None)
    return StaffAtSession(label, person.id, person.full_name, present)


def read_sheet(session: Session, group_session: GroupSession, today: dt.date) -> SessionAttendance:
    """One session's sheet, read inside the caller's transaction."""
    group = group_session.group
    marks: dict[int, Mark] = {
        participant_id: mark
        for participant_id, mark in session.execute(
            select(AttendanceMark.participant_id, AttendanceMark.mark).where(
                AttendanceMark.session_id == group_session.id
            )
        )
    }
    members = _members(session, group.id, set(marks))
    rows = tuple(
        _attendee(member, group_session, marks.get(member.person.id))
        for member in members
        if member.person.id in marks or member.expected_on(group_session.date)
    )
    reading = read_session(group_session, len(group.sessions))
    # The session's facts are the one reading's; the room adds the group, the staff's presence and the rows.
    return from_row(
        SessionAttendance,
        reading,
        session_id=reading.id,
        programme=group.programme,
        kind=group.kind,
        language=group.language.name,
        leader1=_staff("Gruppledare", group_session.leader1, group_session.leader1_present),
        leader2=_staff("Gruppledare", group_session.leader2, group_session.leader2_present),
        interpreter=_staff("Tolk", group_session.interpreter, group_session.interpreter_present),
        rows=rows,
        closed_reason=closed_reason(group_session.status, group_session.date, today),
    )


def _meets_again(sessions: Sequence[GroupSession], today: dt.date) -> bool:
    """Whether the group has a session today or later: reaching out is for a group still meeting."""
    return any(s.date >= today and s.status is not SessionStatus.CANCELLED for s in sessions)


def _grid_row(
    member: _Member, sessions: Sequence[GroupSession], marks: Mapping[tuple[int, int], Mark], today: dt.date
) -> GridRow:
    person = member.person
    cells = [
        SessionMark(s.id, s.status, marks.get((s.id, person.id)), member.expected_on(s.date))
        for s in sessions
    ]
    first, last, native = _names(person)
    enrollment = member.enrollment
    missed_lately = misses_now(cells)
    return GridRow(
        participant_id=person.id,
        first_name=first,
        last_name=last,
        native_name=native,
        birth_year=person.birth_year,
        gender=person.gender,
        role=person.role,
        joined_on=enrollment.joined_on if enrollment else None,
        left_on=enrollment.left_on if enrollment else None,
        marks={cell.session_id: cell.mark for cell in cells if cell.mark is not None},
        expected=frozenset(cell.session_id for cell in cells if cell.expected),
        totals=participant_totals(cells),
        missed_runs=missed_in_a_row(cells),
        misses_now=missed_lately,
        follow_up=missed_lately >= MISSES_IN_A_ROW
        and member.expected_on(today)
        and _meets_again(sessions, today),
    )


def read_grid(session: Session, group: Group, today: dt.date) -> AttendanceGrid:
    """A group's grid, read inside the caller's transaction."""
    sessions = list(group.sessions)
    marks: dict[tuple[int, int], Mark] = {
        (session_id, participant_id): mark
        for session_id, participant_id, mark in session.execute(
            select(AttendanceMark.session_id, AttendanceMark.participant_id, AttendanceMark.mark).where(
                AttendanceMark.session_id.in_([s.id for s in sessions])
            )
        )
    }
    members = _members(session, group.id, {participant_id for _, participant_id in marks})
    rows = tuple(_grid_row(member, sessions, marks, today) for member in members)
    readings = {reading.id: reading for reading in read_group_sessions(group)}
    columns = []
    for group_session in sessions:
        reading = readings[group_session.id]
        counted = (
            row.mark_at(group_session.id)
            for row in rows
            if row.expects(group_session.id) or row.mark_at(group_session.id) is not None
        )
        columns.append(
            from_row(
                GridSession,
                reading,
                takes_place=reading.takes_place,
                totals=session_totals(group_session.status, counted),
                closed_reason=closed_reason(group_session.status, group_session.date, today),
                notice_ahead=open_ahead(group_session.status, group_session.date, today),
            )
        )
    return AttendanceGrid(
        group_id=group.id,
        group_name=group.name,
        programme=group.programme,
        kind=group.kind,
        language=group.language.name,
        premises=group.premises.name,
        today=today,
        sessions=tuple(columns),
        rows=rows,
    )


def _attendee_from_row(row: GridRow, session_id: int) -> AttendeeRow:
    return from_row(
        AttendeeRow,
        row,
        session_id=session_id,
        expected=row.expects(session_id),
        mark=row.mark_at(session_id),
    )


def read_change(
    session: Session, group_session: GroupSession, person: Participant, today: dt.date
) -> MarkChange:
    """What a mark changed, read after it was written, inside the same transaction."""
    group = group_session.group
    grid = read_grid(session, group, today)
    row = grid.row_for(person.id)
    if row is None:
        # Someone with no enrolment whose last mark in the group was just cleared: no longer on the grid.
        row = _grid_row(_Member(person, None), group.sessions, {}, today)
    return MarkChange(
        attendee=_attendee_from_row(row, group_session.id),
        row=row,
        session=grid.session(group_session.id),
        group_totals=grid.totals,
    )
