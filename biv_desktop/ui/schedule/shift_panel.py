"""The two ways of moving or cancelling a session, and the preview of what either would do to the schedule.

The preview lists, group by group, every session the change moves or calls off with its new date, theme and
conflicts, for the children's group and for a linked parents' group that follows; the lines come from the
service's plan, which is also what saving writes. The break-week editor shows its shift with the same lines.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.schedule import ScheduleShift, ShiftedSession, Way
from biv_desktop.ui.formatting import date_in_words
from biv_desktop.ui.schedule.widgets import tr


def _session_line(item: ShiftedSession) -> str:
    theme = f" {item.theme}" if item.theme else ""
    if item.cancelled:
        return tr("  Träff {number}{theme}: {day} ställs in, temat hålls inte").format(
            number=item.number, theme=theme, day=date_in_words(item.date_before)
        )
    return tr("  Träff {number}{theme}: {before} → {after}").format(
        number=item.number,
        theme=theme,
        before=date_in_words(item.date_before),
        after=date_in_words(item.date),
    )


def shift_lines(shift: ScheduleShift) -> list[str]:
    """The preview's lines: each group, its changed sessions with their conflicts, and its new last day."""
    lines: list[str] = []
    for group in shift.groups:
        lines.append(group.group_name + (tr(" (föräldragruppen följer med)") if group.is_parents else ""))
        for item in group.sessions:
            lines.append(_session_line(item))
            lines.extend(f"    ⚠ {message}" for message in item.conflict_messages)
        if group.last_date is not None and group.last_date != group.last_date_before:
            lines.append(tr("  Sista träffen blir {day}.").format(day=date_in_words(group.last_date)))
    if shift.parents_problem:
        lines.append(f"⚠ {shift.parents_problem}")
    return lines


def moved_summary(shift: ScheduleShift) -> str:
    """E.g. ' 7 träffar flyttades fram; sista träffen är nu tisdag 19 maj 2026.' (nothing if none moved)."""
    moved = [item for item in shift.groups[0].sessions if item.moved] if shift.groups else []
    if not moved or shift.groups[0].last_date is None:
        return ""
    return " " + tr("{count} träffar flyttades fram; sista träffen är nu {day}.").format(
        count=len(moved), day=date_in_words(shift.groups[0].last_date)
    )


class ShiftPanel(QGroupBox):
    """Only this session, or it and every later one; whether the parents' group follows; the preview."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Flytta och ställ in"), parent)
        self.only_this = QRadioButton(tr("Bara den &här träffen"))
        self.shift_later = QRadioButton(tr("Den här och alla &senare (till gruppens nästa lediga veckor)"))
        self.shift_later.setChecked(True)
        ways = QButtonGroup(self)
        for button in (self.only_this, self.shift_later):
            ways.addButton(button)
            button.toggled.connect(self._way_toggled)
        self.follow_parents = QCheckBox()
        self.follow_parents.setChecked(True)
        self.follow_parents.setVisible(False)
        self.follow_parents.toggled.connect(lambda _checked: self.changed.emit())
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.preview = QListWidget()
        self.preview.setAccessibleName(tr("Förhandsvisning av schemat"))
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.cancel_button = QPushButton(tr("Ställ &in träffen…"))
        self.cancel_button.setAutoDefault(False)
        self.restore_button = QPushButton(tr("Åte&rställ träffen"))
        self.restore_button.setAutoDefault(False)

        ways_row = QHBoxLayout()
        ways_row.addWidget(self.only_this)
        ways_row.addWidget(self.shift_later)
        ways_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(ways_row)
        layout.addWidget(self.follow_parents)
        layout.addWidget(self.heading)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

    def _way_toggled(self, checked: bool) -> None:
        if checked:  # the button turned on; the one turned off says nothing
            self.changed.emit()

    def way(self) -> Way:
        return Way.SHIFT_LATER if self.shift_later.isChecked() else Way.ONLY_THIS

    def follows(self) -> bool:
        """Whether a linked parents' group takes the same change (ticked at the start)."""
        return self.follow_parents.isChecked()

    def offer_parents(self, names: tuple[str, ...]) -> None:
        """Show the 'parents' group follows' box when the session's group has a linked parents' group."""
        self.follow_parents.setText(tr("&Föräldragruppen följer med: {names}").format(names=", ".join(names)))
        self.follow_parents.setVisible(bool(names))

    def show_shift(self, heading: str, shift: ScheduleShift) -> None:
        self.heading.setText(heading)
        self.preview.clear()
        self.preview.addItems(shift_lines(shift))
        self.preview.setVisible(True)

    def show_note(self, text: str) -> None:
        self.heading.setText(text)
        self.preview.clear()
        self.preview.setVisible(False)
