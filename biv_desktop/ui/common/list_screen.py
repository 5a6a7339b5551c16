"""The one list screen: a table of rows from a service with buttons to add, open and delete."""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import ROW_ROLE, Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.text import translator

RowT = TypeVar("RowT")
tr = translator("FollowUp")


class ListTab(QWidget, Generic[RowT]):
    """A table of rows from a service with buttons to add, open (Enter) and delete (Delete).

    Columns sort by text or numbers (dates as ISO text): Qt cannot compare Python dates or tuples handed
    to it through a role, and would leave such a column unsorted.
    """

    def __init__(
        self,
        database: Database,
        columns: Sequence[Column[RowT]],
        *,
        name: str,
        new_text: str,
        empty_text: str,
        search_text: Callable[[RowT], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.model: RowTableModel[RowT] = RowTableModel(columns, self)
        self.proxy = SearchProxy(search_text or (lambda _row: ""), self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, name, wrap=True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.selection_changed())
        self.empty_text = empty_text
        self.count_label = QLabel()

        self.new_button = QPushButton(new_text)
        self.new_button.setToolTip(tr("{action} (Ctrl+N)").format(action=new_text.replace("&", "")))
        self.new_button.clicked.connect(self.add_new)
        new_action = QAction(new_text, self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(self.add_new)
        self.addAction(new_action)
        self.open_button = QPushButton(tr("Ö&ppna…"))
        self.open_button.setToolTip(tr("Öppna den valda raden (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(tr("Ta &bort…"))
        self.delete_button.setToolTip(tr("Ta bort den valda raden (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        delete_action = QAction(tr("Ta bort"), self.table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_current)
        self.table.addAction(delete_action)

        self.tools = QHBoxLayout()
        self.tools.setSpacing(8)
        self.tools.addWidget(self.count_label, 1)
        self.tools.addWidget(self.open_button)
        self.tools.addWidget(self.delete_button)
        self.tools.addWidget(self.new_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 12, 12, 12)
        self.layout_.addLayout(self.tools)
        self.layout_.addWidget(self.table, 1)

    # What a subclass provides.
    def load(self) -> Sequence[RowT]:
        raise NotImplementedError

    def edit(self, row: RowT | None) -> RowT | None:
        """Open the editor on a row (None for a new one); the saved row, or None if cancelled."""
        raise NotImplementedError

    def delete(self, row: RowT) -> bool:
        """Ask, then delete the row through the service; True if it was deleted."""
        raise NotImplementedError

    def count_text(self, count: int) -> str:
        return self.empty_text if count == 0 else ""

    def show_details(self, row: RowT | None) -> None:
        """Show the chosen row beside the table, if the tab does."""

    # Behaviour.
    def refresh(self) -> None:
        chosen = self.current_row()
        self.model.set_rows(self.load())
        self.select_id(getattr(chosen, "id", None))
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self.selection_changed()

    def current_row(self) -> RowT | None:
        index = self.table.currentIndex()
        row: Any = index.data(ROW_ROLE) if index.isValid() else None
        return row  # type: ignore[no-any-return]

    def select_id(self, row_id: object) -> bool:
        for position in range(self.proxy.rowCount()):
            index = self.proxy.index(position, 0)
            if row_id is not None and getattr(index.data(ROW_ROLE), "id", None) == row_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def selection_changed(self) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.show_details(row)

    def add_new(self) -> None:
        saved = self.edit(None)
        if saved is not None:
            self._after_change(getattr(saved, "id", None))

    def open_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        saved = self.edit(row)
        if saved is not None:
            self._after_change(getattr(saved, "id", None))

    def delete_current(self) -> None:
        row = self.current_row()
        if row is not None and self.delete(row):
            self._after_change(None)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.open_current()

    def _after_change(self, row_id: object) -> None:
        self.model.set_rows(self.load())
        self.select_id(row_id)
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self.selection_changed()
        self.table.setFocus()
