"""The read models of attendance: what the screens and the printouts draw.

``SessionAttendance`` is one session as the room sees it (and as a printed session sheet shows it);
``AttendanceGrid`` is a whole group, participants × sessions, with the totals. Both are frozen and hold
no ORM objects, so the screens and the printouts draw from the same data. The counting rules are in
``biv_desktop.domain.attendance_rules``; reading them from the register is in
``reading``, and the use cases that read and write them in ``marking``.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from biv_desktop.domain.attendance_rules import Tally, tally
from biv_desktop.domain.enums import Gender, GroupKind, Mark, Programme, Role, SessionStatus

CANCELLED_SESSION = (
    "Träffen är inställd, så ingen närvaro kan föras för den. Ändra träffens status i schemat om den "
    "ändå hölls."
)
FUTURE_SESSION = "Träffen har inte varit än."
ONLY_NOTICE_AHEAD = (
    "Träffen har inte varit än: före träffen kan bara anmäld frånvaro registreras. Närvaro och frånvaro "
    "tas från träffens dag."
)


def closed_reason(status: SessionStatus, day: dt.date, today: dt.date) -> str:
    """Why attendance cannot be taken for a session, or '' when it can (from its day on; today included)."""
    if status is SessionStatus.CANCELLED:
        return CANCELLED_SESSION
    if day > today:
        return FUTURE_SESSION
    return ""


def open_ahead(status: SessionStatus, day: dt.date, today: dt.date) -> bool:
    """Whether a notified absence may be recorded ahead: a session still to come that is not cancelled."""
    return status is not SessionStatus.CANCELLED and day > today


@dataclass(frozen=True)
class StaffAtSession:
    """A leader or the interpreter booked for a session, and whether they were there (None: not taken)."""

    role_label: str  # 'Gruppledare' or 'Tolk'
    person_id: int | None
    name: str  # '' when nobody is booked
    present: bool | None

    @property
    def booked(self) -> bool:
        return self.person_id is not None


@dataclass(frozen=True)
class StaffPresence:
    """Who of the booked staff was at a session, as the room view's check boxes record it."""

    leader1: bool | None = None
    leader2: bool | None = None
    interpreter: bool | None = None


@dataclass(frozen=True)
class AttendeeRow:
    """One participant's line on a session's attendance sheet.

    ``expected`` is False for someone with a mark who was not enrolled on the session's day (after their
    enrolment dates were changed); they are listed so the mark can be seen and cleared.
    """

    session_id: int
    participant_id: int
    first_name: str
    last_name: str
    native_name: str
    birth_year: int
    gender: Gender
    role: Role
    joined_on: dt.date | None
    left_on: dt.date | None
    expected: bool
    mark: Mark | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def gender_label(self) -> str:
        return self.gender.label_for(self.role)


@dataclass(frozen=True)
class SessionAttendance:
    """One session with everything the room view and a session sheet show.

    The session's facts (number, date, theme, premises, staff) come from the schedule area's one reading
    of it, so the room view says what the schedule and the printed sheet say. ``closed_reason`` says why no
    attendance can be taken (cancelled, or not yet come), '' when it can.
    """

    session_id: int
    group_id: int
    group_name: str
    programme: Programme
    kind: GroupKind
    language: str
    premises: str
    premises_address: str
    district: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    number: int
    plan_length: int
    theme: str
    theme_description: str
    status: SessionStatus
    label: str  # 'Träff 3 av 14' (domain.schedule.numbering)
    leader1: StaffAtSession
    leader2: StaffAtSession
    interpreter: StaffAtSession
    rows: tuple[AttendeeRow, ...]
    closed_reason: str

    @property
    def open_for_marks(self) -> bool:
        return not self.closed_reason

    @property
    def staff(self) -> tuple[StaffAtSession, StaffAtSession, StaffAtSession]:
        return (self.leader1, self.leader2, self.interpreter)

    @property
    def totals(self) -> Tally:
        """The marks of the people listed; unmarked counts those expected without a mark."""
        return tally(row.mark for row in self.rows if row.expected or row.mark is not None)

    def row_for(self, participant_id: int) -> AttendeeRow | None:
        return next((row for row in self.rows if row.participant_id == participant_id), None)


@dataclass(frozen=True)
class GridSession:
    """One session as a column of the group's grid, with its totals (nothing counted unless held)."""

    id: int
    number: int
    takes_place: bool
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    theme: str
    status: SessionStatus
    totals: Tally
    closed_reason: str
    notice_ahead: bool = False  # still to come: a notified absence may be recorded ahead

    @property
    def open_for_marks(self) -> bool:
        return not self.closed_reason


@dataclass(frozen=True)
class GridRow:
    """One participant's line in the group's grid: a mark per session (by session id), the totals over
    held sessions, and the runs of two or more missed sessions in a row."""

    participant_id: int
    first_name: str
    last_name: str
    native_name: str
    birth_year: int
    gender: Gender
    role: Role
    joined_on: dt.date | None
    left_on: dt.date | None
    marks: Mapping[int, Mark]
    expected: frozenset[int]  # the sessions they were enrolled on
    totals: Tally
    missed_runs: tuple[tuple[int, ...], ...]
    misses_now: int  # held sessions missed since they were last there
    follow_up: bool  # still in the group and has missed the latest two held sessions or more

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def gender_label(self) -> str:
        return self.gender.label_for(self.role)

    @property
    def rate(self) -> float | None:
        return self.totals.rate

    @property
    def flagged(self) -> bool:
        """Has missed two or more held sessions in a row at some point (the grid shows where)."""
        return bool(self.missed_runs)

    def mark_at(self, session_id: int) -> Mark | None:
        return self.marks.get(session_id)

    def expects(self, session_id: int) -> bool:
        return session_id in self.expected

    def in_missed_run(self, session_id: int) -> bool:
        return any(session_id in run for run in self.missed_runs)


@dataclass(frozen=True)
class AttendanceGrid:
    """A group's attendance: participants × sessions in number order, with totals and rates."""

    group_id: int
    group_name: str
    programme: Programme
    kind: GroupKind
    language: str
    premises: str
    today: dt.date
    sessions: tuple[GridSession, ...]
    rows: tuple[GridRow, ...]

    @property
    def totals(self) -> Tally:
        total = Tally()
        for session in self.sessions:
            total += session.totals
        return total

    @property
    def rate(self) -> float | None:
        return self.totals.rate

    @property
    def held_sessions(self) -> int:
        return sum(1 for session in self.sessions if session.status is SessionStatus.HELD)

    @property
    def flagged_rows(self) -> tuple[GridRow, ...]:
        """Everyone who has missed two or more sessions in a row at some point."""
        return tuple(row for row in self.rows if row.flagged)

    @property
    def follow_up_rows(self) -> tuple[GridRow, ...]:
        """Those to reach out to now: still in the group, and away from the latest two sessions or more."""
        return tuple(row for row in self.rows if row.follow_up)

    def session(self, session_id: int) -> GridSession:
        return next(session for session in self.sessions if session.id == session_id)

    def row_for(self, participant_id: int) -> GridRow | None:
        return next((row for row in self.rows if row.participant_id == participant_id), None)


@dataclass(frozen=True)
class MarkChange:
    """What one mark changed, for each screen to update in place: the person's line on the session
    sheet, their line and the session's column in the group grid, and the group's totals."""

    attendee: AttendeeRow
    row: GridRow
    session: GridSession
    group_totals: Tally
