"""The schedule table: a heading line for every week and the week's sessions under it, problems marked.

Sorting by a column sorts the sessions within each week; the weeks stay in date order, each under its
heading, because a week-by-week list is what the coordinator reads and prints.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QTableView

from biv_desktop.domain.calendar import MONTHS, time_range
from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.schedule import ScheduleRow
from biv_desktop.ui.common.row_model import ANSWERED_ROLES, ROW_ROLE, SORT_ROLE, Column, RowTableModel
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.formatting import short_weekday

AnyIndex = QModelIndex | QPersistentModelIndex

DAY, TIME, GROUP, NUMBER, THEME, PREMISES, LEADERS, INTERPRETER, STATUS, PROBLEMS = range(10)

# A soft amber for staffing, as on the overview; a soft red for conflicts. Dark text stays readable on both.
STAFFING_WARNING = QColor(255, 236, 179)
CONFLICT_WARNING = QColor(255, 205, 210)


tr = translator("Schedule")


@dataclass(frozen=True)
class WeekHeading:
    """The line above a week's sessions: which week, and how many sessions it has and need attention."""

    year: int
    week: int
    sessions: int
    flagged: int

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)


ScheduleLine = WeekHeading | ScheduleRow


def week_of(line: ScheduleLine) -> tuple[int, int]:
    return (line.year, line.week) if isinstance(line, WeekHeading) else line.iso_week


def needs_attention(row: ScheduleRow) -> bool:
    return row.has_conflicts or row.understaffed


def lines_by_week(rows: Sequence[ScheduleRow], first: dt.date, last: dt.date) -> list[ScheduleLine]:
    """A heading for every week from `first` to `last` (empty weeks too), each followed by its sessions."""
    lines: list[ScheduleLine] = []
    monday = first - dt.timedelta(days=first.weekday())
    while monday <= last:
        year, week, _ = monday.isocalendar()
        in_week = [row for row in rows if row.iso_week == (year, week)]
        flagged = sum(1 for row in in_week if needs_attention(row))
        lines.append(WeekHeading(year, week, len(in_week), flagged))
        lines.extend(in_week)
        monday += dt.timedelta(weeks=1)
    return lines


