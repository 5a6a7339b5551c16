"""Premises: where groups meet (Ryd, Berga, Skäggetorp …), listed and edited."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import check_count, clean_multiline, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Premises, session_takes_place

LARGEST_CAPACITY = 1000


@dataclass(frozen=True)
class PremisesRow:
    """Premises as the list and the form show them, with how much they are used."""

    id: int
    uuid: str
    name: str
    district: str
    address: str
    capacity: int | None
    notes: str
    active_groups: int  # planned or running groups that meet here
    sessions_ahead: int


@dataclass(frozen=True)
class PremisesDraft:
    """What the premises form edits; capacity None when not known."""

    name: str
    district: str
    address: str = ""
    capacity: int | None = None
    notes: str = ""


def _usage(session: Session, today: dt.date) -> tuple[Counter[int], Counter[int]]:
    groups = session.execute(
        select(Group.premises_id, func.count())
        .where(Group.status.in_((GroupStatus.PLANNED, GroupStatus.RUNNING)))
        .group_by(Group.premises_id)
    ).all()
    # A session held elsewhere than its group's premises says so itself; otherwise it is at the group's.
    where = func.coalesce(GroupSession.premises_id, Group.premises_id)
    sessions = session.execute(
        select(where, func.count())
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.date >= today,
            session_takes_place(),
        )
        .group_by(where)
    ).all()
    return Counter({row[0]: row[1] for row in groups}), Counter({row[0]: row[1] for row in sessions})


def _to_row(premises: Premises, groups: int, sessions: int) -> PremisesRow:
    return PremisesRow(
        id=premises.id,
        uuid=premises.uuid,
        name=premises.name,
        district=premises.district,
        address=premises.address,
        capacity=premises.capacity,
        notes=premises.notes,
        active_groups=groups,
        sessions_ahead=sessions,
    )


def _row_for(session: Session, premises: Premises, today: dt.date) -> PremisesRow:
    groups, sessions = _usage(session, today)
    return _to_row(premises, groups[premises.id], sessions[premises.id])


def list_premises(database: Database, today: dt.date | None = None) -> list[PremisesRow]:
    """Every premises, by district and name."""
    today = today or dt.date.today()
    with database.transaction() as session:
        groups, sessions = _usage(session, today)
        rows = [
            _to_row(item, groups[item.id], sessions[item.id]) for item in session.scalars(select(Premises))
        ]
    return sorted(rows, key=lambda row: (swedish_sort_key(row.district), swedish_sort_key(row.name)))


def get_premises(database: Database, premises_id: int, today: dt.date | None = None) -> PremisesRow:
    """One premises; a ValidationError if it was removed meanwhile."""
    with database.transaction() as session:
        return _row_for(session, get_or_missing(session, Premises, premises_id), today or dt.date.today())


def _name_taken(name: str) -> ValidationError:
    return ValidationError("name", f"Det finns redan en lokal som heter ”{name}”. Välj ett annat namn.")


def _clean(draft: PremisesDraft) -> PremisesDraft:
    capacity = draft.capacity
    if capacity is not None:
        check_count(capacity, "capacity", "Antal platser", low=1, high=LARGEST_CAPACITY)
    return PremisesDraft(
        name=clean_text(draft.name, "name", "Namn", 120, required=True),
        district=clean_text(draft.district, "district", "Stadsdel", 80, required=True),
        address=clean_text(draft.address, "address", "Adress", 200),
        capacity=capacity,
        notes=clean_multiline(draft.notes, "notes", "Anteckningar", 2000),
    )


def save_premises(
    database: Database, draft: PremisesDraft, premises_id: int | None = None, today: dt.date | None = None
) -> PremisesRow:
    """Create (``premises_id`` None) or update premises; the name must not be another premises' name."""
    clean = _clean(draft)
    try:
        with database.transaction() as session:
            taken = select(func.count()).where(func.lower(Premises.name) == clean.name.lower())
            if premises_id is not None:
                taken = taken.where(Premises.id != premises_id)
            if session.scalar(taken):
                raise _name_taken(clean.name)
            premises = Premises() if premises_id is None else get_or_missing(session, Premises, premises_id)
            premises.name, premises.district, premises.address = clean.name, clean.district, clean.address
            premises.capacity, premises.notes = clean.capacity, clean.notes
            session.add(premises)
            session.flush()
            return _row_for(session, premises, today or dt.date.today())
    except IntegrityError as error:
        if "unique" not in str(error.orig).lower():
            raise
        # Another program saved the same name between the check and the write.
        raise _name_taken(clean.name) from error
