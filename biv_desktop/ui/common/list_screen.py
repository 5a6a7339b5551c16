"""The one list screen: a table of rows from a service with buttons to add, open and delete."""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.store.database import Database
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.common.row_model import ROW_ROLE, Column, RowTableModel, SearchProxy
from biv_desktop.ui.common.table import connect_search, make_table
from biv_desktop.ui.common.text import translator

RowT = TypeVar("RowT")
tr = translator("ListScreen")


def new_button(owner: QWidget, text: str, add: Callable[[], None]) -> QPushButton:
    """The button that adds a row, also on Ctrl+N anywhere in ``owner``."""
    button = QPushButton(text)
    button.setToolTip(tr("{action} (Ctrl+N)").format(action=text.replace("&", "")))
    button.clicked.connect(add)
    action = QAction(text, owner)
    action.setShortcut(QKeySequence.StandardKey.New)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(add)
    owner.addAction(action)
    return button


def open_button(open_row: Callable[[], None]) -> QPushButton:
    """The button that opens the chosen row (as Enter does)."""
    button = QPushButton(tr("Ö&ppna…"))
    button.setToolTip(tr("Öppna den valda raden (Enter)"))
    button.clicked.connect(open_row)
    return button


def current_row(table: QTableView) -> Any:
    """The row object behind the table's current line, or None."""
    index = table.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


def select_first(table: QTableView, matches: Callable[[Any], bool]) -> bool:
    """Make the first shown row that ``matches`` current; False if none is shown."""
    model = table.model()
    for position in range(model.rowCount()):
        index = model.index(position, 0)
        if matches(index.data(ROW_ROLE)):
            table.setCurrentIndex(index)
            table.scrollTo(index)
            return True
    return False


def open_index(table: QTableView, index: QModelIndex, open_row: Callable[[], None]) -> None:
    """Open the row a double-click or Enter landed on."""
    if index.isValid():
        table.setCurrentIndex(index)
        open_row()


@dataclass(frozen=True)
class ListTexts:
    """What a list screen says: its table's name, its add button, its empty state, its search hint."""

    name: str
    new: str
    empty: str
    search: str = ""  # the search field's hint; no search field without one


class ListTab(QWidget, Generic[RowT]):
    """A table of rows from a service with buttons to add, open (Enter) and delete (Delete).

    A subclass says what it lists (``columns``, ``texts``, ``search_text``) and how to load, edit and delete a
    row; the table, its buttons and their keys are built here once. Columns sort by text or numbers (dates as
    ISO text): Qt cannot compare Python dates or tuples handed to it through a role, and would leave such a
    column unsorted.
    """

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._today = today  # a fixed day for tests; otherwise the real today at every use
        texts = self.texts()
        self.model: RowTableModel[RowT] = RowTableModel(self.columns(), self)
        self.proxy = SearchProxy(self.search_text, self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, texts.name, wrap=True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: open_index(self.table, index, self.open_current))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.selection_changed())
        self.empty_text = texts.empty
        self.count_label = QLabel()

        self.new_button = new_button(self, texts.new, self.add_new)
        self.open_button = open_button(self.open_current)
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
        if texts.search:
            self.search = QLineEdit()
            self.search.setPlaceholderText(texts.search)
            self.search.setClearButtonEnabled(True)
            self.search.setAccessibleName(tr("Sök"))
            self.search.textChanged.connect(self.proxy.set_search)
            connect_search(self.search, self.table)
            self.tools.addWidget(self.search, 2)
        self.tools.addWidget(self.open_button)
        self.tools.addWidget(self.delete_button)
        self.tools.addWidget(self.new_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 12, 12, 12)
        self.layout_.addLayout(self.tools)
        self.layout_.addWidget(self.table, 1)

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # What a subclass provides.
    def columns(self) -> Sequence[Column[RowT]]:
        raise NotImplementedError

    def texts(self) -> ListTexts:
        raise NotImplementedError

    def search_text(self, row: RowT) -> str:
        """The text the search field looks in; nothing by default."""
        return ""

    def load(self) -> Sequence[RowT]:
        raise NotImplementedError

    def edit(self, row: RowT | None) -> RowT | None:
        """Open the editor on a row (None for a new one); the saved row, or None if cancelled."""
        raise NotImplementedError

    def run_editor(self, dialog: EditorDialog[RowT]) -> RowT | None:
        """Show an editor on a row; the row it saved, or None if cancelled."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved

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
        row: RowT | None = current_row(self.table)
        return row

    def select_id(self, row_id: object) -> bool:
        return row_id is not None and select_first(self.table, lambda row: getattr(row, "id", None) == row_id)

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

    def _after_change(self, row_id: object) -> None:
        self.model.set_rows(self.load())
        self.select_id(row_id)
        self.count_label.setText(self.count_text(self.model.rowCount()))
        self.selection_changed()
        self.table.setFocus()
