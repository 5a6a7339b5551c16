"""Moving, cancelling and clearing breaks so a group keeps its shape, a linked parents' group following.

One function plans a change (``plan_change``) from the rules in ``domain.schedule.reshaping``; the preview
the user sees and the save are both made from that plan, so what is shown is what is saved. Used inside the
transaction of the use case that calls it (editing a session, saving a break week).
"""

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.conflicts import Conflict, find_conflicts
from biv_desktop.domain.schedule.days_off import BreakWeek, DaysOff
from biv_desktop.domain.schedule.reshaping import GroupShape, Slot, follow
from biv_desktop.services.schedule.editing_models import GroupShift, ScheduleShift, ShiftedSession
from biv_desktop.services.schedule.loading import (
    Register,
    SessionFacts,
    facts_for,
    linked_parents,
    load_facts,
    without_parallel_groups,
)
from biv_desktop.store.models import Group, GroupSession

Operation = Callable[[GroupShape], GroupShape]


@dataclass(frozen=True)
class PlannedGroup:
    """One group's part of a planned change: its stored sessions by number and its shape before and after."""

    group: Group
    rows: Mapping[int, GroupSession]
    before: GroupShape
    after: GroupShape
    is_parents: bool


@dataclass(frozen=True)
class Plan:
    """A planned change across a children's group and the parents' groups that follow it."""

    groups: tuple[PlannedGroup, ...]
    parents_offered: tuple[Group, ...] = ()
    parents_problem: str = ""


def group_shape(group: Group, breaks: Iterable[BreakWeek]) -> tuple[GroupShape, dict[int, GroupSession]]:
    """A stored group's sessions as the shape rules see them, and its rows by number."""
    rows = {row.number: row for row in group.sessions}
    slots = [Slot(row.number, row.date, row.status) for row in rows.values()]
    return GroupShape.of(slots, group.weekday, DaysOff(breaks=breaks)), rows


def plan_change(
    session: Session,
    group: Group,
    operation: Operation,
    breaks: Sequence[BreakWeek],
    *,
    follow_parents: bool,
) -> Plan:
    """The change ``operation`` makes to ``group`` and, when they follow, to its parents' groups.

    A ValidationError (from the rules) refuses the whole change. A parents' group that cannot follow (its
    own dates differ too much) is named in ``parents_problem`` and left as it is.
    """
    before, rows = group_shape(group, breaks)
    after = operation(before)
    planned = [PlannedGroup(group, rows, before, after, is_parents=False)]
    offered = linked_parents(session, group)
    problems: list[str] = []
    if follow_parents and after != before:
        for parents in offered:
            parents_before, parents_rows = group_shape(parents, breaks)
            try:
                parents_after = follow(parents_before, before, after)
            except ValidationError as error:
                problems.append(f"{parents.name}: {error.message}")
                continue
            planned.append(
                PlannedGroup(parents, parents_rows, parents_before, parents_after, is_parents=True)
            )
    return Plan(tuple(planned), offered, " ".join(problems))


def _changed_facts(
    session: Session, plan: Plan, edited: Mapping[int, SessionFacts]
) -> dict[int, SessionFacts]:
    """Every session the plan changes, as it would stand after it (with any other edits in ``edited``)."""
    result: dict[int, SessionFacts] = {}
    for part in plan.groups:
        for _old, new in part.after.changes_from(part.before):
            row = part.rows[new.number]
            facts = edited.get(row.id) or facts_for(session, row.id)
            result[row.id] = replace(facts, date=new.date, status=new.status)
    for session_id, facts in edited.items():
        result.setdefault(session_id, facts)
    return result


def conflicts_after(
    session: Session, changed: Mapping[int, SessionFacts], breaks: Sequence[BreakWeek]
) -> dict[int, list[Conflict]]:
    """What each changed session would clash with: the unchanged sessions on its new day, and the other
    changed ones (a session moving away is not in the way of one moving in)."""
    result: dict[int, list[Conflict]] = {}
    for session_id, facts in changed.items():
        if not facts.takes_place:
            continue
        stored = load_facts(
            session,
            GroupSession.date == facts.date,
            GroupSession.status != SessionStatus.CANCELLED,
            GroupSession.id.not_in(list(changed)),
        )
        moving = [other for key, other in changed.items() if key != session_id and other.takes_place]
        others = [*stored, *(other for other in moving if other.date == facts.date)]
        found = find_conflicts(facts.booking(), [other.booking() for other in others], breaks=breaks)
        by_id: dict[Hashable, SessionFacts] = {other.id: other for other in others}
        result[session_id] = without_parallel_groups(found, facts.group_id, facts.children_group_id, by_id)
    return result


def preview(
    session: Session,
    plan: Plan,
    register: Register,
    breaks: Sequence[BreakWeek],
    edited: Mapping[int, SessionFacts] | None = None,
) -> tuple[ScheduleShift, dict[int, list[Conflict]]]:
    """The plan as the user sees it, and every changed session's conflicts by id."""
    changed = _changed_facts(session, plan, edited or {})
    conflicts = conflicts_after(session, changed, breaks)
    groups: list[GroupShift] = []
    for part in plan.groups:
        shifted = []
        for old, new in part.after.changes_from(part.before):
            row = part.rows[new.number]
            shifted.append(
                ShiftedSession(
                    row.id,
                    new.number,
                    row.theme_title,
                    old.date,
                    new.date,
                    old.status,
                    new.status,
                    register.describe_all(conflicts.get(row.id, ())),
                )
            )
        if shifted:
            groups.append(
                GroupShift(
                    part.group.id,
                    part.group.name,
                    part.is_parents,
                    tuple(shifted),
                    _last(part.before),
                    _last(part.after),
                )
            )
    shift = ScheduleShift(
        tuple(groups), tuple(group.name for group in plan.parents_offered), plan.parents_problem
    )
    return shift, conflicts


def _last(shape: GroupShape) -> dt.date | None:
    dates = [slot.date for slot in shape.slots if slot.takes_place]
    return max(dates) if dates else None


def apply(plan: Plan, note: Callable[[Slot, Slot], str] | None = None) -> None:
    """Write the plan's dates and statuses to the stored sessions (inside the caller's transaction)."""
    for part in plan.groups:
        for old, new in part.after.changes_from(part.before):
            row = part.rows[new.number]
            row.date, row.status = new.date, new.status
            text = note(old, new) if note is not None else ""
            if text and text not in row.note:
                row.note = f"{row.note.strip()} {text}".strip()[:500]
