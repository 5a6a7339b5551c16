"""Taking attendance: a session in the room, a group's grid, and each mark saved as it is made.

Every mark is its own transaction, so nothing typed in the room is lost if the laptop dies. The rules:

- Attendance is taken from a session's day on (the same day included), never for a day still to come
  ("Träffen har inte varit än.") and never for a cancelled session.
- A participant belongs on a session when enrolled in the group that day (joined on or before it and not
  left before it). Marks are only made for them; a mark left over from changed enrolment dates can still
  be changed or cleared.
- A mark records that the session took place: a planned session becomes held with its first mark, so a
  paper sheet typed into the grid counts at once. Saving the room view marks it held too, and records
  which of the booked leaders and interpreter were there.
- How marks are counted (totals, the rate, missed sessions in a row) is decided in
  ``biv_desktop.domain.attendance_rules``.

A walk-in (a guest added on the spot) is registered by ``services.attendance_walk_in.add_walk_in``.
"""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.attendance_rules import allowed_ahead, belongs_on
from biv_desktop.domain.enums import Mark, SessionStatus, SwedishEnum
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.attendance.read_models import (
    ONLY_NOTICE_AHEAD,
    AttendanceGrid,
    AttendeeRow,
    MarkChange,
    SessionAttendance,
    StaffAtSession,
    StaffPresence,
    closed_reason,
    open_ahead,
)
from biv_desktop.services.attendance.reading import read_change, read_grid, read_sheet
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.participants.register import current_participant
from biv_desktop.store.database import Database
from biv_desktop.store.models import AttendanceMark, Enrollment, Group, GroupSession, Participant


class StaffSlot(SwedishEnum):
    """One of the three people booked for a session."""

    LEADER1 = "leader1", "Gruppledare 1"
    LEADER2 = "leader2", "Gruppledare 2"
    INTERPRETER = "interpreter", "Tolken"


# Looking up and checking ------------------------------------------------------------------------------


def find_session(session: Session, session_id: int) -> GroupSession:
    return get_or_missing(session, GroupSession, session_id, "session_id")


def session_for_marks(
    session: Session, session_id: int, today: dt.date, value: Mark | None = Mark.PRESENT
) -> GroupSession:
    """The session, if ``value`` may be recorded for it today; a ValidationError saying why not otherwise.

    Ahead of a session's day only a notified absence (or clearing one) may be recorded."""
    group_session = find_session(session, session_id)
    if open_ahead(group_session.status, group_session.date, today):
        if not allowed_ahead(value):
            raise ValidationError("session_id", ONLY_NOTICE_AHEAD)
        return group_session
    reason = closed_reason(group_session.status, group_session.date, today)
    if reason:
        raise ValidationError("session_id", reason)
    return group_session


def enrollment_in(session: Session, group_id: int, participant_id: int) -> Enrollment | None:
    return session.scalars(
        select(Enrollment).where(Enrollment.group_id == group_id, Enrollment.participant_id == participant_id)
    ).first()


def _not_on_session(person: Participant, day: dt.date, enrollment: Enrollment | None) -> str:
    name = person.full_name
    if enrollment is None:
        return f"{name} är inte med i gruppen. Anmäl deltagaren till gruppen först."
    if enrollment.joined_on > day:
        return (
            f"{name} började i gruppen {enrollment.joined_on.isoformat()} och var inte med den "
            f"{day.isoformat()}. Ändra datumet för anmälan om deltagaren var med redan då."
        )
    assert enrollment.left_on is not None
    return (
        f"{name} slutade i gruppen {enrollment.left_on.isoformat()} och var inte med den {day.isoformat()}. "
        "Ändra slutdatumet om deltagaren var med ändå."
    )


def record_mark(
    session: Session,
    group_session: GroupSession,
    person: Participant,
    mark: Mark | None,
    *,
    ahead: bool = False,
) -> None:
    """Set or clear one mark, inside the caller's transaction; the first mark makes the session held,
    unless it is a notified absence recorded ``ahead`` of the session's day."""
    existing = session.scalars(
        select(AttendanceMark).where(
            AttendanceMark.session_id == group_session.id, AttendanceMark.participant_id == person.id
        )
    ).first()
    if mark is None:
        if existing is not None:
            session.delete(existing)
        return
    if existing is None:
        enrollment = enrollment_in(session, group_session.group_id, person.id)
        if enrollment is None or not belongs_on(enrollment.joined_on, enrollment.left_on, group_session.date):
            raise ValidationError("participant_id", _not_on_session(person, group_session.date, enrollment))
        session.add(AttendanceMark(session_id=group_session.id, participant_id=person.id, mark=mark))
    else:
        existing.mark = mark
    # A notified absence recorded ahead says nothing about whether the session took place.
    if group_session.status is SessionStatus.PLANNED and not ahead:
        group_session.status = SessionStatus.HELD
    session.flush()


