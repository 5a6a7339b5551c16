"""Who needs a call: the children in running groups who have missed several sessions in a row just now,
with their group and their guardians' names and phone, for the leaders to reach out.

How many missed sessions in a row make a call, and whether a notified absence counts as missed, are
settings the coordinator changes beside the list (stored with the other settings). The counting itself is
``domain.attendance_rules.misses_now``.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.attendance_rules import MISSES_IN_A_ROW, SessionMark, belongs_on, misses_now
from biv_desktop.domain.enums import GroupKind, GroupStatus, Mark, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.store.database import Database
from biv_desktop.store.models import AttendanceMark, Enrollment, Family, Group, Participant, Setting

CALL_AFTER_MISSES = "call_after_misses"
CALL_COUNTS_NOTIFIED = "call_counts_notified"
MISSES_RANGE = (1, 14)


@dataclass(frozen=True)
class CallSettings:
    """When a child is listed: after ``misses`` held sessions missed in a row; notified absences counted or not."""

    misses: int = MISSES_IN_A_ROW
    count_notified: bool = True


@dataclass(frozen=True)
class Guardian:
    name: str
    phone: str


@dataclass(frozen=True)
class ChildToCall:
    """A child who has missed the latest sessions of a running group, and who to call about it."""

    participant_id: int
    name: str
    group_id: int
    group_name: str
    misses: int
    last_present: dt.date | None
    guardian_phone: str  # the phone stored with the child for reaching a guardian
    guardians: tuple[Guardian, ...]  # the family's guardians

    @property
    def phones(self) -> str:
        """Every number to try, the child's guardian phone first, without repeats."""
        numbers = [self.guardian_phone, *(guardian.phone for guardian in self.guardians)]
        return ", ".join(dict.fromkeys(number for number in numbers if number))


def _stored(session: Session) -> dict[str, str]:
    keys = (CALL_AFTER_MISSES, CALL_COUNTS_NOTIFIED)
    return {row.key: row.value for row in session.scalars(select(Setting).where(Setting.key.in_(keys)))}


def call_settings_in(session: Session) -> CallSettings:
    stored = _stored(session)
    text = stored.get(CALL_AFTER_MISSES, "").strip()
    misses = (
        int(text) if text.isdigit() and MISSES_RANGE[0] <= int(text) <= MISSES_RANGE[1] else MISSES_IN_A_ROW
    )
    return CallSettings(misses, stored.get(CALL_COUNTS_NOTIFIED, "1") != "0")


def call_settings(database: Database) -> CallSettings:
    with database.transaction() as session:
        return call_settings_in(session)


def save_call_settings(database: Database, settings: CallSettings) -> CallSettings:
    """Save when a child is listed; a ValidationError for a number of sessions outside 1–14."""
    low, high = MISSES_RANGE
    if not low <= settings.misses <= high:
        raise ValidationError("misses", f"Antalet missade träffar i rad måste vara mellan {low} och {high}.")
    values = {
        CALL_AFTER_MISSES: str(settings.misses),
        CALL_COUNTS_NOTIFIED: "1" if settings.count_notified else "0",
    }
    with database.transaction() as session:
        existing = {row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(values)))}
        for key, value in values.items():
            if key in existing:
                existing[key].value = value
            else:
                session.add(Setting(key=key, value=value))
        session.flush()
        return call_settings_in(session)


def _guardians(family: Family | None) -> tuple[Guardian, ...]:
    if family is None:
        return ()
    members = (m for m in family.members if m.role is Role.GUARDIAN and m.anonymised_on is None)
    return tuple(
        Guardian(m.full_name, m.guardian_phone)
        for m in sorted(members, key=lambda m: swedish_sort_key(m.full_name))
    )


def children_to_call(database: Database, today: dt.date | None = None) -> tuple[ChildToCall, ...]:
    """Children still in a running children's group who have missed its latest held sessions, as many in a
    row as the setting says; by group, then name."""
    today = today or dt.date.today()
    with database.transaction() as session:
        settings = call_settings_in(session)
        groups = session.scalars(
            select(Group)
            .where(Group.status == GroupStatus.RUNNING, Group.kind == GroupKind.CHILDREN)
            .options(joinedload(Group.sessions))
        ).unique()
        found: list[ChildToCall] = []
        for group in sorted(groups, key=lambda g: swedish_sort_key(g.name)):
            in_group: list[ChildToCall] = []
            sessions = sorted(group.sessions, key=lambda s: (s.date, s.start_time))
            marks = {
                (row.session_id, row.participant_id): row.mark
                for row in session.scalars(
                    select(AttendanceMark).where(AttendanceMark.session_id.in_([s.id for s in sessions]))
                )
            }
            enrollments = session.scalars(
                select(Enrollment)
                .where(Enrollment.group_id == group.id)
                .options(
                    joinedload(Enrollment.participant)
                    .joinedload(Participant.family)
                    .joinedload(Family.members)
                )
            ).unique()
            for enrollment in enrollments:
                person = enrollment.participant
                if person.role is not Role.CHILD or person.anonymised_on is not None:
                    continue
                if not belongs_on(enrollment.joined_on, enrollment.left_on, today):
                    continue
                cells = [
                    SessionMark(s.id, s.status, marks.get((s.id, person.id)))
                    for s in sessions
                    if s.date <= today and belongs_on(enrollment.joined_on, enrollment.left_on, s.date)
                ]
                missed = misses_now(cells, count_notified=settings.count_notified)
                if missed < settings.misses:
                    continue
                present = [
                    s.date
                    for s in sessions
                    if s.date <= today and marks.get((s.id, person.id)) is Mark.PRESENT
                ]
                in_group.append(
                    ChildToCall(
                        participant_id=person.id,
                        name=person.full_name,
                        group_id=group.id,
                        group_name=group.name,
                        misses=missed,
                        last_present=max(present) if present else None,
                        guardian_phone=person.guardian_phone,
                        guardians=_guardians(person.family),
                    )
                )
            found += sorted(in_group, key=lambda row: swedish_sort_key(row.name))
        return tuple(found)
