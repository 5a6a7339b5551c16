"""Interpreters: the list, one interpreter's details and bookings ahead, and saving what the form edits.

Finding an interpreter for a group is in ``services.staff.suggestions``.
"""

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import InterpreterEngagement
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.staff.people import (
    CleanContact,
    ContactDraft,
    StaffRow,
    UpcomingSession,
    booked_sessions_ahead,
    clean_contact,
    languages_by_id,
    leaving_warning,
    mark_active,
    name_taken,
    person_to_save,
    sessions_phrase,
    staff_row,
    staff_rows,
)
from biv_desktop.services.validation import clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Interpreter, Language, session_takes_place

INTERPRETER_ROLE = "Tolk"


@dataclass(frozen=True)
class InterpreterRow(StaffRow):
    """An interpreter as the list and the form show them."""

    engagement: InterpreterEngagement
    agency_name: str

    @property
    def bookings_ahead(self) -> int:
        """Sessions ahead the interpreter is booked for, in the interpreter list's word."""
        return self.sessions_ahead

    @property
    def next_booking_on(self) -> dt.date | None:
        return self.next_session_on

    @property
    def engagement_label(self) -> str:
        """E.g. 'Tolkförmedling: Tolkcentralen' or 'Frilans'."""
        if self.agency_name:
            return f"{self.engagement.label}: {self.agency_name}"
        return self.engagement.label


@dataclass(frozen=True)
class InterpreterDraft(ContactDraft):
    """What the interpreter form edits."""

    engagement: InterpreterEngagement = InterpreterEngagement.AGENCY
    agency_name: str = ""
    language_ids: frozenset[int] = field(default_factory=frozenset)
    active: bool = True


def _row_for(session: Session, interpreter: Interpreter, today: dt.date) -> InterpreterRow:
    return staff_row(InterpreterRow, interpreter, _bookings_ahead(session, interpreter.id, today))


def list_interpreters(database: Database, today: dt.date | None = None) -> list[InterpreterRow]:
    """Every interpreter, active and not, by name."""
    with database.transaction() as session:
        today = today or dt.date.today()
        return staff_rows(session, InterpreterRow, Interpreter, today, GroupSession.interpreter_id)


def get_interpreter(database: Database, interpreter_id: int, today: dt.date | None = None) -> InterpreterRow:
    """One interpreter; a ValidationError if they were removed meanwhile."""
    with database.transaction() as session:
        interpreter = get_or_missing(session, Interpreter, interpreter_id)
        return _row_for(session, interpreter, today or dt.date.today())


def _bookings_ahead(session: Session, interpreter_id: int, today: dt.date) -> list[UpcomingSession]:
    return booked_sessions_ahead(
        session, GroupSession.interpreter_id == interpreter_id, today, INTERPRETER_ROLE
    )


def interpreter_bookings_ahead(
    database: Database, interpreter_id: int, today: dt.date | None = None
) -> list[UpcomingSession]:
    """The sessions from today on that the interpreter is booked for, soonest first."""
    with database.transaction() as session:
        get_or_missing(session, Interpreter, interpreter_id)
        return _bookings_ahead(session, interpreter_id, today or dt.date.today())


def _clean(draft: InterpreterDraft) -> tuple[CleanContact, str]:
    """The contact details and the agency's name, checked."""
    if not draft.language_ids:
        raise ValidationError("language_ids", "Välj minst ett språk som tolken tolkar på.")
    clean = clean_contact(draft)
    return clean, clean_text(draft.agency_name, "agency_name", "Tolkförmedlingens namn", 120)


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
            session_takes_place(),
            Group.language_id.not_in(keeps) if keeps else Group.language_id.is_not(None),
        )
        .group_by(Language.name)
        .order_by(Language.name)
    ).all()
    return [
        f"{name} är bokad på {sessions_phrase(count)} på {language} framöver." for language, count in rows
    ]


def _warnings(
    session: Session,
    clean: CleanContact,
    draft: InterpreterDraft,
    interpreter_id: int | None,
    today: dt.date,
) -> tuple[str, ...]:
    warnings: list[str] = []
    name = clean.full_name
    if name_taken(session, Interpreter, clean, interpreter_id):
        warnings.append(f"Det finns redan en tolk som heter {name}.")
    if interpreter_id is None:
        return tuple(warnings)
    interpreter = get_or_missing(session, Interpreter, interpreter_id)
    if interpreter.active and not draft.active:
        ahead = len(_bookings_ahead(session, interpreter_id, today))
        if ahead:
            warnings.append(leaving_warning(name, ahead, "tolk"))
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
    clean, _agency = _clean(draft)
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
    clean, agency_name = _clean(draft)
    with database.transaction() as session:
        languages = languages_by_id(session, draft.language_ids, "language_ids")
        warnings = _warnings(session, clean, draft, interpreter_id, today)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        interpreter = person_to_save(
            session, Interpreter, interpreter_id, clean, languages, draft.active, today
        )
        interpreter.engagement = draft.engagement
        interpreter.agency_name = agency_name
        session.flush()
        return _row_for(session, interpreter, today)


def set_interpreter_active(
    database: Database, interpreter_id: int, active: bool, today: dt.date | None = None
) -> InterpreterRow:
    """Mark an interpreter as no longer taking bookings (from today) or as taking them again."""
    today = today or dt.date.today()
    with database.transaction() as session:
        interpreter = mark_active(session, Interpreter, interpreter_id, active, today)
        return _row_for(session, interpreter, today)
