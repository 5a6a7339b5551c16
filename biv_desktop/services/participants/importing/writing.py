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

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import Gender
from biv_desktop.domain.errors import UserError
from biv_desktop.domain.wording import how_many
from biv_desktop.services.participants.importing.checking import (
    Plan,
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
        parts = [f"{how_many(self.imported, 'ny deltagare', 'nya deltagare')} importerades"]
        if self.merged:
            parts.append(f"{self.merged} slogs ihop med deltagare som redan fanns")
        if self.families:
            parts.append(how_many(self.families, "ny familj", "nya familjer"))
        if self.waiting:
            parts.append(f"{self.waiting} sattes på väntelistan")
        sentence = ", ".join(parts) + "."
        if self.skipped:
            sentence += f" {how_many(len(self.skipped), 'rad', 'rader')} hoppades över."
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
        plan = plan_import(session, table, fields, today, _phase(progress, 0), for_preview=False)
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
        family_of, families = _families(session, plan, new, merged)
        ids = _insert_people(session, plan, new, family_of, _phase(progress, 1))
        ids.update(_merge_people(session, [(row, plan.draft_to_write(row)) for row in merged], family_of))
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


def _columns(plan: Plan, row: PlannedRow, family_of: dict[str, int]) -> dict[str, object]:
    """A new row's participant as the insert takes it: its draft, its family, its guardian's number.

    Built as plain values rather than by copying the draft twice per row (dataclasses.replace), which
    was a tenth of a 20,000-row import."""
    assert row.draft is not None
    columns: dict[str, object] = {name: getattr(row.draft, name) for name in DRAFT_FIELDS}
    columns["guardian_phone"] = plan.phone_to_write(row)
    family_id = family_of.get(row.family_key)
    if family_id is not None:
        columns["family_id"] = family_id
    return columns


def _insert_people(
    session: Session, plan: Plan, rows: list[PlannedRow], family_of: dict[str, int], progress: Progress | None
) -> dict[int, int]:
    """Insert the new people in batches (plain executemany: fast on any database); their ids by row number.

    The ids are read back by name and birth year, which no two new rows share (a repeated person is a
    problem on the row) and no one already in the register shares (that is a duplicate, not a new row)."""
    before = session.scalar(select(func.max(Participant.id))) or 0
    for start in range(0, len(rows), BATCH):
        batch = [_columns(plan, row, family_of) for row in rows[start : start + BATCH]]
        session.connection().execute(insert(Participant), batch)  # Core executemany, no ORM bookkeeping
        if progress is not None:
            progress(min(start + BATCH, len(rows)), len(rows))
    query = select(Participant.id, Participant.first_name, Participant.last_name, Participant.birth_year)
    made = {
        (first, last, year): pid
        for pid, first, last, year in session.execute(query.where(Participant.id > before))
    }
    result: dict[int, int] = {}
    for row in rows:
        assert row.draft is not None
        result[row.line] = made[(row.draft.first_name, row.draft.last_name, row.draft.birth_year)]
    return result


def _merge_people(
    session: Session, rows: list[tuple[PlannedRow, ParticipantDraft]], family_of: dict[str, int]
) -> dict[int, int]:
    """Fill in, on each person already in the register, what the register lacks and the row has."""
    ids: dict[int, int] = {}
    for row, draft in rows:
        assert row.duplicate_of is not None
        person = session.get(Participant, row.duplicate_of)
        if person is None:  # removed since the plan was read: the checks in this transaction say otherwise
            continue
        for name in _FILLABLE:
            if not getattr(person, name) and getattr(draft, name):
                setattr(person, name, getattr(draft, name))
        if person.consent_on is not None and not person.consent_by:
            person.consent_by = draft.consent_by
        if person.gender is Gender.NOT_STATED:
            person.gender = draft.gender
        if person.family_id is None and row.family_key in family_of:
            person.family_id = family_of[row.family_key]
        ids[row.line] = person.id
    session.flush()
    return ids


def _families(
    session: Session, plan: Plan, new: list[PlannedRow], merged: list[PlannedRow]
) -> tuple[dict[str, int], int]:
    """Each family key's family, wherever in the list guardians and children stand, and how many were made.

    A merged person who already has a family brings the others into it; otherwise a new family is made,
    all of them in one statement."""
    family_of: dict[str, int] = {}
    for row in merged:
        if row.family_key and row.family_key not in family_of and row.duplicate_of is not None:
            existing = session.get(Participant, row.duplicate_of)
            if existing is not None and existing.family_id is not None:
                family_of[row.family_key] = existing.family_id
    members: dict[str, list[ParticipantDraft]] = defaultdict(list)
    labels: dict[str, str] = {}
    for row in [*new, *merged]:
        if row.family_key and row.family_key not in family_of and row.draft is not None:
            members[row.family_key].append(row.draft)
            labels.setdefault(row.family_key, row.family_label)
    keys = list(members)
    if keys:
        statement = insert(Family).returning(Family.id, sort_by_parameter_order=True)
        names = [{"name": family_name(labels[key], members[key])} for key in keys]
        family_of.update(zip(keys, session.scalars(statement, names).all(), strict=True))
    return family_of, len(keys)


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
