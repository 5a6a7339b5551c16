"""The group's attendance grid as a table model: participants × sessions, totals row and columns.

Column 0 is the participant, then one column per session in number order, then present, absent,
notified absence and the rate. The last row holds the totals per session and for the whole group.
The model holds the service's frozen ``AttendanceGrid``; a mark replaces one participant's row and one
session's totals and tells the views about those cells only.
"""

from dataclasses import replace
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from biv_desktop.domain.attendance_rules import Tally
from biv_desktop.domain.enums import Mark, SessionStatus
from biv_desktop.services.attendance import AttendanceGrid, GridRow, GridSession, MarkChange
from biv_desktop.ui.attendance.marks import (
    CANCELLED_HATCH,
    CLOSED_BACKGROUND,
    FLAG_BACKGROUND,
    RUN_BACKGROUND,
    SYMBOLS,
    TOTALS_BACKGROUND,
    colours,
    mark_label,
    percent,
    tr,
)
from biv_desktop.ui.formatting import day_in_words

AnyIndex = QModelIndex | QPersistentModelIndex
NAME = 0
TOTAL_COLUMNS = 4  # present, absent, notified absence, rate
# The mark behind a session cell as its stored value ('present', ...; None when unmarked).
MARK_ROLE = Qt.ItemDataRole.UserRole + 3
# Qt asks ``data`` about a thousand times to show a group's grid: the roles as plain numbers, the flags,
# brushes and fonts made once, since reading a Qt enum or making a brush costs more than the answer.
DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND, FONT, ALIGNMENT, ACCESSIBLE, DECORATION = (
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.DecorationRole,
    )
)
CENTRED = int(Qt.AlignmentFlag.AlignCenter)
RUN_BRUSH, CLOSED_BRUSH, FLAG_BRUSH, TOTALS_BRUSH = (
    QBrush(colour) for colour in (RUN_BACKGROUND, CLOSED_BACKGROUND, FLAG_BACKGROUND, TOTALS_BACKGROUND)
)
BLACK_BRUSH, LEFT_BRUSH, NOT_HELD_BRUSH = (QBrush(QColor(name)) for name in ("#000000", "#6a6a6a", "#8a8a8a"))
HATCH_BRUSH = QBrush(CANCELLED_HATCH, Qt.BrushStyle.BDiagPattern)  # a cancelled session's cells
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AttendanceGridModel(QAbstractTableModel):
    """A group's attendance for a QTableView; empty until ``set_grid``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid: AttendanceGrid | None = None

    # The grid's shape --------------------------------------------------------------------------------

    def grid(self) -> AttendanceGrid | None:
        return self._grid

    def set_grid(self, grid: AttendanceGrid | None) -> None:
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    def _sessions(self) -> tuple[GridSession, ...]:
        return self._grid.sessions if self._grid else ()

    def _rows(self) -> tuple[GridRow, ...]:
        return self._grid.rows if self._grid else ()

    def first_total_column(self) -> int:
        return 1 + len(self._sessions())

    def totals_row(self) -> int:
        """The row of the totals per session (the last one)."""
        return len(self._rows())

    def session_at(self, column: int) -> GridSession | None:
        sessions = self._sessions()
        return sessions[column - 1] if 1 <= column <= len(sessions) else None

    def row_at(self, row: int) -> GridRow | None:
        rows = self._rows()
        return rows[row] if 0 <= row < len(rows) else None

    def column_of(self, session_id: int) -> int:
        return next(c for c, s in enumerate(self._sessions(), start=1) if s.id == session_id)

    def row_of(self, participant_id: int) -> int | None:
        return next((r for r, row in enumerate(self._rows()) if row.participant_id == participant_id), None)

    def mark_at(self, index: AnyIndex) -> Mark | None:
        """The mark in a participant's session cell; None for no mark or any other cell."""
        row, session = self.row_at(index.row()), self.session_at(index.column())
        return row.mark_at(session.id) if row is not None and session is not None else None

    def is_markable(self, index: AnyIndex) -> bool:
        """A cell a mark can be typed into: a participant who belonged on a session that is open."""
        row, session = self.row_at(index.row()), self.session_at(index.column())
        if row is None or session is None or not (session.open_for_marks or session.notice_ahead):
            return False
        return row.expects(session.id) or row.mark_at(session.id) is not None

    # Qt's model interface ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() or self._grid is None else len(self._rows()) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() or self._grid is None else 1 + len(self._sessions()) + TOTAL_COLUMNS

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        session = self.session_at(section)
        if session is not None:
            if role == DISPLAY:
                return f"{session.number}\n{session.date.day}/{session.date.month}"
            if role == TOOLTIP:
                return self._session_tooltip(session)
            if role == FOREGROUND and session.status is not SessionStatus.HELD:
                return NOT_HELD_BRUSH
            if role == FONT and session.status is SessionStatus.CANCELLED:
                struck = QFont()
                struck.setStrikeOut(True)
                return struck
            return None
        if role == DISPLAY:
            if section == NAME:
                return tr("Deltagare")
            return (tr("Närv."), tr("Frånv."), tr("Anm."), tr("Andel"))[section - self.first_total_column()]
        if role == TOOLTIP and section >= self.first_total_column():
            return (
                tr("Närvarande, genomförda träffar"),
                tr("Frånvarande, genomförda träffar"),
                tr("Anmäld frånvaro, genomförda träffar"),
                tr("Andel närvaro av de markerade träffarna"),
            )[section - self.first_total_column()]
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or self._grid is None:
            return None
        if index.row() == self.totals_row():
            return self._totals_data(index.column(), role)
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        session = self.session_at(column)
        if session is not None:
            return self._cell_data(row, session, role)
        if column == NAME:
            return self._name_data(row, role)
        return self._total_data(row.totals, column, role)

    # Cells --------------------------------------------------------------------------------------------

    def _cell_data(self, row: GridRow, session: GridSession, role: int) -> Any:
        mark = row.mark_at(session.id)
        expected = row.expects(session.id)
        if role == DISPLAY:
            if mark is not None:
                return SYMBOLS[mark]
            return "·" if expected and session.status is SessionStatus.HELD else ""
        if role == MARK_ROLE:
            return mark.value if mark is not None else None
        if role == ALIGNMENT:
            return CENTRED
        if role == ACCESSIBLE:
            return mark_label(mark)
        if role == TOOLTIP:
            return self._cell_tooltip(row, session, mark, expected)
        if role == BACKGROUND:
            if row.in_missed_run(session.id):
                return RUN_BRUSH
            if mark is not None:
                return _mark_brushes(mark)[1]
            if session.status is SessionStatus.CANCELLED:
                return HATCH_BRUSH
            if not expected or not (session.open_for_marks or session.notice_ahead):
                return CLOSED_BRUSH
            return None
        if role == FOREGROUND and mark is not None:
            return _mark_brushes(mark)[0]
        if role == FONT and mark is not None:
            return _bold()
        return None

    def _cell_tooltip(self, row: GridRow, session: GridSession, mark: Mark | None, expected: bool) -> str:
        where = tr("{name}, träff {number} {day}").format(
            name=row.name, number=session.number, day=day_in_words(session.date)
        )
        if mark is not None:
            what = mark_label(mark)
            if row.in_missed_run(session.id):
                what += tr(" – har missat två eller fler träffar i rad")
        elif session.notice_ahead and expected:
            what = tr("Träffen har inte varit än – klicka för att anmäla frånvaro")
        elif session.closed_reason:
            what = session.closed_reason
        elif not expected:
            what = tr("Inte med i gruppen den dagen.")
        else:
            what = mark_label(None)
        return f"{where}: {what}"

    def _name_data(self, row: GridRow, role: int) -> Any:
        if role == DISPLAY:
            return row.name
        if role == TOOLTIP:
            lines = [row.name, *([row.native_name] if row.native_name else [])]
            lines.append(f"{row.birth_year} · {row.gender_label}")
            if row.joined_on is not None:
                lines.append(tr("I gruppen från {day}").format(day=row.joined_on.isoformat()))
            if row.left_on is not None:
                lines.append(tr("Slutade {day}").format(day=row.left_on.isoformat()))
            if row.flagged:
                lines.append(self.flag_text(row))
            return "\n".join(lines)
        if row.follow_up:
            if role == BACKGROUND:
                return FLAG_BRUSH
            if role == FOREGROUND:
                return BLACK_BRUSH
            if role == DECORATION:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == FOREGROUND and row.left_on is not None:
            return LEFT_BRUSH
        return None

    def flag_text(self, row: GridRow) -> str:
        """What a participant's missed sessions in a row mean for the leaders, in one sentence."""
        if row.follow_up:
            return tr("Har missat de {count} senaste träffarna – hör gärna av er.").format(
                count=row.misses_now
            )
        return tr("Har missat två eller fler träffar i rad (markerat i rött).")

    def _total_data(self, totals: Tally, column: int, role: int) -> Any:
        which = column - self.first_total_column()
        if role == DISPLAY:
            return (str(totals.present), str(totals.absent), str(totals.notified), percent(totals.rate))[
                which
            ]
        if role == TOOLTIP and which == 3 and totals.unmarked:
            return tr("{count} genomförda träffar är inte markerade och räknas inte.").format(
                count=totals.unmarked
            )
        if role == FONT and which != 3:
            return None
        return _totals_style(role)

    def _totals_data(self, column: int, role: int) -> Any:
        assert self._grid is not None
        session = self.session_at(column)
        if column == NAME:
            if role == DISPLAY:
                return tr("Närvarande per träff")
            return None if role == ALIGNMENT else _totals_style(role)
        if session is None:
            if role == FONT:
                return _bold()  # the group's totals are all bold, not just its rate
            return self._total_data(self._grid.totals, column, role)
        totals = session.totals
        held = session.status is SessionStatus.HELD
        if role == DISPLAY:
            return f"{totals.present}/{totals.marked + totals.unmarked}" if held else ""
        if role == TOOLTIP and held:
            return tr(
                "{present} närvarande, {absent} frånvarande, {notified} anmäld frånvaro, "
                "{unmarked} inte markerade"
            ).format(
                present=totals.present,
                absent=totals.absent,
                notified=totals.notified,
                unmarked=totals.unmarked,
            )
        return _totals_style(role)

    def _session_tooltip(self, session: GridSession) -> str:
        lines = [
            tr("Träff {number}, {day}").format(number=session.number, day=day_in_words(session.date)),
            session.theme,
            session.status.label,
        ]
        return "\n".join(line for line in lines if line)

    # Applying a mark ----------------------------------------------------------------------------------

    def apply(self, change: MarkChange) -> None:
        """Put what one mark changed in place: the participant's row and the session's column totals.

        Only the cells that can have changed are announced: the marked cell, the row's name and totals,
        the session's total and the group's totals; the rest of the row too when a run of missed sessions
        began or ended (its highlight moves).
        """
        assert self._grid is not None
        position = self.row_of(change.row.participant_id)
        if position is None:
            return
        before = self._grid.rows[position]
        column = self.column_of(change.session.id)
        before_session = self._grid.sessions[column - 1]
        rows = list(self._grid.rows)
        rows[position] = change.row
        sessions = list(self._grid.sessions)
        sessions[column - 1] = change.session
        self._grid = replace(self._grid, rows=tuple(rows), sessions=tuple(sessions))
        last = self.columnCount() - 1
        first_total = self.first_total_column()
        if before.missed_runs != change.row.missed_runs:
            self.dataChanged.emit(self.index(position, NAME), self.index(position, last))
        else:
            self.dataChanged.emit(self.index(position, column), self.index(position, column))
            self.dataChanged.emit(self.index(position, NAME), self.index(position, NAME))
            self.dataChanged.emit(self.index(position, first_total), self.index(position, last))
        totals_row = self.totals_row()
        self.dataChanged.emit(self.index(totals_row, column), self.index(totals_row, column))
        self.dataChanged.emit(self.index(totals_row, first_total), self.index(totals_row, last))
        if before_session.status is not change.session.status:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
            # Unmarked cells of a newly held session now show that they are missing.
            self.dataChanged.emit(self.index(0, column), self.index(totals_row, column))


def _totals_style(role: int) -> Any:
    """How totals look: centred, bold, dark on a light blue-grey."""
    if role == BACKGROUND:
        return TOTALS_BRUSH
    if role == FOREGROUND:
        return BLACK_BRUSH
    if role == FONT:
        return _bold()
    if role == ALIGNMENT:
        return CENTRED
    return None


@cache
def _mark_brushes(mark: Mark) -> tuple[QBrush, QBrush]:
    """A mark's text and background brushes, made once."""
    text, background = colours(mark)
    return QBrush(text), QBrush(background)


@cache
def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
