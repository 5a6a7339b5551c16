"""Finding an interpreter for a group: those who speak its language, by how many of its sessions they are free.

"Free" uses the domain's conflict rule: an interpreter is busy at a session when another session they are
booked for overlaps it in time (one ending at 19:00 and one starting then do not).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.conflicts import Booking, ConflictKind, find_conflicts
from biv_desktop.domain.schedule.numbering import booking_label
from biv_desktop.domain.schedule.plan import plan_sessions
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.register.break_weeks import break_weeks_in
from biv_desktop.services.register.settings import settings_in
from biv_desktop.services.staff.people import language_names
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Interpreter, Language, session_takes_place


@dataclass(frozen=True)
class SessionTime:
    """A time the group meets. ``key`` tells its sessions apart (the session's id once saved)."""

    key: Hashable
    date: dt.date
    start_time: dt.time
    end_time: dt.time


@dataclass(frozen=True)
class InterpreterSuggestion:
    """An interpreter who speaks the group's language, and at which of its sessions they are booked elsewhere."""

    interpreter_id: int
    name: str
    phone: str
    email: str
    language_names: tuple[str, ...]
    free_sessions: int
    total_sessions: int
    busy: tuple[str, ...]  # one Swedish sentence per clash, e.g. '2026-03-17: Tolken är redan bokad …'
    is_current: bool  # already the group's interpreter

    @property
    def fully_free(self) -> bool:
        return self.free_sessions == self.total_sessions

    @property
    def availability(self) -> str:
        """E.g. 'Ledig alla 14 träffar', 'Ledig 12 av 14 träffar' or 'Inga träffar kvar att boka'."""
        if self.total_sessions == 0:
            return "Inga träffar kvar att boka"
        if self.fully_free:
            return (
                "Ledig den enda träffen"
                if self.total_sessions == 1
                else f"Ledig alla {self.total_sessions} träffar"
            )
        return f"Ledig {self.free_sessions} av {self.total_sessions} träffar"


def _group_times(session: Session, group: Group, today: dt.date) -> list[SessionTime]:
    """The group's sessions still to be held; for a group whose sessions are not made yet, its planned dates."""
    if group.sessions:
        return [
            SessionTime(row.id, row.date, row.start_time, row.end_time)
            for row in group.sessions
            if row.status is SessionStatus.PLANNED and row.date >= today
        ]
    settings = settings_in(session)
    planned = plan_sessions(
        group.start_date,
        group.weekday,
        group.start_time,
        group.end_time,
        count=settings.sessions_per_group,
        breaks=break_weeks_in(session),
    )
    return [
        SessionTime(("planned", p.number), p.date, p.start_time, p.end_time)
        for p in planned
        if p.date >= today
    ]


def _other_bookings(
    session: Session, interpreter_ids: list[int], times: Sequence[SessionTime], exclude_group_id: int | None
) -> dict[tuple[int, dt.date], list[Booking]]:
    """Each interpreter's bookings on the days the group meets, by interpreter and day."""
    days = {time.date for time in times}
    if not days or not interpreter_ids:
        return {}
    query = (
        select(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.interpreter_id.in_(interpreter_ids),
            GroupSession.date.in_(days),
            session_takes_place(),
        )
        .options(joinedload(GroupSession.group))
    )
    if exclude_group_id is not None:
        # The group's own sessions are the ones being staffed, not clashes.
        query = query.where(GroupSession.group_id != exclude_group_id)
    found: dict[tuple[int, dt.date], list[Booking]] = defaultdict(list)
    for row in session.scalars(query):
        if row.interpreter_id is None:  # narrowed by the query; says so to the type checker
            continue
        found[row.interpreter_id, row.date].append(
            Booking(
                session_key=row.id,
                date=row.date,
                start=row.start_time,
                end=row.end_time,
                interpreter_id=row.interpreter_id,
                label=booking_label(row.group.name, row.number),
            )
        )
    return found


def _suggest(
    session: Session,
    language_id: int,
    times: Sequence[SessionTime],
    exclude_group_id: int | None,
    current_id: int | None,
) -> list[InterpreterSuggestion]:
    speakers = session.scalars(
        select(Interpreter)
        .where(Interpreter.active.is_(True), Interpreter.languages.any(Language.id == language_id))
        .options(selectinload(Interpreter.languages))
    ).all()
    bookings = _other_bookings(session, [item.id for item in speakers], times, exclude_group_id)
    suggestions = []
    for interpreter in speakers:
        busy: list[str] = []
        for time in times:
            # Wrapped so that a key from a form never equals another session's id (same key, same session).
            key = ("candidate", time.key)
            candidate = Booking(key, time.date, time.start_time, time.end_time, interpreter_id=interpreter.id)
            clashes = [
                conflict
                for conflict in find_conflicts(candidate, bookings.get((interpreter.id, time.date), ()))
                if conflict.kind is ConflictKind.PERSON_DOUBLE_BOOKED
                and conflict.interpreter_id == interpreter.id
            ]
            busy.extend(f"{time.date.isoformat()}: {conflict.message}" for conflict in clashes[:1])
        free = len(times) - len(busy)
        if times and free == 0:
            continue  # busy at every session: no help to this group
        suggestions.append(
            InterpreterSuggestion(
                interpreter_id=interpreter.id,
                name=interpreter.full_name,
                phone=interpreter.phone,
                email=interpreter.email,
                language_names=language_names(interpreter.languages),
                free_sessions=free,
                total_sessions=len(times),
                busy=tuple(busy),
                is_current=interpreter.id == current_id,
            )
        )
    # The group's own interpreter first among equals: keeping them means no new booking to make.
    return sorted(
        suggestions, key=lambda item: (-item.free_sessions, not item.is_current, swedish_sort_key(item.name))
    )


def suggest_interpreters(
    database: Database, group_id: int, today: dt.date | None = None
) -> list[InterpreterSuggestion]:
    """Active interpreters who speak the group's language, free at the most of its sessions ahead first.

    Those booked elsewhere at every one of the group's sessions are left out; one free at only some of them
    is listed with how many, so the coordinator can book them and find a substitute for the rest.
    """
    today = today or dt.date.today()
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, options=[selectinload(Group.sessions)])
        times = _group_times(session, group, today)
        return _suggest(session, group.language_id, times, group.id, group.interpreter_id)


def suggest_interpreters_for(
    database: Database,
    language_id: int,
    times: Sequence[SessionTime],
    *,
    group_id: int | None = None,
    current_interpreter_id: int | None = None,
) -> list[InterpreterSuggestion]:
    """The same for a group still being planned: its language and session times as the form holds them.

    ``group_id`` (when the group is saved) keeps its own sessions from counting as clashes.
    """
    with database.transaction() as session:
        if session.get(Language, language_id) is None:
            raise ValidationError("language_id", "Språket finns inte längre. Välj ett annat språk.")
        return _suggest(session, language_id, times, group_id, current_interpreter_id)
