"""The room view's list of participants: one large line per person, marked by one click or one key."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.attendance_rules import next_mark
from biv_desktop.domain.enums import Mark
from biv_desktop.services.attendance import AttendeeRow
from biv_desktop.ui.attendance.marks import colours, mark_label, tr, typed_mark
from biv_desktop.ui.common.styles import HINT_STYLE

# The room view is read at arm's length, on a laptop on a table: text noticeably larger than elsewhere.
LARGE = 1.45
LINE_STYLE = (
    "QFrame#attendeeLine { background: palette(base); border: 1px solid #c8c8c8; border-radius: 8px; }"
    'QFrame#attendeeLine[current="true"] { border: 3px solid #1a73e8; background: #eef4fd; }'
)


def _scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * factor)
    scaled.setBold(bold)
    return scaled


class MarkButton(QPushButton):
    """Shows a participant's mark in words and colour; clicking it asks for the next mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The line keeps the keyboard focus, so Space and the letter keys always reach it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFont(_scaled(self.font(), LARGE, bold=True))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(tr("Anmäld frånvaro")) + 48)
        self.setMinimumHeight(self.fontMetrics().height() + 22)
        self.show_mark(None)

    def show_mark(self, mark: Mark | None) -> None:
        text, background = colours(mark)
        self.setText(mark_label(mark))
        self.setAccessibleName(mark_label(mark))
        self.setStyleSheet(
            f"QPushButton {{ color: {text.name()}; background: {background.name()}; "
            f"border: 2px solid {text.name()}; border-radius: 8px; padding: 4px 14px; }}"
            "QPushButton:disabled { color: #8a8a8a; border-color: #c8c8c8; background: #f1f1f1; }"
        )


class AttendeeLine(QFrame):
    """One participant: name (and the name in their own script), birth year and gender, and the mark."""

    mark_requested = Signal(int, object)  # participant id, the Mark wanted (None clears)
    move_requested = Signal(int)  # -1 for the line above, +1 for the one below

    def __init__(self, row: AttendeeRow, session_date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendeeLine")
        self.setStyleSheet(LINE_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._session_date = session_date
        self._open = True
        self.name = QLabel()
        self.name.setFont(_scaled(self.font(), LARGE, bold=True))
        self.native_name = QLabel()
        self.native_name.setFont(_scaled(self.font(), LARGE))
        self.details = QLabel()
        self.details.setStyleSheet(HINT_STYLE)
        self.button = MarkButton()
        self.button.clicked.connect(self._cycle)

        names = QHBoxLayout()
        names.setSpacing(16)
        names.addWidget(self.name)
        names.addWidget(self.native_name)
        names.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addLayout(names)
        text.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 10, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.button)
        self.set_row(row)

    def row(self) -> AttendeeRow:
        return self._row

    def set_row(self, row: AttendeeRow) -> None:
        """Show a participant's line as the service last returned it."""
        self._row = row
        self.name.setText(row.name)
        self.native_name.setText(row.native_name)
        self.native_name.setVisible(bool(row.native_name))
        details = [str(row.birth_year), row.gender_label]
        if not row.expected:
            details.append(tr("inte med i gruppen den dagen"))
        elif row.joined_on == self._session_date:
            details.append(tr("ny i gruppen i dag"))
        self.details.setText(" · ".join(details))
        self.button.show_mark(row.mark)
        self.setAccessibleName(f"{row.name}: {mark_label(row.mark)}")

    def set_open(self, open_for_marks: bool) -> None:
        """Allow or stop marking (a cancelled session or one still to come is shown but not marked)."""
        self._open = open_for_marks
        self.button.setEnabled(open_for_marks)

    def _cycle(self) -> None:
        if self._open:
            self.mark_requested.emit(self._row.participant_id, next_mark(self._row.mark))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.modifiers():
            self._cycle()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_requested.emit(1)
            return
        if key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
            return
        handled, mark = typed_mark(event)
        if handled:
            if self._open:
                self.mark_requested.emit(self._row.participant_id, mark)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click anywhere on the line marks the person: the whole line is the target, not just the button.
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton:
            self._cycle()
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._show_current(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_current(False)
        super().focusOutEvent(event)

    def _show_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)


class AttendeeList(QScrollArea):
    """Every participant on the session, one line each, moved through with Up and Down."""

    mark_requested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._lines: list[AttendeeLine] = []
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(8)
        self._empty = QLabel(tr("Ingen deltagare är anmäld till gruppen den här dagen."))
        self._empty.setFont(_scaled(self.font(), 1.2))
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.setWidget(self._content)

    def lines(self) -> list[AttendeeLine]:
        return list(self._lines)

    def line_for(self, participant_id: int) -> AttendeeLine | None:
        return next((line for line in self._lines if line.row().participant_id == participant_id), None)

    def set_rows(self, rows: Sequence[AttendeeRow], session_date: dt.date, open_for_marks: bool) -> None:
        """Show these participants; the lines are kept when the same people come back in the same order."""
        if [line.row().participant_id for line in self._lines] != [row.participant_id for row in rows]:
            self._rebuild(rows, session_date)
        for line, row in zip(self._lines, rows, strict=True):
            line.set_row(row)
            line.set_open(open_for_marks)
        self._empty.setVisible(not rows)

    def update_row(self, row: AttendeeRow) -> None:
        """Put one participant's changed line in place."""
        line = self.line_for(row.participant_id)
        if line is not None:
            line.set_row(row)

    def focus_line(self, position: int) -> None:
        if self._lines:
            line = self._lines[max(0, min(position, len(self._lines) - 1))]
            line.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(line)

    def focus_participant(self, participant_id: int) -> None:
        line = self.line_for(participant_id)
        if line is not None:
            self.focus_line(self._lines.index(line))

    def _rebuild(self, rows: Sequence[AttendeeRow], session_date: dt.date) -> None:
        for line in self._lines:
            self._layout.removeWidget(line)
            line.deleteLater()
        self._lines = []
        for position, row in enumerate(rows):
            line = AttendeeLine(row, session_date)
            line.mark_requested.connect(self.mark_requested)
            line.move_requested.connect(lambda delta, line=line: self._move(line, delta))
            self._layout.insertWidget(position, line)
            line.show()  # at once, not when the layout gets round to it, so the line can take the focus
            self._lines.append(line)
        for earlier, later in zip(self._lines, self._lines[1:], strict=False):
            QWidget.setTabOrder(earlier, later)

    def _move(self, line: AttendeeLine, delta: int) -> None:
        self.focus_line(self._lines.index(line) + delta)
