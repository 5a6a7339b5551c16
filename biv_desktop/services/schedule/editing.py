"""Editing one session: reading it for its form, moving it, changing its theme, substituting people,
cancelling and restoring it.

A new date, a cancellation or a restore keeps the group in shape (``domain.schedule.reshaping``): the
themes in plan order, nothing on a holiday or in a break, the closing session last; what cannot be done
that way is refused with a sentence. Whatever would double-book a person or premises is asked about
(NeedsConfirmation) unless the call passes ``override=True``; so is a change that breaks the staffing rule.
Import these from ``services.schedule``.
"""

import dataclasses
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.schedule.days_off import BreakWeek
from biv_desktop.domain.schedule.reshaping import Slot, Way, cancel, move, restore
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.lookup import check_exists, get_or_missing
from biv_desktop.services.register.break_weeks import break_weeks_in
from biv_desktop.services.schedule.editing_models import (
    PersonChoice,
    ScheduleShift,
    SessionChange,
    SessionCheck,
    SessionChoices,
    SessionDetail,
)
from biv_desktop.services.schedule.loading import (
    Register,
    SessionFacts,
    conflicts_of,
    facts_for,
    linked_parents,
    load_register,
)
from biv_desktop.services.schedule.models import ScheduleRow
from biv_desktop.services.schedule.period import premises_choices
from biv_desktop.services.schedule.reshaping import Plan, apply, plan_change, preview
from biv_desktop.services.schedule.staffing import staffed_people
from biv_desktop.services.validation import check_date, clean_multiline, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupLeader, GroupSession, Interpreter, Premises

HELD_CANNOT_BE_CANCELLED = (
    "En genomförd träff kan inte ställas in. Ändra närvaron om träffen inte blev av som planerat."
)


def get_session(database: Database, session_id: int) -> SessionDetail:
    """One session for its form, with its conflicts and staffing problems as it stands."""
    with database.transaction() as session:
        facts = facts_for(session, session_id)
        group = session.get_one(
            Group, facts.group_id, options=[joinedload(Group.premises), joinedload(Group.language)]
        )
        stored = session.get_one(GroupSession, session_id)
        conflicts = conflicts_of(session, facts, break_weeks_in(session))
        return SessionDetail(
            row=load_register(session).row(facts, conflicts),
            own_premises_id=stored.premises_id,
            group_premises_id=group.premises_id,
            group_premises=group.premises.name,
            group_weekday=group.weekday,
            group_start_time=group.start_time,
            group_end_time=group.end_time,
            language_id=group.language_id,
            language_name=group.language.name,
            theme_description=stored.theme_description,
            leader1_id=stored.leader1_id,
            leader2_id=stored.leader2_id,
            parents_groups=tuple(parents.name for parents in linked_parents(session, group)),
            materials=stored.materials,
        )