# Reading ----------------------------------------------------------------------------------------------


def session_attendance(
    database: Database, session_id: int, today: dt.date | None = None
) -> SessionAttendance:
    """One session as the room view shows it: the facts, the staff, and everyone who belongs on it."""
    with database.transaction() as session:
        return read_sheet(session, find_session(session, session_id), today or dt.date.today())


def grid(database: Database, group_id: int, today: dt.date | None = None) -> AttendanceGrid:
    """A group's attendance: every participant it has had × its sessions, with totals and rates."""
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        return read_grid(session, group, today or dt.date.today())


# Taking attendance ------------------------------------------------------------------------------------


def mark(
    database: Database,
    session_id: int,
    participant_id: int,
    value: Mark | None,
    *,
    today: dt.date | None = None,
) -> MarkChange:
    """Mark one participant at one session (None clears the mark) and return what changed.

    Raises ValidationError for a cancelled or future session, a participant not in the group that day,
    or a session or participant that no longer exists.
    """
    today = today or dt.date.today()
    value = Mark(value) if value is not None else None
    with database.transaction() as session:
        group_session = session_for_marks(session, session_id, today, value)
        person = current_participant(session, participant_id)
        record_mark(session, group_session, person, value, ahead=group_session.date > today)
        return read_change(session, group_session, person, today)


def mark_all_present(
    database: Database, session_id: int, *, today: dt.date | None = None
) -> SessionAttendance:
    """Mark everyone on the session who has no mark yet as present; marks already made are kept, so a
    notified absence entered first stays."""
    today = today or dt.date.today()
    with database.transaction() as session:
        group_session = session_for_marks(session, session_id, today)
        for row in read_sheet(session, group_session, today).rows:
            if row.expected and row.mark is None:
                record_mark(
                    session, group_session, current_participant(session, row.participant_id), Mark.PRESENT
                )
        return read_sheet(session, group_session, today)


def _set_presence(group_session: GroupSession, slot: StaffSlot, present: bool | None) -> None:
    booked = {
        StaffSlot.LEADER1: group_session.leader1_id,
        StaffSlot.LEADER2: group_session.leader2_id,
        StaffSlot.INTERPRETER: group_session.interpreter_id,
    }[slot]
    if booked is None and present is not None:
        raise ValidationError(slot.value, f"{slot.label} är inte bokad för träffen; boka i schemat först.")
    setattr(group_session, f"{slot.value}_present", present)


def set_staff_presence(
    database: Database,
    session_id: int,
    slot: StaffSlot,
    present: bool | None,
    *,
    today: dt.date | None = None,
) -> StaffAtSession:
    """Record whether a booked leader or the interpreter was at the session (None: not taken)."""
    today = today or dt.date.today()
    slot = StaffSlot(slot)
    with database.transaction() as session:
        group_session = session_for_marks(session, session_id, today)
        _set_presence(group_session, slot, present)
        session.flush()
        return read_sheet(session, group_session, today).staff[list(StaffSlot).index(slot)]


def _unmarked_warning(rows: tuple[AttendeeRow, ...]) -> tuple[str, ...]:
    names = [row.name for row in rows if row.expected and row.mark is None]
    if not names:
        return ()
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"
    verb = "är inte markerad" if len(names) == 1 else "är inte markerade"
    return (f"{listed} {verb} och räknas inte som närvarande.",)


def check_session_attendance(
    database: Database, session_id: int, today: dt.date | None = None
) -> tuple[str, ...]:
    """What saving the session would warn about: participants still without a mark."""
    today = today or dt.date.today()
    with database.transaction() as session:
        group_session = session_for_marks(session, session_id, today)
        return _unmarked_warning(read_sheet(session, group_session, today).rows)


def save_session_attendance(
    database: Database,
    session_id: int,
    presence: StaffPresence,
    *,
    override: bool = False,
    today: dt.date | None = None,
) -> SessionAttendance:
    """Save the room view: record which booked staff were there and mark the session held.

    Raises NeedsConfirmation, unless ``override``, when someone on the session has no mark.
    """
    today = today or dt.date.today()
    with database.transaction() as session:
        group_session = session_for_marks(session, session_id, today)
        warnings = _unmarked_warning(read_sheet(session, group_session, today).rows)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        _set_presence(group_session, StaffSlot.LEADER1, presence.leader1)
        _set_presence(group_session, StaffSlot.LEADER2, presence.leader2)
        _set_presence(group_session, StaffSlot.INTERPRETER, presence.interpreter)
        group_session.status = SessionStatus.HELD
        session.flush()
        return read_sheet(session, group_session, today)
