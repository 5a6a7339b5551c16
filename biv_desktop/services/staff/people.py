"""What group leaders and interpreters share: contact details, the languages they speak, being active, and
the sessions booked for them.

Leaders are edited through ``services.staff.leaders`` and interpreters through ``services.staff.interpreters``.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload, selectinload

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.read_models import from_row
from biv_desktop.services.validation import clean_email, clean_phone, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    session_takes_place,
)


@dataclass(frozen=True)
class LanguageRow:
    """A language as the forms offer it, e.g. 'somaliska'."""

    id: int
    name: str
    iso_code: str
    script: str


@dataclass(frozen=True)
class UpcomingSession:
    """A session ahead that a person is booked for, with what they need to know to get there."""

    session_id: int
    group_id: int
    group_name: str
    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    premises: str
    theme: str
    role: str  # 'Gruppledare' or 'Tolk': what the person does at this session


def list_languages(database: Database) -> list[LanguageRow]:
    """Every language of the register, in Swedish alphabetical order."""
    with database.transaction() as session:
        languages = session.scalars(select(Language)).all()
        rows = [LanguageRow(row.id, row.name, row.iso_code, row.script) for row in languages]
    return sorted(rows, key=lambda row: swedish_sort_key(row.name))


def languages_by_id(session: Session, language_ids: Iterable[int], field: str) -> list[Language]:
    """The languages with these ids; a ValidationError on ``field`` if one no longer exists."""
    wanted = set(language_ids)
    if not wanted:
        return []
    found = session.scalars(select(Language).where(Language.id.in_(wanted))).all()
    if len(found) != len(wanted):
        raise ValidationError(
            field, "Ett av de valda språken finns inte längre. Stäng och öppna formuläret igen."
        )
    return sorted(found, key=lambda language: swedish_sort_key(language.name))


def language_names(languages: Iterable[Language]) -> tuple[str, ...]:
    return tuple(sorted((language.name for language in languages), key=swedish_sort_key))


def booked_sessions_ahead(
    session: Session, booked: ColumnElement[bool], today: dt.date, role: str
) -> list[UpcomingSession]:
    """Sessions from ``today`` on matching ``booked`` (a condition on GroupSession), soonest first.

    Cancelled sessions, and every session of a cancelled group, will not take place and are left out.
    """
    rows = session.scalars(
        select(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            booked,
            GroupSession.date >= today,
            session_takes_place(),
        )
        .options(
            joinedload(GroupSession.group).joinedload(Group.premises),
            joinedload(GroupSession.premises),
        )
        .order_by(GroupSession.date, GroupSession.start_time, Group.name, GroupSession.number)
    ).all()
    return [
        UpcomingSession(
            session_id=row.id,
            group_id=row.group_id,
            group_name=row.group.name,
            number=row.number,
            date=row.date,
            start_time=row.start_time,
            end_time=row.end_time,
            premises=(row.premises or row.group.premises).name,
            theme=row.theme_title,
            role=role,
        )
        for row in rows
    ]


# What the two kinds of staff share ---------------------------------------------------------------------

StaffModel = GroupLeader | Interpreter
Row = TypeVar("Row", bound="StaffRow")
Person = TypeVar("Person", GroupLeader, Interpreter)


@dataclass(frozen=True)
class StaffRow:
    """What the lists and forms show of every group leader and interpreter alike."""

    id: int
    uuid: str
    first_name: str
    last_name: str
    phone: str
    email: str
    active: bool
    inactive_since: dt.date | None
    language_ids: frozenset[int]
    language_names: tuple[str, ...]
    sessions_ahead: int
    next_session_on: dt.date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ContactDraft:
    """What the leader and interpreter forms both edit first: a name and how to reach them."""

    first_name: str
    last_name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CleanContact:
    """A draft's name and contact details, tidied and checked."""

    first_name: str
    last_name: str
    phone: str
    email: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def clean_contact(draft: ContactDraft) -> CleanContact:
    return CleanContact(
        first_name=clean_text(draft.first_name, "first_name", "Förnamn", 100, required=True),
        last_name=clean_text(draft.last_name, "last_name", "Efternamn", 100),
        phone=clean_phone(draft.phone, "phone"),
        email=clean_email(draft.email, "email"),
    )


