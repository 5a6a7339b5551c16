"""This week's sessions as a table, with sessions that lack staff marked."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.services.followup import WeekSession
from biv_desktop.ui.formatting import day_in_words, time_range

AnyIndex = QModelIndex | QPersistentModelIndex

DAY, TIME, GROUP, NUMBER, THEME, PREMISES, LEADERS, INTERPRETER, STATUS, STAFFING = range(10)
COLUMN_COUNT = 10

# The WeekSession behind a line.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

# A soft amber: noticeable without alarming, and dark text stays readable on it.
STAFFING_WARNING = QColor(255, 236, 179)


class WeekSessionTableModel(QAbstractTableModel):
    """The sessions of one week, in the order they take place."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WeekSession] = []
        self._headers = (
            self.tr("Dag"),
            self.tr("Tid"),
            self.tr("Grupp"),
            self.tr("Träff"),
            self.tr("Tema"),
            self.tr("Lokal"),
            self.tr("Gruppledare"),
            self.tr("Tolk"),
            self.tr("Status"),
            self.tr("Bemanning"),
        )

    def set_rows(self, rows: Sequence[WeekSession]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> WeekSession:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        session = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(session, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == STAFFING and session.staffing_problems:
            return "\n".join(session.staffing_problems)
        if role == Qt.ItemDataRole.ToolTipRole and column in (GROUP, THEME, LEADERS):
            return self._display(session, column)
        if role == ROW_ROLE:
            return session
        if column == STAFFING and session.understaffed:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(STAFFING_WARNING)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(Qt.GlobalColor.black))
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, session: WeekSession, column: int) -> str:
        if column == DAY:
            return day_in_words(session.date)
        if column == TIME:
            return time_range(session.start_time, session.end_time)
        if column == GROUP:
            return session.group_name
        if column == NUMBER:
            return str(session.number)
        if column == THEME:
            return session.theme
        if column == PREMISES:
            return session.premises
        if column == LEADERS:
            return "\n".join(session.leader_names)
        if column == INTERPRETER:
            return session.interpreter_name
        if column == STATUS:
            return session.status.label
        return self.staffing_text(session)

    def staffing_text(self, session: WeekSession) -> str:
        """What a session still lacks, e.g. 'Saknar en gruppledare och tolk'."""
        if session.status is SessionStatus.CANCELLED:
            return ""
        if not session.understaffed:
            return self.tr("Bemannad")
        leaders = {0: "", 1: self.tr("en gruppledare"), 2: self.tr("två gruppledare")}[
            session.missing_leaders
        ]
        interpreter = self.tr("tolk") if session.missing_interpreter else ""
        if leaders and interpreter:
            return self.tr("Saknar {leaders} och {interpreter}").format(
                leaders=leaders, interpreter=interpreter
            )
        return self.tr("Saknar {what}").format(what=leaders or interpreter)
