"""A group's sessions before they are saved: dates around holidays and breaks, themes, and what clashes.

The group dialog shows this preview while the coordinator fills it in; creating and changing a group plan
the same way, so what was shown is what is saved.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.schedule.conflicts import Booking, ConflictKind, find_conflicts
from biv_desktop.domain.schedule.days_off import BreakWeek
from biv_desktop.domain.schedule.numbering import booking_label
from biv_desktop.domain.schedule.plan import PlannedSession, SkippedDate, plan_sessions
from biv_desktop.services.groups.drafts import (
    CheckedGroup,
    GroupDraft,
    ParentsDraft,
    check_draft,
    parents_fields,
    parents_group_draft,
)
from biv_desktop.services.register.break_weeks import break_weeks_in
from biv_desktop.services.register.settings import settings_in
from biv_desktop.services.schedule.reading import session_booking
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, session_takes_place

PARENTS_LABEL = "Föräldragruppen"


@dataclass(frozen=True)
class PreviewSession:
    """One session as it will be saved: its date, time and theme, the dates it skipped and its clashes."""

    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    theme_title: str
    skipped: tuple[SkippedDate, ...] = ()
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupPreview:
    """What saving a draft would give: the group's name, its sessions and what to look at before saving.

    ``parents`` is the parents' group planned alongside, when the dialog creates one too.
    """

    name: str
    sessions: tuple[PreviewSession, ...]
    staffing_problems: tuple[str, ...]
    parents: "GroupPreview | None" = None

    @property
    def first_date(self) -> dt.date:
        return self.sessions[0].date

    @property
    def last_date(self) -> dt.date:
        return self.sessions[-1].date

    @property
    def skipped(self) -> tuple[SkippedDate, ...]:
        """Every date passed over, in order."""
        return tuple(skip for item in self.sessions for skip in item.skipped)

    @property
    def conflicts(self) -> tuple[str, ...]:
        """This group's clashes, one sentence each, e.g. 'Träff 3 (2026-04-13): Tolken är redan bokad …'."""
        return tuple(
            f"Träff {item.number} ({item.date.isoformat()}): {message}"
            for item in self.sessions
            for message in item.conflicts
        )

    @property
    def warnings(self) -> tuple[str, ...]:
        """What saving needs the user to confirm: this group's clashes and its parents' group's."""
        own = self.conflicts
        if self.parents is None:
            return own
        return own + tuple(f"{PARENTS_LABEL}: {warning}" for warning in self.parents.conflicts)


@dataclass(frozen=True)
class Plan:
    """A checked draft planned: the preview, and the sessions and bookings a save writes and checks."""

    checked: CheckedGroup
    preview: GroupPreview
    planned: tuple[PlannedSession, ...]
    bookings: tuple[Booking, ...]


def register_bookings(
    session: Session, dates: Collection[dt.date], exclude_group_id: int | None = None
) -> list[Booking]:
    """The sessions that will take place on these dates (cancelled ones and cancelled groups' do not)."""
    if not dates:
        return []
    query = (
        select(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.date.in_(set(dates)),
            session_takes_place(),
        )
        .options(joinedload(GroupSession.group))
    )
    if exclude_group_id is not None:
        query = query.where(GroupSession.group_id != exclude_group_id)
    return [session_booking(row) for row in session.scalars(query)]


def conflicts_among(
    candidates: Sequence[Booking],
    others: Iterable[Booking],
    breaks: Sequence[BreakWeek],
    same_families: Collection[Hashable] = (),
) -> dict[Hashable, tuple[str, ...]]:
    """Each candidate's clashes with the others (and with holidays and breaks), as sentences by key.

    ``same_families`` are the keys of the linked children's or parents' group's sessions: the two groups
    may share the premises at the same time (parents' groups run beside their children's), so sharing them
    is no clash; sharing a leader or the interpreter still is.
    """
    by_day: dict[dt.date, list[Booking]] = defaultdict(list)
    for other in others:
        by_day[other.date].append(other)
    return {
        candidate.session_key: tuple(
            conflict.message
            for conflict in find_conflicts(candidate, by_day[candidate.date], breaks=breaks)
            if not (
                conflict.kind is ConflictKind.PREMISES_DOUBLE_BOOKED and conflict.other_key in same_families
            )
        )
        for candidate in candidates
    }


def linked_group_ids(session: Session, group_id: int) -> list[int]:
    """The children's group of a parents' group, or the parents' groups of a children's group."""
    children = session.scalar(select(Group.children_group_id).where(Group.id == group_id))
    parents = session.scalars(select(Group.id).where(Group.children_group_id == group_id)).all()
    return [*([children] if children is not None else []), *parents]