def session_choices(database: Database, session_id: int) -> SessionChoices:
    """Who and where the session's form offers: active leaders and interpreters, and those booked now."""
    with database.transaction() as session:
        facts = facts_for(session, session_id)
        leader_rows = session.scalars(
            select(GroupLeader).where(or_(GroupLeader.active.is_(True), GroupLeader.id.in_(facts.leader_ids)))
        ).all()
        leaders = sorted(
            (PersonChoice(row.id, row.full_name, row.active, trained=row.trained) for row in leader_rows),
            key=lambda choice: swedish_sort_key(choice.name),
        )
        booked = [facts.interpreter_id] if facts.interpreter_id is not None else []
        interpreter_rows = session.scalars(
            select(Interpreter).where(or_(Interpreter.active.is_(True), Interpreter.id.in_(booked)))
        ).all()
        _, staffed = staffed_people(session, [row.id for row in interpreter_rows])
        interpreters = sorted(
            (
                PersonChoice(
                    row.id,
                    row.full_name,
                    row.active,
                    speaks_language=staffed[row.id].speaks(facts.language_id),
                )
                for row in interpreter_rows
            ),
            key=lambda choice: (not choice.speaks_language, swedish_sort_key(choice.name)),
        )
        return SessionChoices(tuple(leaders), tuple(interpreters), premises_choices(session))


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
    materials = clean_multiline(change.materials, "materials", "Materialet", 2000)
    if change.leader1_id is not None and change.leader1_id == change.leader2_id:
        raise ValidationError("leader2_id", "Välj två olika gruppledare (eller ingen andra gruppledare).")
    check_exists(session, GroupLeader, change.leader1_id, "leader1_id")
    check_exists(session, GroupLeader, change.leader2_id, "leader2_id")
    check_exists(session, Interpreter, change.interpreter_id, "interpreter_id")
    check_exists(session, Premises, change.premises_id, "premises_id")
    premises_id = None if change.premises_id == group.premises_id else change.premises_id
    return dataclasses.replace(
        change,
        theme_title=title,
        theme_description=description,
        note=note,
        materials=materials,
        premises_id=premises_id,
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
    plan: Plan | None = None,
) -> SessionCheck:
    before_conflicts = conflicts_of(session, facts, breaks)
    shift = None
    others_warnings: tuple[str, ...] = ()
    if plan is None:
        after_conflicts = conflicts_of(session, after, breaks)
    else:
        edited = replace(after, date=facts.date, status=facts.status)  # the plan sets its date
        shift, by_id = preview(session, plan, register, breaks, {facts.id: edited})
        after_conflicts = by_id.get(facts.id, [])
        others_warnings = tuple(
            f"{group.group_name}, träff {item.number} {item.date.isoformat()}: {message}"
            for group in shift.groups
            for item in group.sessions
            if item.session_id != facts.id
            for message in item.conflict_messages
        )
    before_staffing = register.staffing(facts).problems
    after_staffing = register.staffing(after).problems
    new_conflicts = tuple(c for c in after_conflicts if c not in before_conflicts)
    return SessionCheck(
        conflicts=tuple(after_conflicts),
        conflict_messages=register.describe_all(after_conflicts),
        staffing_problems=after_staffing,
        new_conflicts=new_conflicts,
        new_conflict_messages=register.describe_all(new_conflicts) + others_warnings,
        new_staffing_problems=tuple(p for p in after_staffing if p not in before_staffing),
        shift=shift,
    )


def _prepare(
    session: Session, session_id: int, change: SessionChange, way: Way, follow_parents: bool
) -> tuple[SessionFacts, SessionChange, SessionCheck, Register, Plan | None]:
    facts = facts_for(session, session_id)
    group = session.get_one(Group, facts.group_id)
    clean = _clean(session, change, group)
    after = _changed(facts, clean, group)
    register = load_register(session)
    breaks = break_weeks_in(session)
    plan = None
    if clean.date != facts.date and facts.status is SessionStatus.PLANNED:
        plan = plan_change(
            session,
            group,
            lambda shape: move(shape, facts.number, clean.date, way),
            breaks,
            follow_parents=follow_parents,
        )
    check = _assess(session, facts, after, register, breaks, plan)
    return after, clean, check, register, plan


def check_session_change(
    database: Database,
    session_id: int,
    change: SessionChange,
    *,
    way: Way = Way.ONLY_THIS,
    follow_parents: bool = True,
) -> SessionCheck:
    """What saving `change` would leave the session with: its conflicts and staffing problems, which of
    them are new, and (for a new date) every session the move shifts, in both groups when the parents'
    group follows. A ValidationError if the change itself is wrong (an end before the start, a date that
    would put the themes out of order, say)."""
    with database.transaction() as session:
        return _prepare(session, session_id, change, way, follow_parents)[2]


def update_session(
    database: Database,
    session_id: int,
    change: SessionChange,
    *,
    way: Way = Way.ONLY_THIS,
    follow_parents: bool = True,
    override: bool = False,
) -> ScheduleRow:
    """Save a moved, re-themed or re-staffed session; a new date moves only it, or it and every later one
    (``way``), the linked parents' group following when ``follow_parents``. NeedsConfirmation for new
    conflicts and staffing problems unless ``override``."""
    with database.transaction() as session:
        after, clean, check, register, plan = _prepare(session, session_id, change, way, follow_parents)
        if check.warnings and not override:
            raise NeedsConfirmation(check.warnings)
        row = _session(session, session_id)
        if plan is not None:
            apply(plan)
        row.date, row.start_time, row.end_time = clean.date, clean.start_time, clean.end_time
        row.premises_id = clean.premises_id
        row.theme_title, row.theme_description = clean.theme_title, clean.theme_description
        row.leader1_id, row.leader2_id = clean.leader1_id, clean.leader2_id
        row.interpreter_id = clean.interpreter_id
        row.note = clean.note
        row.materials = clean.materials
        session.flush()
        return register.row(after, check.conflicts)


