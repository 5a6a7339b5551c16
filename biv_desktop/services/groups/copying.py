"""Drafts made from groups that exist: the next term's group with the same set-up, and a parents' group.

Nothing here saves: the drafts open in the group dialog for the coordinator to check first.
"""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.schedule.plan import first_weekday_on_or_after
from biv_desktop.services.groups.detail import group_or_refuse
from biv_desktop.services.groups.drafts import GroupDraft, ParentsDraft
from biv_desktop.services.register.settings import settings_in
from biv_desktop.services.register.theme_plans import default_theme_plan_in
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupLeader, Interpreter, ThemePlan

HALF_YEAR = dt.timedelta(weeks=26)
# When groups usually start: the autumn term from mid-August to mid-September, the spring term in late January
# (after the Christmas break, before the February half-term).
AUTUMN_START = ((8, 18), (9, 15))
SPRING_START = ((1, 20), (2, 10))


def next_term_start(start: dt.date, weekday: int) -> dt.date:
    """The same weekday about half a year after ``start``, within the next term's usual start weeks.

    A spring (vt) group is followed by an autumn (ht) one starting mid-August to mid-September; an autumn
    group by a spring one starting in late January.
    """
    if start.month <= 6:
        year, ((m1, d1), (m2, d2)) = start.year, AUTUMN_START
    else:
        year, ((m1, d1), (m2, d2)) = start.year + 1, SPRING_START
    earliest, latest = dt.date(year, m1, d1), dt.date(year, m2, d2)
    target = first_weekday_on_or_after(start + HALF_YEAR, weekday)
    if target < earliest:
        return first_weekday_on_or_after(earliest, weekday)
    if target > latest:
        return latest - dt.timedelta(days=(latest.weekday() - weekday) % 7)
    return target


def _minutes(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _active_leader(session: Session, leader_id: int | None) -> int | None:
    leader = session.get(GroupLeader, leader_id) if leader_id is not None else None
    return leader.id if leader is not None and leader.active else None


def _active_interpreter(session: Session, interpreter_id: int | None) -> int | None:
    interpreter = session.get(Interpreter, interpreter_id) if interpreter_id is not None else None
    return interpreter.id if interpreter is not None and interpreter.active else None


def _plan_for(session: Session, plan_id: int | None, kind: GroupKind) -> int | None:
    """The group's own plan if it still exists, else the kind's default plan."""
    if plan_id is not None and session.get(ThemePlan, plan_id) is not None:
        return plan_id
    default = default_theme_plan_in(session, kind)
    return default.id if default else None


def copy_group(database: Database, group_id: int, start_date: dt.date | None = None) -> GroupDraft:
    """A draft of the next term's group with the same set-up: programme, kind, language, ages, premises,
    weekday, time, leaders and interpreter (those still active), capacity and theme plan.

    It starts on ``start_date`` or, by default, the same weekday about half a year later (see
    ``next_term_start``); its name is the suggested one for the new term.
    """
    with database.transaction() as session:
        group = group_or_refuse(session, group_id)
        return GroupDraft(
            programme=group.programme,
            kind=group.kind,
            language_id=group.language_id,
            premises_id=group.premises_id,
            start_date=start_date or next_term_start(group.start_date, group.weekday),
            weekday=group.weekday,
            start_time=group.start_time,
            length_minutes=_minutes(group.start_time, group.end_time),
            age_min=group.age_min,
            age_max=group.age_max,
            leader1_id=_active_leader(session, group.leader1_id),
            leader2_id=_active_leader(session, group.leader2_id),
            interpreter_id=_active_interpreter(session, group.interpreter_id),
            capacity=group.capacity,
            theme_plan_id=_plan_for(session, group.theme_plan_id, group.kind),
        )


def linked_parents_draft(database: Database, children_group_id: int) -> ParentsDraft | None:
    """The set-up of a children's group's parents' group, for copying both to the next term; None if it has
    none. The copy starts with the children's copy."""
    with database.transaction() as session:
        parents = session.scalars(
            select(Group).where(Group.children_group_id == children_group_id).order_by(Group.id)
        ).first()
        if parents is None:
            return None
        return ParentsDraft(
            weekday=parents.weekday,
            start_time=parents.start_time,
            length_minutes=_minutes(parents.start_time, parents.end_time),
            leader1_id=_active_leader(session, parents.leader1_id),
            leader2_id=_active_leader(session, parents.leader2_id),
            interpreter_id=_active_interpreter(session, parents.interpreter_id),
            capacity=parents.capacity,
            theme_plan_id=_plan_for(session, parents.theme_plan_id, GroupKind.PARENTS),
        )


def default_parents_draft(database: Database, children_group_id: int) -> ParentsDraft:
    """A first suggestion for a saved children's group's parents' group: the same day, starting when the
    children's session ends (so the premises are free), the children's interpreter, the parents' plan."""
    with database.transaction() as session:
        children = group_or_refuse(session, children_group_id)
        settings = settings_in(session)
        plan = default_theme_plan_in(session, GroupKind.PARENTS)
        end_minute = children.end_time.hour * 60 + children.end_time.minute + settings.session_minutes
        start = children.end_time if end_minute < 24 * 60 else children.start_time
        return ParentsDraft(
            weekday=children.weekday,
            start_time=start,
            length_minutes=settings.session_minutes,
            interpreter_id=_active_interpreter(session, children.interpreter_id),
            capacity=settings.group_capacity,
            theme_plan_id=plan.id if plan else None,
        )
