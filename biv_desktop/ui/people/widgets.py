"""Pieces the people, premises and settings screens share: languages to tick, sessions ahead, confirming."""

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.calendar import time_range
from biv_desktop.services.staff import LanguageRow, UpcomingSession
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.formatting import day_in_words

tr = translator("People")


class LanguageChecklist(QListWidget):
    """Every language with a box to tick; Space ticks the current one."""

    def __init__(self, languages: Iterable[LanguageRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Språk"))
        self.setUniformItemSizes(True)
        for language in languages:
            item = QListWidgetItem(language.name, self)
            item.setData(Qt.ItemDataRole.UserRole, language.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.setMinimumHeight(self.sizeHintForRow(0) * 6 + 2 * self.frameWidth() if self.count() else 60)

    def set_checked(self, language_ids: Iterable[int]) -> None:
        wanted = set(language_ids)
        first_checked = None
        for row in range(self.count()):
            item = self.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if checked and first_checked is None:
                first_checked = item
        if first_checked is not None:
            self.scrollToItem(first_checked)

    def checked_ids(self) -> frozenset[int]:
        return frozenset(
            int(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )


def upcoming_columns() -> list[Column[UpcomingSession]]:
    return [
        Column(tr("Datum"), lambda s: s.date.isoformat(), sort=lambda s: (s.date, s.start_time)),
        Column(tr("Dag"), lambda s: day_in_words(s.date), sort=lambda s: (s.date, s.start_time)),
        Column(tr("Tid"), lambda s: time_range(s.start_time, s.end_time)),
        Column(tr("Grupp"), lambda s: s.group_name, tooltip=lambda s: s.theme or None),
        Column(tr("Träff"), lambda s: str(s.number), sort=lambda s: s.number, align_center=True),
        Column(tr("Lokal"), lambda s: s.premises),
    ]


class UpcomingSessions(QWidget):
    """The sessions ahead a person is booked for, soonest first, or a sentence saying there are none."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowTableModel[UpcomingSession] = RowTableModel(upcoming_columns(), self)
        self.table = make_table(self.model, tr("Kommande träffar"), wrap=True, sortable=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def set_sessions(self, sessions: Sequence[UpcomingSession]) -> None:
        self.model.set_rows(sessions)
        self.stack.setCurrentWidget(self.table if sessions else self.empty)
