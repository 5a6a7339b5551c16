"""Registering and editing a participant: checking what the form holds, warning before saving."""

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.ages import OLDEST, YOUNGEST, age_on
from biv_desktop.domain.enums import Gender, ProgrammeStatus, Role
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.participants.register import (
    DRAFT_FIELDS,
    ParticipantDraft,
    ParticipantRow,
    current_participant,
    participant_row,
)
from biv_desktop.services.validation import check_date, check_year, clean_phone, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family, Language, Participant

ADULT_AGE = 18
OLDEST_PERSON = 110


def _check_birth(draft: ParticipantDraft, today: dt.date) -> int:
    birth_year = check_year(
        draft.birth_year, "birth_year", "Födelseåret", earliest=today.year - OLDEST_PERSON, latest=today.year
    )
    if draft.birth_date is not None:
        check_date(draft.birth_date, "birth_date", "Födelsedatumet", earliest=1900, latest=today.year)
        if draft.birth_date > today:
            raise ValidationError("birth_date", "Födelsedatumet kan inte ligga i framtiden.")
        if draft.birth_date.year != birth_year:
            raise ValidationError(
                "birth_date",
                f"Födelsedatumet {draft.birth_date.isoformat()} stämmer inte med födelseåret {birth_year}. "
                "Ändra ett av dem.",
            )
    age = age_on(birth_year, today, draft.birth_date)
    if draft.role is Role.GUARDIAN and age < ADULT_AGE:
        raise ValidationError(
            "birth_year",
            f"En förälder/vårdnadshavare är vuxen, men födelseåret ger {age} år. "
            "Är det ett barn, välj rollen Barn.",
        )
    return birth_year


def _check_past_day(day: dt.date | None, field: str, label: str, today: dt.date) -> dt.date | None:
    if day is not None:
        check_date(day, field, label)
        if day > today:
            raise ValidationError(field, f"{label} kan inte ligga i framtiden.")
    return day


def _clean(draft: ParticipantDraft, today: dt.date) -> ParticipantDraft:
    """The draft with its text trimmed, or a ValidationError naming the first field that is wrong,
    checked in the order the form shows them."""
    first_name = clean_text(draft.first_name, "first_name", "Förnamnet", 100, required=True)
    last_name = clean_text(draft.last_name, "last_name", "Efternamnet", 100)
    native_name = clean_text(draft.native_name, "native_name", "Namnet på eget språk", 200)
    birth_year = _check_birth(draft, today)
    status_changed_on = _check_past_day(
        draft.status_changed_on, "status_changed_on", "Datumet för ändrad status", today
    )
    district = clean_text(draft.district, "district", "Bostadsområdet", 80)
    phone = clean_phone(draft.guardian_phone, "guardian_phone", "Vårdnadshavarens telefon")
    consent_on = _check_past_day(draft.consent_on, "consent_on", "Datumet för samtycket", today)
    consent_by = clean_text(draft.consent_by, "consent_by", "Vem som samtyckte", 200)
    if consent_on is not None and not consent_by:
        raise ValidationError(
            "consent_by", "Skriv vem som gav samtycket, t.ex. vårdnadshavare eller eget samtycke."
        )
    if consent_on is None and consent_by:
        raise ValidationError("consent_on", "Ange vilket datum samtycket gavs.")
    return replace(
        draft,
        first_name=first_name,
        last_name=last_name,
        native_name=native_name,
        birth_year=birth_year,
        gender=Gender(draft.gender),
        role=Role(draft.role),
        programme_status=ProgrammeStatus(draft.programme_status),
        status_changed_on=status_changed_on,
        district=district,
        guardian_phone=phone,
        consent_on=consent_on,
        consent_by=consent_by,
    )


def _warnings(
    session: Session, draft: ParticipantDraft, participant_id: int | None, today: dt.date
) -> tuple[str, ...]:
    warnings = []
    age = age_on(draft.birth_year, today, draft.birth_date)
    if draft.role is Role.CHILD and not YOUNGEST <= age <= OLDEST:
        warnings.append(f"Barnet är {age} år; grupperna är för barn och unga {YOUNGEST}–{OLDEST} år.")
    # Names are compared in Python: SQLite folds only ASCII letters to lower case, not Å or Ş.
    born_same_year = session.execute(
        select(Participant.first_name, Participant.last_name).where(
            Participant.birth_year == draft.birth_year, Participant.id != (participant_id or 0)
        )
    )
    wanted = (draft.first_name.casefold(), draft.last_name.casefold())
    same = any((first.casefold(), last.casefold()) == wanted for first, last in born_same_year)
    if same:
        warnings.append(
            f"Det finns redan en deltagare som heter {draft.first_name} {draft.last_name} och är född "
            f"{draft.birth_year}. Kontrollera att det inte är samma person."
        )
    return tuple(warnings)


def _check_references(session: Session, draft: ParticipantDraft) -> None:
    if draft.family_id is not None and session.get(Family, draft.family_id) is None:
        raise ValidationError("family_id", "Familjen finns inte längre; välj en annan eller skapa en ny.")
    if draft.mother_tongue_id is not None and session.get(Language, draft.mother_tongue_id) is None:
        raise ValidationError("mother_tongue_id", "Språket finns inte längre; välj ett annat.")


def check_participant(
    database: Database,
    draft: ParticipantDraft,
    participant_id: int | None = None,
    today: dt.date | None = None,
) -> tuple[str, ...]:
    """The warnings saving would raise (a child outside 7–20, a possible duplicate), after the same
    validation, so the form can show them first."""
    today = today or dt.date.today()
    cleaned = _clean(draft, today)
    with database.transaction() as session:
        _check_references(session, cleaned)
        return _warnings(session, cleaned, participant_id, today)


def save_participant(
    database: Database,
    draft: ParticipantDraft,
    participant_id: int | None = None,
    *,
    override: bool = False,
    today: dt.date | None = None,
) -> ParticipantRow:
    """Create (``participant_id`` None) or update a participant.

    Raises ValidationError for a field that is wrong, NeedsConfirmation for warnings unless ``override``.
    A changed programme status whose date the user left as it was is dated ``today``.
    """
    today = today or dt.date.today()
    cleaned = _clean(draft, today)
    with database.transaction() as session:
        _check_references(session, cleaned)
        warnings = _warnings(session, cleaned, participant_id, today)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        if participant_id is None:
            person = Participant()
            session.add(person)
        else:
            person = current_participant(session, participant_id)
            if (
                person.programme_status is not cleaned.programme_status
                and cleaned.status_changed_on == person.status_changed_on
            ):
                cleaned = replace(cleaned, status_changed_on=today)
        for name in DRAFT_FIELDS:
            setattr(person, name, getattr(cleaned, name))
        session.flush()
        return participant_row(session, person.id, today)
