"""The families: a searchable list beside the chosen family's guardians and children."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from biv_desktop.services.participants import FamilyRow, delete_family, list_families
from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import ROW_ROLE, RowTableModel
from biv_desktop.ui.common.service_call import service_call
from biv_desktop.ui.common.table import connect_search, make_table, selected_row
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.family_dialog import FamilyDialog
from biv_desktop.ui.participants.family_panel import FamilyPanel
from biv_desktop.ui.participants.widgets import QueryProxy, search_edit, tr


class FamiliesTab(QWidget):
    """Choose a family on the left to see it whole on the right."""

    changed = Signal()

    def __init__(
        self, database: Callable[[], Database], today: dt.date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self.model: RowTableModel[FamilyRow] = RowTableModel(cols.family_columns(), self)
        self.proxy = QueryProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = search_edit(
            tr("Sök på familj, namn på någon i familjen eller språk"), tr("Sök familjer"), self.proxy
        )
        self.table = make_table(self.proxy, tr("Familjer"), lambda: self.panel.table.setFocus())
        connect_search(self.search, self.table)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.panel = FamilyPanel(database, today)
        self.panel.changed.connect(self._panel_changed)
        self.new_button = QPushButton(tr("&Ny familj…"))
        self.new_button.clicked.connect(self.new_family)
        QShortcut(
            QKeySequence("Ctrl+N"),
            self,
            self.new_family,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.rename_button = QPushButton(tr("B&yt namn…"))
        self.rename_button.clicked.connect(self.rename_family)
        self.delete_button = QPushButton(tr("Ta &bort"))
        self.delete_button.setToolTip(tr("Tar bort en familj som inte har några medlemmar kvar."))
        self.delete_button.clicked.connect(self.delete_family)
        self.count_label = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.search)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 770])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    @property
    def database(self) -> Database:
        return self._database()

    def refresh(self, select_id: int | None = None) -> None:
        current = self.current()
        self.model.set_rows(list_families(self.database))
        fit_columns(self.table, {}, stretch=0)
        wanted = select_id if select_id is not None else (current.id if current else None)
        if wanted is None or not self.select(wanted):
            self.panel.show_family(None)
        total = self.model.rowCount()
        self.count_label.setText(tr("{count} familjer").format(count=total) if total != 1 else tr("1 familj"))
        self._update_buttons()

    def select(self, family_id: int) -> bool:
        """Choose a family in the list (clearing a search that hides it) and show it."""
        for attempt in range(2):
            for position in range(self.proxy.rowCount()):
                if self.proxy.index(position, 0).data(ROW_ROLE).id == family_id:
                    self.table.selectRow(position)
                    self.table.scrollTo(self.proxy.index(position, 0))
                    self.panel.show_family(family_id)
                    return True
            if attempt == 0:
                self.search.clear()
        return False

    def current(self) -> FamilyRow | None:
        row = selected_row(self.table)
        return row if isinstance(row, FamilyRow) else None

    def _chosen(self) -> None:
        row = self.current()
        self.panel.show_family(row.id if row else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current()
        self.rename_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.guardian_count + row.child_count == 0)

    def _panel_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def new_family(self) -> None:
        dialog = FamilyDialog(self.database, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.refresh(dialog.saved.id)
            self.changed.emit()

    def rename_family(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = FamilyDialog(self.database, row.id, row.name, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(row.id)
            self.changed.emit()

    def delete_family(self) -> None:
        row = self.current()
        if row is None:
            return
        service_call(self, tr("Ta bort familj"), lambda _: delete_family(self.database, row.id))
        self.refresh()
        self.changed.emit()
