"""A group's status: moved forward by the calendar, and a group's end (cancelling it, or finishing it early).

The status is stored and moved forward by one rule (``domain.group_status.status_by_date``): a planned group
is running from its first session and finished after its last, without anyone clicking. The window applies
it (``advance_group_statuses``) whenever it shows a page, so the overview and the lists count by it.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.group_status import status_by_date
from biv_desktop.services.groups.detail import GroupDetail, detail_in, group_or_refuse
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession

CANCELLED_GROUP_NOTE = "Gruppen ställdes in."
FINISHED_EARLY_NOTE = "Gruppen avslutades i förtid."


def _call_off(rows: list[GroupSession], note: str) -> None:
    for row in rows:
        row.status = SessionStatus.CANCELLED
        if not row.note.strip():
            row.note = note


def _planned(group: Group, today: dt.date | None = None) -> list[GroupSession]:
    return [
        row
        for row in group.sessions
        if row.status is SessionStatus.PLANNED and (today is None or row.date >= today)
    ]


def cancel_group(database: Database, group_id: int) -> GroupDetail:
    """Call a group off: it stays in the register for the record, and every planned session is cancelled.

    Sessions already held stay held; enrolments stay, so the participants can be found and placed elsewhere.
    """
    with database.transaction() as session:
        group = group_or_refuse(session, group_id)
        if group.status is GroupStatus.CANCELLED:
            raise ValidationError("status", "Gruppen är redan inställd.")
        if group.status is GroupStatus.FINISHED:
            raise ValidationError("status", "Gruppen är redan avslutad och kan inte ställas in.")
        _call_off(_planned(group), CANCELLED_GROUP_NOTE)
        group.status = GroupStatus.CANCELLED
        session.flush()
        return detail_in(session, group_id)


def _finish_warnings(group: Group, today: dt.date) -> tuple[str, ...]:
    ahead = _planned(group, today)
    if not ahead:
        return ()
    first = min(row.date for row in ahead).isoformat()
    if len(ahead) == 1:
        return (f"En träff ({first}) är fortfarande planerad. Den ställs in när gruppen avslutas.",)
    return (
        f"{len(ahead)} träffar från och med {first} är fortfarande planerade. "
        "De ställs in när gruppen avslutas.",
    )


def check_finish(database: Database, group_id: int, today: dt.date | None = None) -> tuple[str, ...]:
    """What finishing the group now would ask the user to confirm: sessions still planned ahead."""
    with database.transaction() as session:
        return _finish_warnings(group_or_refuse(session, group_id), today or dt.date.today())


def finish_group(
    database: Database, group_id: int, *, override: bool = False, today: dt.date | None = None
) -> GroupDetail:
    """Mark a group as finished. Sessions still planned from ``today`` on are cancelled, which needs
    confirming (NeedsConfirmation) unless ``override``."""
    today = today or dt.date.today()
    with database.transaction() as session:
        group = group_or_refuse(session, group_id)
        if group.status is GroupStatus.FINISHED:
            raise ValidationError("status", "Gruppen är redan avslutad.")
        if group.status is GroupStatus.CANCELLED:
            raise ValidationError("status", "Gruppen är inställd och kan inte avslutas.")
        warnings = _finish_warnings(group, today)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        _call_off(_planned(group, today), FINISHED_EARLY_NOTE)
        group.status = GroupStatus.FINISHED
        session.flush()
        return detail_in(session, group_id)


@dataclass(frozen=True)
class StatusChange:
    """A group whose status the calendar moved on."""

    group_id: int
    group_name: str
    before: GroupStatus
    after: GroupStatus


def advance_by_date_in(session: Session, today: dt.date) -> tuple[StatusChange, ...]:
    """Move every planned or running group to its status on ``today``, inside the caller's transaction."""
    # Read as plain columns (the window asks before every page it shows); only a group that moves on is
    # loaded as an object, to be changed.
    still_open = Group.status.in_((GroupStatus.PLANNED, GroupStatus.RUNNING))
    open_groups = session.execute(
        select(Group.id, Group.name, Group.status).where(still_open).order_by(Group.id)
    ).all()
    sessions: dict[int, list[tuple[dt.date, SessionStatus]]] = {
        group_id: [] for group_id, _, _ in open_groups
    }
    for group_id, day, session_status in session.execute(
        select(GroupSession.group_id, GroupSession.date, GroupSession.status).join(Group).where(still_open)
    ):
        sessions[group_id].append((day, session_status))
    changes: list[StatusChange] = []
    for group_id, name, before in open_groups:
        after = status_by_date(before, sessions[group_id], today)
        if after is not before:
            changes.append(StatusChange(group_id, name, before, after))
            session.get_one(Group, group_id).status = after
    session.flush()
    return tuple(changes)


def advance_group_statuses(database: Database, today: dt.date | None = None) -> tuple[StatusChange, ...]:
    """Move every planned or running group to its status on ``today`` (the real today unless given), in one
    transaction; returns what changed."""
    with database.transaction() as session:
        return advance_by_date_in(session, today or dt.date.today())