def linked_session_ids(session: Session, group_ids: Collection[int]) -> set[Hashable]:
    if not group_ids:
        return set()
    return set(session.scalars(select(GroupSession.id).where(GroupSession.group_id.in_(set(group_ids)))))


def plan_checked(
    session: Session,
    checked: CheckedGroup,
    *,
    key: str = "new",
    exclude_group_id: int | None = None,
    alongside: Sequence[Booking] = (),
    linked_groups: Collection[int] = (),
) -> Plan:
    """Plan a checked draft's sessions and find their clashes with the register and with ``alongside``.

    ``alongside`` (a children's group planned in the same step) and the sessions of ``linked_groups`` belong
    to the same families: sharing the premises with them is no clash.
    """
    settings = settings_in(session)
    breaks = break_weeks_in(session)
    draft = checked.draft
    planned = tuple(
        plan_sessions(
            draft.start_date,
            draft.weekday,
            draft.start_time,
            checked.end_time,
            count=settings.sessions_per_group,
            breaks=breaks,
        )
    )
    name = checked.name_for(planned[0].date)
    leader_ids = tuple(leader.id for leader in checked.leaders)
    interpreter_id = checked.interpreter.id if checked.interpreter else None
    bookings = tuple(
        Booking(
            session_key=(key, item.number),
            date=item.date,
            start=item.start_time,
            end=item.end_time,
            premises_id=draft.premises_id,
            leader_ids=leader_ids,
            interpreter_id=interpreter_id,
            label=booking_label(name, item.number),
        )
        for item in planned
    )
    others = [*register_bookings(session, {item.date for item in planned}, exclude_group_id), *alongside]
    same_families = {booking.session_key for booking in alongside} | linked_session_ids(
        session, linked_groups
    )
    clashes = conflicts_among(bookings, others, breaks, same_families)
    themes = checked.themes_for(len(planned))
    sessions = tuple(
        PreviewSession(
            number=item.number,
            date=item.date,
            start_time=item.start_time,
            end_time=item.end_time,
            theme_title=theme.title if theme else "",
            skipped=item.skipped,
            conflicts=clashes[booking.session_key],
        )
        for item, theme, booking in zip(planned, themes, bookings, strict=True)
    )
    preview = GroupPreview(name, sessions, checked.staffing_problems)
    return Plan(checked, preview, planned, bookings)


def plan_parents(
    session: Session, children: Plan, parents: ParentsDraft, exclude_group_id: int | None = None
) -> Plan:
    """Plan the parents' group of a children's group being planned, clashes with the children's included."""
    with parents_fields():
        draft = parents_group_draft(children.checked.draft, parents, children.planned[0].date)
        checked = check_draft(session, draft)
    return plan_checked(
        session, checked, key="parents", exclude_group_id=exclude_group_id, alongside=children.bookings
    )


def plan_draft(
    session: Session, draft: GroupDraft, parents: ParentsDraft | None = None, group_id: int | None = None
) -> tuple[Plan, Plan | None]:
    """Check and plan a draft (and its parents' group), inside a transaction already open."""
    linked = linked_group_ids(session, group_id) if group_id is not None else []
    plan = plan_checked(session, check_draft(session, draft), exclude_group_id=group_id, linked_groups=linked)
    if parents is None:
        return plan, None
    return plan, plan_parents(session, plan, parents, group_id)


def preview_group(
    database: Database,
    draft: GroupDraft,
    *,
    parents: ParentsDraft | None = None,
    group_id: int | None = None,
) -> GroupPreview:
    """The sessions, name and clashes saving ``draft`` would give, for the dialog to show before saving.

    ``group_id`` is the group being edited: its own sessions do not count as clashes. Raises
    ValidationError for a field that cannot be planned with (a missing language, a length past midnight).
    """
    with database.transaction() as session:
        plan, parents_plan = plan_draft(session, draft, parents, group_id)
        if parents_plan is None:
            return plan.preview
        return replace(plan.preview, parents=parents_plan.preview)


def check_group(
    database: Database,
    draft: GroupDraft,
    *,
    parents: ParentsDraft | None = None,
    group_id: int | None = None,
) -> tuple[str, ...]:
    """What saving ``draft`` would ask the user to confirm: its clashes (and its parents' group's)."""
    return preview_group(database, draft, parents=parents, group_id=group_id).warnings
