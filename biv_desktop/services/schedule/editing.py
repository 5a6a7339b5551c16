"""Editing one session: moving it, changing its theme, substituting people, cancelling and restoring it.

Whatever would double-book a person or premises, or put the session on a holiday or in a break, is asked
about (NeedsConfirmation) unless the call passes ``override=True``; so is a change that breaks the staffing
rule. Import these from ``services.schedule``.
"""

import dataclasses
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.schedule.conflicts import Booking
from biv_desktop.domain.schedule.days_off import BreakWeek
from biv_desktop.domain.schedule.numbering import booking_label
from biv_desktop.domain.schedule.plan import replacement_date
from biv_desktop.services.lookup import check_exists, get_or_missing
from biv_desktop.services.register.break_weeks import break_weeks_in
from biv_desktop.services.schedule.loading import (
    Register,
    SessionFacts,
    conflicts_for,
    conflicts_of,
    facts_for,
    load_register,
)
from biv_desktop.services.schedule.models import Replacement, ScheduleRow, SessionChange, SessionCheck
from biv_desktop.services.validation import check_date, clean_multiline, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupLeader, GroupSession, Interpreter, Premises

HELD_CANNOT_BE_CANCELLED = (
    "En genomförd träff kan inte ställas in. Ändra närvaron om träffen inte blev av som planerat."
)


def _session(session: Session, session_id: int) -> GroupSession:
    return get_or_missing(session, GroupSession, session_id)


def _clean(session: Session, change: SessionChange, group: Group) -> SessionChange:
    """The change with its text tidied and its premises stored as None when it is the group's own."""
    check_date(change.date, "date", "Datumet")
    if change.end_time <= change.start_time:
        raise ValidationError("end_time", "Sluttiden måste vara efter starttiden.")
    title = clean_text(change.theme_title, "theme_title", "Temat", 160)
    description = clean_multiline(change.theme_description, "theme_description", "Beskrivningen", 2000)
    note = clean_multiline(change.note, "note", "Anteckningen", 500)
    if change.leader1_id is not None and change.leader1_id == change.leader2_id:
        raise ValidationError("leader2_id", "Välj två olika gruppledare (eller ingen andra gruppledare).")
    check_exists(session, GroupLeader, change.leader1_id, "leader1_id")
    check_exists(session, GroupLeader, change.leader2_id, "leader2_id")
    check_exists(session, Interpreter, change.interpreter_id, "interpreter_id")
    check_exists(session, Premises, change.premises_id, "premises_id")
    premises_id = None if change.premises_id == group.premises_id else change.premises_id
    return dataclasses.replace(
        change, theme_title=title, theme_description=description, note=note, premises_id=premises_id
    )


def _changed(facts: SessionFacts, change: SessionChange, group: Group) -> SessionFacts:
    return dataclasses.replace(
        facts,
        date=change.date,
        start_time=change.start_time,
        end_time=change.end_time,
        premises_id=change.premises_id if change.premises_id is not None else group.premises_id,
        theme=change.theme_title,
        leader1_id=change.leader1_id,
        leader2_id=change.leader2_id,
        interpreter_id=change.interpreter_id,
        note=change.note,
    )


def _assess(
    session: Session,
    facts: SessionFacts,
    after: SessionFacts,
    register: Register,
    breaks: Sequence[BreakWeek],
) -> SessionCheck:
    before_conflicts = conflicts_of(session, facts, breaks)
    after_conflicts = conflicts_of(session, after, breaks)
    before_staffing = register.staffing(facts).problems
    after_staffing = register.staffing(after).problems
    new_conflicts = tuple(c for c in after_conflicts if c not in before_conflicts)
    return SessionCheck(
        conflicts=tuple(after_conflicts),
        conflict_messages=register.describe_all(after_conflicts),
        staffing_problems=after_staffing,
        new_conflicts=new_conflicts,
        new_conflict_messages=register.describe_all(new_conflicts),
        new_staffing_problems=tuple(p for p in after_staffing if p not in before_staffing),
    )


def _prepare(
    session: Session, session_id: int, change: SessionChange
) -> tuple[SessionFacts, SessionFacts, SessionChange, SessionCheck, Register]:
    facts = facts_for(session, session_id)
    group = session.get_one(Group, facts.group_id)
    clean = _clean(session, change, group)
    after = _changed(facts, clean, group)
    register = load_register(session)
    check = _assess(session, facts, after, register, break_weeks_in(session))
    return facts, after, clean, check, register


def check_session_change(database: Database, session_id: int, change: SessionChange) -> SessionCheck:
    """What saving `change` would leave the session with: its conflicts and staffing problems, and which
    of them are new. A ValidationError if the change itself is wrong (an end before the start, say)."""
    with database.transaction() as session:
        return _prepare(session, session_id, change)[3]


