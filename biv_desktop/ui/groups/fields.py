"""The group dialog's fields: choices with ids behind them, the age band, days, times and lengths."""

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QTimeEdit, QWidget

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.calendar import WEEKDAYS
from biv_desktop.services.groups import GroupFormChoices, InterpreterChoice, LeaderChoice
from biv_desktop.services.register import SESSION_MINUTES_RANGE
from biv_desktop.services.staff import InterpreterSuggestion
from biv_desktop.ui.common.dates import date_edit, to_qtime
from biv_desktop.ui.common.text import translator

CUSTOM_BAND = "custom"


tr = translator("Groups")


def value_combo(choices: Iterable[tuple[str, object]], none_text: str | None = None) -> QComboBox:
    """A combo of (text, value) pairs, with a first entry holding None when ``none_text`` is given."""
    combo = QComboBox()
    if none_text is not None:
        combo.addItem(none_text, None)
    for text, value in choices:
        combo.addItem(text, value)
    return combo


def choose_value(combo: QComboBox, value: object) -> None:
    """Select the entry holding ``value``; the first entry if none does."""
    combo.setCurrentIndex(max(combo.findData(value), 0))


def date_field(day: dt.date) -> QDateEdit:
    """A date typed as 2026-03-30 or picked from a calendar."""
    return date_edit(day)


def time_field(time: dt.time) -> QTimeEdit:
    edit = QTimeEdit(to_qtime(time))
    edit.setDisplayFormat("HH:mm")
    return edit


def minutes_field(minutes: int) -> QSpinBox:
    low, high = SESSION_MINUTES_RANGE
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(15)
    spin.setSuffix(tr(" min"))
    spin.setValue(minutes)
    return spin


def weekday_combo() -> QComboBox:
    return value_combo((name, number) for number, name in enumerate(WEEKDAYS))


def leader_combo(leaders: Sequence[LeaderChoice]) -> QComboBox:
    """The leaders, trained ones first; the untrained and inactive marked."""
    combo = value_combo(((leader.label, leader.id) for leader in leaders), tr("(ingen vald)"))
    combo.setMinimumContentsLength(22)
    return combo


class InterpreterCombo(QComboBox):
    """The interpreters, those who speak the group's language first, each marked with whether they are free
    at the group's sessions; the others marked as not speaking it."""

    def __init__(self, choices: GroupFormChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self.setMinimumContentsLength(30)
        self.show_for(None, "", None)

    def selected_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def show_for(
        self, language_id: int | None, language_name: str, suggestions: Sequence[InterpreterSuggestion] | None
    ) -> None:
        """List the interpreters for ``language_id``. ``suggestions`` (None when not known) are the speakers
        free at some of the group's sessions, with when they are busy."""
        chosen = self.selected_id()
        free = {item.interpreter_id: item for item in suggestions or ()}
        self.blockSignals(True)
        self.clear()
        self.addItem(tr("(ingen vald)"), None)
        for interpreter in self._choices.interpreters_for(language_id):
            suggestion = free.get(interpreter.id)
            self.addItem(
                self._label(interpreter, language_id, language_name, suggestion, suggestions is not None)
            )
            self.setItemData(self.count() - 1, interpreter.id)
            if suggestion is not None and suggestion.busy:
                self.setItemData(self.count() - 1, "\n".join(suggestion.busy), Qt.ItemDataRole.ToolTipRole)
        choose_value(self, chosen)
        self.blockSignals(False)

    @staticmethod
    def _label(
        interpreter: InterpreterChoice,
        language_id: int | None,
        language_name: str,
        suggestion: InterpreterSuggestion | None,
        known: bool,
    ) -> str:
        name = interpreter.name
        if not interpreter.active:
            return tr("{name} (inaktiv)").format(name=name)
        if language_id is not None and language_id not in interpreter.language_ids:
            return tr("{name} (talar inte {language})").format(name=name, language=language_name.lower())
        if suggestion is not None:
            return f"{name} – {suggestion.availability.lower()}"
        if known and language_id is not None:
            return tr("{name} – upptagen vid alla träffar").format(name=name)
        return name


def band_key(low: int, high: int) -> str:
    return f"{low}-{high}"


class AgeBandField(QWidget):
    """The age band: one of the settings' bands, or any other range typed in two boxes."""

    changed = Signal()

    def __init__(self, bands: Sequence[AgeBand], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Keyed by text: Qt does not compare Python tuples stored as item data.
        self.combo = value_combo((band.label, band_key(band.low, band.high)) for band in bands)
        self.combo.addItem(tr("Annat åldersspann…"), CUSTOM_BAND)
        self.low = QSpinBox()
        self.high = QSpinBox()
        for spin in (self.low, self.high):
            spin.setRange(0, 99)
            spin.setSuffix(tr(" år"))
            spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.low.setAccessibleName(tr("Lägsta ålder"))
        self.high.setAccessibleName(tr("Högsta ålder"))
        self.dash = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.low)
        layout.addWidget(self.dash)
        layout.addWidget(self.high)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.setFocusProxy(self.combo)
        self._chosen()

    def _chosen(self) -> None:
        value = self.combo.currentData()
        custom = value == CUSTOM_BAND
        if not custom and value is not None:
            low, high = (int(part) for part in str(value).split("-"))
            for spin, number in ((self.low, low), (self.high, high)):
                spin.blockSignals(True)
                spin.setValue(number)
                spin.blockSignals(False)
        for widget in (self.low, self.dash, self.high):
            widget.setVisible(custom)
        self.changed.emit()

    def value(self) -> tuple[int | None, int | None]:
        if not self.isEnabled():
            return None, None
        return self.low.value(), self.high.value()

    def set_value(self, low: int | None, high: int | None) -> None:
        if low is None or high is None:
            return
        index = self.combo.findData(band_key(low, high))
        self.low.setValue(low)
        self.high.setValue(high)
        self.combo.setCurrentIndex(index if index >= 0 else self.combo.findData(CUSTOM_BAND))
