"""Pieces the participant screens share: tables, a filtering proxy, optional dates, right-to-left names,
and asking before saving past a warning."""

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from biv_desktop.services.participants import SearchQuery
from biv_desktop.ui.common.dates import date_edit, from_qdate, to_qdate
from biv_desktop.ui.common.row_model import SearchProxy
from biv_desktop.ui.common.shown_rows import ShownRows
from biv_desktop.ui.common.text import translator

AnyIndex = QModelIndex | QPersistentModelIndex
DATE_FORMAT = "yyyy-MM-dd"


tr = translator("Participants")


class QueryProxy(SearchProxy):
    """The participant register's search: the words as everywhere (``SearchProxy``), and a number typed
    as the age or the birth year (11, 2015), a range as the age (13-15)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(lambda _row: "", parent)

    def matches(self, query: SearchQuery, row: Any) -> bool:
        return person_matches(query, row)


def person_matches(query: SearchQuery, row: Any) -> bool:
    """Whether a person's row holds what was typed: the words, an age or birth year, an age range."""
    return query.matches(row.search_key, getattr(row, "age", -1), getattr(row, "birth_year", -1))


def search_edit(placeholder: str, accessible_name: str, proxy: QueryProxy | ShownRows) -> QLineEdit:
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


class OptionalDateEdit(QWidget):
    """A date that may be unknown: a box to tick, and the date once it is ticked."""

    def __init__(self, check_text: str, default: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.edit = date_edit(default, fixed_width=True)
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