def update_session(
    database: Database, session_id: int, change: SessionChange, *, override: bool = False
) -> ScheduleRow:
    """Save a moved, re-themed or re-staffed session. NeedsConfirmation for new conflicts and staffing
    problems unless ``override``."""
    with database.transaction() as session:
        _facts, after, clean, check, register = _prepare(session, session_id, change)
        if check.warnings and not override:
            raise NeedsConfirmation(check.warnings)
        row = _session(session, session_id)
        row.date, row.start_time, row.end_time = clean.date, clean.start_time, clean.end_time
        row.premises_id = clean.premises_id
        row.theme_title, row.theme_description = clean.theme_title, clean.theme_description
        row.leader1_id, row.leader2_id = clean.leader1_id, clean.leader2_id
        row.interpreter_id = clean.interpreter_id
        row.note = clean.note
        session.flush()
        return register.row(after, check.conflicts)


def _plan_replacement(session: Session, cancelled: GroupSession, breaks: Sequence[BreakWeek]) -> Replacement:
    group = cancelled.group
    dates = session.scalars(select(GroupSession.date).where(GroupSession.group_id == group.id)).all()
    highest = session.scalar(select(func.max(GroupSession.number)).where(GroupSession.group_id == group.id))
    found = replacement_date(dates, weekday=group.weekday, breaks=breaks)
    number = (highest or 0) + 1
    candidate = Booking(
        session_key=("replacement", group.id),
        date=found.date,
        start=group.start_time,
        end=group.end_time,
        premises_id=group.premises_id,
        leader_ids=tuple(i for i in (group.leader1_id, group.leader2_id) if i is not None),
        interpreter_id=group.interpreter_id,
        label=booking_label(group.name, number),
    )
    conflicts = conflicts_for(
        session, candidate, breaks, group_id=group.id, children_group_id=group.children_group_id
    )
    messages = load_register(session).describe_all(conflicts)
    return Replacement(
        number, found.date, group.start_time, group.end_time, found.skipped, tuple(conflicts), messages
    )


def _cancellable(session: Session, session_id: int) -> GroupSession:
    row = _session(session, session_id)
    if row.status is SessionStatus.HELD:
        raise ValidationError("status", HELD_CANNOT_BE_CANCELLED)
    if row.status is SessionStatus.CANCELLED:
        raise ValidationError("status", "Träffen är redan inställd.")
    return row


def preview_replacement(database: Database, session_id: int) -> Replacement:
    """The session that cancelling this one with a replacement would add: number, date and conflicts."""
    with database.transaction() as session:
        row = _cancellable(session, session_id)
        return _plan_replacement(session, row, break_weeks_in(session))


def cancel_session(
    database: Database, session_id: int, *, add_replacement: bool, override: bool = False
) -> Replacement | None:
    """Cancel a planned session, optionally adding a replacement after the group's last session so the
    group still gets all its sessions; returns the replacement, or None.

    The replacement takes the next number, the cancelled session's theme, the group's weekday, time,
    premises and people, in the first week after the last session that is free of holidays and breaks.
    NeedsConfirmation if the replacement would clash with another booking, unless ``override``.
    """
    with database.transaction() as session:
        row = _cancellable(session, session_id)
        replacement = None
        if add_replacement:
            replacement = _plan_replacement(session, row, break_weeks_in(session))
            if replacement.conflicts and not override:
                raise NeedsConfirmation(
                    tuple(
                        f"Ersättningsträffen {replacement.date.isoformat()}: {message}"
                        for message in replacement.conflict_messages
                    )
                )
        row.status = SessionStatus.CANCELLED
        if replacement is None:
            return None
        group = row.group
        added = GroupSession(
            group_id=group.id,
            number=replacement.number,
            date=replacement.date,
            start_time=replacement.start_time,
            end_time=replacement.end_time,
            theme_title=row.theme_title,
            theme_description=row.theme_description,
            status=SessionStatus.PLANNED,
            leader1_id=group.leader1_id,
            leader2_id=group.leader2_id,
            interpreter_id=group.interpreter_id,
            note=f"Ersätter träff {row.number} ({row.date.isoformat()}), som ställdes in.",
        )
        session.add(added)
        session.flush()
        return dataclasses.replace(replacement, session_id=added.id)


def restore_session(database: Database, session_id: int, *, override: bool = False) -> ScheduleRow:
    """Plan a cancelled session again. NeedsConfirmation for what it would now clash with, unless
    ``override``. A replacement added when it was cancelled stays; cancel that one if it is not needed."""
    with database.transaction() as session:
        row = _session(session, session_id)
        if row.status is not SessionStatus.CANCELLED:
            raise ValidationError("status", "Träffen är inte inställd.")
        facts = dataclasses.replace(facts_for(session, session_id), status=SessionStatus.PLANNED)
        conflicts = conflicts_of(session, facts, break_weeks_in(session))
        register = load_register(session)
        if conflicts and not override:
            raise NeedsConfirmation(register.describe_all(conflicts))
        row.status = SessionStatus.PLANNED
        session.flush()
        return register.row(facts, conflicts)
