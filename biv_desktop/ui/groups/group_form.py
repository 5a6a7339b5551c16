"""The group dialog's form: every field of a GroupDraft, in the order the coordinator decides them."""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from biv_desktop.domain.enums import GroupKind, Programme
from biv_desktop.services.groups import GroupDraft, GroupFormChoices, ParentsDraft
from biv_desktop.services.register import CAPACITY_RANGE
from biv_desktop.ui.common.dates import from_qdate, from_qtime
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.numbers import number_spin
from biv_desktop.ui.common.styles import WARNING_STYLE
from biv_desktop.ui.groups.fields import (
    AgeBandField,
    InterpreterCombo,
    choose_value,
    date_field,
    leader_combo,
    minutes_field,
    time_field,
    tr,
    value_combo,
    weekday_combo,
)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def note_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(WARNING_STYLE)
    label.hide()
    return label


class GroupForm(QWidget):
    """The fields of a group; ``changed`` fires whenever one changes, so the preview can follow."""

    changed = Signal()

    def __init__(self, choices: GroupFormChoices, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.programme = value_combo((f"{p.label} – {p.long_label}", p) for p in Programme)
        self.kind = value_combo((kind.label, kind) for kind in GroupKind)
        self.language = value_combo(
            ((capitalised(row.name), row.id) for row in choices.languages), tr("(välj språk)")
        )
        self.age = AgeBandField(choices.age_bands)
        self.premises = value_combo(((row.label, row.id) for row in choices.premises), tr("(välj lokal)"))
        self.name = QLineEdit()
        self.name.setToolTip(
            tr("Lämna tomt för det föreslagna namnet, som följer språk, ålder, stadsdel och termin.")
        )
        self.start_date = date_field(today)
        self.weekday = weekday_combo()
        self.start_time = time_field(dt.time(17, 0))
        self.length = minutes_field(choices.session_minutes)
        self.leader1 = leader_combo(choices.leaders)
        self.leader2 = leader_combo(choices.leaders)
        self.interpreter = InterpreterCombo(choices)
        self.capacity = number_spin(CAPACITY_RANGE)  # a typed 0 stays 0 and is refused with a sentence
        self.capacity.setValue(choices.group_capacity)
        self.theme_plan = value_combo(
            (
                (tr("{name} ({count} teman)").format(name=plan.name, count=plan.theme_count), plan.id)
                for plan in choices.theme_plans
            ),
            tr("(ingen temaplan)"),
        )
        self.schedule_note = note_label()
        self.staff_note = note_label()

        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors(self.layout_)
        add = self.errors.add_row
        add("programme", tr("&Program:"), self.programme)
        add("kind", tr("&Typ:"), self.kind)
        add("language_id", tr("Spr&åk:"), self.language)
        add("age_band", tr("Å&lder:"), self.age)
        add("premises_id", tr("L&okal:"), self.premises)
        add("name", tr("&Namn:"), self.name)
        self.layout_.addRow(self.schedule_note)
        add("start_date", tr("Start&datum:"), self.start_date)
        add("weekday", tr("&Veckodag:"), self.weekday)
        add("start_time", tr("Sta&rttid:"), self.start_time)
        add("length_minutes", tr("Län&gd:"), self.length)
        add("theme_plan_id", tr("T&emaplan:"), self.theme_plan)
        self.layout_.addRow(self.staff_note)
        add("leader1_id", tr("Gruppledare &1:"), self.leader1)
        add("leader2_id", tr("Gruppledare &2:"), self.leader2)
        add("interpreter_id", tr("Tol&k:"), self.interpreter)
        add("capacity", tr("Pl&atser:"), self.capacity)
        self._connect()

    def _connect(self) -> None:
        for combo in (self.programme, self.language, self.premises, self.weekday, self.theme_plan):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for combo in (self.leader1, self.leader2, self.interpreter):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.age.changed.connect(self.changed.emit)
        self.name.textChanged.connect(lambda _text: self.changed.emit())
        self.start_date.dateChanged.connect(self._date_chosen)
        self.start_time.timeChanged.connect(lambda _time: self.changed.emit())
        self.length.valueChanged.connect(lambda _value: self.changed.emit())
        self.capacity.valueChanged.connect(lambda _value: self.changed.emit())

    def _date_chosen(self) -> None:
        # The weekday follows the start date; choosing another weekday after that moves the first session.
        choose_value(self.weekday, from_qdate(self.start_date.date()).weekday())
        self.changed.emit()

    def _kind_chosen(self) -> None:
        kind = self.chosen_kind()
        self.age.setEnabled(kind is GroupKind.CHILDREN)
        # A plan chosen by default follows the kind; one the user picked stays.
        other = GroupKind.PARENTS if kind is GroupKind.CHILDREN else GroupKind.CHILDREN
        if self.theme_plan.currentData() in (None, self.choices.default_plan_id(other)):
            choose_value(self.theme_plan, self.choices.default_plan_id(kind))
        self.changed.emit()

    def chosen_kind(self) -> GroupKind:
        return GroupKind(self.kind.currentData())

    def language_name(self) -> str:
        chosen = self.language.currentData()
        return next((row.name for row in self.choices.languages if row.id == chosen), "")

    def fill(self, draft: GroupDraft) -> None:
        """Show a draft: the group being edited, a copy, or a new group's defaults."""
        choose_value(self.programme, draft.programme)
        choose_value(self.kind, draft.kind)
        self._kind_chosen()
        choose_value(self.language, draft.language_id)
        self.age.set_value(draft.age_min, draft.age_max)
        choose_value(self.premises, draft.premises_id)
        self.name.setText(draft.name)
        self.start_date.setDate(date_field(draft.start_date).date())
        choose_value(self.weekday, draft.weekday)
        self.start_time.setTime(time_field(draft.start_time).time())
        self.length.setValue(draft.length_minutes)
        choose_value(self.theme_plan, draft.theme_plan_id)
        choose_value(self.leader1, draft.leader1_id)
        choose_value(self.leader2, draft.leader2_id)
        choose_value(self.interpreter, draft.interpreter_id)
        self.capacity.setValue(draft.capacity)

    def fill_parents(self, draft: ParentsDraft) -> None:
        """Show a parents' group's own fields (the shared ones are the children's group's)."""
        if draft.start_date is not None:
            self.start_date.setDate(date_field(draft.start_date).date())
        choose_value(self.weekday, draft.weekday)
        self.start_time.setTime(time_field(draft.start_time).time())
        self.length.setValue(draft.length_minutes)
        choose_value(self.theme_plan, draft.theme_plan_id)
        choose_value(self.leader1, draft.leader1_id)
        choose_value(self.leader2, draft.leader2_id)
        choose_value(self.interpreter, draft.interpreter_id)
        self.capacity.setValue(draft.capacity)

    def draft(self) -> GroupDraft:
        kind = self.chosen_kind()
        age_min, age_max = self.age.value() if kind is GroupKind.CHILDREN else (None, None)
        return GroupDraft(
            programme=Programme(self.programme.currentData()),
            kind=kind,
            language_id=self.language.currentData(),
            premises_id=self.premises.currentData(),
            start_date=from_qdate(self.start_date.date()),
            weekday=int(self.weekday.currentData()),
            start_time=from_qtime(self.start_time.time()),
            length_minutes=self.length.value(),
            age_min=age_min,
            age_max=age_max,
            leader1_id=self.leader1.currentData(),
            leader2_id=self.leader2.currentData(),
            interpreter_id=self.interpreter.selected_id(),
            capacity=self.capacity.value(),
            theme_plan_id=self.theme_plan.currentData(),
            name=self.name.text(),
        )

    def parents_draft(self) -> ParentsDraft:
        """The form read as a parents' group of a saved children's group."""
        return self.draft().parents_draft()

    def fix_shared(self) -> None:
        """For a parents' group of a saved children's group: what it shares cannot be chosen."""
        for widget in (self.programme, self.kind, self.language, self.age, self.premises, self.name):
            widget.setEnabled(False)

    def lock_schedule(self, reason: str) -> None:
        """Dates, times and themes are fixed (the group has met): say why beside them."""
        for widget in (self.start_date, self.weekday, self.start_time, self.length, self.theme_plan):
            widget.setEnabled(False)
        self.schedule_note.setText(reason)
        self.schedule_note.show()

    def explain_staffing(self, text: str) -> None:
        self.staff_note.setText(text)
        self.staff_note.show()
