"""Placing participants in groups and recording when and why they leave; a group's roster.

The rules a placement may break (age band, language, programme, a full group, another group) are in
``biv_desktop.domain.enrolment_rules``; here they are applied to the register and the result saved.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.ages import age_on, age_range_label
from biv_desktop.domain.enrolment_rules import Candidate, CurrentGroup, GroupPlaces, enrolment_warnings
from biv_desktop.domain.enums import Gender, GroupKind, GroupStatus, Programme, Role
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.retention import ANONYMISED_NAME
from biv_desktop.services.lookup import MISSING, get_or_missing
from biv_desktop.services.participants.register import CURRENT_STATUSES, Membership, current_participant
from biv_desktop.services.participants.search import search_key
from biv_desktop.services.read_models import from_row
from biv_desktop.services.validation import check_date, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Group, Participant, WaitingListEntry

MISSING_GROUP = MISSING[Group]  # services.attendance reads it from here


@dataclass(frozen=True)
class RosterRow(Membership):
    """One participant on a group's roster. ``age`` is their age at the group's start, as the enrolment
    rules count it: exact from a birth date, otherwise the age reached in the year the group starts."""

    enrollment_id: int
    group_id: int
    participant_id: int
    name: str
    native_name: str
    birth_year: int
    age: int
    gender: Gender
    role: Role
    joined_on: dt.date
    left_on: dt.date | None
    leave_reason: str
    has_consent: bool

    @property
    def gender_label(self) -> str:
        return self.gender.label_for(self.role)


@dataclass(frozen=True)
class EnrolmentGroup:
    """A group as seen when placing someone in it: what decides whether they fit, and the places taken."""

    id: int
    name: str
    programme: Programme
    kind: GroupKind
    language: str
    age_min: int | None
    age_max: int | None
    premises: str
    start_date: dt.date
    status: GroupStatus
    enrolled: int
    capacity: int
    search_key: str = field(default="", repr=False, compare=False)

    @property
    def age_band_label(self) -> str:
        return age_range_label(self.age_min, self.age_max)


def _roster_row(enrollment: Enrollment, group_start: dt.date) -> RosterRow:
    person = enrollment.participant
    return RosterRow(
        enrollment_id=enrollment.id,
        group_id=enrollment.group_id,
        participant_id=person.id,
        name=person.full_name if person.anonymised_on is None else ANONYMISED_NAME,
        native_name=person.native_name if person.anonymised_on is None else "",
        birth_year=person.birth_year,
        age=age_on(person.birth_year, group_start, person.birth_date),
        gender=person.gender,
        role=person.role,
        joined_on=enrollment.joined_on,
        left_on=enrollment.left_on,
        leave_reason=enrollment.leave_reason,
        has_consent=person.consent_on is not None,
    )


def roster(database: Database, group_id: int) -> list[RosterRow]:
    """Everyone who has been in a group: those still in it by name, then those who left, by leaving date."""
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        enrollments = session.scalars(
            select(Enrollment)
            .join(Participant, Enrollment.participant_id == Participant.id)
            .options(joinedload(Enrollment.participant))
            .where(Enrollment.group_id == group_id)
            .order_by(
                Enrollment.left_on.is_not(None),
                Enrollment.left_on,
                Participant.last_name,
                Participant.first_name,
                Participant.id,
            )
        ).all()
        return [_roster_row(enrollment, group.start_date) for enrollment in enrollments]


def _active_count(session: Session, group_id: int) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(Enrollment)
        .where(Enrollment.group_id == group_id, Enrollment.left_on.is_(None))
    )
    return int(count or 0)


def _taken_places(session: Session) -> dict[int, int]:
    taken = session.execute(
        select(Enrollment.group_id, func.count())
        .where(Enrollment.left_on.is_(None))
        .group_by(Enrollment.group_id)
    )
    return {group_id: count for group_id, count in taken}


def _enrolment_group(group: Group, enrolled: int) -> EnrolmentGroup:
    return from_row(
        EnrolmentGroup,
        group,
        language=group.language.name,
        premises=group.premises.name,
        enrolled=enrolled,
        search_key=search_key(
            group.name, group.language.name, group.premises.name, group.premises.district, group.status.label
        ),
    )


def open_groups(database: Database) -> list[EnrolmentGroup]:
    """The planned and running groups, soonest start first, with how many places are taken."""
    with database.transaction() as session:
        counts = _taken_places(session)
        groups = session.scalars(
            select(Group)
            .options(joinedload(Group.language), joinedload(Group.premises))
            .where(Group.status.in_(CURRENT_STATUSES))
            .order_by(Group.start_date, Group.name)
        ).all()
        return [_enrolment_group(group, counts.get(group.id, 0)) for group in groups]


def enrolment_group(database: Database, group_id: int) -> EnrolmentGroup:
    """One group (in any status) as seen when placing someone in it."""
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        return _enrolment_group(group, _active_count(session, group_id))


@dataclass
class _Placement:
    """A participant and a group looked up for placing, with what is already recorded between them."""

    person: Participant
    group: Group
    existing: Enrollment | None
    warnings: tuple[str, ...]


def candidate_of(person: Participant) -> Candidate:
    """The participant as the placement rules see them."""
    return Candidate(
        birth_year=person.birth_year,
        birth_date=person.birth_date,
        role=person.role,
        mother_tongue=person.mother_tongue.name if person.mother_tongue else "",
        programme_status=person.programme_status,
    )


def places_of(group: Group, enrolled: int) -> GroupPlaces:
    """The group as the placement rules see it, with ``enrolled`` places taken."""
    return GroupPlaces(
        name=group.name,
        kind=group.kind,
        programme=group.programme,
        language=group.language.name,
        age_min=group.age_min,
        age_max=group.age_max,
        start_date=group.start_date,
        status=group.status,
        capacity=group.capacity,
        enrolled=enrolled,
    )


def _assess(session: Session, participant_id: int, group_id: int) -> _Placement:
    person = current_participant(session, participant_id)
    group = get_or_missing(session, Group, group_id, "group_id")
    if group.status is GroupStatus.CANCELLED:
        raise ValidationError("group_id", f"Gruppen ”{group.name}” är inställd; välj en annan grupp.")
    existing = session.scalars(
        select(Enrollment).where(Enrollment.participant_id == participant_id, Enrollment.group_id == group_id)
    ).first()
    if existing is not None and existing.left_on is None:
        raise ValidationError(
            "group_id",
            f"{person.full_name} är redan med i gruppen ”{group.name}” sedan {existing.joined_on.isoformat()}.",
        )
    others = session.execute(
        select(Group.name, Group.status)
        .join(Enrollment, Enrollment.group_id == Group.id)
        .where(
            Enrollment.participant_id == participant_id,
            Enrollment.left_on.is_(None),
            Enrollment.group_id != group_id,
            Group.status.in_(CURRENT_STATUSES),
        )
        .order_by(Group.start_date)
    )
    candidate, places = candidate_of(person), places_of(group, _active_count(session, group_id))
    warnings = enrolment_warnings(candidate, places, [CurrentGroup(name, status) for name, status in others])
    if existing is not None:
        assert existing.left_on is not None
        reason = f" ({existing.leave_reason})" if existing.leave_reason else ""
        warnings = (
            *warnings,
            f"Deltagaren lämnade gruppen {existing.left_on.isoformat()}{reason}; "
            "anmälan öppnas igen från det första datumet.",
        )
    return _Placement(person, group, existing, warnings)


def check_enrolment(database: Database, participant_id: int, group_id: int) -> tuple[str, ...]:
    """The warnings placing the participant in the group would raise, one Swedish sentence each.

    Raises ValidationError when the placement cannot be made at all (a cancelled group, someone already
    in the group, a participant or group that no longer exists).
    """
    with database.transaction() as session:
        return _assess(session, participant_id, group_id).warnings


def enrol(
    database: Database, participant_id: int, group_id: int, joined_on: dt.date, *, override: bool = False
) -> RosterRow:
    """Place a participant in a group from ``joined_on`` and take them off the waiting list.

    Raises NeedsConfirmation with the warnings unless ``override``. Someone who had left the group is
    taken back: the leaving is cleared and the enrolment keeps its first joining date.
    """
    joined_on = check_date(joined_on, "joined_on", "Datumet")
    with database.transaction() as session:
        placement = _assess(session, participant_id, group_id)
        if placement.warnings and not override:
            raise NeedsConfirmation(placement.warnings)
        return _place(session, placement, participant_id, group_id, joined_on)


def enrol_several(
    database: Database,
    participant_ids: Sequence[int],
    group_id: int,
    joined_on: dt.date,
    *,
    override: bool = False,
) -> list[RosterRow]:
    """Place several participants (a family, the children who waited) in a group in one step: all of them
    or none. Each is weighed after those before them are placed, so the places left are counted right.

    Raises NeedsConfirmation with every warning, each naming its person, unless ``override``.
    """
    joined_on = check_date(joined_on, "joined_on", "Datumet")
    if not participant_ids:
        raise ValidationError("participants", "Välj minst en deltagare att anmäla.")
    with database.transaction() as session:
        warnings: list[str] = []
        placed = []
        for participant_id in dict.fromkeys(participant_ids):  # each once, in the order chosen
            placement = _assess(session, participant_id, group_id)
            name = session.get(Participant, participant_id)
            prefix = f"{name.full_name}: " if name is not None and len(participant_ids) > 1 else ""
            warnings += [f"{prefix}{warning}" for warning in placement.warnings if warning not in warnings]
            placed.append(_place(session, placement, participant_id, group_id, joined_on))
        if warnings and not override:
            raise NeedsConfirmation(tuple(warnings))  # nothing is kept: the transaction is rolled back
        return placed


def _place(
    session: Session, placement: "_Placement", participant_id: int, group_id: int, joined_on: dt.date
) -> RosterRow:
    enrollment = placement.existing
    if enrollment is None:
        enrollment = Enrollment(participant_id=participant_id, group_id=group_id, joined_on=joined_on)
        session.add(enrollment)
    else:
        enrollment.left_on = None
        enrollment.leave_reason = ""
    for entry in session.scalars(
        select(WaitingListEntry).where(WaitingListEntry.participant_id == participant_id)
    ):
        session.delete(entry)
    session.flush()
    return _roster_row(enrollment, placement.group.start_date)


def leave_group(database: Database, enrollment_id: int, left_on: dt.date, reason: str) -> RosterRow:
    """Record that a participant left a group: the day and why (a correction if they had already left)."""
    left_on = check_date(left_on, "left_on", "Datumet")
    reason = clean_text(reason, "reason", "Orsaken", 300, required=True)
    with database.transaction() as session:
        enrollment = get_or_missing(session, Enrollment, enrollment_id, "enrollment_id")
        if left_on < enrollment.joined_on:
            raise ValidationError(
                "left_on",
                f"Deltagaren började i gruppen {enrollment.joined_on.isoformat()}, så slutdatumet kan inte "
                "vara tidigare än det.",
            )
        enrollment.left_on = left_on
        enrollment.leave_reason = reason
        session.flush()
        return _roster_row(enrollment, enrollment.group.start_date)
