"""What the follow-up and training screens share: dates, a list tab, an editor dialog, asking before deleting."""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.store.database import Database
from biv_desktop.store.errors import StoreError
from biv_desktop.ui.form import FieldErrors
from biv_desktop.ui.formatting import to_qdate
from biv_desktop.ui.people.record_page import make_table
from biv_desktop.ui.people.widgets import confirm_warnings
from biv_desktop.ui.row_model import ROW_ROLE, Column, RowTableModel, SearchProxy

RowT = TypeVar("RowT")
SavedT = TypeVar("SavedT")


def tr(text: str) -> str:
    return QCoreApplication.translate("FollowUp", text)


def date_edit(day: dt.date | None = None) -> QDateEdit:
    """A date field written 2026-03-31, with a calendar to pick from."""
    edit = QDateEdit(to_qdate(day or dt.date.today()))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def text_box(lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field of a few lines' height; Tab moves on rather than typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def one_line(text: str) -> str:
    """Multi-line text shown in one table cell."""
    return " ".join(text.split())


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask_to_delete(parent: QWidget | None, title: str, question: str, detail: str = "") -> bool:
    """A question with 'Ta bort' and 'Avbryt' (the default); True if the user chose to delete."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    box.setInformativeText(detail)
    delete = box.addButton(tr("Ta bort"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def run_service(parent: QWidget | None, title: str, call: Callable[[], SavedT]) -> SavedT | None:
    """Run a service call that needs no form; a refusal is shown in a message box and gives None."""
    try:
        return call()
    except (ValidationError, StoreError) as error:
        warn(parent, title, str(error))
        return None


class EditorDialog(QDialog, Generic[SavedT]):
    """A form that saves through a service: errors beside their field, warnings confirmed, input kept.

    Subclasses add rows with ``self.errors.add_row`` and implement ``save``; ``saved`` holds the result.
    """

    def __init__(self, title: str, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.database = database
        self.saved: SavedT | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.errors.general_label())
        self.body.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def save(self, override: bool) -> SavedT:
        """Save the form through the service; raises ValidationError or NeedsConfirmation."""
        raise NotImplementedError

    def try_save(self, save: Callable[[bool], SavedT]) -> bool:
        """Save, asking about warnings; on bad input show why beside the field. True when saved."""
        self.errors.clear()
        try:
            try:
                self.saved = save(False)
            except NeedsConfirmation as asked:
                if not confirm_warnings(self, self.windowTitle(), asked.warnings):
                    return False
                self.saved = save(True)
        except ValidationError as error:
            self.show_error(error)
            return False
        except StoreError as error:
            self.show_error(ValidationError("", str(error)))
            return False
        return True

    def show_error(self, error: ValidationError) -> None:
        """Show a refusal beside the field it names (or above the buttons)."""
        self.errors.show(error)

    def accept(self) -> None:
        if self.try_save(self.save):
            super().accept()


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
        self.table: QTableView = make_table(self.proxy, name)
        self.table.setSortingEnabled(True)
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
