"""Groups: the list. Creating and changing groups is in ``group_editing``, one group's detail in
``group_detail``, the schedule preview in ``group_planning``."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.ages import age_range_label
from biv_desktop.domain.calendar import term_label
from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.services.read_models import from_row
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Group


@dataclass(frozen=True)
class GroupRow:
    """One group as a list shows it."""

    id: int
    uuid: str
    name: str
    programme: Programme
    kind: GroupKind
    language: str
    age_min: int | None
    age_max: int | None
    premises: str
    district: str
    start_date: dt.date
    weekday: int
    start_time: dt.time
    end_time: dt.time
    status: GroupStatus
    leader_names: tuple[str, ...]
    interpreter_name: str
    participant_count: int
    capacity: int

    @property
    def age_band_label(self) -> str:
        return age_range_label(self.age_min, self.age_max)

    @property
    def term(self) -> str:
        """The term the group starts in, e.g. 'vt 2026': what the list filters by."""
        return term_label(self.start_date)


def _active_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Enrollment.group_id, func.count())
        .where(Enrollment.left_on.is_(None))
        .group_by(Enrollment.group_id)
    )
    return {group_id: count for group_id, count in rows}


def to_row(group: Group, participant_count: int) -> GroupRow:
    leaders = tuple(leader.full_name for leader in (group.leader1, group.leader2) if leader is not None)
    return from_row(
        GroupRow,
        group,
        language=group.language.name,
        premises=group.premises.name,
        district=group.premises.district,
        leader_names=leaders,
        interpreter_name=group.interpreter.full_name if group.interpreter else "",
        participant_count=participant_count,
    )


def list_groups(database: Database) -> list[GroupRow]:
    """Every group, newest start first."""
    with database.transaction() as session:
        counts = _active_counts(session)
        groups = session.scalars(
            select(Group)
            .options(
                joinedload(Group.language),
                joinedload(Group.premises),
                joinedload(Group.leader1),
                joinedload(Group.leader2),
                joinedload(Group.interpreter),
            )
            .order_by(Group.start_date.desc(), Group.name)
        ).all()
        return [to_row(group, counts.get(group.id, 0)) for group in groups]
