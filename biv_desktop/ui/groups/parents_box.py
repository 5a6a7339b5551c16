"""The part of the group dialog that also creates the children's group's parents' group, at its own time."""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from biv_desktop.domain.enums import GroupKind
from biv_desktop.services.groups import PARENTS_PREFIX, GroupFormChoices, ParentsDraft
from biv_desktop.services.register import CAPACITY_RANGE
from biv_desktop.ui.common.dates import from_qtime
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.numbers import number_spin
from biv_desktop.ui.groups.fields import (
    InterpreterCombo,
    choose_value,
    leader_combo,
    minutes_field,
    time_field,
    tr,
    weekday_combo,
)


def row_of(*widgets: QWidget) -> QWidget:
    """Widgets side by side on one form row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


class ParentsBox(QGroupBox):
    """'Skapa även föräldragrupp': when ticked, the dialog saves a parents' group with the children's group,
    sharing its language, premises and programme and meeting at the time chosen here."""

    changed = Signal()

    def __init__(self, choices: GroupFormChoices, parent: QWidget | None = None) -> None:
        super().__init__(tr("Skapa även &föräldragrupp"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        self._plan_id = choices.default_plan_id(GroupKind.PARENTS)
        self.weekday = weekday_combo()
        self.start_time = time_field(dt.time(19, 0))
        self.length = minutes_field(choices.session_minutes)
        self.leader1 = leader_combo(choices.leaders)
        self.leader2 = leader_combo(choices.leaders)
        self.interpreter = InterpreterCombo(choices)
        self.capacity = number_spin(CAPACITY_RANGE)  # a typed 0 stays 0 and is refused with a sentence
        self.capacity.setValue(choices.group_capacity)
        self.weekday.setAccessibleName(tr("Föräldragruppens veckodag"))
        self.start_time.setAccessibleName(tr("Föräldragruppens starttid"))
        self.length.setAccessibleName(tr("Föräldragruppens längd"))
        note = QLabel(
            tr("Samma språk, lokal och program som barngruppen; föräldrarnas temaplan följer barnens teman.")
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(note)
        self.errors = FieldErrors(form)
        self.errors.add_row(
            PARENTS_PREFIX + "start_time",
            tr("Dag och tid:"),
            row_of(self.weekday, self.start_time, self.length),
        )
        self.errors.add_row(
            PARENTS_PREFIX + "leader2_id", tr("Gruppledare:"), row_of(self.leader1, self.leader2)
        )
        self.errors.add_row(PARENTS_PREFIX + "interpreter_id", tr("Tolk:"), self.interpreter)
        self.errors.add_row(PARENTS_PREFIX + "capacity", tr("Platser:"), self.capacity)
        form.addRow(self.errors.general_label())
        self.toggled.connect(lambda _on: self.changed.emit())
        for combo in (self.weekday, self.leader1, self.leader2, self.interpreter):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.start_time.timeChanged.connect(lambda _time: self.changed.emit())
        self.length.valueChanged.connect(lambda _value: self.changed.emit())
        self.capacity.valueChanged.connect(lambda _value: self.changed.emit())

    def fill(self, draft: ParentsDraft) -> None:
        choose_value(self.weekday, draft.weekday)
        self.start_time.setTime(time_field(draft.start_time).time())
        self.length.setValue(draft.length_minutes)
        choose_value(self.leader1, draft.leader1_id)
        choose_value(self.leader2, draft.leader2_id)
        choose_value(self.interpreter, draft.interpreter_id)
        self.capacity.setValue(draft.capacity)
        self._plan_id = draft.theme_plan_id

    def follow_children(self, weekday: int, end_time: dt.time) -> None:
        """Until the box is ticked, suggest the children's day, starting when their session ends."""
        if self.isChecked():
            return
        for widget in (self.weekday, self.start_time):
            widget.blockSignals(True)
        choose_value(self.weekday, weekday)
        self.start_time.setTime(time_field(end_time).time())
        for widget in (self.weekday, self.start_time):
            widget.blockSignals(False)

    def draft(self) -> ParentsDraft | None:
        """The parents' group to create, or None when the box is not ticked."""
        if not self.isChecked() or self.isHidden():
            return None
        return ParentsDraft(
            weekday=int(self.weekday.currentData()),
            start_time=from_qtime(self.start_time.time()),
            length_minutes=self.length.value(),
            leader1_id=self.leader1.currentData(),
            leader2_id=self.leader2.currentData(),
            interpreter_id=self.interpreter.selected_id(),
            capacity=self.capacity.value(),
            theme_plan_id=self._plan_id,
        )
