"""Choosing a report's period: the halves of the current agreement year offered first, or any dates."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from biv_desktop.ui.common.dates import date_edit, date_of, to_qdate
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.formatting import period as period_text

OTHER = None  # the combo entry whose dates the user types


class PeriodPicker(QWidget):
    """A combo of the offered periods and 'Annan period', with the dates beside it (typed for the latter)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox()
        self.choice.setAccessibleName(tr("Period"))
        self.first = date_edit()
        self.first.setAccessibleName(tr("Från"))
        self.last = date_edit()
        self.last.setAccessibleName(tr("Till"))
        self.choice.currentIndexChanged.connect(self._chosen)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _day: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.choice, 1)
        from_label = QLabel(tr("&Från:"))
        from_label.setBuddy(self.first)
        to_label = QLabel(tr("&Till:"))
        to_label.setBuddy(self.last)
        layout.addWidget(from_label)
        layout.addWidget(self.first)
        layout.addWidget(to_label)
        layout.addWidget(self.last)

    def set_choices(self, halves: Sequence[tuple[dt.date, dt.date]]) -> None:
        """Offer the halves of the agreement year (and the whole year), then 'Annan period'."""
        names = (tr("Första halvåret"), tr("Andra halvåret"))
        labelled = [
            (f"{names[number] if len(halves) == 2 else tr('Avtalsåret')} {period_text(*half)}", half)
            for number, half in enumerate(halves)
        ]
        if len(halves) == 2:
            whole = (halves[0][0], halves[-1][1])
            labelled.append((f"{tr('Hela avtalsåret')} {period_text(*whole)}", whole))
        self.set_periods(labelled)

    def set_periods(self, periods: Sequence[tuple[str, tuple[dt.date, dt.date]]]) -> None:
        """Offer these (label, (first, last)) periods, then 'Annan period'; keep the chosen one if offered."""
        chosen = self.period() if self.choice.count() else None
        self.choice.blockSignals(True)
        self.choice.clear()
        for label, dates in periods:
            self.choice.addItem(label, dates)
        self.choice.addItem(tr("Annan period"), OTHER)
        self.choice.blockSignals(False)
        if chosen is not None:
            self.set_period(*chosen)
        else:
            self.choice.setCurrentIndex(0)
            self._chosen(0)

    def set_period(self, first: dt.date, last: dt.date) -> None:
        """Show a period: its entry when offered, otherwise as 'Annan period' with its dates."""
        offered = [self.choice.itemData(row) for row in range(self.choice.count())]
        index = offered.index((first, last)) if (first, last) in offered else self.choice.count() - 1
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)
        self._set_dates(first, last)
        self._update_editable()
        self.changed.emit()

    def period(self) -> tuple[dt.date, dt.date]:
        return date_of(self.first), date_of(self.last)

    def _set_dates(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _chosen(self, _index: int) -> None:
        data = self.choice.currentData()
        if data is not OTHER:
            self._set_dates(*data)
        self._update_editable()
        self.changed.emit()

    def _update_editable(self) -> None:
        typed = self.choice.currentData() is OTHER
        self.first.setEnabled(typed)
        self.last.setEnabled(typed)
