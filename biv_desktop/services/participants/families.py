"""Families: guardians and children who belong together, and the groups each of them has been in."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.ages import age_on
from biv_desktop.domain.enums import Gender, GroupStatus, ProgrammeStatus, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.lookup import check_exists, get_or_missing
from biv_desktop.services.participants.register import (
    Membership,
    ParticipantRow,
    current_participant,
    participant_row,
)
from biv_desktop.services.participants.search import search_key
from biv_desktop.services.read_models import from_row
from biv_desktop.services.validation import clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Family, Group, Language, Participant, WaitingListEntry


@dataclass(frozen=True)
class FamilyRow:
    """One family as the families list shows it."""

    id: int
    name: str
    guardian_count: int
    child_count: int
    languages: tuple[str, ...]
    first_names: tuple[str, ...]  # the members', to tell families of the same name apart
    search_key: str = field(default="", repr=False, compare=False)

    @property
    def label(self) -> str:
        """The family as a chooser lists it, e.g. 'Haddad – Amal, Rana, Ahmad'."""
        return f"{self.name} – {', '.join(self.first_names)}" if self.first_names else self.name


@dataclass(frozen=True)
class FamilyDraft:
    """What the family form edits: the name the family is known by."""

    name: str


@dataclass(frozen=True)
class MemberGroup(Membership):
    """A group one family member has been in."""

    enrollment_id: int
    group_id: int
    name: str
    status: GroupStatus
    joined_on: dt.date
    left_on: dt.date | None
    leave_reason: str


@dataclass(frozen=True)
class FamilyMember:
    """One guardian or child in the family view, with the groups they have been in (newest first)."""

    participant_id: int
    name: str
    native_name: str
    role: Role
    gender: Gender
    birth_year: int
    age: int
    language: str
    programme_status: ProgrammeStatus
    has_consent: bool
    waiting_since: dt.date | None
    groups: tuple[MemberGroup, ...]

    @property
    def gender_label(self) -> str:
        return self.gender.label_for(self.role)


@dataclass(frozen=True)
class FamilyView:
    """A family seen whole: guardians first, then the children from the oldest."""

    id: int
    name: str
    guardians: tuple[FamilyMember, ...]
    children: tuple[FamilyMember, ...]

    @property
    def members(self) -> tuple[FamilyMember, ...]:
        return (*self.guardians, *self.children)


def _family_rows(session: Session, family_id: int | None = None) -> list[FamilyRow]:
    families = select(Family.id, Family.name).order_by(Family.name, Family.id)
    members = (
        select(
            Participant.family_id,
            Participant.role,
            Participant.first_name,
            Participant.last_name,
            Participant.native_name,
            func.coalesce(Language.name, ""),
        )
        .outerjoin(Language, Participant.mother_tongue_id == Language.id)
        .where(Participant.family_id.is_not(None), Participant.anonymised_on.is_(None))
        .order_by(Participant.id)
    )
    if family_id is not None:
        families = families.where(Family.id == family_id)
        members = members.where(Participant.family_id == family_id)
    roles: dict[int, list[Role]] = defaultdict(list)
    languages: dict[int, list[str]] = defaultdict(list)
    names: dict[int, list[str]] = defaultdict(list)
    first_names: dict[int, list[str]] = defaultdict(list)
    for member_family, role, first, last, native, language in session.execute(members):
        assert member_family is not None
        roles[member_family].append(role)
        names[member_family].extend((first, last, native))
        first_names[member_family].append(first)
        if language and language not in languages[member_family]:
            languages[member_family].append(language)
    return [
        FamilyRow(
            id=fid,
            name=name,
            guardian_count=roles[fid].count(Role.GUARDIAN),
            child_count=roles[fid].count(Role.CHILD),
            languages=tuple(languages[fid]),
            first_names=tuple(first_names[fid]),
            search_key=search_key(name, *names[fid], *languages[fid]),
        )
        for fid, name in session.execute(families)
    ]


def list_families(database: Database) -> list[FamilyRow]:
    """Every family by name, with how many guardians and children it has and the languages they speak."""
    with database.transaction() as session:
        return _family_rows(session)


def _member_groups(session: Session, member_ids: list[int]) -> dict[int, list[MemberGroup]]:
    query = (
        select(Enrollment, Group.name, Group.status)
        .join(Group, Enrollment.group_id == Group.id)
        .where(Enrollment.participant_id.in_(member_ids))
        .order_by(Group.start_date.desc(), Group.name)
    )
    groups: dict[int, list[MemberGroup]] = defaultdict(list)
    for enrollment, name, status in session.execute(query):
        groups[enrollment.participant_id].append(
            from_row(MemberGroup, enrollment, enrollment_id=enrollment.id, name=name, status=status)
        )
    return groups


def get_family(database: Database, family_id: int, today: dt.date | None = None) -> FamilyView:
    """A family with its guardians and children together, and every group each of them has been in."""
    today = today or dt.date.today()
    with database.transaction() as session:
        family = get_or_missing(session, Family, family_id, "family_id")
        query = (
            select(Participant, func.coalesce(Language.name, ""), WaitingListEntry.added_on)
            .outerjoin(Language, Participant.mother_tongue_id == Language.id)
            .outerjoin(WaitingListEntry, WaitingListEntry.participant_id == Participant.id)
            .where(Participant.family_id == family_id, Participant.anonymised_on.is_(None))
        )
        people = session.execute(query).all()
        groups = _member_groups(session, [person.id for person, _, _ in people])
        members = [
            FamilyMember(
                participant_id=person.id,
                name=person.full_name,
                native_name=person.native_name,
                role=person.role,
                gender=person.gender,
                birth_year=person.birth_year,
                age=age_on(person.birth_year, today, person.birth_date),
                language=language,
                programme_status=person.programme_status,
                has_consent=person.consent_on is not None,
                waiting_since=waiting_since,
                groups=tuple(groups.get(person.id, ())),
            )
            for person, language, waiting_since in people
        ]
        guardians = sorted(
            (m for m in members if m.role is Role.GUARDIAN), key=lambda m: (m.name, m.participant_id)
        )
        children = sorted(
            (m for m in members if m.role is Role.CHILD), key=lambda m: (-m.age, m.name, m.participant_id)
        )
        return FamilyView(
            id=family.id, name=family.name, guardians=tuple(guardians), children=tuple(children)
        )


def save_family(database: Database, draft: FamilyDraft, family_id: int | None = None) -> FamilyRow:
    """Create (``family_id`` None) or rename a family."""
    name = clean_text(draft.name, "name", "Familjens namn", 160, required=True)
    with database.transaction() as session:
        if family_id is None:
            family = Family(name=name)
            session.add(family)
        else:
            family = get_or_missing(session, Family, family_id, "name")
            family.name = name
        session.flush()
        return _family_rows(session, family.id)[0]


def move_to_family(
    database: Database, participant_id: int, family_id: int | None, today: dt.date | None = None
) -> ParticipantRow:
    """Put a participant in a family (moving them from any other), or take them out with None."""
    with database.transaction() as session:
        person = current_participant(session, participant_id)
        check_exists(session, Family, family_id, "family_id")
        person.family_id = family_id
        session.flush()
        return participant_row(session, participant_id, today or dt.date.today())


def delete_family(database: Database, family_id: int) -> None:
    """Remove a family that has no members left (one made by mistake, or emptied by moves)."""
    with database.transaction() as session:
        family = get_or_missing(session, Family, family_id, "family_id")
        members = session.scalar(
            select(func.count()).select_from(Participant).where(Participant.family_id == family_id)
        )
        if members:
            who = "en medlem" if members == 1 else f"{members} medlemmar"
            raise ValidationError(
                "family_id", f"Familjen {family.name} har fortfarande {who}; bara en tom familj kan tas bort."
            )
        session.delete(family)
