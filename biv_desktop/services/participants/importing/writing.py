"""Writing the checked list: every accepted row in one transaction, so nothing is ever half imported.

The rows are checked again inside the writing transaction (the register may have changed since the
preview), with the same rules. New people, new families and places on the waiting list are inserted in
bulk; a duplicate the coordinator chose to merge fills in what the register lacks about that person and
never overwrites what is already there.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import Gender
from biv_desktop.domain.errors import UserError
from biv_desktop.services.participants.importing.checking import (
    PlannedRow,
    Progress,
    family_name,
    plan_import,
)
from biv_desktop.services.participants.importing.columns import ImportField
from biv_desktop.services.participants.importing.preview import DuplicateChoice, checked_mapping
from biv_desktop.services.participants.importing.reading import SpreadsheetTable
from biv_desktop.services.participants.register import DRAFT_FIELDS, ParticipantDraft
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family, Participant, WaitingListEntry

BATCH = 2_000
# What a merge may fill in on the person already in the register, when the register lacks it.
_FILLABLE = ("native_name", "birth_date", "mother_tongue_id", "district", "guardian_phone", "consent_on")


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: counts, and each row left out with the reason, by its row number."""

    imported: int
    merged: int
    families: int
    waiting: int
    skipped: tuple[tuple[int, str], ...]

    @property
    def text(self) -> str:
        """The result in one or two Swedish sentences."""
        parts = [f"{self.imported} nya deltagare importerades"]
        if self.merged:
            parts.append(f"{self.merged} slogs ihop med deltagare som redan fanns")
        if self.families:
            parts.append(f"{self.families} nya familjer")
        if self.waiting:
            parts.append(f"{self.waiting} sattes på väntelistan")
        sentence = ", ".join(parts) + "."
        if self.skipped:
            sentence += f" {len(self.skipped)} rader hoppades över."
        return sentence


class NothingToImport(UserError):
    """The list has no row that can be imported (or its columns cannot make a participant)."""


