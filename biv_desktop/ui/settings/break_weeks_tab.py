"""The Uppehåll tab: the breaks the coordinator marks, and the public holidays that are off anyway."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.schedule.days_off import SWEDISH_HOLIDAYS
from biv_desktop.services.register import BreakWeekRow, delete_break_week, list_break_weeks
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.row_model import ROW_ROLE, Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.service_call import service_call
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import stretch_column
from biv_desktop.ui.common.text import translator

tr = translator("Settings")


def break_columns() -> list[Column[BreakWeekRow]]:
    return [
        Column(tr("Namn"), lambda r: r.name),
        Column(tr("Första dagen"), lambda r: r.starts_on.isoformat(), sort=lambda r: r.starts_on),
        Column(tr("Sista dagen"), lambda r: r.ends_on.isoformat(), sort=lambda r: r.ends_on),
        Column(tr("Veckor"), lambda r: r.weeks_label, sort=lambda r: r.starts_on),
        Column(tr("Dagar"), lambda r: str(r.days), sort=lambda r: r.days, align_center=True),
    ]


class BreakWeeksTab(QWidget):
    """A table of breaks with Nytt, Ändra and Ta bort, and a list of the coming year's public holidays."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._today = today
        self.model: RowTableModel[BreakWeekRow] = RowTableModel(break_columns(), self)
        self.proxy = SearchProxy(lambda row: row.name, self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, self.tr("Uppehåll"), wrap=True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretch_column(self.table, 0)
        self.table.activated.connect(lambda _index: self.edit_current())

        self.new_button = QPushButton(self.tr("&Nytt uppehåll…"))
        self.new_button.setToolTip(self.tr("Nytt uppehåll (Ctrl+N)"))
        self.new_button.clicked.connect(self.add_new)
        self.edit_button = QPushButton(self.tr("Än&dra…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("Ta &bort"))
        self.delete_button.setToolTip(self.tr("Ta bort det valda uppehållet (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        # The school year's usual breaks, proposed for her to check (the overview's checklist has it too).
        self.propose_button = QPushButton(self.tr("Föreslå läsårets l&ov…"))
        self.propose_button.clicked.connect(self.propose)
        for text, keys, slot, widget in (
            (self.tr("Nytt uppehåll"), QKeySequence.StandardKey.New, self.add_new, self),
            (self.tr("Ta bort uppehåll"), QKeySequence.StandardKey.Delete, self.delete_current, self.table),
        ):
            action = QAction(text, widget)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            widget.addAction(action)

        explanation = QLabel(
            self.tr(
                "Inga träffar planeras under uppehållen (till exempel skolloven) eller på helgdagar. "
                "Nya gruppers träffar hoppar över dem. Planerade träffar som ett nytt eller ändrat uppehåll "
                "täcker flyttas när du sparar det, grupp för grupp, med de senare träffarna i samma grupp."
            )
        )
        explanation.setWordWrap(True)
        self.holidays_heading = QLabel()
        self.holidays = QListWidget()
        self.holidays.setAccessibleName(self.tr("Helgdagar"))
        self.holidays.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.propose_button)
        breaks = QVBoxLayout()
        breaks.addWidget(self.table, 1)
        breaks.addLayout(buttons)
        holidays = QVBoxLayout()
        holidays.addWidget(self.holidays_heading)
        holidays.addWidget(self.holidays, 1)
        holidays_widget = QWidget()
        holidays_widget.setLayout(holidays)
        holidays_widget.setFixedWidth(320)
        holidays.setContentsMargins(0, 0, 0, 0)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(breaks, 1)
        body.addWidget(holidays_widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(explanation)
        layout.addLayout(body, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        chosen = self.current_row()
        self.model.set_rows(list_break_weeks(self.database))
        if chosen is not None:
            self._select(chosen.id)
        first, last = self.today, self.today + dt.timedelta(days=365)
        self.holidays_heading.setText(
            self.tr("Helgdagar {first} – {last}:").format(first=first.isoformat(), last=last.isoformat())
        )
        self.holidays.clear()
        self.holidays.addItems(
            [f"{day.isoformat()}  {name}" for day, name in SWEDISH_HOLIDAYS.between(first, last)]
        )
        self._enable()

    def current_row(self) -> BreakWeekRow | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, BreakWeekRow) else None

    def _select(self, break_id: int) -> None:
        for position in range(self.proxy.rowCount()):
            index = self.proxy.index(position, 0)
            if index.data(ROW_ROLE).id == break_id:
                self.table.setCurrentIndex(index)
                return

    def _enable(self) -> None:
        chosen = self.current_row() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _edit(self, row: BreakWeekRow | None) -> None:
        # The forms (and the schedule's moving of sessions behind them) load when first opened.
        from biv_desktop.ui.settings.break_week_dialog import BreakWeekDialog

        dialog = BreakWeekDialog(self.database, row, self.today, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.refresh()
            self._select(dialog.saved.id)
            self.table.setFocus()

    def add_new(self) -> None:
        self._edit(None)

    def propose(self) -> None:
        """Föreslå läsårets lov…: the usual breaks, saved only as she confirms them."""
        from biv_desktop.ui.settings.break_proposal_dialog import BreakProposalDialog

        dialog = BreakProposalDialog(self.database, self.today, self)
        if dialog.exec() == QDialog.DialogCode.Accepted or dialog.saved:
            self.refresh()

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._edit(row)

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        title = self.tr("Ta bort uppehåll")
        question = self.tr("Ta bort uppehållet ”{name}”?").format(name=row.name)
        detail = self.tr("Träffar som redan är planerade runt uppehållet ligger kvar där de är.")
        if not ask_to_delete(self, title, question, detail):
            return
        # Already removed elsewhere: the refresh below shows the list as it is.
        service_call(
            self, title, lambda _: delete_break_week(self.database, row.id), invalid=lambda _gone: None
        )
        self.refresh()