def _cancellable(session: Session, session_id: int) -> GroupSession:
    row = _session(session, session_id)
    if row.status is SessionStatus.HELD:
        raise ValidationError("status", HELD_CANNOT_BE_CANCELLED)
    if row.status is SessionStatus.CANCELLED:
        raise ValidationError("status", "Träffen är redan inställd.")
    return row


def _plan_cancel(
    session: Session, session_id: int, way: Way, follow_parents: bool
) -> tuple[Plan, ScheduleShift]:
    row = _cancellable(session, session_id)
    breaks = break_weeks_in(session)
    plan = plan_change(
        session,
        row.group,
        lambda shape: cancel(shape, row.number, way),
        breaks,
        follow_parents=follow_parents,
    )
    return plan, preview(session, plan, load_register(session), breaks)[0]


def preview_cancel(
    database: Database, session_id: int, *, way: Way = Way.SHIFT_LATER, follow_parents: bool = True
) -> ScheduleShift:
    """What cancelling the session would do, group by group: the sessions called off or shifted, their new
    dates and conflicts. The same plan ``cancel_session`` saves."""
    with database.transaction() as session:
        return _plan_cancel(session, session_id, way, follow_parents)[1]


def _cancel_note(old: Slot, new: Slot) -> str:
    if new.status is SessionStatus.CANCELLED:
        return ""
    return f"Träffen {old.date.isoformat()} ställdes in; temat flyttades fram."


def cancel_session(
    database: Database,
    session_id: int,
    *,
    way: Way = Way.SHIFT_LATER,
    follow_parents: bool = True,
    override: bool = False,
) -> ScheduleShift:
    """Cancel a planned session and return what was done, group by group.

    ``Way.SHIFT_LATER`` (the default) calls off the date but not the theme: the session and every later
    one shift to the next free week, so the closing session stays last. ``Way.ONLY_THIS`` calls off the
    session and drops its theme. A linked parents' group does the same when ``follow_parents``.
    NeedsConfirmation if a shifted session would clash with another booking, unless ``override``.
    """
    with database.transaction() as session:
        plan, shift = _plan_cancel(session, session_id, way, follow_parents)
        if shift.warnings and not override:
            raise NeedsConfirmation(shift.warnings)
        number = _session(session, session_id).number
        apply(plan, lambda old, new: _cancel_note(old, new) if old.number == number else "")
        session.flush()
        return shift


def restore_session(
    database: Database, session_id: int, *, follow_parents: bool = True, override: bool = False
) -> ScheduleRow:
    """Plan a cancelled session again on its date, if that date is free and still between the sessions
    before and after it (the themes stay in order); a linked parents' group's session too when
    ``follow_parents``. NeedsConfirmation for what it would now clash with, unless ``override``."""
    with database.transaction() as session:
        row = _session(session, session_id)
        if row.status is not SessionStatus.CANCELLED:
            raise ValidationError("status", "Träffen är inte inställd.")
        if row.group.status is GroupStatus.CANCELLED:
            raise ValidationError(
                "status", "Gruppen är inställd. Dess träffar kan inte återställas en och en."
            )
        breaks = break_weeks_in(session)
        plan = plan_change(
            session,
            row.group,
            lambda shape: restore(shape, row.number),
            breaks,
            follow_parents=follow_parents,
        )
        register = load_register(session)
        shift, by_id = preview(session, plan, register, breaks)
        if shift.warnings and not override:
            raise NeedsConfirmation(register.describe_all(by_id.get(row.id, ())) or shift.warnings)
        apply(plan)
        session.flush()
        facts = facts_for(session, session_id)
        return register.row(facts, by_id.get(row.id, ()))
