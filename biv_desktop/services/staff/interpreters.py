"""Interpreters: the list, one interpreter's details and bookings ahead, and saving what the form edits.

Finding an interpreter for a group is in ``services.interpreter_suggestions``.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.enums import GroupStatus, InterpreterEngagement, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.staff.people import (
    UpcomingSession,
    booked_sessions_ahead,
    language_names,
    languages_by_id,
)
from biv_desktop.services.validation import clean_email, clean_phone, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Interpreter, Language

INTERPRETER_ROLE = "Tolk"
MISSING_INTERPRETER = "Tolken finns inte längre; uppdatera listan."


@dataclass(frozen=True)
class InterpreterRow:
    """An interpreter as the list and the form show them."""

    id: int
    uuid: str
    first_name: str
    last_name: str
    phone: str
    email: str
    engagement: InterpreterEngagement
    agency_name: str
    active: bool
    inactive_since: dt.date | None
    language_ids: frozenset[int]
    language_names: tuple[str, ...]
    bookings_ahead: int
    next_booking_on: dt.date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def engagement_label(self) -> str:
        """E.g. 'Tolkförmedling: Tolkcentralen' or 'Frilans'."""
        if self.agency_name:
            return f"{self.engagement.label}: {self.agency_name}"
        return self.engagement.label


@dataclass(frozen=True)
class InterpreterDraft:
    """What the interpreter form edits."""

    first_name: str
    last_name: str = ""
    phone: str = ""
    email: str = ""
    engagement: InterpreterEngagement = InterpreterEngagement.AGENCY
    agency_name: str = ""
    language_ids: frozenset[int] = field(default_factory=frozenset)
    active: bool = True


def _ahead_counts(session: Session, today: dt.date) -> tuple[Counter[int], dict[int, dt.date]]:
    rows = session.execute(
        select(GroupSession.interpreter_id, func.count(), func.min(GroupSession.date))
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.interpreter_id.is_not(None),
            GroupSession.date >= today,
            GroupSession.status != SessionStatus.CANCELLED,
            Group.status != GroupStatus.CANCELLED,
        )
        .group_by(GroupSession.interpreter_id)
    ).all()
    counts: Counter[int] = Counter()
    first: dict[int, dt.date] = {}
    for interpreter_id, count, earliest in rows:
        if interpreter_id is not None:  # excluded by the query; says so to the type checker
            counts[interpreter_id], first[interpreter_id] = count, earliest
    return counts, first


def _to_row(interpreter: Interpreter, ahead: int, next_on: dt.date | None) -> InterpreterRow:
    return InterpreterRow(
        id=interpreter.id,
        uuid=interpreter.uuid,
        first_name=interpreter.first_name,
        last_name=interpreter.last_name,
        phone=interpreter.phone,
        email=interpreter.email,
        engagement=interpreter.engagement,
        agency_name=interpreter.agency_name,
        active=interpreter.active,
        inactive_since=interpreter.inactive_since,
        language_ids=frozenset(language.id for language in interpreter.languages),
        language_names=language_names(interpreter.languages),
        bookings_ahead=ahead,
        next_booking_on=next_on,
    )


def _row_for(session: Session, interpreter: Interpreter, today: dt.date) -> InterpreterRow:
    upcoming = _bookings_ahead(session, interpreter.id, today)
    return _to_row(interpreter, len(upcoming), upcoming[0].date if upcoming else None)


def list_interpreters(database: Database, today: dt.date | None = None) -> list[InterpreterRow]:
    """Every interpreter, active and not, by name."""
    today = today or dt.date.today()
    with database.transaction() as session:
        counts, first = _ahead_counts(session, today)
        interpreters = session.scalars(select(Interpreter).options(selectinload(Interpreter.languages))).all()
        rows = [_to_row(item, counts[item.id], first.get(item.id)) for item in interpreters]
    return sorted(rows, key=lambda row: (swedish_sort_key(row.full_name), row.id))


def interpreter_or_refuse(session: Session, interpreter_id: int) -> Interpreter:
    """The interpreter with this id; a ValidationError saying the list is out of date if there is none."""
    interpreter = session.get(Interpreter, interpreter_id)
    if interpreter is None:
        raise ValidationError("id", MISSING_INTERPRETER)
    return interpreter


def get_interpreter(database: Database, interpreter_id: int, today: dt.date | None = None) -> InterpreterRow:
    """One interpreter; a ValidationError if they were removed meanwhile."""
    with database.transaction() as session:
        return _row_for(session, interpreter_or_refuse(session, interpreter_id), today or dt.date.today())


def _bookings_ahead(session: Session, interpreter_id: int, today: dt.date) -> list[UpcomingSession]:
    return booked_sessions_ahead(
        session, GroupSession.interpreter_id == interpreter_id, today, INTERPRETER_ROLE
    )


def interpreter_bookings_ahead(
    database: Database, interpreter_id: int, today: dt.date | None = None
) -> list[UpcomingSession]:
    """The sessions from today on that the interpreter is booked for, soonest first."""
    with database.transaction() as session:
        interpreter_or_refuse(session, interpreter_id)
        return _bookings_ahead(session, interpreter_id, today or dt.date.today())


@dataclass(frozen=True)
class _CleanInterpreter:
    first_name: str
    last_name: str
    phone: str
    email: str
    agency_name: str


def _clean(draft: InterpreterDraft) -> _CleanInterpreter:
    if not draft.language_ids:
        raise ValidationError("language_ids", "Välj minst ett språk som tolken tolkar på.")
    return _CleanInterpreter(
        first_name=clean_text(draft.first_name, "first_name", "Förnamn", 100, required=True),
        last_name=clean_text(draft.last_name, "last_name", "Efternamn", 100),
        phone=clean_phone(draft.phone, "phone"),
        email=clean_email(draft.email, "email"),
        agency_name=clean_text(draft.agency_name, "agency_name", "Tolkförmedlingens namn", 120),
    )


def _count(number: int) -> str:
    return f"{number} {'träff' if number == 1 else 'träffar'}"


def _dropped_language_warnings(
    session: Session, interpreter_id: int, keeps: frozenset[int], name: str, today: dt.date
) -> list[str]:
    """Bookings ahead in a language the draft no longer has: the groups would be left without a tolk."""
    rows = session.execute(
        select(Language.name, func.count())
        .select_from(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .join(Language, Group.language_id == Language.id)
        .where(
            GroupSession.interpreter_id == interpreter_id,
            GroupSession.date >= today,
            GroupSession.status != SessionStatus.CANCELLED,
            Group.status != GroupStatus.CANCELLED,
            Group.language_id.not_in(keeps) if keeps else Group.language_id.is_not(None),
        )
        .group_by(Language.name)
        .order_by(Language.name)
    ).all()
    return [f"{name} är bokad på {_count(count)} på {language} framöver." for language, count in rows]


def _warnings(
    session: Session,
    clean: _CleanInterpreter,
    draft: InterpreterDraft,
    interpreter_id: int | None,
    today: dt.date,
) -> tuple[str, ...]:
    warnings: list[str] = []
    name = f"{clean.first_name} {clean.last_name}".strip()
    same_name = select(func.count()).where(
        func.lower(Interpreter.first_name) == clean.first_name.lower(),
        func.lower(Interpreter.last_name) == clean.last_name.lower(),
    )
    if interpreter_id is not None:
        same_name = same_name.where(Interpreter.id != interpreter_id)
    if session.scalar(same_name):
        warnings.append(f"Det finns redan en tolk som heter {name}.")
    if interpreter_id is None:
        return tuple(warnings)
    interpreter = interpreter_or_refuse(session, interpreter_id)
    if interpreter.active and not draft.active:
        ahead = len(_bookings_ahead(session, interpreter_id, today))
        if ahead:
            warnings.append(
                f"{name} är bokad på {_count(ahead)} framöver. "
                "Bokningarna ligger kvar tills du byter tolk i schemat."
            )
    warnings.extend(_dropped_language_warnings(session, interpreter_id, draft.language_ids, name, today))
    return tuple(warnings)


def check_interpreter(
    database: Database,
    draft: InterpreterDraft,
    interpreter_id: int | None = None,
    today: dt.date | None = None,
) -> tuple[str, ...]:
    """What the user should confirm before saving: a name already taken, bookings ahead of one leaving or
    in a language taken away."""
    clean = _clean(draft)
    with database.transaction() as session:
        languages_by_id(session, draft.language_ids, "language_ids")
        return _warnings(session, clean, draft, interpreter_id, today or dt.date.today())


def save_interpreter(
    database: Database,
    draft: InterpreterDraft,
    interpreter_id: int | None = None,
    *,
    override: bool = False,
    today: dt.date | None = None,
) -> InterpreterRow:
    """Create (``interpreter_id`` None) or update an interpreter.

    Marking an interpreter inactive records today as the day they stopped; active again clears it.
    Raises ValidationError for bad input and NeedsConfirmation for warnings unless ``override``.
    """
    today = today or dt.date.today()
    clean = _clean(draft)
    with database.transaction() as session:
        languages = languages_by_id(session, draft.language_ids, "language_ids")
        warnings = _warnings(session, clean, draft, interpreter_id, today)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        if interpreter_id is None:
            interpreter = Interpreter(first_name=clean.first_name)
            session.add(interpreter)
        else:
            interpreter = interpreter_or_refuse(session, interpreter_id)
        interpreter.first_name = clean.first_name
        interpreter.last_name = clean.last_name
        interpreter.phone = clean.phone
        interpreter.email = clean.email
        interpreter.engagement = draft.engagement
        interpreter.agency_name = clean.agency_name
        interpreter.languages = languages
        _set_active(interpreter, draft.active, today)
        session.flush()
        return _row_for(session, interpreter, today)


def _set_active(interpreter: Interpreter, active: bool, today: dt.date) -> None:
    if active:
        interpreter.active, interpreter.inactive_since = True, None
    elif interpreter.active or interpreter.inactive_since is None:
        interpreter.active, interpreter.inactive_since = False, today


def set_interpreter_active(
    database: Database, interpreter_id: int, active: bool, today: dt.date | None = None
) -> InterpreterRow:
    """Mark an interpreter as no longer taking bookings (from today) or as taking them again."""
    today = today or dt.date.today()
    with database.transaction() as session:
        interpreter = interpreter_or_refuse(session, interpreter_id)
        _set_active(interpreter, active, today)
        session.flush()
        return _row_for(session, interpreter, today)
