"""The preview: every row of the list with what would happen to it and why, before anything is written."""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from biv_desktop.domain.wording import how_many
from biv_desktop.services.participants.importing.checking import Plan, PlannedRow, Progress, plan_import
from biv_desktop.services.participants.importing.columns import ImportField, match_columns
from biv_desktop.services.participants.importing.reading import SpreadsheetTable
from biv_desktop.store.database import Database


class DuplicateChoice(StrEnum):
    """What to do with a row naming someone already in the register."""

    SKIP = "skip"
    MERGE = "merge"

    @property
    def label(self) -> str:
        return {DuplicateChoice.SKIP: "Hoppa över", DuplicateChoice.MERGE: "Slå ihop"}[self]


@dataclass(frozen=True)
class PreviewRow:
    """One row of the list as the preview shows it; ``line`` is the row number in the spreadsheet."""

    line: int
    name: str
    birth: str
    role: str
    family: str
    language: str
    status: str
    waiting: bool
    problems: tuple[str, ...]  # a row with a problem is not imported
    warnings: tuple[str, ...]  # shown, but the row is imported
    duplicate_of: int | None  # the participant in the register with the same name and birth year
    duplicate_name: str

    @property
    def accepted(self) -> bool:
        return not self.problems

    @property
    def is_duplicate(self) -> bool:
        return self.accepted and self.duplicate_of is not None

    @property
    def verdict(self) -> str:
        if self.problems:
            return "Fel – importeras inte"
        if self.duplicate_of is not None:
            return f"Finns redan: {self.duplicate_name}"
        return "Varning – importeras" if self.warnings else "Klar"

    @property
    def remarks(self) -> str:
        return " ".join((*self.problems, *self.warnings))


@dataclass(frozen=True)
class ImportPreview:
    """The sheet read through the chosen columns and checked against the register."""

    sheet: str
    sheets: tuple[str, ...]
    headers: tuple[str, ...]
    mapping: tuple[ImportField, ...]
    rows: tuple[PreviewRow, ...]
    column_problem: str | None  # the columns cannot make a participant: nothing can be imported

    @property
    def ready(self) -> int:
        return sum(1 for row in self.rows if row.accepted and row.duplicate_of is None)

    @property
    def duplicates(self) -> int:
        return sum(1 for row in self.rows if row.is_duplicate)

    @property
    def with_problems(self) -> int:
        return sum(1 for row in self.rows if not row.accepted)

    @property
    def summary(self) -> str:
        """One Swedish sentence on what importing would do."""
        if self.column_problem:
            return self.column_problem
        rows = how_many(len(self.rows), "rad", "rader")
        parts = [f"{rows}: {how_many(self.ready, 'ny deltagare', 'nya deltagare')}"]
        if self.duplicates:
            parts.append(f"{self.duplicates} som redan finns i registret")
        if self.with_problems:
            parts.append(f"{self.with_problems} med fel som inte importeras")
        return ", ".join(parts) + "."


def _preview_row(row: PlannedRow) -> PreviewRow:
    shown = row.shown
    return PreviewRow(
        line=row.line,
        name=shown["name"],
        birth=shown["birth"],
        role=shown["role"],
        family=shown["family"],
        language=shown["language"],
        status=shown["status"],
        waiting=row.waiting_since is not None,
        problems=row.problems,
        warnings=row.warnings,
        duplicate_of=row.duplicate_of,
        duplicate_name=row.duplicate_name,
    )


def preview_from_plan(table: SpreadsheetTable, mapping: tuple[ImportField, ...], plan: Plan) -> ImportPreview:
    return ImportPreview(
        sheet=table.sheet,
        sheets=table.sheets,
        headers=table.headers,
        mapping=mapping,
        rows=tuple(_preview_row(row) for row in plan.rows),
        column_problem=plan.column_problem,
    )


def checked_mapping(
    table: SpreadsheetTable, mapping: tuple[ImportField, ...] | None
) -> tuple[ImportField, ...]:
    """The columns as chosen, or as matched by their headers; one field per column of the sheet."""
    if mapping is None:
        return match_columns(table.headers)
    fields = tuple(ImportField(field) for field in mapping)
    width = len(table.headers)
    return (fields + (ImportField.IGNORE,) * width)[:width]


def preview_import(
    database: Database,
    table: SpreadsheetTable,
    mapping: tuple[ImportField, ...] | None = None,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Every row of ``table`` checked as importing would check it; nothing is written."""
    fields = checked_mapping(table, mapping)
    with database.transaction() as session:
        plan = plan_import(session, table, fields, today or dt.date.today(), progress)
    return preview_from_plan(table, fields, plan)