def import_participants(
    database: Database,
    table: SpreadsheetTable,
    mapping: tuple[ImportField, ...] | None = None,
    *,
    duplicates: Mapping[int, DuplicateChoice] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import every accepted row of ``table`` in one transaction; the register is unchanged on any error.

    ``duplicates`` says, by row number, whether a row naming someone already in the register is merged
    into that person; any other duplicate is skipped.
    """
    today = today or dt.date.today()
    fields = checked_mapping(table, mapping)
    choices = duplicates or {}
    with database.transaction() as session:
        plan = plan_import(session, table, fields, today, _phase(progress, 0))
        if plan.column_problem:
            raise NothingToImport(plan.column_problem, table.path)
        skipped: list[tuple[int, str]] = []
        new: list[PlannedRow] = []
        merged: list[PlannedRow] = []
        for row in plan.rows:
            if row.draft is None:
                skipped.append((row.line, " ".join(row.problems)))
            elif row.duplicate_of is None:
                new.append(row)
            elif choices.get(row.line) is DuplicateChoice.MERGE:
                merged.append(row)
            else:
                skipped.append((row.line, f"Finns redan i registret: {row.duplicate_name}."))
        if not new and not merged:
            raise NothingToImport(
                "Ingen rad kan importeras: "
                + (skipped[0][1] if len(skipped) == 1 else "se felen i förhandsvisningen.")
                if skipped
                else "Listan har inga rader att importera.",
                table.path,
            )
        ids = _insert_people(session, new, _phase(progress, 1))
        ids.update(_merge_people(session, merged))
        families = _place_in_families(session, [*new, *merged], ids)
        waiting = _put_on_waiting_list(session, [*new, *merged], ids)
    return ImportSummary(len(new), len(merged), families, waiting, tuple(skipped))


def _phase(progress: Progress | None, phase: int) -> Progress | None:
    """Checking is the first half of the work, writing the second."""
    if progress is None:
        return None
    report = progress

    def half(done: int, total: int) -> None:
        report(phase * total + done, 2 * total)

    return half


def _columns(draft: ParticipantDraft) -> dict[str, object]:
    return {name: getattr(draft, name) for name in DRAFT_FIELDS if name != "family_id"}


def _insert_people(session: Session, rows: list[PlannedRow], progress: Progress | None) -> dict[int, int]:
    """Insert the new people in batches; their ids by row number."""
    ids: dict[int, int] = {}
    statement = insert(Participant).returning(Participant.id, sort_by_parameter_order=True)
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        params = [_columns(row.draft) for row in batch if row.draft is not None]
        new_ids = session.scalars(statement, params).all()
        ids.update(zip((row.line for row in batch), new_ids, strict=True))
        if progress is not None:
            progress(start + len(batch), len(rows))
    return ids


def _merge_people(session: Session, rows: list[PlannedRow]) -> dict[int, int]:
    """Fill in, on each person already in the register, what the register lacks and the row has."""
    ids: dict[int, int] = {}
    for row in rows:
        assert row.draft is not None and row.duplicate_of is not None
        person = session.get(Participant, row.duplicate_of)
        if person is None:  # removed since the plan was read: the checks in this transaction say otherwise
            continue
        for name in _FILLABLE:
            if not getattr(person, name) and getattr(row.draft, name):
                setattr(person, name, getattr(row.draft, name))
        if person.consent_on is not None and not person.consent_by:
            person.consent_by = row.draft.consent_by
        if person.gender is Gender.NOT_STATED:
            person.gender = row.draft.gender
        ids[row.line] = person.id
    session.flush()
    return ids


def _place_in_families(session: Session, rows: list[PlannedRow], ids: dict[int, int]) -> int:
    """Rows sharing a family key become one family, wherever in the list guardians and children stand.

    A merged person who already has a family brings the others into it; otherwise a new family is made.
    Returns how many families were made."""
    members: dict[str, list[PlannedRow]] = defaultdict(list)
    for row in rows:
        if row.family_key and row.line in ids:
            members[row.family_key].append(row)
    if not members:
        return 0
    people = {row.line: ids[row.line] for group in members.values() for row in group}
    existing: dict[int, int | None] = {}
    for chunk in _chunks(
        [people[row.line] for row in rows if row.duplicate_of is not None and row.line in people]
    ):
        query = select(Participant.id, Participant.family_id).where(Participant.id.in_(chunk))
        existing.update((person_id, family_id) for person_id, family_id in session.execute(query))
    created = 0
    assignments: dict[int, int] = {}
    for group in members.values():
        family_id = next((existing[people[r.line]] for r in group if existing.get(people[r.line])), None)
        if family_id is None:
            drafts = [row.draft for row in group if row.draft is not None]
            family = Family(name=family_name(group[0].family_label, drafts))
            session.add(family)
            session.flush()
            family_id = family.id
            created += 1
        for row in group:
            if existing.get(people[row.line]) is None:
                assignments[people[row.line]] = family_id
    by_family: dict[int, list[int]] = defaultdict(list)
    for person_id, family_id in assignments.items():
        by_family[family_id].append(person_id)
    for family_id, person_ids in by_family.items():
        for chunk in _chunks(person_ids):
            session.execute(update(Participant).where(Participant.id.in_(chunk)).values(family_id=family_id))
    return created


def _put_on_waiting_list(session: Session, rows: list[PlannedRow], ids: dict[int, int]) -> int:
    wanted = {ids[row.line]: row.waiting_since for row in rows if row.waiting_since and row.line in ids}
    if not wanted:
        return 0
    already: set[int] = set()
    for chunk in _chunks([ids[row.line] for row in rows if row.duplicate_of is not None and row.line in ids]):
        query = select(WaitingListEntry.participant_id).where(WaitingListEntry.participant_id.in_(chunk))
        already.update(session.scalars(query))
    entries = [
        {"participant_id": person_id, "added_on": added_on}
        for person_id, added_on in wanted.items()
        if person_id not in already
    ]
    if entries:
        session.execute(insert(WaitingListEntry), entries)
    return len(entries)


def _chunks(items: list[int]) -> list[list[int]]:
    """Ids in pieces small enough for any database's limit on bound values."""
    return [items[start : start + BATCH] for start in range(0, len(items), BATCH)]
