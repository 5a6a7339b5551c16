"""One reading of a stored session: its number, date, time, theme, premises, staff and status.

The room view, the attendance grid, the session sheet, the course sheet and the print pack read a session
here, and the schedule's fast loader applies the same rules (``domain.schedule.numbering``), so a screen
and a printout never disagree. Staff are the session's own: when the coordinator removes a session's
interpreter, nobody is booked for it, whatever the group had. A session without premises of its own meets
in its group's.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.schedule.conflicts import Booking
from biv_desktop.domain.schedule.numbering import booking_label, session_label, takes_place
from biv_desktop.store.models import Group, GroupLeader, GroupSession, Interpreter


@dataclass(frozen=True)
class BookedPerson:
    """A leader or interpreter booked for a session."""

    id: int
    name: str


@dataclass(frozen=True)
class SessionReading:
    """A session as every screen and printout shows it."""

    id: int
    group_id: int
    group_name: str
    number: int
    plan_length: int  # how many sessions the group's plan has, cancelled ones included
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    theme: str
    theme_description: str
    premises_id: int
    premises: str
    premises_address: str
    district: str
    leaders: tuple[BookedPerson, ...]
    interpreter: BookedPerson | None
    status: SessionStatus
    group_status: GroupStatus
    materials: str = ""  # what the leaders bring, printed on the session sheet
    revision: int = 0  # how often its calendar-visible facts changed (an exported calendar's SEQUENCE)

    @property
    def takes_place(self) -> bool:
        return takes_place(self.status, self.group_status)

    @property
    def label(self) -> str:
        """'Träff 3 av 14', or 'Träff 3 av 14 – inställd'."""
        return session_label(self.number, self.plan_length, held=self.takes_place)

    @property
    def leader_names(self) -> tuple[str, ...]:
        return tuple(leader.name for leader in self.leaders)

    @property
    def interpreter_name(self) -> str:
        return self.interpreter.name if self.interpreter is not None else ""


def _booked(person: GroupLeader | Interpreter | None) -> BookedPerson | None:
    return BookedPerson(person.id, person.full_name) if person is not None else None


def read_session(row: GroupSession, plan_length: int) -> SessionReading:
    """The reading of one stored session; ``plan_length`` is ``len(row.group.sessions)``, passed in so
    that reading a whole group does not count its sessions once per session."""
    group = row.group
    premises = row.premises or group.premises
    leaders = tuple(person for person in map(_booked, (row.leader1, row.leader2)) if person is not None)
    return SessionReading(
        id=row.id,
        group_id=group.id,
        group_name=group.name,
        number=row.number,
        plan_length=plan_length,
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        theme=row.theme_title,
        theme_description=row.theme_description,
        premises_id=premises.id,
        premises=premises.name,
        premises_address=premises.address,
        district=premises.district,
        leaders=leaders,
        interpreter=_booked(row.interpreter),
        status=row.status,
        group_status=group.status,
        materials=row.materials,
        revision=row.revision or 0,
    )


def session_booking(row: GroupSession) -> Booking:
    """A stored session as the conflict rules see it: its time, its effective premises, its own staff."""
    return Booking(
        session_key=row.id,
        date=row.date,
        start=row.start_time,
        end=row.end_time,
        premises_id=row.premises_id if row.premises_id is not None else row.group.premises_id,
        leader_ids=tuple(i for i in (row.leader1_id, row.leader2_id) if i is not None),
        interpreter_id=row.interpreter_id,
        label=booking_label(row.group.name, row.number),
    )


def read_group_sessions(group: Group) -> tuple[SessionReading, ...]:
    """Every session of the group, in the order of its plan."""
    return read_sessions(group.sessions, len(group.sessions))


def read_sessions(rows: Iterable[GroupSession], plan_length: int) -> tuple[SessionReading, ...]:
    """Sessions of one group in the order of its plan (by number)."""
    return tuple(read_session(row, plan_length) for row in sorted(rows, key=lambda row: row.number))
