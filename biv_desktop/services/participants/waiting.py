"""The waiting list: participants who want a place, longest waiting first, so the coordinator can see
whom the next group should take."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, contains_eager, joinedload

from biv_desktop.domain.ages import AgeBand, age_on
from biv_desktop.domain.enums import Gender, Programme, ProgrammeStatus, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.waiting import WantedPlace, wanted_place
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.participants.register import current_participant
from biv_desktop.services.participants.search import search_key
from biv_desktop.services.participants.wishes import WaitingWish, apply_wish
from biv_desktop.services.register.settings import settings_in
from biv_desktop.services.validation import check_date
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family, Group, Language, Participant, WaitingListEntry


@dataclass(frozen=True)
class WaitingRow:
    """One participant on the waiting list, with what decides which group fits: language, age, status,
    and what they wait for (``wanted``: what the entry names, else their own language and age band)."""

    participant_id: int
    first_name: str
    last_name: str
    native_name: str
    family_name: str
    role: Role
    gender: Gender
    birth_year: int
    age: int
    language_id: int | None
    language: str
    programme_status: ProgrammeStatus
    district: str
    waiting_since: dt.date
    days_waiting: int
    wanted: WantedPlace
    wish: WaitingWish = field(
        default_factory=WaitingWish
    )  # what the entry names, by id, as the edit dialog shows it
    group_name: str = ""  # the named group's, "" when none is named
    search_key: str = ""

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def gender_label(self) -> str:
        return self.gender.label_for(self.role)

    @property
    def programme(self) -> Programme:
        return self.programme_status.programme


def _rows(session: Session, today: dt.date, participant_id: int | None = None) -> list[WaitingRow]:
    query = (
        select(WaitingListEntry, func.coalesce(Family.name, ""), func.coalesce(Language.name, ""))
        .join(WaitingListEntry.participant)
        .outerjoin(Family, Participant.family_id == Family.id)
        .outerjoin(Language, Participant.mother_tongue_id == Language.id)
        .where(Participant.anonymised_on.is_(None))
        .options(
            contains_eager(WaitingListEntry.participant),
            joinedload(WaitingListEntry.language),
            joinedload(WaitingListEntry.group).joinedload(Group.language),
        )
        .order_by(WaitingListEntry.added_on, WaitingListEntry.id)
    )
    if participant_id is not None:
        query = query.where(WaitingListEntry.participant_id == participant_id)
    bands = settings_in(session).age_bands
    rows = []
    for entry, family, language in session.execute(query):
        person = entry.participant
        named = entry.wish
        wanted = wanted_place(named, person.role, language, person.birth_year, today, bands)
        group_name = entry.group.name if entry.group is not None else ""
        wish = WaitingWish(entry.group_id, entry.language_id, named.band)
        rows.append(
            WaitingRow(
                participant_id=person.id,
                first_name=person.first_name,
                last_name=person.last_name,
                native_name=person.native_name,
                family_name=family,
                role=person.role,
                gender=person.gender,
                birth_year=person.birth_year,
                age=age_on(person.birth_year, today, person.birth_date),
                language_id=person.mother_tongue_id,
                language=language,
                programme_status=person.programme_status,
                district=person.district,
                waiting_since=entry.added_on,
                days_waiting=max(0, (today - entry.added_on).days),
                wanted=wanted,
                wish=wish,
                group_name=group_name,
                search_key=search_key(
                    person.first_name,
                    person.last_name,
                    person.native_name,
                    family,
                    language,
                    wanted.language,
                    group_name,
                    person.district,
                ),
            )
        )
    return rows


def waiting_list(
    database: Database,
    *,
    language_id: int | None = None,
    age_band: AgeBand | None = None,
    today: dt.date | None = None,
) -> list[WaitingRow]:
    """Everyone waiting, longest first; narrowed to those who wait for a language and for an age band
    (what they wait for: ``WaitingRow.wanted``)."""
    with database.transaction() as session:
        rows = _rows(session, today or dt.date.today())
        language = None if language_id is None else get_or_missing(session, Language, language_id).name
    return [
        row
        for row in rows
        if (language is None or row.wanted.language == language)
        and (age_band is None or (not row.wanted.parents and row.wanted.band == age_band))
    ]


def waiting_age_bands(database: Database) -> tuple[AgeBand, ...]:
    """The age bands the coordinator set, for filtering the waiting list the way groups are divided."""
    with database.transaction() as session:
        return settings_in(session).age_bands


def add_to_waiting_list(
    database: Database,
    participant_id: int,
    added_on: dt.date | None = None,
    today: dt.date | None = None,
    *,
    wish: WaitingWish | None = None,
    override: bool = False,
) -> WaitingRow:
    """Put a participant on the waiting list from ``added_on`` (today when not given), waiting for what
    ``wish`` names (a group, or a language and an age band; nothing: their own language and age).
    A named group they do not fit by age, language or programme asks first (NeedsConfirmation) unless
    ``override``."""
    today = today or dt.date.today()
    added_on = check_date(added_on or today, "added_on", "Datumet")
    if added_on > today:
        raise ValidationError("added_on", "Datumet då deltagaren sattes upp kan inte ligga i framtiden.")
    with database.transaction() as session:
        person = current_participant(session, participant_id)
        since = session.scalar(
            select(WaitingListEntry.added_on).where(WaitingListEntry.participant_id == participant_id)
        )
        if since is not None:
            raise ValidationError(
                "participant_id", f"{person.full_name} står redan på väntelistan sedan {since.isoformat()}."
            )
        entry = WaitingListEntry(participant_id=participant_id, added_on=added_on)
        apply_wish(session, entry, person, wish or WaitingWish(), override)
        session.add(entry)
        session.flush()
        return _rows(session, today, participant_id)[0]


def change_waiting_wish(
    database: Database,
    participant_id: int,
    wish: WaitingWish,
    today: dt.date | None = None,
    *,
    override: bool = False,
) -> WaitingRow:
    """Change what a participant on the waiting list waits for; their place in the queue is kept.
    A named group they do not fit asks first, as when they are put on the list."""
    with database.transaction() as session:
        person = current_participant(session, participant_id)
        entry = session.scalars(
            select(WaitingListEntry).where(WaitingListEntry.participant_id == participant_id)
        ).first()
        if entry is None:
            raise ValidationError("participant_id", "Deltagaren står inte på väntelistan; uppdatera listan.")
        apply_wish(session, entry, person, wish, override)
        session.flush()
        session.expire(entry)
        return _rows(session, today or dt.date.today(), participant_id)[0]


def remove_from_waiting_list(database: Database, participant_id: int) -> None:
    """Take a participant off the waiting list (they no longer want a place, or got one elsewhere)."""
    with database.transaction() as session:
        entry = session.scalars(
            select(WaitingListEntry).where(WaitingListEntry.participant_id == participant_id)
        ).first()
        if entry is None:
            raise ValidationError("participant_id", "Deltagaren står inte på väntelistan; uppdatera listan.")
        session.delete(entry)


@dataclass(frozen=True)
class Demand:
    """How many wait for one kind of group: a mother tongue and an age band (or a parents' group)."""

    language: str
    group_kind: str  # an age band's label ("7–9 år"), "föräldragrupp" or "annan ålder"
    waiting: int
    longest_days: int


def waiting_demand(rows: Sequence[WaitingRow]) -> list[Demand]:
    """The waiting list counted per language × age band they wait for (``WaitingRow.wanted``; guardians
    per language, for a parents' group), the largest demand first: which groups to start next."""
    counts: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        language = row.wanted.language or "språk inte angivet"
        counts.setdefault((language, row.wanted.kind_label), []).append(row.days_waiting)
    demand = [Demand(language, kind, len(days), max(days)) for (language, kind), days in counts.items()]
    return sorted(demand, key=lambda d: (-d.waiting, -d.longest_days, d.language, d.group_kind))
