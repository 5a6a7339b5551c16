"""Creating groups with their sessions, and a parents' group beside a children's group.

Changing a group is in ``group_update``, cancelling and finishing in ``group_status``, the next term's copy
in ``group_copy``.
"""

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind, GroupStatus, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.groups.detail import GroupDetail, detail_in, group_or_refuse
from biv_desktop.services.groups.drafts import (
    CheckedGroup,
    GroupDraft,
    ParentsDraft,
    check_draft,
    parents_group_draft,
)
from biv_desktop.services.groups.planning import (
    GroupPreview,
    Plan,
    plan_checked,
    plan_draft,
)
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession


def write_sessions(group: Group, plan: Plan) -> None:
    """The planned sessions, with the plan's themes and the group's staff copied to each."""
    draft = plan.checked.draft
    themes = plan.checked.themes_for(len(plan.planned))
    for item, theme in zip(plan.planned, themes, strict=True):
        group.sessions.append(
            GroupSession(
                number=item.number,
                date=item.date,
                start_time=item.start_time,
                end_time=item.end_time,
                theme_title=theme.title if theme else "",
                theme_description=theme.description if theme else "",
                materials=theme.materials if theme else "",
                premises_id=None,  # at the group's own premises
                status=SessionStatus.PLANNED,
                leader1_id=draft.leader1_id,
                leader2_id=draft.leader2_id,
                interpreter_id=draft.interpreter_id,
            )
        )


def set_facts(group: Group, checked: CheckedGroup, name: str) -> None:
    """What the dialog edits besides the schedule: name, programme, language, ages, premises, staff."""
    draft = checked.draft
    assert draft.language_id is not None and draft.premises_id is not None  # checked
    group.name, group.programme = name, draft.programme
    group.language_id, group.premises_id = draft.language_id, draft.premises_id
    group.age_min, group.age_max = draft.age_min, draft.age_max
    group.leader1_id, group.leader2_id = draft.leader1_id, draft.leader2_id
    group.interpreter_id, group.capacity = draft.interpreter_id, draft.capacity
    group.theme_plan_id = draft.theme_plan_id


def _write_group(session: Session, plan: Plan, children_group_id: int | None = None) -> Group:
    draft = plan.checked.draft
    group = Group(
        kind=draft.kind,
        children_group_id=children_group_id,
        # The group starts on its first session, which a holiday or break may have moved.
        start_date=plan.planned[0].date,
        weekday=draft.weekday,
        start_time=draft.start_time,
        end_time=plan.checked.end_time,
        status=GroupStatus.PLANNED,
    )
    set_facts(group, plan.checked, plan.preview.name)
    write_sessions(group, plan)
    session.add(group)
    session.flush()
    return group


def past_start_warning(draft: GroupDraft, today: dt.date) -> tuple[str, ...]:
    """A sentence to confirm when a new group starts before today: a typing mistake more often than not."""
    if draft.start_date >= today:
        return ()
    return (
        f"Gruppen börjar {draft.start_date.isoformat()}, före i dag ({today.isoformat()}). "
        "Stämmer startdatumet?",
    )


def create_group(
    database: Database,
    draft: GroupDraft,
    *,
    parents: ParentsDraft | None = None,
    override: bool = False,
    today: dt.date | None = None,
) -> GroupDetail:
    """Create a group and its weekly sessions (themes copied from the plan, staff copied to each session),
    and with ``parents`` its parents' group too, all in one transaction.

    Raises ValidationError for a field that is wrong, and NeedsConfirmation listing the clashes
    (double-booked people or premises) unless ``override``; with ``today`` (the window passes it), a start
    before it is asked about too. Imports and the demo plan past groups on purpose, so they pass no today.
    """
    if parents is not None and draft.kind is not GroupKind.CHILDREN:
        raise ValidationError("parents", "Bara en barngrupp kan få en föräldragrupp.")
    with database.transaction() as session:
        plan, parents_plan = plan_draft(session, draft, parents)
        preview = replace(plan.preview, parents=parents_plan.preview if parents_plan else None)
        warnings = (past_start_warning(draft, today) if today is not None else ()) + preview.warnings
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        group = _write_group(session, plan)
        if parents_plan is not None:
            _write_group(session, parents_plan, children_group_id=group.id)
        return detail_in(session, group.id)


@dataclass(frozen=True)
class _ParentsPlan:
    plan: Plan
    warnings: tuple[str, ...]


def _plan_parents_of(session: Session, children_group_id: int, parents: ParentsDraft) -> _ParentsPlan:
    children = group_or_refuse(session, children_group_id)
    if children.kind is not GroupKind.CHILDREN:
        raise ValidationError("group_id", "En föräldragrupp hör till en barngrupp. Välj barngruppen.")
    if children.status is GroupStatus.CANCELLED:
        raise ValidationError("group_id", "Barngruppen är inställd och får ingen föräldragrupp.")
    dates = [row.date for row in children.sessions if row.status is not SessionStatus.CANCELLED]
    shared = GroupDraft(
        programme=children.programme,
        kind=GroupKind.CHILDREN,
        language_id=children.language_id,
        premises_id=children.premises_id,
        start_date=children.start_date,
        weekday=children.weekday,
        start_time=children.start_time,
    )
    draft = parents_group_draft(shared, parents, min(dates, default=children.start_date))
    plan = plan_checked(session, check_draft(session, draft), key="parents", linked_groups=[children.id])
    existing = session.scalars(select(Group.name).where(Group.children_group_id == children.id)).all()
    warnings = plan.preview.conflicts + tuple(
        f"Barngruppen har redan föräldragruppen ”{name}”." for name in existing
    )
    return _ParentsPlan(plan, warnings)


def preview_parents_group(database: Database, children_group_id: int, parents: ParentsDraft) -> GroupPreview:
    """What creating a parents' group for a saved children's group would give, for the dialog to show."""
    with database.transaction() as session:
        return _plan_parents_of(session, children_group_id, parents).plan.preview


def create_parents_group(
    database: Database, children_group_id: int, parents: ParentsDraft, *, override: bool = False
) -> GroupDetail:
    """Give a children's group its parents' group: the same language, premises and programme, its own time
    and staff, meeting from the children's first session so the parents' themes follow the children's.

    NeedsConfirmation lists clashes (and an existing parents' group) unless ``override``.
    """
    with database.transaction() as session:
        planned = _plan_parents_of(session, children_group_id, parents)
        if planned.warnings and not override:
            raise NeedsConfirmation(planned.warnings)
        group = _write_group(session, planned.plan, children_group_id=children_group_id)
        return detail_in(session, group.id)
