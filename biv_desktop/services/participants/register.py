"""Participants: the register of children and guardians, searching it, and editing one person.

Saving a participant lives in participants_editing, families in participants_families, the waiting list
in participants_waiting, and placing people in groups in enrolment.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.ages import age_on
from biv_desktop.domain.enums import Gender, GroupStatus, Programme, ProgrammeStatus, Role
from biv_desktop.services.lookup import MISSING, missing
from biv_desktop.services.participants.search import SearchQuery, search_key
from biv_desktop.services.read_models import from_row
from biv_desktop.services.validation import clean_search
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Family, Group, Language, Participant, WaitingListEntry

# A participant's groups now: those not yet over, which they have not left.
CURRENT_STATUSES = (GroupStatus.PLANNED, GroupStatus.RUNNING)
MISSING_PARTICIPANT = MISSING[Participant]


@dataclass(frozen=True)
class ParticipantRow:
    """One participant as the register lists them; ``age`` is the age on the day the list was read."""

    id: int
    first_name: str
    last_name: str
    native_name: str
    family_id: int | None
    family_name: str
    birth_year: int
    birth_date: dt.date | None
    age: int
    gender: Gender
    role: Role
    language_id: int | None
    language: str
    programme_status: ProgrammeStatus
    district: str
    consent_on: dt.date | None
    current_groups: tuple[str, ...]
    waiting_since: dt.date | None
    search_key: str = field(default="", repr=False, compare=False)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def gender_label(self) -> str:
        return self.gender.label_for(self.role)

    @property
    def programme(self) -> Programme:
        return self.programme_status.programme

    @property
    def has_consent(self) -> bool:
        return self.consent_on is not None

    @property
    def on_waiting_list(self) -> bool:
        return self.waiting_since is not None


@dataclass(frozen=True)
class ParticipantDraft:
    """What the participant form edits. Deliberately little: no identity numbers and no case notes."""

    first_name: str
    birth_year: int
    last_name: str = ""
    native_name: str = ""
    birth_date: dt.date | None = None
    gender: Gender = Gender.NOT_STATED
    role: Role = Role.CHILD
    family_id: int | None = None
    mother_tongue_id: int | None = None
    programme_status: ProgrammeStatus = ProgrammeStatus.ASYLUM_SEEKING
    status_changed_on: dt.date | None = None
    district: str = ""
    guardian_phone: str = ""
    consent_on: dt.date | None = None
    consent_by: str = ""


DRAFT_FIELDS = tuple(draft_field.name for draft_field in fields(ParticipantDraft))


class Membership:
    """A place in a group, current until the day the participant left it."""

    left_on: dt.date | None

    @property
    def is_active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True)
class EnrolmentRow(Membership):
    """One group a participant has been in, seen from the participant."""

    id: int
    group_id: int
    group_name: str
    group_status: GroupStatus
    group_start: dt.date
    joined_on: dt.date
    left_on: dt.date | None
    leave_reason: str


EnrollmentRow = EnrolmentRow  # the name the window imported before the domain's spelling was used


@dataclass(frozen=True)
class ParticipantDetail:
    """One participant with everything the form shows: the editable draft, the groups, the waiting list."""

    id: int
    draft: ParticipantDraft
    family_name: str
    language: str
    age: int
    enrollments: tuple[EnrolmentRow, ...]
    waiting_since: dt.date | None

    @property
    def name(self) -> str:
        return f"{self.draft.first_name} {self.draft.last_name}".strip()

    @property
    def active_enrollments(self) -> tuple[EnrolmentRow, ...]:
        return tuple(row for row in self.enrollments if row.is_active)


def _current_groups(session: Session, only: int | None = None) -> dict[int, list[str]]:
    query = (
        select(Enrollment.participant_id, Group.name)
        .join(Group, Enrollment.group_id == Group.id)
        .where(Enrollment.left_on.is_(None), Group.status.in_(CURRENT_STATUSES))
        .order_by(Group.start_date, Group.name)
    )
    if only is not None:
        query = query.where(Enrollment.participant_id == only)
    groups: dict[int, list[str]] = defaultdict(list)
    for participant_id, name in session.execute(query):
        groups[participant_id].append(name)
    return groups


# The register's columns, labelled with ParticipantRow's field names.
_ROW_COLUMNS = (
    Participant.id,
    Participant.first_name,
    Participant.last_name,
    Participant.native_name,
    Participant.family_id,
    func.coalesce(Family.name, "").label("family_name"),
    Participant.birth_year,
    Participant.birth_date,
    Participant.gender,
    Participant.role,
    Participant.mother_tongue_id.label("language_id"),
    func.coalesce(Language.name, "").label("language"),
    Participant.programme_status,
    Participant.district,
    Participant.consent_on,
    WaitingListEntry.added_on.label("waiting_since"),
)


def read_rows(session: Session, today: dt.date, participant_id: int | None = None) -> list[ParticipantRow]:
    """Participants as rows in two queries whatever their number: the people with their family, language
    and place in the queue, then everyone's current groups. Anonymised people are left out."""
    query = (
        select(*_ROW_COLUMNS)
        .outerjoin(Family, Participant.family_id == Family.id)
        .outerjoin(Language, Participant.mother_tongue_id == Language.id)
        .outerjoin(WaitingListEntry, WaitingListEntry.participant_id == Participant.id)
        .where(Participant.anonymised_on.is_(None))
        .order_by(Participant.last_name, Participant.first_name, Participant.id)
    )
    if participant_id is not None:
        query = query.where(Participant.id == participant_id)
    groups = _current_groups(session, participant_id)
    # Each programme status's two labels, looked up once rather than once per person.
    status_words = {status: (status.label, status.programme.label) for status in ProgrammeStatus}
    rows = []
    for record in session.execute(query):
        # In _ROW_COLUMNS' order: a tuple unpacked, not a row read name by name (2,340 rows a reading).
        (
            pid, first, last, native, family_id, family, birth_year, birth_date, gender, role,
            language_id, language, status, district, consent_on, waiting_since,
        ) = record  # fmt: skip
        current = tuple(groups.get(pid, ()))
        key = search_key(first, last, native, family, language, *status_words[status], district, *current)
        rows.append(
            ParticipantRow(
                id=pid, first_name=first, last_name=last, native_name=native, family_id=family_id,
                family_name=family, birth_year=birth_year, birth_date=birth_date,
                age=age_on(birth_year, today, birth_date), gender=gender, role=role, language_id=language_id,
                language=language, programme_status=status, district=district, consent_on=consent_on,
                current_groups=current, waiting_since=waiting_since, search_key=key,
            )
        )  # fmt: skip
    return rows


