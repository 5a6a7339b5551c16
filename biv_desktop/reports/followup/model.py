"""The follow-up report as tables: what both the PDF and the XLSX workbook show, cell by cell.

The figures become sections of tables with Swedish headings once, here; the PDF and the workbook only lay
them out. So the two files cannot disagree, and a test can compare them through ``format_cell``.
"""

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from biv_desktop.domain.followup.figures import FollowUpFigures


class Unit(Enum):
    """How a number other than a plain count reads."""

    SHARE = "share"  # a fraction 0–1, shown as a percentage
    DECIMAL = "decimal"  # one decimal, e.g. a pro-rated minimum
    AMOUNT = "amount"  # Swedish kronor


@dataclass(frozen=True)
class Measure:
    """A number that is not a plain count; value None when it cannot be computed (a share of nothing)."""

    value: float | None
    unit: Unit


@dataclass(frozen=True)
class SmallCount:
    """A count in a breakdown from 1 up to ``limit``, shown as the range "1–limit" so that it cannot point
    to a person (``FollowUpFigures.is_small``)."""

    limit: int

    @property
    def label(self) -> str:
        return f"1–{self.limit}"


Cell = str | int | dt.date | Measure | SmallCount | None


def counted(figures: FollowUpFigures, count: int) -> "int | SmallCount":
    """A breakdown's count as shown: the range for a small count, the count itself otherwise."""
    return SmallCount(figures.small_count_limit) if figures.is_small(count) else count


@dataclass(frozen=True)
class ReportTable:
    """One table: its sheet name, heading, one-line explanation, column headings and rows.

    With grouped, the first column names a block of rows (Program, Språk, …): the PDF writes it on the
    block's first row only, the workbook on every row so the sheet can be filtered. The last total_rows
    rows are totals, set in bold.
    """

    sheet: str
    title: str
    explanation: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total_rows: int = 0
    grouped: bool = False
    wide_columns: tuple[int, ...] = ()  # columns of running text (quotes, descriptions) that wrap
    empty_text: str = "Inga uppgifter för perioden."


class Chart(Enum):
    """The charts the PDF draws beside its tables."""

    AGE_AND_GENDER = "age_and_gender"
    GROUPS_BY_LANGUAGE = "groups_by_language"
    ATTENDANCE_BY_MONTH = "attendance_by_month"


@dataclass(frozen=True)
class Section:
    """A heading of the report with a short introduction, then its tables and charts in reading order."""

    title: str
    introduction: str
    items: tuple[ReportTable | Chart, ...]

    @property
    def tables(self) -> tuple[ReportTable, ...]:
        return tuple(item for item in self.items if isinstance(item, ReportTable))


def _grouped_digits(number: int) -> str:
    # Swedish groups thousands with a space: 300 500.
    return f"{number:,}".replace(",", " ")


def format_cell(cell: Cell) -> str:
    """A cell as the PDF prints it, the Swedish way: 1 234, 87,5 %, 3,0, 300 500 kr, 2024-04-01."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        return "ja" if cell else "nej"
    if isinstance(cell, int):
        return _grouped_digits(cell)
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, SmallCount):
        return cell.label
    if cell.value is None:
        return "–"
    if cell.unit is Unit.SHARE:
        return f"{cell.value * 100:.1f} %".replace(".", ",")
    if cell.unit is Unit.DECIMAL:
        return f"{cell.value:.1f}".replace(".", ",")
    return f"{_grouped_digits(round(cell.value))} kr"
