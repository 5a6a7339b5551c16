"""The groups table: one GroupRow per line, with values for showing and for sorting."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette

from biv_desktop.domain.enums import GroupStatus
from biv_desktop.services.groups import GroupRow
from biv_desktop.ui.formatting import day_and_time

AnyIndex = QModelIndex | QPersistentModelIndex

(
    NAME,
    PROGRAMME,
    KIND,
    LANGUAGE,
    AGE,
    PREMISES,
    START,
    DAY_AND_TIME,
    STATUS,
    LEADERS,
    INTERPRETER,
    PARTICIPANTS,
) = range(12)
COLUMN_COUNT = 12

# The value a column sorts by: dates and numbers as such, text compared by the proxy's Swedish collator.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The whole GroupRow behind a line, for the filter and for whoever acts on a chosen group.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_ORDER = {status: position for position, status in enumerate(GroupStatus)}


class GroupTableModel(QAbstractTableModel):
    """Groups as the groups page lists them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupRow] = []
        self._headers = (
            self.tr("Namn"),
            self.tr("Program"),
            self.tr("Typ"),
            self.tr("Språk"),
            self.tr("Ålder"),
            self.tr("Lokal"),
            self.tr("Start"),
            self.tr("Dag och tid"),
            self.tr("Status"),
            self.tr("Gruppledare"),
            self.tr("Tolk"),
            self.tr("Deltagare"),
        )

    def set_rows(self, rows: Sequence[GroupRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> GroupRow:
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
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PARTICIPANTS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is GroupStatus.CANCELLED:
            # A cancelled group stays listed for the record, but toned down so it does not draw the eye;
            # a translucent text colour keeps it readable on light and dark themes alike.
            muted = QPalette().color(QPalette.ColorRole.Text)
            muted.setAlpha(150)
            return QBrush(muted)
        return None

    def _display(self, row: GroupRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == PROGRAMME:
            return row.programme.label
        if column == KIND:
            return row.kind.label
        if column == LANGUAGE:
            return row.language
        if column == AGE:
            return row.age_band_label
        if column == PREMISES:
            return row.premises
        if column == START:
            return row.start_date.isoformat()
        if column == DAY_AND_TIME:
            return day_and_time(row.weekday, row.start_time, row.end_time)
        if column == STATUS:
            return row.status.label
        if column == LEADERS:
            return "\n".join(row.leader_names)
        if column == INTERPRETER:
            return row.interpreter_name
        return f"{row.participant_count}/{row.capacity}"

    def _sort_value(self, row: GroupRow, column: int) -> int | str:
        if column == AGE:
            return -1 if row.age_min is None else row.age_min * 100 + (row.age_max or 0)
        if column == START:
            return row.start_date.toordinal()
        if column == DAY_AND_TIME:
            return row.weekday * 24 * 60 + row.start_time.hour * 60 + row.start_time.minute
        if column == STATUS:
            return STATUS_ORDER[row.status]
        if column == PARTICIPANTS:
            return row.participant_count
        return self._display(row, column)

    def _tooltip(self, row: GroupRow, column: int) -> str | None:
        if column == NAME:
            return row.name
        if column == PROGRAMME:
            return row.programme.long_label
        if column == PREMISES:
            return f"{row.premises} ({row.district})" if row.district else row.premises
        if column == PARTICIPANTS:
            return self.tr("{count} deltagare av {capacity} platser").format(
                count=row.participant_count, capacity=row.capacity
            )
        return None
