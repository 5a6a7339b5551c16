"""Group leaders: the list, one leader's details and sessions ahead, and saving what the form edits."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.enums import GroupStatus, Organisation, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.staff.people import (
    UpcomingSession,
    booked_sessions_ahead,
    language_names,
    languages_by_id,
)
from biv_desktop.services.validation import clean_email, clean_phone, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupLeader, GroupSession

LEADER_ROLE = "Gruppledare"
MISSING_LEADER = "Gruppledaren finns inte längre; uppdatera listan."


@dataclass(frozen=True)
class LeaderRow:
    """A group leader as the list and the form show them."""

    id: int
    uuid: str
    first_name: str
    last_name: str
    phone: str
    email: str
    organisation: Organisation
    organisation_name: str
    trained: bool
    trained_on: dt.date | None
    active: bool
    inactive_since: dt.date | None
    language_ids: frozenset[int]
    language_names: tuple[str, ...]
    sessions_ahead: int
    next_session_on: dt.date | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def organisation_label(self) -> str:
        """E.g. 'Kommunen' or 'Annan: Röda korset'."""
        if self.organisation_name:
            return f"{self.organisation.label}: {self.organisation_name}"
        return self.organisation.label

    @property
    def trained_label(self) -> str:
        """E.g. 'Utbildad 2026-02-15', 'Utbildad' (date unknown) or 'Ej utbildad'."""
        if not self.trained:
            return "Ej utbildad"
        return f"Utbildad {self.trained_on.isoformat()}" if self.trained_on else "Utbildad"


@dataclass(frozen=True)
class LeaderDraft:
    """What the leader form edits. Whether a leader is trained is set by a completed training, not here."""

    first_name: str
    last_name: str = ""
    phone: str = ""
    email: str = ""
    organisation: Organisation = Organisation.PARISH
    organisation_name: str = ""
    language_ids: frozenset[int] = field(default_factory=frozenset)
    active: bool = True


def _ahead_counts(session: Session, today: dt.date) -> tuple[Counter[int], dict[int, dt.date]]:
    """For every leader, how many sessions lie ahead and when the next one is."""
    rows = session.execute(
        select(GroupSession.leader1_id, GroupSession.leader2_id, GroupSession.date)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.date >= today,
            GroupSession.status != SessionStatus.CANCELLED,
            Group.status != GroupStatus.CANCELLED,
            or_(GroupSession.leader1_id.is_not(None), GroupSession.leader2_id.is_not(None)),
        )
    ).all()
    counts: Counter[int] = Counter()
    first: dict[int, dt.date] = {}
    for leader1, leader2, day in rows:
        for leader_id in {leader for leader in (leader1, leader2) if leader is not None}:
            counts[leader_id] += 1
            if leader_id not in first or day < first[leader_id]:
                first[leader_id] = day
    return counts, first


def _to_row(leader: GroupLeader, ahead: int, next_on: dt.date | None) -> LeaderRow:
    return LeaderRow(
        id=leader.id,
        uuid=leader.uuid,
        first_name=leader.first_name,
        last_name=leader.last_name,
        phone=leader.phone,
        email=leader.email,
        organisation=leader.organisation,
        organisation_name=leader.organisation_name,
        trained=leader.trained,
        trained_on=leader.trained_on,
        active=leader.active,
        inactive_since=leader.inactive_since,
        language_ids=frozenset(language.id for language in leader.languages),
        language_names=language_names(leader.languages),
        sessions_ahead=ahead,
        next_session_on=next_on,
    )


def _row_for(session: Session, leader: GroupLeader, today: dt.date) -> LeaderRow:
    upcoming = _sessions_ahead(session, leader.id, today)
    return _to_row(leader, len(upcoming), upcoming[0].date if upcoming else None)


def list_leaders(database: Database, today: dt.date | None = None) -> list[LeaderRow]:
    """Every group leader, active and not, by name."""
    today = today or dt.date.today()
    with database.transaction() as session:
        counts, first = _ahead_counts(session, today)
        leaders = session.scalars(select(GroupLeader).options(selectinload(GroupLeader.languages))).all()
        rows = [_to_row(leader, counts[leader.id], first.get(leader.id)) for leader in leaders]
    return sorted(rows, key=lambda row: (swedish_sort_key(row.full_name), row.id))


def _leader(session: Session, leader_id: int) -> GroupLeader:
    leader = session.get(GroupLeader, leader_id)
    if leader is None:
        raise ValidationError("id", MISSING_LEADER)
    return leader


def get_leader(database: Database, leader_id: int, today: dt.date | None = None) -> LeaderRow:
    """One group leader; a ValidationError if they were removed meanwhile."""
    with database.transaction() as session:
        return _row_for(session, _leader(session, leader_id), today or dt.date.today())


def _sessions_ahead(session: Session, leader_id: int, today: dt.date) -> list[UpcomingSession]:
    booked = or_(GroupSession.leader1_id == leader_id, GroupSession.leader2_id == leader_id)
    return booked_sessions_ahead(session, booked, today, LEADER_ROLE)


def leader_sessions_ahead(
    database: Database, leader_id: int, today: dt.date | None = None
) -> list[UpcomingSession]:
    """The sessions from today on that the leader is booked for, soonest first."""
    with database.transaction() as session:
        _leader(session, leader_id)
        return _sessions_ahead(session, leader_id, today or dt.date.today())


@dataclass(frozen=True)
class _CleanLeader:
    first_name: str
    last_name: str
    phone: str
    email: str
    organisation_name: str


def _clean(draft: LeaderDraft) -> _CleanLeader:
    organisation_name = clean_text(draft.organisation_name, "organisation_name", "Organisationens namn", 120)
    if draft.organisation is Organisation.OTHER and not organisation_name:
        raise ValidationError("organisation_name", "Skriv vilken organisation gruppledaren kommer från.")
    return _CleanLeader(
        first_name=clean_text(draft.first_name, "first_name", "Förnamn", 100, required=True),
        last_name=clean_text(draft.last_name, "last_name", "Efternamn", 100),
        phone=clean_phone(draft.phone, "phone"),
        email=clean_email(draft.email, "email"),
        organisation_name=organisation_name,
    )


def _warnings(
    session: Session, clean: _CleanLeader, draft: LeaderDraft, leader_id: int | None, today: dt.date
) -> tuple[str, ...]:
    warnings: list[str] = []
    same_name = select(func.count()).where(
        func.lower(GroupLeader.first_name) == clean.first_name.lower(),
        func.lower(GroupLeader.last_name) == clean.last_name.lower(),
    )
    if leader_id is not None:
        same_name = same_name.where(GroupLeader.id != leader_id)
    name = f"{clean.first_name} {clean.last_name}".strip()
    if session.scalar(same_name):
        warnings.append(f"Det finns redan en gruppledare som heter {name}.")
    if leader_id is not None and not draft.active:
        leader = _leader(session, leader_id)
        if leader.active:
            ahead = len(_sessions_ahead(session, leader_id, today))
            if ahead:
                warnings.append(
                    f"{name} är bokad på {ahead} {'träff' if ahead == 1 else 'träffar'} framöver. "
                    "Bokningarna ligger kvar tills du byter gruppledare i schemat."
                )
    return tuple(warnings)


def check_leader(
    database: Database, draft: LeaderDraft, leader_id: int | None = None, today: dt.date | None = None
) -> tuple[str, ...]:
    """What the user should confirm before saving: a name already taken, or sessions ahead of one leaving."""
    clean = _clean(draft)
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
    clean = _clean(draft)
    with database.transaction() as session:
        languages = languages_by_id(session, draft.language_ids, "language_ids")
        warnings = _warnings(session, clean, draft, leader_id, today)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        if leader_id is None:
            leader = GroupLeader(first_name=clean.first_name)
            session.add(leader)
        else:
            leader = _leader(session, leader_id)
        leader.first_name = clean.first_name
        leader.last_name = clean.last_name
        leader.phone = clean.phone
        leader.email = clean.email
        leader.organisation = draft.organisation
        leader.organisation_name = clean.organisation_name
        leader.languages = languages
        _set_active(leader, draft.active, today)
        session.flush()
        return _row_for(session, leader, today)


def _set_active(leader: GroupLeader, active: bool, today: dt.date) -> None:
    if active:
        leader.active, leader.inactive_since = True, None
    elif leader.active or leader.inactive_since is None:
        leader.active, leader.inactive_since = False, today


def set_leader_active(
    database: Database, leader_id: int, active: bool, today: dt.date | None = None
) -> LeaderRow:
    """Mark a leader as no longer leading groups (from today) or as leading again."""
    today = today or dt.date.today()
    with database.transaction() as session:
        leader = _leader(session, leader_id)
        _set_active(leader, active, today)
        session.flush()
        return _row_for(session, leader, today)
