"""Changing a group: its facts, its staff for the sessions ahead, or, before it has met, its whole schedule."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.schedule.conflicts import Booking
from biv_desktop.domain.schedule.numbering import booking_label
from biv_desktop.services.groups.creation import set_facts, write_sessions
from biv_desktop.services.groups.detail import GroupDetail, detail_in, group_or_refuse, has_attendance
from biv_desktop.services.groups.drafts import CheckedGroup, GroupDraft, check_draft
from biv_desktop.services.groups.planning import (
    Plan,
    conflicts_among,
    linked_group_ids,
    linked_session_ids,
    plan_checked,
    register_bookings,
)
from biv_desktop.services.register.break_weeks import break_weeks_in
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession


def _reschedules(group: Group, draft: GroupDraft, end_time: dt.time) -> str | None:
    """The first schedule field the draft changes (its form field name), or None."""
    for field, before, after in (
        ("start_date", group.start_date, draft.start_date),
        ("weekday", group.weekday, draft.weekday),
        ("start_time", group.start_time, draft.start_time),
        ("length_minutes", group.end_time, end_time),
        ("theme_plan_id", group.theme_plan_id, draft.theme_plan_id),
    ):
        if before != after:
            return field
    return None


def _check_may_reschedule(session: Session, group: Group, field: str) -> None:
    if group.status in (GroupStatus.CANCELLED, GroupStatus.FINISHED):
        raise ValidationError(
            field, f"Gruppen är {group.status.label.lower()}, så dess träffar planeras inte om."
        )
    if has_attendance(session, group.id):
        raise ValidationError(
            field,
            "Gruppen har redan haft träffar, så datum, tider och teman ändras inte här. "
            "Flytta eller ändra enskilda träffar i schemat.",
        )


def _restaffed(
    row: GroupSession, group: Group, draft: GroupDraft
) -> tuple[int | None, int | None, int | None]:
    """A session's leaders and interpreter after the change: only the places that had the group's old
    person get the new one, so a substitute booked for one session stays."""
    leader1 = draft.leader1_id if row.leader1_id == group.leader1_id else row.leader1_id
    leader2 = draft.leader2_id if row.leader2_id == group.leader2_id else row.leader2_id
    if leader1 is not None and leader1 == leader2:
        leader2 = None  # the new leader was this session's substitute: one person, one place
    interpreter = draft.interpreter_id if row.interpreter_id == group.interpreter_id else row.interpreter_id
    return leader1, leader2, interpreter


def _is_ahead(row: GroupSession, today: dt.date) -> bool:
    return row.status is SessionStatus.PLANNED and row.date >= today


def _restaff_warnings(
    session: Session, group: Group, draft: GroupDraft, ahead: Sequence[GroupSession]
) -> tuple[str, ...]:
    """Clashes the new staff or premises would have at the sessions ahead."""
    bookings: list[Booking] = []
    for row in ahead:
        leader1, leader2, interpreter = _restaffed(row, group, draft)
        at_group = row.premises_id is None or row.premises_id == group.premises_id
        bookings.append(
            Booking(
                session_key=row.id,
                date=row.date,
                start=row.start_time,
                end=row.end_time,
                premises_id=draft.premises_id if at_group else row.premises_id,
                leader_ids=tuple(i for i in (leader1, leader2) if i is not None),
                interpreter_id=interpreter,
                label=booking_label(group.name, row.number),
            )
        )
    others = register_bookings(session, {row.date for row in ahead}, exclude_group_id=group.id)
    same_families = linked_session_ids(session, linked_group_ids(session, group.id))
    clashes = conflicts_among(bookings, others, break_weeks_in(session), same_families)
    return tuple(
        f"Träff {row.number} ({row.date.isoformat()}): {message}"
        for row in ahead
        for message in clashes[row.id]
    )


def _apply_restaffing(group: Group, draft: GroupDraft, today: dt.date) -> None:
    old_premises = group.premises_id
    for row in group.sessions:
        if _is_ahead(row, today):
            row.leader1_id, row.leader2_id, row.interpreter_id = _restaffed(row, group, draft)
            if row.premises_id in (old_premises, draft.premises_id):
                row.premises_id = None  # at the group's premises, wherever the group now meets
        elif row.premises_id is None and draft.premises_id != old_premises:
            row.premises_id = old_premises  # sessions already held stay where they were held


@dataclass(frozen=True)
class _Change:
    """A checked change to a group: the new schedule if it has one, and what it asks the user to confirm."""

    group: Group
    checked: CheckedGroup
    plan: Plan | None  # None: the sessions stay, only their staff and premises may change
    warnings: tuple[str, ...]


def _assess(session: Session, group_id: int, draft: GroupDraft, today: dt.date) -> _Change:
    group = group_or_refuse(session, group_id)
    if draft.kind is not group.kind:
        raise ValidationError("kind", "En grupps typ kan inte ändras. Skapa en ny grupp i stället.")
    checked = check_draft(session, draft)
    clean = checked.draft
    changed = _reschedules(group, clean, checked.end_time)
    if changed is not None:
        _check_may_reschedule(session, group, changed)
        plan = plan_checked(
            session, checked, exclude_group_id=group.id, linked_groups=linked_group_ids(session, group.id)
        )
        return _Change(group, checked, plan, plan.preview.conflicts)
    before = (group.leader1_id, group.leader2_id, group.interpreter_id, group.premises_id)
    after = (clean.leader1_id, clean.leader2_id, clean.interpreter_id, clean.premises_id)
    if before == after:
        return _Change(group, checked, None, ())
    ahead = [row for row in group.sessions if _is_ahead(row, today)]
    return _Change(group, checked, None, _restaff_warnings(session, group, clean, ahead))


def check_update(
    database: Database, group_id: int, draft: GroupDraft, today: dt.date | None = None
) -> tuple[str, ...]:
    """What saving the change would ask the user to confirm: the clashes it makes."""
    with database.transaction() as session:
        return _assess(session, group_id, draft, today or dt.date.today()).warnings


def update_group(
    database: Database,
    group_id: int,
    draft: GroupDraft,
    *,
    override: bool = False,
    today: dt.date | None = None,
) -> GroupDetail:
    """Change a group's set-up.

    New leaders, interpreter or premises apply to the planned sessions from ``today`` on that had the old
    ones, never to sessions already held. A new start, weekday, time, length or theme plan plans the
    sessions afresh, which only a group with no session held yet allows. NeedsConfirmation lists the
    clashes the change would make unless ``override``.
    """
    today = today or dt.date.today()
    with database.transaction() as session:
        change = _assess(session, group_id, draft, today)
        if change.warnings and not override:
            raise NeedsConfirmation(change.warnings)
        group, checked, plan = change.group, change.checked, change.plan
        if plan is not None:
            group.sessions.clear()
            session.flush()  # session numbers are unique per group: the old ones go first
            write_sessions(group, plan)
            group.start_date = plan.planned[0].date
            group.weekday, group.start_time, group.end_time = (
                checked.draft.weekday,
                checked.draft.start_time,
                checked.end_time,
            )
        else:
            _apply_restaffing(group, checked.draft, today)
        set_facts(group, checked, checked.name_for(group.start_date))
        session.flush()
        return detail_in(session, group.id)
