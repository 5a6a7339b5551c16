"""Diplomas for a group's closing session: each participant in the group on that day, with their name in
Latin letters and in their own script, the group and the dates it met."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from biv_desktop.domain.attendance_rules import belongs_on
from biv_desktop.domain.enums import GroupKind, Programme
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.schedule.reading import read_group_sessions
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Group


@dataclass(frozen=True)
class DiplomaName:
    name: str
    native_name: str  # '' when the register has none, or the same as the Latin one


@dataclass(frozen=True)
class Diplomas:
    """What every diploma of the group says, and whose names go on them."""

    group_name: str
    programme: Programme
    kind: GroupKind
    first: dt.date  # the first session that took place
    closing: dt.date  # the closing session
    sessions: int  # how many sessions take place
    leader_names: tuple[str, ...]
    names: tuple[DiplomaName, ...]


def closing_diplomas(database: Database, group_id: int) -> Diplomas:
    """The diplomas of everyone in the group on its closing session (its last session that takes place)."""
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        held = [reading for reading in read_group_sessions(group) if reading.takes_place]
        if not held:
            raise ValidationError("group_id", f"Gruppen ”{group.name}” har inga träffar som blir av.")
        closing = max(reading.date for reading in held)
        enrollments = session.scalars(
            select(Enrollment)
            .where(Enrollment.group_id == group_id)
            .options(joinedload(Enrollment.participant))
        ).all()
        names = [
            DiplomaName(
                e.participant.full_name,
                e.participant.native_name
                if e.participant.native_name.strip() != e.participant.full_name
                else "",
            )
            for e in enrollments
            if belongs_on(e.joined_on, e.left_on, closing) and e.participant.anonymised_on is None
        ]
        if not names:
            raise ValidationError(
                "group_id", f"Ingen deltagare är med i ”{group.name}” vid avslutningen {closing}."
            )
        last_staff = max(held, key=lambda reading: reading.date)
        return Diplomas(
            group_name=group.name,
            programme=group.programme,
            kind=group.kind,
            first=min(reading.date for reading in held),
            closing=closing,
            sessions=len(held),
            leader_names=last_staff.leader_names,
            names=tuple(sorted(names, key=lambda item: swedish_sort_key(item.name))),
        )
