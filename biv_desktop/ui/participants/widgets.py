"""Pieces the participant screens share: tables, a filtering proxy, optional dates, right-to-left names,
and asking before saving past a warning."""

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from biv_desktop.services.participants import SearchQuery
from biv_desktop.ui.formatting import to_qdate
from biv_desktop.ui.row_model import ROW_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
DATE_FORMAT = "yyyy-MM-dd"
WARNING_STYLE = "background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; padding: 6px;"


def tr(text: str) -> str:
    return QCoreApplication.translate("Participants", text)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def confirm_warnings(parent: QWidget | None, title: str, warnings: Sequence[str]) -> bool:
    """Show the warnings a save would override; True if the user chooses 'Spara ändå'."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(tr("Kontrollera innan du sparar:"))
    box.setInformativeText("\n".join(f"• {warning}" for warning in warnings))
    save = box.addButton(tr("Spara ändå"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is save


def show_problem(parent: QWidget | None, title: str, message: str) -> None:
    """Tell the user why something could not be done (a message from a service)."""
    QMessageBox.warning(parent, title, message)


def make_table(
    model: Any, accessible_name: str, open_row: Callable[[], None] | None = None, *, wrap: bool = False
) -> QTableView:
    """A sortable, read-only table that selects whole rows; Enter and double-click call ``open_row``.

    Long lists keep one line a row (text too long is cut with … and shown whole in the tooltip); ``wrap``
    lets a short table grow its rows to show every line.
    """
    table = _OpeningTable(open_row)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.setWordWrap(wrap)
    table.verticalHeader().setVisible(False)
    if wrap:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        # Sizing thousands of rows to their contents would cost seconds; one line each costs nothing.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # Column widths are measured on the first rows (and those in view), not on thousands.
        table.verticalHeader().setResizeContentsPrecision(200)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setAccessibleName(accessible_name)
    return table


class _OpeningTable(QTableView):
    """A table where Enter and double-click open the current row."""

    def __init__(self, open_row: Callable[[], None] | None) -> None:
        super().__init__()
        self._open_row = open_row
        if open_row is not None:
            self.doubleClicked.connect(lambda _index: open_row())

    def keyPressEvent(self, event: Any) -> None:
        if self._open_row is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self._open_row()
            return
        super().keyPressEvent(event)


def selected_row(table: QTableView) -> Any:
    """The row object behind the table's current line, or None."""
    index = table.currentIndex()
    if not index.isValid() or not table.selectionModel().isRowSelected(index.row(), index.parent()):
        return None
    return index.siblingAtColumn(0).data(ROW_ROLE)


def fit_columns(table: QTableView, limits: dict[int, int], stretch: int | None = None) -> None:
    """Size columns to their contents, capped at ``limits`` (pixels); ``stretch`` takes what is left."""
    model = table.model()
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        table.resizeColumnToContents(column)
        limit = limits.get(column)
        if limit is not None and table.columnWidth(column) > limit:
            table.setColumnWidth(column, limit)


class QueryProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE the Swedish way and keeps rows matching what was typed (words in either
    script, a number as age or birth year) and an optional condition from the filter combos."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._query = SearchQuery()
        self._accept: Callable[[Any], bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._query = SearchQuery.parse(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_row_filter(self, accept: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._accept = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None or (self._accept is not None and not self._accept(row)):
            return False
        if self._query.is_empty:
            return True
        return self._query.matches(row.search_key, getattr(row, "age", -1), getattr(row, "birth_year", -1))


def search_edit(placeholder: str, accessible_name: str, proxy: QueryProxy) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName(accessible_name)
    edit.textChanged.connect(proxy.set_search)
    return edit


def choice_combo(choices: Sequence[tuple[str, object]], all_text: str | None = None) -> QComboBox:
    """A combo of (text, value) pairs, with an 'all' entry holding None first when ``all_text`` is given."""
    combo = QComboBox()
    if all_text is not None:
        combo.addItem(all_text, None)
    for text, value in choices:
        combo.addItem(text, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the entry holding ``value`` (the first entry if none does)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    # A date is ten characters: it keeps its own width in forms whose other fields grow.
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return edit


class OptionalDateEdit(QWidget):
    """A date that may be unknown: a box to tick, and the date once it is ticked."""

    def __init__(self, check_text: str, default: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.edit = date_edit(default)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


def is_right_to_left(text: str) -> bool:
    """Whether text starts (at its first strong letter) in a right-to-left script such as Arabic."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


class NativeNameDelegate(QStyledItemDelegate):
    """Draws a cell in Arabic script right to left from the cell's right edge, cut short at its end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if is_right_to_left(option.text):
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def show_native_names(table: QTableView, *columns: int) -> None:
    """Give the columns holding names in the person's own script their right-to-left drawing."""
    delegate = NativeNameDelegate(table)
    for column in columns:
        table.setItemDelegateForColumn(column, delegate)


class NativeNameEdit(QLineEdit):
    """A name in the person's own script: typed in Arabic script it runs right to left from the right edge
    (the cursor, selection and alignment follow), in other scripts left to right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self._follow_direction)

    def _follow_direction(self, text: str) -> None:
        rtl = is_right_to_left(text)
        # Qt reads the default left alignment as "leading", so right-to-left text also sits at the right.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
