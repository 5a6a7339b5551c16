"""Checking every row of the list before anything is written: the same rules as the participant form
(``editing``), plus what only a list can get wrong (a formula, a person twice, a word not understood).

A row with a problem is not imported; a warning is shown but the row is. A row naming someone already in
the register (same first name, last name and birth year) is a duplicate: the coordinator skips it or
merges it into the person there.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.ages import OLDEST, YOUNGEST, age_on
from biv_desktop.domain.enums import Gender, ProgrammeStatus, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.participants.editing import OLDEST_PERSON
from biv_desktop.services.participants.editing import _clean as clean_draft
from biv_desktop.services.participants.importing import values
from biv_desktop.services.participants.importing.columns import (
    ImportField,
    fold_key,
    gender_from,
    role_from,
    status_from,
)
from biv_desktop.services.participants.importing.reading import RawRow, SpreadsheetTable
from biv_desktop.services.participants.register import ParticipantDraft
from biv_desktop.services.validation import clean_text
from biv_desktop.store.models import Language, Participant

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class PlannedRow:
    """One row as checked: the participant it would become, where it belongs, and what is wrong."""

    line: int
    draft: ParticipantDraft | None  # None when a problem stops the row
    family_key: str
    family_label: str
    waiting_since: dt.date | None
    duplicate_of: int | None
    duplicate_name: str
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    shown: dict[str, str]  # what the preview shows of the row, made safe to display (empty when writing)


@dataclass(frozen=True)
class Plan:
    """Every row of the sheet checked against the register, and a problem with the columns if any."""

    rows: tuple[PlannedRow, ...]
    column_problem: str | None
    family_phones: dict[str, str] = field(default_factory=dict)

    def draft_to_write(self, row: PlannedRow) -> ParticipantDraft:
        """The row's participant as written: a child without a number gets their family's guardian's."""
        assert row.draft is not None
        phone = self.phone_to_write(row)
        return replace(row.draft, guardian_phone=phone) if phone != row.draft.guardian_phone else row.draft

    def phone_to_write(self, row: PlannedRow) -> str:
        """The guardian's number the row's participant is written with (their own, or their family's)."""
        assert row.draft is not None
        return row.draft.guardian_phone or self.family_phones.get(row.family_key, "")


def column_problem(mapping: tuple[ImportField, ...]) -> str | None:
    """Why the chosen columns cannot make a participant, or None."""
    chosen = set(mapping)
    if not chosen & {ImportField.FIRST_NAME, ImportField.FULL_NAME}:
        return "Välj vilken kolumn som har förnamnet (eller hela namnet) innan du importerar."
    if ImportField.BIRTH not in chosen:
        return "Välj vilken kolumn som har födelseåret eller födelsedatumet innan du importerar."
    repeated = sorted({f.label for f in mapping if f is not ImportField.IGNORE and mapping.count(f) > 1})
    if repeated:
        return f"Flera kolumner är kopplade till samma fält: {', '.join(repeated)}. Välj ett fält per kolumn."
    return None


def _languages(session: Session) -> dict[str, Language]:
    found: dict[str, Language] = {}
    short: dict[str, list[Language]] = {}
    for language in session.scalars(select(Language)):
        found[fold_key(language.name)] = language
        found[fold_key(language.iso_code)] = language
        short.setdefault(fold_key(language.name.split("(")[0]), []).append(language)
    for name, languages in short.items():
        if len(languages) == 1:
            found.setdefault(
                name, languages[0]
            )  # "kurdiska" for "kurdiska (sorani)" while it is the only one
    return found


def _register_people(session: Session) -> dict[tuple[str, str, int], tuple[int, str]]:
    query = (
        select(Participant.id, Participant.first_name, Participant.last_name, Participant.birth_year)
        .where(Participant.anonymised_on.is_(None))
        .order_by(Participant.id)
    )
    people: dict[tuple[str, str, int], tuple[int, str]] = {}
    for pid, first, last, year in session.execute(query):
        people.setdefault((fold_key(first), fold_key(last), year), (pid, f"{first} {last}".strip()))
    return people


