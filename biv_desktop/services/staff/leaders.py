"""Group leaders: the list, one leader's details and sessions ahead, and saving what the form edits."""

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import or_
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import Organisation
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.staff.people import (
    CleanContact,
    ContactDraft,
    StaffRow,
    UpcomingSession,
    booked_sessions_ahead,
    clean_contact,
    languages_by_id,
    leaving_warning,
    mark_active,
    name_taken,
    person_to_save,
    staff_row,
    staff_rows,
)
from biv_desktop.services.validation import clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import GroupLeader, GroupSession

LEADER_ROLE = "Gruppledare"


@dataclass(frozen=True)
class LeaderRow(StaffRow):
    """A group leader as the list and the form show them."""

    organisation: Organisation
    organisation_name: str
    trained: bool
    trained_on: dt.date | None

    @property
    def organisation_label(self) -> str:
        """E.g. 'Kommunen' or 'Annan: Röda korset'."""
        return self.organisation.label_with(self.organisation_name)

    @property
    def trained_label(self) -> str:
        """E.g. 'Utbildad 2026-02-15', 'Utbildad' (date unknown) or 'Ej utbildad'."""
        if not self.trained:
            return "Ej utbildad"
        return f"Utbildad {self.trained_on.isoformat()}" if self.trained_on else "Utbildad"


@dataclass(frozen=True)
class LeaderDraft(ContactDraft):
    """What the leader form edits. Whether a leader is trained is set by a completed training, not here."""

    organisation: Organisation = Organisation.PARISH
    organisation_name: str = ""
    language_ids: frozenset[int] = field(default_factory=frozenset)
    active: bool = True


def _row_for(session: Session, leader: GroupLeader, today: dt.date) -> LeaderRow:
    return staff_row(LeaderRow, leader, _sessions_ahead(session, leader.id, today))


def list_leaders(database: Database, today: dt.date | None = None) -> list[LeaderRow]:
    """Every group leader, active and not, by name."""
    with database.transaction() as session:
        booked = (GroupSession.leader1_id, GroupSession.leader2_id)
        return staff_rows(session, LeaderRow, GroupLeader, today or dt.date.today(), *booked)


def get_leader(database: Database, leader_id: int, today: dt.date | None = None) -> LeaderRow:
    """One group leader; a ValidationError if they were removed meanwhile."""
    with database.transaction() as session:
        return _row_for(session, get_or_missing(session, GroupLeader, leader_id), today or dt.date.today())


def _sessions_ahead(session: Session, leader_id: int, today: dt.date) -> list[UpcomingSession]:
    booked = or_(GroupSession.leader1_id == leader_id, GroupSession.leader2_id == leader_id)
    return booked_sessions_ahead(session, booked, today, LEADER_ROLE)


def leader_sessions_ahead(
    database: Database, leader_id: int, today: dt.date | None = None
) -> list[UpcomingSession]:
    """The sessions from today on that the leader is booked for, soonest first."""
    with database.transaction() as session:
        get_or_missing(session, GroupLeader, leader_id)
        return _sessions_ahead(session, leader_id, today or dt.date.today())


def _clean_organisation(draft: LeaderDraft) -> str:
    organisation_name = clean_text(draft.organisation_name, "organisation_name", "Organisationens namn", 120)
    if draft.organisation is Organisation.OTHER and not organisation_name:
        raise ValidationError("organisation_name", "Skriv vilken organisation gruppledaren kommer från.")
    return organisation_name


def _warnings(
    session: Session, clean: CleanContact, draft: LeaderDraft, leader_id: int | None, today: dt.date
) -> tuple[str, ...]:
    warnings: list[str] = []
    if name_taken(session, GroupLeader, clean, leader_id):
        warnings.append(f"Det finns redan en gruppledare som heter {clean.full_name}.")
    if leader_id is not None and not draft.active:
        leader = get_or_missing(session, GroupLeader, leader_id)
        if leader.active:
            ahead = len(_sessions_ahead(session, leader_id, today))
            if ahead:
                warnings.append(leaving_warning(clean.full_name, ahead, "gruppledare"))
    return tuple(warnings)


def check_leader(
    database: Database, draft: LeaderDraft, leader_id: int | None = None, today: dt.date | None = None
) -> tuple[str, ...]:
    """What the user should confirm before saving: a name already taken, or sessions ahead of one leaving."""
    _clean_organisation(draft)
    clean = clean_contact(draft)
    with database.transaction() as session:
        languages_by_id(session, draft.language_ids, "language_ids")
        return _warnings(session, clean, draft, leader_id, today or dt.date.today())


def save_leader(
    database: Database,
    draft: LeaderDraft,
    leader_id: int | None = None,
    *,
    override: bool = False,
    today: dt.date | None = None,
) -> LeaderRow:
    """Create (``leader_id`` None) or update a group leader.

    Marking a leader inactive records today as the day they stopped; marking them active again clears it.
    Raises ValidationError for bad input and NeedsConfirmation for warnings unless ``override``.
    """
    today = today or dt.date.today()
    organisation_name = _clean_organisation(draft)
    clean = clean_contact(draft)
    with database.transaction() as session:
        languages = languages_by_id(session, draft.language_ids, "language_ids")
        warnings = _warnings(session, clean, draft, leader_id, today)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        leader = person_to_save(session, GroupLeader, leader_id, clean, languages, draft.active, today)
        leader.organisation = draft.organisation
        leader.organisation_name = organisation_name
        session.flush()
        return _row_for(session, leader, today)


def set_leader_active(
    database: Database, leader_id: int, active: bool, today: dt.date | None = None
) -> LeaderRow:
    """Mark a leader as no longer leading groups (from today) or as leading again."""
    today = today or dt.date.today()
    with database.transaction() as session:
        leader = mark_active(session, GroupLeader, leader_id, active, today)
        return _row_for(session, leader, today)
