"""Taking attendance in the room: everyone on the session in large lines, marked by click or key.

Each mark is saved the moment it is made (nothing is lost if the laptop dies); Spara records which of
the booked leaders and interpreter were there and marks the session held.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import Literal, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.calendar import time_range
from biv_desktop.domain.enums import Mark
from biv_desktop.services.attendance import (
    SessionAttendance,
    StaffAtSession,
    StaffPresence,
    StaffSlot,
    mark,
    mark_all_present,
    save_session_attendance,
    session_attendance,
    set_staff_presence,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.attendance.attendee_list import AttendeeList
from biv_desktop.ui.attendance.marks import key_help, tr
from biv_desktop.ui.attendance.walk_in_dialog import WalkInDialog
from biv_desktop.ui.common.form import error_label, show_text
from biv_desktop.ui.common.service_call import REFUSED, Refused, service_call
from biv_desktop.ui.common.styles import BANNER_STYLE, HINT_STYLE
from biv_desktop.ui.formatting import date_in_words
from biv_desktop.ui.page import heading

T = TypeVar("T")


class SessionAttendanceDialog(QDialog):
    """The room view of one session. ``changed`` tells whether anything was recorded while it was open."""

    def __init__(
        self,
        database: Database,
        session_id: int,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._today = today
        self.changed = False
        self._commands: dict[QPushButton, QAction] = {}
        self._sheet = session_attendance(database, session_id, today)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowTitle(tr("Närvaro – {group}").format(group=self._sheet.group_name))
        self.resize(960, 760)

        self.title = heading("")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.count = QLabel()
        self.count.setFont(_larger(self.count.font()))
        self.attendees = AttendeeList()
        self.attendees.mark_requested.connect(self.set_mark)
        self.message = error_label()

        self.all_present = self._button(tr("Alla närvarande"), "Ctrl+A", self.mark_all_present)
        self.all_present.setToolTip(tr("Alla som ännu inte är markerade blir närvarande (Ctrl+A)"))
        self.add_guest = self._button(tr("Lägg till gäst…"), "Ctrl+N", self.add_walk_in)
        self.add_guest.setToolTip(tr("En ny deltagare som kom i dag (Ctrl+N)"))
        self.save = self._button(tr("Spara"), "Ctrl+S", self.accept)
        self.save.setToolTip(tr("Spara närvaron och markera träffen som genomförd (Ctrl+S)"))
        self.save.setDefault(True)
        self.close_button = self._button(tr("Stäng"), "", self.reject)
        self.close_button.setToolTip(tr("Markeringarna är redan sparade (Esc)"))

        self.staff_boxes: dict[StaffSlot, QCheckBox] = {}
        staff = QGroupBox(tr("Gruppledare och tolk på plats"))
        staff_layout = QHBoxLayout(staff)
        for slot in StaffSlot:
            box = QCheckBox()
            box.setFont(_larger(box.font()))
            box.toggled.connect(lambda checked, slot=slot: self._staff_toggled(slot, checked))
            self.staff_boxes[slot] = box
            staff_layout.addWidget(box)
        staff_layout.addStretch(1)

        actions = QHBoxLayout()
        actions.addWidget(self.all_present)
        actions.addWidget(self.add_guest)
        actions.addStretch(1)
        actions.addWidget(self.count)
        keys = QLabel(tr("Upp/Ned flyttar · Mellanslag eller klick växlar · {keys}").format(keys=key_help()))
        keys.setWordWrap(True)
        keys.setStyleSheet(HINT_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(keys, 1)
        bottom.addWidget(self.save)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.attendees, 1)
        layout.addWidget(self.message)
        layout.addWidget(staff)
        layout.addLayout(bottom)
        self._show_sheet(self._sheet)
        self.attendees.focus_line(0)

    def _button(self, text: str, shortcut: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setFont(_larger(button.font()))
        button.setMinimumHeight(button.fontMetrics().height() + 16)
        button.setAutoDefault(False)
        button.clicked.connect(action)
        if shortcut:
            # A window action, not the button's own shortcut: that one clicks only after an animation.
            command = QAction(text, self)
            command.setShortcut(QKeySequence(shortcut))
            command.triggered.connect(action)
            self.addAction(command)
            self._commands[button] = command
        return button

    def sheet(self) -> SessionAttendance:
        """The session as last read or returned by the service."""
        return self._sheet

    def _show_sheet(self, sheet: SessionAttendance) -> None:
        self._sheet = sheet
        self.title.setText(f"{sheet.label}: {sheet.theme}".rstrip(": "))
        self._show_facts()
        self.banner.setText(sheet.closed_reason)
        self.banner.setVisible(not sheet.open_for_marks)
        self.attendees.set_rows(sheet.rows, sheet.date, sheet.open_for_marks)
        for slot, member in zip(StaffSlot, sheet.staff, strict=True):
            self._show_staff(self.staff_boxes[slot], member, sheet.open_for_marks)
        for button in (self.all_present, self.add_guest, self.save):
            button.setEnabled(sheet.open_for_marks)
            self._commands[button].setEnabled(sheet.open_for_marks)
        self._show_count()

    def _show_facts(self) -> None:
        sheet = self._sheet
        place = ", ".join(part for part in (sheet.premises, sheet.premises_address) if part)
        self.facts.setText(
            f"<b>{escape(sheet.group_name)}</b><br>"
            f"{date_in_words(sheet.date)}, {time_range(sheet.start_time, sheet.end_time)} · {escape(place)}<br>"
            f"{sheet.programme.label} · {escape(sheet.language)} · {sheet.kind.label} · {sheet.status.label}"
        )

    def _show_staff(self, box: QCheckBox, member: StaffAtSession, open_for_marks: bool) -> None:
        box.blockSignals(True)
        if member.booked:
            box.setText(f"{member.name} ({member.role_label.lower()})")
        elif member.role_label == "Tolk":
            box.setText(tr("Ingen tolk bokad"))
        else:
            box.setText(tr("Ingen gruppledare bokad"))
        box.setChecked(bool(member.present))
        box.setEnabled(member.booked and open_for_marks)
        box.blockSignals(False)

    def _show_count(self) -> None:
        totals = self._sheet.totals
        expected = totals.marked + totals.unmarked
        self.count.setText(
            tr(
                "{present} av {expected} närvarande · {absent} frånvarande · {notified} anmäld frånvaro"
            ).format(
                present=totals.present, expected=expected, absent=totals.absent, notified=totals.notified
            )
        )

    def _show_message(self, text: str) -> None:
        show_text(self.message, text)

    def _call(self, title: str, call: Callable[[bool], T]) -> T | Literal[Refused.REFUSED]:
        """A service call of the room view: a refusal under the list, any other problem in a box."""
        self._show_message("")
        return service_call(self, title, call, invalid=lambda error: self._show_message(error.message))

    def set_mark(self, participant_id: int, value: Mark | None) -> None:
        """Save one participant's mark and show the line the service returns."""
        session_id = self._sheet.session_id
        change = self._call(
            tr("Närvaro"),
            lambda _: mark(self._database, session_id, participant_id, value, today=self._today),
        )
        if change is REFUSED:
            return
        self.changed = True
        self._show_message("")
        rows = tuple(
            change.attendee if row.participant_id == participant_id else row for row in self._sheet.rows
        )
        self._sheet = replace(self._sheet, rows=rows, status=change.session.status)
        self.attendees.update_row(change.attendee)
        self._show_facts()
        self._show_count()

    def mark_all_present(self) -> None:
        """Mark everyone not yet marked as present, in one go."""
        session_id = self._sheet.session_id
        sheet = self._call(
            tr("Alla närvarande"), lambda _: mark_all_present(self._database, session_id, today=self._today)
        )
        if sheet is REFUSED:
            return
        self.changed = True
        self._show_message("")
        self._show_sheet(sheet)

    def add_walk_in(self) -> None:
        """Register a guest who came to the session, and show them marked present."""
        dialog = WalkInDialog(self._database, self._sheet, today=self._today, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.added is None:
            return
        self.changed = True
        self._show_sheet(session_attendance(self._database, self._sheet.session_id, self._today))
        self.attendees.focus_participant(dialog.added.attendee.participant_id)

    def _staff_toggled(self, slot: StaffSlot, checked: bool) -> None:
        session_id = self._sheet.session_id
        done = self._call(
            tr("Gruppledare och tolk på plats"),
            lambda _: set_staff_presence(self._database, session_id, slot, checked, today=self._today),
        )
        if done is REFUSED:
            return
        self.changed = True

    def presence(self) -> StaffPresence:
        """Who of the booked staff the boxes say were there; None for nobody booked."""
        values = [
            self.staff_boxes[slot].isChecked() if member.booked else None
            for slot, member in zip(StaffSlot, self._sheet.staff, strict=True)
        ]
        return StaffPresence(*values)

    def accept(self) -> None:
        """Spara: record the staff and mark the session held, asking first about anyone unmarked."""
        session_id, presence = self._sheet.session_id, self.presence()
        sheet = self._call(
            tr("Spara närvaron"),
            lambda override: save_session_attendance(
                self._database, session_id, presence, override=override, today=self._today
            ),
        )
        if sheet is REFUSED:
            return
        self.changed = True
        self._sheet = sheet
        super().accept()


def _larger(font: QFont) -> QFont:
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * 1.15)
    return larger


def open_session_attendance(
    parent: QWidget | None, database: Database, session_id: int, *, today: dt.date | None = None
) -> bool:
    """Open the room view for a session; True if anything was recorded (the caller then refreshes)."""
    dialog = service_call(
        parent,
        tr("Närvaro"),
        lambda _: SessionAttendanceDialog(database, session_id, today=today, parent=parent),
    )
    if dialog is REFUSED:
        return False
    dialog.exec()
    return dialog.changed