class _Row:
    """The cells of one raw row by field, with the problems and warnings found while reading them."""

    def __init__(self, raw: RawRow, columns: dict[ImportField, int]) -> None:
        self.raw = raw
        self.columns = columns
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def value(self, field: ImportField) -> values.CellValue:
        column = self.columns.get(field)
        return None if column is None else self.raw.cell(column)

    def text(self, field: ImportField) -> str:
        """The cell as text; a formula without a saved value, or text that is not safe, is a problem."""
        column = self.columns.get(field)
        if column is None:
            return ""
        text = values.as_text(self.raw.cell(column))
        if column in self.raw.formulas:
            self.problems.append(
                f"{field.label}: cellen är en formel utan sparat värde ({values.shown(text, 40)}). Öppna filen "
                "i Excel, spara den och importera igen."
            )
            return ""
        problem = values.unsafe_text(text, allow_plus=field is ImportField.PHONE)
        if problem:
            self.problems.append(f"{field.label} {problem}")
            return ""
        return text


def _names(row: _Row) -> tuple[str, str]:
    first, last = row.text(ImportField.FIRST_NAME), row.text(ImportField.LAST_NAME)
    full = row.text(ImportField.FULL_NAME)
    if full and not first:
        parts = full.split()
        first, last = (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 and not last else (full, last)
    return first, last


def _read_row(row: _Row, languages: dict[str, Language], today: dt.date) -> tuple[ParticipantDraft | None, dt.date | None]:  # fmt: skip
    """The participant the row describes and the day they joined the waiting list (None: not waiting)."""
    first, last = _names(row)
    birth_year, birth_date = values.birth(row.value(ImportField.BIRTH), row.problems, row.warnings)
    earliest = today.year - OLDEST_PERSON
    if birth_year is not None and not earliest <= birth_year <= today.year:
        row.problems.append(
            f"Födelseåret {birth_year} ligger utanför {earliest}–{today.year}; rätta det i filen."
        )
    gender_text = row.text(ImportField.GENDER)
    gender = gender_from(gender_text)
    if gender is None:
        row.warnings.append(f"Kön ”{values.shown(gender_text)}” förstås inte; sparas som Ej angivet.")
        gender = Gender.NOT_STATED
    role_text = row.text(ImportField.ROLE)
    role = role_from(role_text)
    if role is None:
        row.problems.append(
            f"Rollen ”{values.shown(role_text)}” förstås inte; skriv ja, förälder eller vårdnadshavare för "
            "en vuxen och lämna tomt (eller barn) för ett barn."
        )
        role = Role.CHILD
    language_text = row.text(ImportField.LANGUAGE)
    language = languages.get(fold_key(language_text)) if language_text else None
    if language_text and language is None:
        row.problems.append(
            f"Okänt språk ”{values.shown(language_text)}”. Skriv språket som registret har det "
            "(t.ex. arabiska, somaliska, dari) eller lägg till språket först."
        )
    status_text = row.text(ImportField.STATUS)
    status = status_from(status_text)
    if status is None:
        row.problems.append(
            f"Statusen ”{values.shown(status_text)}” förstås inte; skriv asylsökande (BIV), "
            "uppehållstillstånd (BIS) eller väntelista."
        )
        status = (ProgrammeStatus.ASYLUM_SEEKING, False)
    programme_status, waiting = status
    waiting_since = today if waiting else None
    listed = values.day_or_yes(row.value(ImportField.WAITING), "Väntelista", today, row.problems)
    if listed is not None:
        waiting_since = listed
    consent_on = values.day_or_yes(row.value(ImportField.CONSENT), "Samtycke", today, row.problems)
    if consent_on == today and not isinstance(row.value(ImportField.CONSENT), dt.date):
        row.warnings.append("Samtycket saknar datum i filen; dagens datum sparas.")
    consent_by = row.text(ImportField.CONSENT_BY)
    if consent_on is not None and not consent_by:
        consent_by = "Eget samtycke" if role is Role.GUARDIAN else "Vårdnadshavare"
    raw_phone = row.value(ImportField.PHONE)
    is_figure = isinstance(raw_phone, int | float) and not isinstance(raw_phone, bool)
    phone = values.phone(raw_phone, row.warnings) if is_figure else row.text(ImportField.PHONE)
    native, district = row.text(ImportField.NATIVE_NAME), row.text(ImportField.DISTRICT)
    if row.problems or birth_year is None:
        return None, waiting_since
    draft = ParticipantDraft(
        first_name=first,
        last_name=last,
        native_name=native,
        birth_year=birth_year,
        birth_date=birth_date,
        gender=gender,
        role=role,
        mother_tongue_id=language.id if language else None,
        programme_status=programme_status,
        district=district,
        guardian_phone=phone or "",
        consent_on=consent_on,
        consent_by=consent_by if consent_on is not None else "",
    )
    try:
        cleaned = clean_draft(draft, today)
    except ValidationError as error:
        row.problems.append(error.message)
        return None, waiting_since
    age = age_on(cleaned.birth_year, today, cleaned.birth_date)
    if cleaned.role is Role.CHILD and not YOUNGEST <= age <= OLDEST:
        row.warnings.append(f"Barnet är {age} år; grupperna är för barn och unga {YOUNGEST}–{OLDEST} år.")
    return cleaned, waiting_since


def _family(row: _Row) -> tuple[str, str]:
    text = row.text(ImportField.FAMILY)
    if not text:
        return "", ""
    try:
        label = clean_text(text, "family", "Familjen", 160)
    except ValidationError as error:
        row.problems.append(error.message)
        return "", ""
    return fold_key(label), label


def plan_import(
    session: Session,
    table: SpreadsheetTable,
    mapping: tuple[ImportField, ...],
    today: dt.date,
    progress: Progress | None = None,
    *,
    for_preview: bool = True,
) -> Plan:
    """Check every row of ``table`` read through ``mapping`` against the register in ``session``.

    Writing needs no text for the preview's columns (``for_preview`` False), only the checks."""
    problem = column_problem(mapping)
    columns: dict[ImportField, int] = {
        field: column for column, field in enumerate(mapping) if field is not ImportField.IGNORE
    }
    languages = _languages(session)
    people = _register_people(session)
    seen: dict[tuple[str, str, int], int] = {}
    planned: list[PlannedRow] = []
    total = len(table.rows)
    for done, raw in enumerate(table.rows, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        row = _Row(raw, columns)
        key, label = _family(row)
        draft, waiting_since = _read_row(row, languages, today) if problem is None else (None, None)
        duplicate_of, duplicate_name = None, ""
        if draft is not None:
            person = (fold_key(draft.first_name), fold_key(draft.last_name), draft.birth_year)
            if person in seen:
                row.problems.append(f"Samma person (namn och födelseår) som på rad {seen[person]}.")
                draft = None
            else:
                seen[person] = raw.line
                duplicate_of, duplicate_name = people.get(person, (None, ""))
        planned.append(
            PlannedRow(
                line=raw.line,
                draft=draft if not row.problems else None,
                family_key=key,
                family_label=label,
                waiting_since=waiting_since,
                duplicate_of=duplicate_of,
                duplicate_name=duplicate_name,
                problems=tuple(row.problems),
                warnings=tuple(row.warnings),
                shown=_shown(row, draft) if for_preview else {},
            )
        )
    if progress is not None:
        progress(total, total)
    return Plan(tuple(planned), problem, _family_phones(planned))


def _shown(row: _Row, draft: ParticipantDraft | None) -> dict[str, str]:
    first, last = (draft.first_name, draft.last_name) if draft else (None, None)
    if first is None:
        first = values.as_text(row.value(ImportField.FIRST_NAME) or row.value(ImportField.FULL_NAME))
        last = values.as_text(row.value(ImportField.LAST_NAME))
    return {
        "name": values.shown(f"{first} {last}".strip()),
        "birth": values.shown(values.as_text(row.value(ImportField.BIRTH)), 12),
        "role": draft.role.label if draft else values.shown(values.as_text(row.value(ImportField.ROLE)), 20),
        "family": values.shown(values.as_text(row.value(ImportField.FAMILY)), 30),
        "language": values.shown(values.as_text(row.value(ImportField.LANGUAGE)), 30),
        "status": values.shown(values.as_text(row.value(ImportField.STATUS)), 30),
    }


def _family_phones(rows: list[PlannedRow]) -> dict[str, str]:
    """Each family's first guardian's number: a child without one reaches the family through it,
    wherever in the list the guardian stands."""
    phones: dict[str, str] = {}
    for row in rows:
        draft = row.draft
        if draft and row.family_key and draft.role is Role.GUARDIAN and draft.guardian_phone:
            phones.setdefault(row.family_key, draft.guardian_phone)
    return phones


def family_name(label: str, members: list[ParticipantDraft]) -> str:
    """The name a new family gets: the list's own, or for a bare number the members' family name with it."""
    if not re.fullmatch(r"[0-9 .#-]+", label):
        return label
    guardians = [m for m in members if m.role is Role.GUARDIAN and m.last_name]
    named = guardians or [m for m in members if m.last_name]
    return f"{named[0].last_name} ({label})" if named else f"Familj {label}"
