"""Personal schedules: a leader's or an interpreter's sessions in a period, and a group's whole plan.

They are what the coordinator hands the people who work in the groups, on paper and as a calendar file
(``reports.schedules``). Each session is the schedule area's one reading of it (``reading``), so a
schedule says what the schedule screen and the attendance sheets say. Cancelled sessions are listed (a
calendar marks them cancelled; a paper schedule says so), and nothing about the participants is read.

Each entry carries the register's id and the session's id, from which a calendar entry's UID is made:
both stay the same when the session is moved or renamed, so a later calendar file updates the phone's
entry instead of adding a second one; the session's revision says which file is newer.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.calendar import time_range, weekday_name
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.schedule.reading import SessionReading, read_session
from biv_desktop.services.validation import check_date
from biv_desktop.store.database import Database
from biv_desktop.store.identity import register_id_in
from biv_desktop.store.models import Group, GroupLeader, GroupSession, Interpreter

LONGEST_SCHEDULE_DAYS = 2 * 366


@dataclass(frozen=True)
class ScheduleEntry:
    """One session on a personal schedule, with the group's language and who else works at it."""

    session: SessionReading
    language: str
    colleagues: tuple[str, ...]  # the other leaders and the interpreter, by name

    @property
    def weekday(self) -> str:
        return weekday_name(self.session.date.weekday())

    @property
    def times(self) -> str:
        return time_range(self.session.start_time, self.session.end_time)

    @property
    def place(self) -> str:
        """The premises with their address, e.g. 'Ryds kyrka, Rydsvägen 1'."""
        reading = self.session
        return (
            f"{reading.premises}, {reading.premises_address}"
            if reading.premises_address
            else reading.premises
        )


@dataclass(frozen=True)
class PersonalSchedule:
    """A leader's, an interpreter's or a group's sessions in date order, for paper and calendar.

    ``title`` is what the printout's heading says ("Schema för Karin Holmgren, gruppledare"); file names
    and a calendar's name use ``neutral_title``, which names nobody.
    """

    title: str
    neutral_title: str
    first: dt.date
    last: dt.date
    register_id: str
    entries: tuple[ScheduleEntry, ...]

    @property
    def taking_place(self) -> int:
        return sum(1 for entry in self.entries if entry.session.takes_place)


def _check_period(first: dt.date, last: dt.date) -> None:
    check_date(first, "first", "Första dagen")
    check_date(last, "last", "Sista dagen")
    if last < first:
        raise ValidationError("last", "Sista dagen måste vara samma dag som den första eller senare.")
    if (last - first).days > LONGEST_SCHEDULE_DAYS:
        raise ValidationError("last", "Välj högst två år åt gången.")


def _register_id(session: Session) -> str:
    # Every opened register has an id (store.identity); a bare test engine may not, and then the UIDs are
    # still unique per session within that file.
    return register_id_in(session) or "register"


def _sessions(session: Session, *criteria: object) -> list[GroupSession]:
    query = (
        select(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .where(*criteria)  # type: ignore[arg-type]
        .options(
            joinedload(GroupSession.group).options(
                joinedload(Group.language), joinedload(Group.premises), joinedload(Group.sessions)
            ),
            joinedload(GroupSession.premises),
            joinedload(GroupSession.leader1),
            joinedload(GroupSession.leader2),
            joinedload(GroupSession.interpreter),
        )
        .order_by(GroupSession.date, GroupSession.start_time, Group.name, GroupSession.number)
    )
    return list(session.scalars(query).unique())


def _entry(
    row: GroupSession, own_id: int | None, own_kind: type[GroupLeader] | type[Interpreter] | None
) -> ScheduleEntry:
    reading = read_session(row, len(row.group.sessions))
    colleagues: list[str] = []
    for leader in reading.leaders:
        if not (own_kind is GroupLeader and leader.id == own_id):
            colleagues.append(leader.name)
    if reading.interpreter is not None and not (own_kind is Interpreter and reading.interpreter.id == own_id):
        colleagues.append(f"{reading.interpreter.name} (tolk)")
    return ScheduleEntry(reading, row.group.language.name, tuple(colleagues))


def leader_schedule(database: Database, leader_id: int, first: dt.date, last: dt.date) -> PersonalSchedule:
    """The sessions a leader is booked for from first to last (both included), cancelled ones too."""
    _check_period(first, last)
    with database.transaction() as session:
        leader = get_or_missing(session, GroupLeader, leader_id, "leader_id")
        rows = _sessions(
            session,
            or_(GroupSession.leader1_id == leader_id, GroupSession.leader2_id == leader_id),
            GroupSession.date >= first,
            GroupSession.date <= last,
        )
        return PersonalSchedule(
            title=f"Schema för {leader.full_name}, gruppledare",
            neutral_title="Schema för gruppledare",
            first=first,
            last=last,
            register_id=_register_id(session),
            entries=tuple(_entry(row, leader_id, GroupLeader) for row in rows),
        )


def interpreter_schedule(
    database: Database, interpreter_id: int, first: dt.date, last: dt.date
) -> PersonalSchedule:
    """The sessions an interpreter is booked for from first to last (both included), cancelled ones too."""
    _check_period(first, last)
    with database.transaction() as session:
        interpreter = get_or_missing(session, Interpreter, interpreter_id, "interpreter_id")
        rows = _sessions(
            session,
            GroupSession.interpreter_id == interpreter_id,
            GroupSession.date >= first,
            GroupSession.date <= last,
        )
        return PersonalSchedule(
            title=f"Schema för {interpreter.full_name}, tolk",
            neutral_title="Schema för tolk",
            first=first,
            last=last,
            register_id=_register_id(session),
            entries=tuple(_entry(row, interpreter_id, Interpreter) for row in rows),
        )


def group_schedule(database: Database, group_id: int) -> PersonalSchedule:
    """A group's whole plan (its fourteen sessions and any replacement), for its leaders."""
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        rows = _sessions(session, GroupSession.group_id == group_id)
        if not rows:
            raise ValidationError("group_id", f"Gruppen ”{group.name}” har inga träffar ännu.")
        return PersonalSchedule(
            title=f"Schema för {group.name}",
            neutral_title="Gruppens schema",
            first=min(row.date for row in rows),
            last=max(row.date for row in rows),
            register_id=_register_id(session),
            entries=tuple(_entry(row, None, None) for row in rows),
        )
