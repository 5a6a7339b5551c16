"""What group leaders and interpreters share: the languages they speak and the sessions booked for them.

Leaders are edited through ``services.leaders`` and interpreters through ``services.interpreters``.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import (
    swedish_sort_key as swedish_sort_key,
)  # re-exported: services import it from here
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Language


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
            GroupSession.status != SessionStatus.CANCELLED,
            Group.status != GroupStatus.CANCELLED,
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


def count_ahead(upcoming: Iterable[UpcomingSession]) -> tuple[int, dt.date | None]:
    """How many sessions lie ahead and the date of the first, for a list's columns."""
    dates = [item.date for item in upcoming]
    return len(dates), (min(dates) if dates else None)
