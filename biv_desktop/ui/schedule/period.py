"""Choosing the schedule's period: a week back or forward, this week, or any first and last day."""

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from biv_desktop.ui.common.dates import date_edit, from_qdate, to_qdate
from biv_desktop.ui.schedule.widgets import tr

# The period shown at first: this week and the next three.
DEFAULT_WEEKS = 4
WEEK = dt.timedelta(weeks=1)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """This week's Monday to the Sunday three weeks later."""
    first = monday_of(today)
    return first, first + DEFAULT_WEEKS * WEEK - dt.timedelta(days=1)


class PeriodBar(QWidget):
    """Buttons to step a week at a time (Ctrl+PgUp, Ctrl+PgDown) and two date fields; `changed` once per step."""

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.previous_button = QPushButton(tr("&Föregående vecka"))
        self.this_week_button = QPushButton(tr("&Denna vecka"))
        self.next_button = QPushButton(tr("&Nästa vecka"))
        self.previous_button.setToolTip(tr("Visa en vecka tidigare (Ctrl+Page Up)"))
        self.this_week_button.setToolTip(tr("Visa den här veckan och de tre följande"))
        self.next_button.setToolTip(tr("Visa en vecka senare (Ctrl+Page Down)"))
        self.previous_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.this_week_button.clicked.connect(self.show_this_week)
        for text, key, weeks in (
            (tr("Föregående vecka"), "Ctrl+PgUp", -1),
            (tr("Nästa vecka"), "Ctrl+PgDown", 1),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, step=weeks: self.shift(step))
            self.addAction(action)

        self.first_edit = self._date_edit(tr("Första dagen"))
        self.last_edit = self._date_edit(tr("Sista dagen"))
        first_label = QLabel(tr("F&rån:"))
        first_label.setBuddy(self.first_edit)
        last_label = QLabel(tr("T&ill:"))
        last_label.setBuddy(self.last_edit)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for button in (self.previous_button, self.this_week_button, self.next_button):
            layout.addWidget(button)
        layout.addSpacing(16)
        for widget in (first_label, self.first_edit, last_label, self.last_edit):
            layout.addWidget(widget)
        layout.addStretch(1)

        self._set(*default_period(today))
        self.first_edit.dateChanged.connect(self._first_edited)
        self.last_edit.dateChanged.connect(self._last_edited)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = date_edit()
        edit.setAccessibleName(name)
        return edit

    @property
    def first(self) -> dt.date:
        return from_qdate(self.first_edit.date())

    @property
    def last(self) -> dt.date:
        return from_qdate(self.last_edit.date())

    def set_period(self, first: dt.date, last: dt.date) -> None:
        """Show `first` to `last` (swapped if given backwards)."""
        self._set(min(first, last), max(first, last))
        self.changed.emit()

    def shift(self, weeks: int) -> None:
        """Move the whole period `weeks` weeks later (earlier if negative), keeping its length."""
        step = weeks * WEEK
        self.set_period(self.first + step, self.last + step)

    def show_this_week(self) -> None:
        self.set_period(*default_period(self._today))

    def _set(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first_edit, first), (self.last_edit, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _first_edited(self) -> None:
        # A first day after the last takes the last day along, so the period is never backwards.
        if self.first > self.last:
            self._set(self.first, self.first)
        self.changed.emit()

    def _last_edited(self) -> None:
        if self.last < self.first:
            self._set(self.last, self.last)
        self.changed.emit()