def staff_row(cls: type[Row], person: StaffModel, upcoming: Sequence[UpcomingSession]) -> Row:
    """``cls`` (a StaffRow) for ``person``, booked for the ``upcoming`` sessions (soonest first)."""
    return _staff_row(cls, person, len(upcoming), upcoming[0].date if upcoming else None)


def _staff_row(cls: type[Row], person: StaffModel, ahead: int, next_on: dt.date | None) -> Row:
    return from_row(
        cls,
        person,
        language_ids=frozenset(language.id for language in person.languages),
        language_names=language_names(person.languages),
        sessions_ahead=ahead,
        next_session_on=next_on,
    )


def staff_rows(
    session: Session,
    cls: type[Row],
    model: type[StaffModel],
    today: dt.date,
    *booked: InstrumentedAttribute[int | None],
) -> list[Row]:
    """Every person of ``model`` as a ``cls``, by name, counting the sessions ahead they are ``booked`` for."""
    counts, first = ahead_counts(session, today, *booked)
    found = session.scalars(select(model).options(selectinload(model.languages))).all()
    people = cast(Sequence[StaffModel], found)  # select() of a union of models loses the type
    rows = [_staff_row(cls, person, counts[person.id], first.get(person.id)) for person in people]
    return sorted(rows, key=lambda row: (swedish_sort_key(row.full_name), row.id))


def ahead_counts(
    session: Session, today: dt.date, *booked: InstrumentedAttribute[int | None]
) -> tuple[Counter[int], dict[int, dt.date]]:
    """For every person in the ``booked`` columns of GroupSession: sessions from today on, and the first date.

    A person in two of the columns of one session counts that session once.
    """
    rows = session.execute(
        select(*booked, GroupSession.date)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.date >= today,
            session_takes_place(),
            or_(*(column.is_not(None) for column in booked)),
        )
    ).all()
    counts: Counter[int] = Counter()
    first: dict[int, dt.date] = {}
    for *people, day in rows:
        for person_id in {person for person in people if person is not None}:
            counts[person_id] += 1
            if person_id not in first or day < first[person_id]:
                first[person_id] = day
    return counts, first


def name_taken(session: Session, model: type[StaffModel], clean: CleanContact, person_id: int | None) -> bool:
    """Whether another person of this kind has the same first and last name (any case)."""
    same_name = select(func.count()).where(
        func.lower(model.first_name) == clean.first_name.lower(),
        func.lower(model.last_name) == clean.last_name.lower(),
    )
    if person_id is not None:
        same_name = same_name.where(model.id != person_id)
    return bool(session.scalar(same_name))


def sessions_phrase(number: int) -> str:
    """E.g. '1 träff' or '3 träffar'."""
    return f"{number} {'träff' if number == 1 else 'träffar'}"


def leaving_warning(name: str, ahead: int, role: str) -> str:
    """The warning for a person marked inactive with ``ahead`` sessions still booked; role e.g. 'tolk'."""
    return (
        f"{name} är bokad på {sessions_phrase(ahead)} framöver. "
        f"Bokningarna ligger kvar tills du byter {role} i schemat."
    )


def person_to_save(
    session: Session,
    model: type[Person],
    person_id: int | None,
    clean: CleanContact,
    languages: list[Language],
    active: bool,
    today: dt.date,
) -> Person:
    """The person to save (new when ``person_id`` is None) with the draft's contact details, languages and
    activity written; the caller writes what only its kind has."""
    if person_id is None:
        person = model(first_name=clean.first_name)
        session.add(person)
    else:
        person = get_or_missing(session, model, person_id)
    person.first_name = clean.first_name
    person.last_name = clean.last_name
    person.phone = clean.phone
    person.email = clean.email
    person.languages = languages
    set_active(person, active, today)
    return person


def mark_active(
    session: Session, model: type[Person], person_id: int, active: bool, today: dt.date
) -> Person:
    """The person, marked as no longer taking part (from today) or as taking part again."""
    person = get_or_missing(session, model, person_id)
    set_active(person, active, today)
    session.flush()
    return person


def set_active(person: StaffModel, active: bool, today: dt.date) -> None:
    """Active again clears the day they stopped; inactive records today, unless already recorded."""
    if active:
        person.active, person.inactive_since = True, None
    elif person.active or person.inactive_since is None:
        person.active, person.inactive_since = False, today
