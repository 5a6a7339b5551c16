"""Saving a break week together with the shift of every planned session it covers, in one transaction.

Each group with planned sessions inside the break shifts its first such session and every later one to
free weeks (``domain.schedule.reshaping.clear_days_off``); a linked parents' group follows its children's
group. The preview and the save are made by the same ``_plan``, so the dates shown are the dates saved.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind, GroupStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.schedule import days_off
from biv_desktop.domain.schedule.reshaping import clear_days_off
from biv_desktop.services.register.break_weeks import (
    BreakWeekDraft,
    BreakWeekRow,
    clean_break_week,
    overlap_warnings,
    write_break_week,
)
from biv_desktop.services.schedule.editing_models import ScheduleShift
from biv_desktop.services.schedule.loading import load_register
from biv_desktop.services.schedule.reshaping import Plan, PlannedGroup, apply, plan_change, preview
from biv_desktop.store.database import Database
from biv_desktop.store.models import BreakWeek, Group


@dataclass(frozen=True)
class BreakWeekShift:
    """What saving a break does to the schedule, group by group, and what to confirm first."""

    shift: ScheduleShift
    overlaps: tuple[str, ...]  # other breaks it overlaps
    problems: tuple[str, ...]  # groups whose sessions cannot be shifted, and why
    saved: BreakWeekRow | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What saving asks the user to confirm: overlaps, groups left as they are, new conflicts."""
        return self.overlaps + self.problems + self.shift.warnings


def _breaks_with(session: Session, draft: BreakWeekDraft, break_id: int | None) -> list[days_off.BreakWeek]:
    query = select(BreakWeek).order_by(BreakWeek.starts_on)
    if break_id is not None:
        query = query.where(BreakWeek.id != break_id)
    breaks = [days_off.BreakWeek(row.name, row.starts_on, row.ends_on) for row in session.scalars(query)]
    return [*breaks, days_off.BreakWeek(draft.name, draft.starts_on, draft.ends_on)]


def _plan(session: Session, draft: BreakWeekDraft, break_id: int | None) -> tuple[Plan, tuple[str, ...]]:
    """Every group's shift off the breaks (the draft's included), as one plan; and the groups refused."""
    breaks = _breaks_with(session, draft, break_id)
    groups = session.scalars(
        select(Group).where(Group.status.in_((GroupStatus.PLANNED, GroupStatus.RUNNING))).order_by(Group.name)
    ).all()
    # Children's groups first, so a parents' group follows its children's group rather than moving alone.
    ordered = sorted(groups, key=lambda group: group.kind is not GroupKind.CHILDREN)
    parts: list[PlannedGroup] = []
    handled: set[int] = set()
    problems: list[str] = []
    for group in ordered:
        if group.id in handled:
            continue
        try:
            plan = plan_change(session, group, clear_days_off, breaks, follow_parents=True)
        except ValidationError as error:
            problems.append(f"{group.name}: {error.message}")
            continue
        for part in plan.groups:
            if part.after != part.before:
                parts.append(part)
                handled.add(part.group.id)
    return Plan(tuple(parts)), tuple(problems)


def _shift(session: Session, clean: BreakWeekDraft, break_id: int | None) -> tuple[Plan, BreakWeekShift]:
    plan, problems = _plan(session, clean, break_id)
    shift = preview(session, plan, load_register(session), _breaks_with(session, clean, break_id))[0]
    return plan, BreakWeekShift(shift, overlap_warnings(session, clean, break_id), problems)


def preview_break_week_shift(
    database: Database, draft: BreakWeekDraft, break_id: int | None = None
) -> BreakWeekShift:
    """What saving the break (new, or ``break_id`` changed) would move: the planned sessions in it and the
    later ones of their groups, with proposed dates and conflicts, group by group."""
    clean = clean_break_week(draft)
    with database.transaction() as session:
        return _shift(session, clean, break_id)[1]


def save_break_week_and_shift(
    database: Database, draft: BreakWeekDraft, break_id: int | None = None, *, override: bool = False
) -> BreakWeekShift:
    """Save the break and shift the sessions it covers, all in one transaction. NeedsConfirmation for
    overlapping breaks, groups that cannot be shifted and new conflicts, unless ``override``."""
    clean = clean_break_week(draft)
    with database.transaction() as session:
        plan, result = _shift(session, clean, break_id)
        if result.warnings and not override:
            raise NeedsConfirmation(result.warnings)
        saved = write_break_week(session, clean, break_id)
        apply(plan, lambda old, _new: f"Flyttad från {old.date.isoformat()} ({saved.name}).")
        session.flush()
        return BreakWeekShift(result.shift, result.overlaps, result.problems, saved)
