"""The register extract (registerutdrag): everything the register holds about one participant or family.

A person has the right to see the data kept about them. The extract lists every stored field of the
participant, their family, every group they have been in (with dates and the reason for leaving), every
attendance mark, their place on the waiting list and their consent; for a family, that for each member.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.retention import ANONYMISED_NAME
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.register.settings import settings_in
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Family,
    Group,
    GroupSession,
    Participant,
    WaitingListEntry,
)

NOT_RECORDED = "–"


@dataclass(frozen=True)
class ExtractField:
    """One stored field: its Swedish label and its value as written in the extract."""

    label: str
    value: str


@dataclass(frozen=True)
class ExtractEnrolment:
    """One group the person has been in."""

    group: str
    programme: str
    kind: str
    language: str
    premises: str
    group_start: dt.date
    group_status: str
    joined_on: dt.date
    left_on: dt.date | None
    leave_reason: str


@dataclass(frozen=True)
class ExtractMark:
    """One attendance mark: the session and what was marked."""

    group: str
    number: int
    date: dt.date
    theme: str
    mark: str


@dataclass(frozen=True)
class PersonExtract:
    """Everything stored about one participant."""

    name: str  # as the extract's heading shows it; ANONYMISED_NAME when the name is gone
    fields: tuple[ExtractField, ...]
    enrolments: tuple[ExtractEnrolment, ...]
    marks: tuple[ExtractMark, ...]
    waiting_since: dt.date | None
    waiting_for: str = ""  # what the waiting-list entry names: 'gruppen …', 'språket …', 'åldersgruppen …'


@dataclass(frozen=True)
class RegisterExtract:
    """The extract for one participant (``family_name`` None) or a whole family."""

    family_name: str | None
    people: tuple[PersonExtract, ...]
    compiled_on: dt.date
    retention_months: int

    @property
    def is_family(self) -> bool:
        return self.family_name is not None


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else NOT_RECORDED


def _text(text: str) -> str:
    return text if text.strip() else NOT_RECORDED


def _fields(person: Participant) -> tuple[ExtractField, ...]:
    status = person.programme_status
    consent = (
        f"{person.consent_on.isoformat()}, {person.consent_by}"
        if person.consent_on is not None
        else "Inget samtycke registrerat"
    )
    fields = [
        ExtractField("Förnamn", _text(person.first_name)),
        ExtractField("Efternamn", _text(person.last_name)),
        ExtractField("Namn i egen skrift", _text(person.native_name)),
        ExtractField("Födelseår", str(person.birth_year)),
        ExtractField("Födelsedatum", _date(person.birth_date)),
        ExtractField("Kön", person.gender.label_for(person.role)),
        ExtractField("Roll", person.role.label),
        ExtractField("Familj", person.family.name if person.family else NOT_RECORDED),
        ExtractField("Modersmål", person.mother_tongue.name if person.mother_tongue else NOT_RECORDED),
        ExtractField("Status", f"{status.label} ({status.programme.long_label})"),
        ExtractField("Status ändrad", _date(person.status_changed_on)),
        ExtractField("Bostadsområde", _text(person.district)),
        ExtractField("Vårdnadshavarens telefon", _text(person.guardian_phone)),
        ExtractField("Samtycke (datum, givet av)", consent),
        ExtractField("Id i registret", person.uuid),
    ]
    if person.anonymised_on is not None:
        fields.append(ExtractField("Anonymiserad", person.anonymised_on.isoformat()))
    return tuple(fields)


def _enrolments(session: Session, participant_id: int) -> tuple[ExtractEnrolment, ...]:
    rows = session.execute(
        select(Enrollment, Group)
        .join(Group, Enrollment.group_id == Group.id)
        .where(Enrollment.participant_id == participant_id)
        .order_by(Enrollment.joined_on, Group.start_date, Group.id)
    )
    return tuple(
        ExtractEnrolment(
            group=group.name,
            programme=group.programme.long_label,
            kind=group.kind.label,
            language=group.language.name,
            premises=group.premises.name,
            group_start=group.start_date,
            group_status=group.status.label,
            joined_on=enrollment.joined_on,
            left_on=enrollment.left_on,
            leave_reason=enrollment.leave_reason,
        )
        for enrollment, group in rows
    )


def _marks(session: Session, participant_id: int) -> tuple[ExtractMark, ...]:
    rows = session.execute(
        select(
            Group.name, GroupSession.number, GroupSession.date, GroupSession.theme_title, AttendanceMark.mark
        )
        .join(GroupSession, AttendanceMark.session_id == GroupSession.id)
        .join(Group, GroupSession.group_id == Group.id)
        .where(AttendanceMark.participant_id == participant_id)
        .order_by(GroupSession.date, Group.name, GroupSession.number)
    )
    return tuple(
        ExtractMark(group, number, date, theme, mark.label) for group, number, date, theme, mark in rows
    )


def _person(session: Session, person: Participant) -> PersonExtract:
    entry = session.scalar(select(WaitingListEntry).where(WaitingListEntry.participant_id == person.id))
    waiting = entry.added_on if entry is not None else None
    waiting_for = ""
    if entry is not None:
        wish = entry.wish
        named = [
            f"gruppen {entry.group.name}" if entry.group is not None else "",
            f"språket {wish.language}" if wish.language else "",
            f"åldersgruppen {wish.band.label}" if wish.band else "",
        ]
        waiting_for = ", ".join(part for part in named if part)
    name = person.full_name if person.anonymised_on is None else ANONYMISED_NAME
    return PersonExtract(
        name=name or "Deltagare",
        fields=_fields(person),
        enrolments=_enrolments(session, person.id),
        marks=_marks(session, person.id),
        waiting_since=waiting,
        waiting_for=waiting_for,
    )


def _extract(
    session: Session, family_name: str | None, people: Sequence[Participant], today: dt.date
) -> RegisterExtract:
    return RegisterExtract(
        family_name=family_name,
        people=tuple(_person(session, person) for person in people),
        compiled_on=today,
        retention_months=settings_in(session).retention_months_participants,
    )


def register_extract(
    database: Database,
    *,
    participant_id: int | None = None,
    family_id: int | None = None,
    today: dt.date | None = None,
) -> RegisterExtract:
    """Everything stored about one participant, or about every member of one family (give one of the ids).

    Raises ValidationError when neither or both ids are given, or the person or family no longer exists.
    """
    today = today or dt.date.today()
    if (participant_id is None) == (family_id is None):
        raise ValidationError("participant_id", "Välj en deltagare eller en familj för registerutdraget.")
    with database.transaction() as session:
        if participant_id is not None:
            person = get_or_missing(session, Participant, participant_id, "participant_id")
            return _extract(session, None, [person], today)
        assert family_id is not None  # exactly one of the ids, checked above
        family = get_or_missing(session, Family, family_id, "family_id")
        members = session.scalars(
            select(Participant)
            .where(Participant.family_id == family.id)
            .order_by(Participant.role.desc(), Participant.birth_year, Participant.id)
        ).all()
        return _extract(session, family.name, members, today)
