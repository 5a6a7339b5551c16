"""The form for one session: move it, change its theme, put in substitutes, cancel or restore it.

Conflicts and staffing problems are shown as the form changes; saving with new ones asks "Spara ändå".
"Ta närvaro…" and "Skriv ut närvarolista…" close the form and leave the rest to the page (``next_step``).
"""

import dataclasses
from enum import Enum, auto

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.calendar import time_range, weekday_name
from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.schedule import (
    SessionChange,
    SessionDetail,
    Way,
    cancel_session,
    check_session_change,
    get_session,
    preview_cancel,
    restore_session,
    session_choices,
    update_session,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.bookings.booking_dialog import booking_button
from biv_desktop.ui.common.confirm import ask
from biv_desktop.ui.common.dates import date_edit, from_qdate, from_qtime, to_qdate, to_qtime
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.formatting import date_in_words
from biv_desktop.ui.schedule.shift_panel import ShiftPanel, moved_summary
from biv_desktop.ui.schedule.widgets import (
    ProblemsPanel,
    command_button,
    conflict_question,
    interpreter_combo,
    leader_combo,
    select_data,
    tr,
)


class NextStep(Enum):
    """What the page opens once the form has closed: the room view, or the session's sheet to print."""

    TAKE_ATTENDANCE = auto()
    PRINT_SHEET = auto()


class SessionDialog(QDialog):
    """Edits one session. After it closes with Accepted, `message` says what was done."""

    def __init__(self, database: Database, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.detail: SessionDetail = get_session(database, session_id)
        self.message = ""
        self.next_step: NextStep | None = None
        row = self.detail.row
        self.setWindowTitle(tr("Träff {number} – {group}").format(number=row.number, group=row.group_name))

        self.group_label = QLabel()
        self.group_label.setWordWrap(True)
        font = QFont(self.group_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.group_label.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._make_fields()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors(form)
        self.errors.add_row("date", tr("&Datum:"), self._beside(self.date, self.weekday))
        self.errors.add_row(
            "end_time", tr("&Tid:"), self._beside(self.start_time, QLabel("–"), self.end_time)
        )
        self.errors.add_row("premises_id", tr("&Lokal:"), self.premises)
        self.errors.add_row("theme_title", tr("Te&ma:"), self.theme)
        self.errors.add_row("theme_description", tr("&Beskrivning:"), self.description)
        self.errors.add_row("materials", tr("Mat&erial:"), self.materials)
        self.errors.add_row("leader1_id", tr("Gruppledare &1:"), self.leader1)
        self.errors.add_row("leader2_id", tr("Gruppledare &2:"), self.leader2)
        self.errors.add_row("interpreter_id", tr("T&olk:"), self.interpreter)
        self.errors.add_row("note", tr("&Anteckning:"), self.note)

        self.problems = ProblemsPanel()
        problems_box = QGroupBox(tr("Krockar och bemanning"))
        QVBoxLayout(problems_box).addWidget(self.problems)
        self.shift = self._make_shift_panel()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.attendance_button = command_button(
            self, tr("Ta &närvaro…"), "Ctrl+T", lambda: self.close_for(NextStep.TAKE_ATTENDANCE)
        )
        self.attendance_button.setToolTip(tr("Stäng formuläret och ta närvaro (Ctrl+T)"))
        self.print_button = command_button(
            self, tr("Skriv &ut närvarolista…"), "Ctrl+P", lambda: self.close_for(NextStep.PRINT_SHEET)
        )
        self.print_button.setToolTip(
            tr("Stäng formuläret och förhandsgranska träffens närvarolista (Ctrl+P)")
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.group_label)
        layout.addWidget(self.summary)
        layout.addSpacing(4)
        # The form on the left, what it would clash with and move on the right: fits a 1366×720 screen.
        left, right, columns = QVBoxLayout(), QVBoxLayout(), QHBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        right.addWidget(problems_box)
        right.addWidget(self.shift, 1)
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        layout.addLayout(columns, 1)
        layout.addWidget(self.errors.general_label())
        bottom = QHBoxLayout()
        bottom.addWidget(self.attendance_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(booking_button(self, database, session_id))
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.setMinimumWidth(1000)

        self._fill()
        for signal in (
            self.date.dateChanged,
            self.start_time.timeChanged,
            self.end_time.timeChanged,
            self.premises.currentIndexChanged,
            self.leader1.currentIndexChanged,
            self.leader2.currentIndexChanged,
            self.interpreter.currentIndexChanged,
        ):
            signal.connect(self.update_problems)
        self.shift.changed.connect(self.update_problems)
        self.update_problems()
        self.date.setFocus()

    # Building the form.
    def _make_fields(self) -> None:
        choices = session_choices(self.database, self.detail.id)
        self.date = date_edit()
        self.weekday = QLabel()
        self.date.dateChanged.connect(lambda day: self.weekday.setText(date_in_words(from_qdate(day))))
        self.start_time = QTimeEdit()
        self.end_time = QTimeEdit()
        for edit in (self.start_time, self.end_time):
            edit.setDisplayFormat("HH:mm")
        self.premises = QComboBox()
        self.premises.addItem(
            tr("Gruppens lokal ({name})").format(name=self.detail.group_premises),
            self.detail.group_premises_id,
        )
        for premises in choices.premises:
            if premises.id != self.detail.group_premises_id:
                self.premises.addItem(premises.name, premises.id)
        self.theme = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 3 + 12)
        self.materials = QPlainTextEdit()
        self.materials.setTabChangesFocus(True)
        self.materials.setFixedHeight(self.materials.fontMetrics().lineSpacing() * 2 + 12)
        self.materials.setPlaceholderText(tr("Det gruppledarna tar med, t.ex. lera, färg och papper"))
        self.leader1 = leader_combo(choices.leaders)
        self.leader2 = leader_combo(choices.leaders)
        self.interpreter = interpreter_combo(choices.interpreters, self.detail.language_name)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("t.ex. Vikarie för Karin, ta med lera"))

    @staticmethod
    def _beside(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return holder

    def _make_shift_panel(self) -> ShiftPanel:
        panel = ShiftPanel()
        panel.cancel_button.clicked.connect(self.cancel_session)
        panel.restore_button.clicked.connect(self.restore_session)
        panel.cancel_button.setVisible(self.detail.can_cancel)
        panel.restore_button.setVisible(self.detail.can_restore)
        panel.offer_parents(self.detail.parents_groups)
        if self.detail.row.status is SessionStatus.HELD:
            panel.show_note(tr("En genomförd träff kan inte flyttas eller ställas in."))
        elif self.detail.row.status is SessionStatus.CANCELLED:
            panel.show_note(tr("Träffen är inställd. Återställ den om den ska bli av ändå."))
        return panel

    def _fill(self) -> None:
        change = self.detail.change()
        self.date.setDate(to_qdate(change.date))
        self.weekday.setText(date_in_words(change.date))
        self.start_time.setTime(to_qtime(change.start_time))
        self.end_time.setTime(to_qtime(change.end_time))
        select_data(self.premises, change.premises_id or self.detail.group_premises_id)
        self.theme.setText(change.theme_title)
        self.description.setPlainText(change.theme_description)
        self.materials.setPlainText(change.materials)
        select_data(self.leader1, change.leader1_id)
        select_data(self.leader2, change.leader2_id)
        select_data(self.interpreter, change.interpreter_id)
        self.note.setText(change.note)
        row = self.detail.row
        self.group_label.setText(row.group_name)
        self.summary.setText(
            tr("Träff {number} · {status} · Gruppen träffas {day} {time} i {premises}.").format(
                number=row.number,
                status=row.status.label,
                day=weekday_name(self.detail.group_weekday) + "ar",
                time=time_range(self.detail.group_start_time, self.detail.group_end_time),
                premises=self.detail.group_premises,
            )
        )

    # Reading the form.
    def change(self) -> SessionChange:
        """What the form holds, as a change for the service."""
        return SessionChange(
            date=from_qdate(self.date.date()),
            start_time=from_qtime(self.start_time.time()),
            end_time=from_qtime(self.end_time.time()),
            premises_id=self.premises.currentData(),
            theme_title=self.theme.text(),
            theme_description=self.description.toPlainText(),
            leader1_id=self.leader1.currentData(),
            leader2_id=self.leader2.currentData(),
            interpreter_id=self.interpreter.currentData(),
            note=self.note.text(),
            materials=self.materials.toPlainText(),
        )

    def is_changed(self) -> bool:
        change, stored = self.change(), self.detail.change()
        premises = stored.premises_id or self.detail.group_premises_id
        return change != dataclasses.replace(stored, premises_id=premises)

    def update_problems(self) -> None:
        """Show what the session would clash with and lack, and what a new date would move, as the form
        now stands; with the date unchanged, what cancelling would do."""
        if self.detail.row.status is SessionStatus.CANCELLED:
            self.problems.show_note(tr("Träffen är inställd, så den krockar inte med något."))
            return
        change = self.change()
        check = service_call(
            self,
            self.windowTitle(),
            lambda _: check_session_change(
                self.database,
                self.detail.id,
                change,
                way=self.shift.way(),
                follow_parents=self.shift.follows(),
            ),
            invalid=self._show_invalid,
        )
        if check is REFUSED:
            return
        self.problems.show_check(check)
        if check.shift is not None:
            self.shift.show_shift(tr("Om du sparar flyttas de här träffarna:"), check.shift)
        elif self.detail.can_cancel:
            self._show_cancel_preview()

    def _show_invalid(self, error: ValidationError) -> None:
        self.problems.show_error(error.message)
        self.shift.show_note(error.message)

    def _show_cancel_preview(self) -> None:
        plan = service_call(
            self,
            self.windowTitle(),
            lambda _: preview_cancel(
                self.database, self.detail.id, way=self.shift.way(), follow_parents=self.shift.follows()
            ),
            invalid=lambda error: self.shift.show_note(error.message),
        )
        if plan is REFUSED:
            return
        heading = (
            tr(
                "Om du ställer in träffen flyttas den och de senare träffarna fram; temat hålls en vecka senare:"
            )
            if self.shift.way() is Way.SHIFT_LATER
            else tr("Om du ställer in träffen hålls inte dess tema:")
        )
        self.shift.show_shift(heading, plan)

    # Acting.
    def close_for(self, step: NextStep) -> None:
        """Close the form so the page can take attendance or print; unsaved changes are dropped after asking."""
        if self.is_changed():
            question = tr("Gå vidare utan att spara ändringarna?")
            details = [tr("Spara först om ändringarna ska gälla för närvaron och närvarolistan.")]
            if not ask(self, self.windowTitle(), question, details, tr("Fortsätt utan att spara")):
                return
        self.next_step = step
        self.reject()

    def accept(self) -> None:
        """Save; new conflicts or staffing problems are confirmed first, bad input shown by its field."""
        self.errors.clear()
        saved = service_call(
            self,
            self.windowTitle(),
            lambda override: update_session(
                self.database,
                self.detail.id,
                self.change(),
                way=self.shift.way(),
                follow_parents=self.shift.follows(),
                override=override,
            ),
            invalid=self.errors.show,
            question=conflict_question(),
        )
        if saved is REFUSED:
            return
        self.message = tr("Träff {number} i {group} är sparad.").format(
            number=saved.number, group=saved.group_name
        )
        super().accept()

    def cancel_session(self) -> None:
        """Cancel the session the chosen way, after asking with the preview's summary."""
        row = self.detail.row
        way, follows = self.shift.way(), self.shift.follows()
        details = [self.shift.heading.text()]
        if self.is_changed():
            details.append(tr("Ändringarna i formuläret sparas inte."))
        question = tr("Ställa in träff {number}, {day}?").format(
            number=row.number, day=date_in_words(row.date)
        )
        if not ask(self, self.windowTitle(), question, details, tr("Ställ in träffen")):
            return
        shift = service_call(
            self,
            self.windowTitle(),
            lambda override: cancel_session(
                self.database, row.id, way=way, follow_parents=follows, override=override
            ),
            invalid=self.errors.show,
            question=conflict_question(),
        )
        if shift is REFUSED:
            return
        self.message = tr("Träff {number} i {group} är inställd.").format(
            number=row.number, group=row.group_name
        )
        self.message += moved_summary(shift)
        super().accept()

    def restore_session(self) -> None:
        """Plan a cancelled session again; what it would clash with is confirmed first."""
        row = self.detail.row
        done = service_call(
            self,
            self.windowTitle(),
            lambda override: restore_session(
                self.database, row.id, follow_parents=self.shift.follows(), override=override
            ),
            invalid=self.errors.show,
            question=conflict_question(),
        )
        if done is REFUSED:
            return
        self.message = tr("Träff {number} i {group} är återställd.").format(
            number=row.number, group=row.group_name
        )
        super().accept()