def _day_month(day: dt.date) -> str:
    """E.g. '9 mars'."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def week_title(heading: WeekHeading) -> str:
    """E.g. 'Vecka 11 · 9–15 mars 2026 · 3 träffar, 1 att åtgärda'."""
    monday = heading.monday
    sunday = monday + dt.timedelta(days=6)
    if monday.year != sunday.year:
        days = f"{_day_month(monday)} {monday.year} – {_day_month(sunday)} {sunday.year}"
    elif monday.month != sunday.month:
        days = f"{_day_month(monday)} – {_day_month(sunday)} {sunday.year}"
    else:
        days = f"{monday.day}–{_day_month(sunday)} {sunday.year}"
    if heading.sessions == 0:
        count = tr("inga träffar")
    elif heading.sessions == 1:
        count = tr("1 träff")
    else:
        count = tr("{count} träffar").format(count=heading.sessions)
    if heading.flagged:
        count += ", " + tr("{count} att åtgärda").format(count=heading.flagged)
    return tr("Vecka {week}").format(week=heading.week) + f" · {days} · {count}"


def problems_text(row: ScheduleRow) -> str:
    """The short marker for the problems column, e.g. 'Krock och bemanning'."""
    if row.has_conflicts and row.understaffed:
        return tr("Krock och bemanning")
    if row.has_conflicts:
        return tr("Krock")
    return tr("Bemanning") if row.understaffed else ""


def problems_tooltip(row: ScheduleRow) -> str | None:
    """Every conflict and staffing problem in full, one a line."""
    parts: list[str] = []
    if row.conflicts:
        parts.append(tr("Krockar:"))
        parts.extend(f"• {message}" for message in row.conflict_messages)
    if row.staffing_problems:
        parts.append(tr("Bemanning (två utbildade gruppledare och tolk på gruppens språk):"))
        parts.extend(f"• {problem}" for problem in row.staffing_problems)
    return "\n".join(parts) or None


def _session_only(show: Any) -> Any:
    """A column function that shows nothing on a week heading."""
    return lambda line: "" if isinstance(line, WeekHeading) else show(line)


def schedule_columns() -> list[Column[ScheduleLine]]:
    def day(line: ScheduleLine) -> str:
        if isinstance(line, WeekHeading):
            return week_title(line)
        return f"{short_weekday(line.weekday)} {_day_month(line.date)}"

    return [
        Column(tr("Dag"), day, sort=_session_only(lambda r: (r.date, r.start_time))),
        Column(tr("Tid"), _session_only(lambda r: time_range(r.start_time, r.end_time))),
        Column(tr("Grupp"), _session_only(lambda r: r.group_name), tooltip=_session_only(lambda r: r.group_name)),
        Column(tr("Träff"), _session_only(lambda r: str(r.number)), sort=_session_only(lambda r: r.number),
               align_center=True),
        Column(tr("Tema"), _session_only(lambda r: r.theme), tooltip=_session_only(lambda r: r.theme or None)),
        Column(tr("Lokal"), _session_only(lambda r: r.premises)),
        Column(tr("Gruppledare"), _session_only(lambda r: "\n".join(r.leader_names) or tr("ingen"))),
        Column(tr("Tolk"), _session_only(lambda r: r.interpreter_name or tr("ingen"))),
        Column(tr("Status"), _session_only(lambda r: r.status.label)),
        Column(tr("Att åtgärda"), _session_only(problems_text), tooltip=_session_only(problems_tooltip)),
    ]  # fmt: skip


_ANSWERED = ANSWERED_ROLES | {int(Qt.ItemDataRole.FontRole)}


class ScheduleTableModel(RowTableModel[ScheduleLine]):
    """Week headings and sessions; problems coloured and marked with an icon, cancelled sessions greyed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(schedule_columns(), parent)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        line = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(line, WeekHeading):
            # Not enabled, so the arrow keys step over headings from one session to the next.
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Roles neither this model nor the row model answers go first: a view asks each cell for about eight.
        if role not in _ANSWERED or not index.isValid() or index.row() >= self.rowCount():
            return None
        line = self.row_at(index.row())
        if isinstance(line, WeekHeading):
            return self._heading_data(index, role)
        if index.column() == PROBLEMS and needs_attention(line):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(CONFLICT_WARNING if line.has_conflicts else STAFFING_WARNING)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(Qt.GlobalColor.black))
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and line.status is SessionStatus.CANCELLED:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return super().data(index, role)

    def _heading_data(self, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QPalette().brush(QPalette.ColorRole.Midlight)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QPalette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def text_only_columns(self) -> frozenset[int]:
        # Week headings are bold in every column, but only the day column holds their text (an empty cell
        # is as wide in any font); the problems column has its icon.
        return frozenset(range(self.columnCount())) - {DAY, PROBLEMS}

    def session_rows(self) -> list[ScheduleRow]:
        return [line for line in self.rows() if isinstance(line, ScheduleRow)]


class WeekOrderProxy(QSortFilterProxyModel):
    """Sorts the sessions within each week by the chosen column; weeks stay in order under their headings."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(ROW_ROLE), right.data(ROW_ROLE)
        # Qt sorts descending by asking lessThan(right, left); inverting here keeps weeks ascending.
        descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
        week_a, week_b = week_of(a), week_of(b)
        if week_a != week_b:
            return (week_a < week_b) != descending
        heading_a, heading_b = isinstance(a, WeekHeading), isinstance(b, WeekHeading)
        if heading_a or heading_b:
            return heading_a != descending
        key_a, key_b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(key_a, str) and isinstance(key_b, str):
            key_a, key_b = swedish_sort_key(key_a), swedish_sort_key(key_b)
        if key_a == key_b:
            return bool((a.date, a.start_time, a.group_name) < (b.date, b.start_time, b.group_name))
        return bool(key_a < key_b)


def span_headings(table: QTableView) -> None:
    """Let each week heading run across the whole table, wherever sorting has put it."""
    table.clearSpans()
    model = table.model()
    for row in range(model.rowCount()):
        if isinstance(model.index(row, 0).data(ROW_ROLE), WeekHeading):
            table.setSpan(row, 0, 1, model.columnCount())