def list_participants(database: Database, today: dt.date | None = None) -> list[ParticipantRow]:
    """Every participant in the register, by family name and first name, with their age ``today``."""
    with database.transaction() as session:
        return read_rows(session, today or dt.date.today())


def search_participants(database: Database, text: str, today: dt.date | None = None) -> list[ParticipantRow]:
    """The participants matching every word typed: a name in Latin or own script, family, language,
    programme or status, district or current group; a number matches the age or the birth year."""
    query = SearchQuery.parse(clean_search(text))
    rows = list_participants(database, today)
    return [row for row in rows if query.matches(row.search_key, row.age, row.birth_year)]


def current_participant(session: Session, participant_id: int) -> Participant:
    """The participant with this id; a ValidationError, as for one deleted, if they were anonymised."""
    person = session.get(Participant, participant_id)
    if person is None or person.anonymised_on is not None:
        raise missing(Participant, "participant_id")
    return person


def participant_row(session: Session, participant_id: int, today: dt.date) -> ParticipantRow:
    """One participant's row, read inside the caller's transaction."""
    rows = read_rows(session, today, participant_id)
    if not rows:
        raise missing(Participant, "participant_id")
    return rows[0]


def _enrolments(session: Session, participant_id: int) -> tuple[EnrolmentRow, ...]:
    query = (
        select(Enrollment, Group.name, Group.status, Group.start_date)
        .join(Group, Enrollment.group_id == Group.id)
        .where(Enrollment.participant_id == participant_id)
        .order_by(Group.start_date.desc(), Enrollment.joined_on.desc())
    )
    return tuple(
        from_row(EnrolmentRow, enrollment, group_name=name, group_status=status, group_start=start)
        for enrollment, name, status, start in session.execute(query)
    )


def get_participant(
    database: Database, participant_id: int, today: dt.date | None = None
) -> ParticipantDetail:
    """One participant, with every group they have been in (newest first) and their place in the queue."""
    with database.transaction() as session:
        person = current_participant(session, participant_id)
        waiting = session.scalar(
            select(WaitingListEntry.added_on).where(WaitingListEntry.participant_id == participant_id)
        )
        return ParticipantDetail(
            id=person.id,
            draft=ParticipantDraft(**{name: getattr(person, name) for name in DRAFT_FIELDS}),
            family_name=person.family.name if person.family else "",
            language=person.mother_tongue.name if person.mother_tongue else "",
            age=age_on(person.birth_year, today or dt.date.today(), person.birth_date),
            enrollments=_enrolments(session, participant_id),
            waiting_since=waiting,
        )
