"""Break weeks (school holidays and other breaks): listing, saving, deleting, and which sessions they hit.

Saving a break here changes no sessions; the window saves a break
through ``services.schedule.save_break_week_and_shift``, which moves the sessions it covers in the same
transaction.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.schedule import days_off
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import check_date, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import BreakWeek, Group, GroupSession

LONGEST_BREAK_DAYS = 366


@dataclass(frozen=True)
class BreakWeekRow:
    """A break as the settings list it."""

    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def weeks_label(self) -> str:
        """The ISO weeks it covers, e.g. 'v. 8' or 'v. 52–1'."""
        first, last = self.starts_on.isocalendar().week, self.ends_on.isocalendar().week
        return f"v. {first}" if first == last else f"v. {first}–{last}"


@dataclass(frozen=True)
class BreakWeekDraft:
    """What the break editor edits."""

    name: str
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class AffectedSession:
    """A planned session inside a break: it will need moving."""

    session_id: int
    group_id: int
    group_name: str
    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time


def _to_row(row: BreakWeek) -> BreakWeekRow:
    return BreakWeekRow(row.id, row.name, row.starts_on, row.ends_on)


def list_break_weeks(database: Database) -> list[BreakWeekRow]:
    """Every break, earliest first."""
    with database.transaction() as session:
        rows = session.scalars(
            select(BreakWeek).order_by(BreakWeek.starts_on, BreakWeek.ends_on, BreakWeek.id)
        )
        return [_to_row(row) for row in rows]


def break_weeks_in(session: Session) -> list[days_off.BreakWeek]:
    """The breaks as the schedule rules take them, read inside another service's transaction."""
    rows = session.scalars(select(BreakWeek).order_by(BreakWeek.starts_on))
    return [days_off.BreakWeek(row.name, row.starts_on, row.ends_on) for row in rows]


def clean_break_week(draft: BreakWeekDraft) -> BreakWeekDraft:
    """The draft tidied and checked: a name, dates in range, an end on or after the start, at most a year."""
    name = clean_text(draft.name, "name", "Namn", 120, required=True)
    starts_on = check_date(draft.starts_on, "starts_on", "Första dagen")
    ends_on = check_date(draft.ends_on, "ends_on", "Sista dagen")
    days_off.BreakWeek(name, starts_on, ends_on)  # the domain's own check: the break ends after it starts
    if (ends_on - starts_on).days + 1 > LONGEST_BREAK_DAYS:
        raise ValidationError("ends_on", "Ett uppehåll kan vara högst ett år. Kontrollera sista dagen.")
    return BreakWeekDraft(name, starts_on, ends_on)


def _affected(session: Session, starts_on: dt.date, ends_on: dt.date) -> list[AffectedSession]:
    rows = session.scalars(
        select(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.date >= starts_on,
            GroupSession.date <= ends_on,
            GroupSession.status == SessionStatus.PLANNED,
            Group.status != GroupStatus.CANCELLED,
        )
        .options(joinedload(GroupSession.group))
        .order_by(GroupSession.date, GroupSession.start_time, Group.name, GroupSession.number)
    ).all()
    return [
        AffectedSession(
            row.id, row.group_id, row.group.name, row.number, row.date, row.start_time, row.end_time
        )
        for row in rows
    ]


def preview_break_week(database: Database, starts_on: dt.date, ends_on: dt.date) -> list[AffectedSession]:
    """The planned sessions from ``starts_on`` to ``ends_on``: what a break there would leave to move."""
    if ends_on < starts_on:
        return []
    with database.transaction() as session:
        return _affected(session, starts_on, ends_on)


def _warnings(session: Session, draft: BreakWeekDraft, break_id: int | None) -> tuple[str, ...]:
    warnings: list[str] = []
    affected = _affected(session, draft.starts_on, draft.ends_on)
    if break_id is not None:
        # Sessions the break already covered were warned about when it was saved before.
        before = get_or_missing(session, BreakWeek, break_id)
        affected = [item for item in affected if not before.starts_on <= item.date <= before.ends_on]
    if affected:
        count = len(affected)
        groups = len({item.group_id for item in affected})
        warnings.append(
            f"{count} {'planerad träff' if count == 1 else 'planerade träffar'} i "
            f"{groups} {'grupp' if groups == 1 else 'grupper'} ligger under uppehållet. De flyttas inte av sig "
            "själva: flytta dem i schemat."
        )
    warnings.extend(overlap_warnings(session, draft, break_id))
    return tuple(warnings)


def overlap_warnings(session: Session, draft: BreakWeekDraft, break_id: int | None) -> tuple[str, ...]:
    """A sentence for each other break the draft overlaps."""
    overlapping = select(BreakWeek).where(
        BreakWeek.starts_on <= draft.ends_on, BreakWeek.ends_on >= draft.starts_on
    )
    if break_id is not None:
        overlapping = overlapping.where(BreakWeek.id != break_id)
    return tuple(
        f"Uppehållet överlappar {days_off.BreakWeek(row.name, row.starts_on, row.ends_on).label}."
        for row in session.scalars(overlapping.order_by(BreakWeek.starts_on))
    )


def write_break_week(session: Session, draft: BreakWeekDraft, break_id: int | None) -> BreakWeekRow:
    """Store a cleaned draft as a new break or over an existing one, inside the caller's transaction."""
    row = BreakWeek() if break_id is None else get_or_missing(session, BreakWeek, break_id)
    row.name, row.starts_on, row.ends_on = draft.name, draft.starts_on, draft.ends_on
    session.add(row)
    session.flush()
    return _to_row(row)


def check_break_week(
    database: Database, draft: BreakWeekDraft, break_id: int | None = None
) -> tuple[str, ...]:
    """What the user should confirm before saving: planned sessions inside the break, overlapping breaks."""
    clean = clean_break_week(draft)
    with database.transaction() as session:
        return _warnings(session, clean, break_id)


def save_break_week(
    database: Database, draft: BreakWeekDraft, break_id: int | None = None, *, override: bool = False
) -> BreakWeekRow:
    """Create (``break_id`` None) or change a break. NeedsConfirmation for its warnings unless ``override``."""
    clean = clean_break_week(draft)
    with database.transaction() as session:
        warnings = _warnings(session, clean, break_id)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        return write_break_week(session, clean, break_id)


def delete_break_week(database: Database, break_id: int) -> None:
    """Remove a break; sessions already planned around it stay where they are."""
    with database.transaction() as session:
        session.delete(get_or_missing(session, BreakWeek, break_id))
