"""Groups: the list. Creating and changing groups is in ``group_editing``, one group's detail in
``group_detail``, the schedule preview in ``group_planning``."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from biv_desktop.domain.ages import age_range_label
from biv_desktop.domain.calendar import term_label
from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Group, GroupLeader, Interpreter, Language, Premises


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


def _full_name(first_name: str | None, last_name: str | None) -> str | None:
    """A person's name as the models' ``full_name`` gives it; None when the outer join found nobody."""
    return None if first_name is None else f"{first_name} {last_name}".strip()


def list_groups(database: Database) -> list[GroupRow]:
    """Every group, newest start first."""
    # One query of plain columns: loading 265 groups with five related objects each as ORM instances took
    # most of the groups page's reading on the 20-year register.
    leader1, leader2 = aliased(GroupLeader), aliased(GroupLeader)
    statement = (
        select(
            Group.id,
            Group.uuid,
            Group.name,
            Group.programme,
            Group.kind,
            Language.name,
            Group.age_min,
            Group.age_max,
            Premises.name,
            Premises.district,
            Group.start_date,
            Group.weekday,
            Group.start_time,
            Group.end_time,
            Group.status,
            leader1.first_name,
            leader1.last_name,
            leader2.first_name,
            leader2.last_name,
            Interpreter.first_name,
            Interpreter.last_name,
            Group.capacity,
        )
        .join(Language, Group.language_id == Language.id)
        .join(Premises, Group.premises_id == Premises.id)
        .outerjoin(leader1, Group.leader1_id == leader1.id)
        .outerjoin(leader2, Group.leader2_id == leader2.id)
        .outerjoin(Interpreter, Group.interpreter_id == Interpreter.id)
        .order_by(Group.start_date.desc(), Group.name)
    )
    with database.transaction() as session:
        counts = _active_counts(session)
        rows = session.execute(statement).all()
    groups = []
    for (
        group_id,
        uuid,
        name,
        programme,
        kind,
        language,
        age_min,
        age_max,
        premises,
        district,
        start_date,
        weekday,
        start_time,
        end_time,
        status,
        leader1_first,
        leader1_last,
        leader2_first,
        leader2_last,
        interpreter_first,
        interpreter_last,
        capacity,
    ) in rows:
        leaders = (_full_name(leader1_first, leader1_last), _full_name(leader2_first, leader2_last))
        groups.append(
            GroupRow(
                id=group_id,
                uuid=uuid,
                name=name,
                programme=programme,
                kind=kind,
                language=language,
                age_min=age_min,
                age_max=age_max,
                premises=premises,
                district=district,
                start_date=start_date,
                weekday=weekday,
                start_time=start_time,
                end_time=end_time,
                status=status,
                leader_names=tuple(leader for leader in leaders if leader is not None),
                interpreter_name=_full_name(interpreter_first, interpreter_last) or "",
                participant_count=counts.get(group_id, 0),
                capacity=capacity,
            )
        )
    return groups
