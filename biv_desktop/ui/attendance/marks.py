"""How attendance marks look and are typed, shared by the room view and the grid."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent

from biv_desktop.domain.enums import Mark
from biv_desktop.ui.common.text import translator

tr = translator("Attendance")


# Text and background for each mark: the colour says it at a glance, the text says it to everyone.
PRESENT_COLOURS = (QColor("#1b5e20"), QColor("#dcefdc"))
ABSENT_COLOURS = (QColor("#b71c1c"), QColor("#fbe0e0"))
NOTIFIED_COLOURS = (QColor("#6d4c00"), QColor("#fff0c2"))
UNMARKED_COLOURS = (QColor("#555555"), QColor("#f1f1f1"))
# Missed sessions in a row: a stronger red than a single absence, so the pattern stands out.
RUN_BACKGROUND = QColor("#f6b8b8")
FLAG_BACKGROUND = QColor("#ffe0b2")
CLOSED_BACKGROUND = QColor("#e4e4e4")
CANCELLED_HATCH = QColor("#b0b0b0")
TOTALS_BACKGROUND = QColor("#e8eef7")

SYMBOLS = {Mark.PRESENT: "✓", Mark.ABSENT: "✗", Mark.NOTIFIED_ABSENCE: "A"}

_KEYS = {
    Qt.Key.Key_1: Mark.PRESENT,
    Qt.Key.Key_N: Mark.PRESENT,
    Qt.Key.Key_2: Mark.ABSENT,
    Qt.Key.Key_F: Mark.ABSENT,
    Qt.Key.Key_3: Mark.NOTIFIED_ABSENCE,
    Qt.Key.Key_A: Mark.NOTIFIED_ABSENCE,
}
_CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def colours(mark: Mark | None) -> tuple[QColor, QColor]:
    """Text and background colour for a mark."""
    if mark is Mark.PRESENT:
        return PRESENT_COLOURS
    if mark is Mark.ABSENT:
        return ABSENT_COLOURS
    if mark is Mark.NOTIFIED_ABSENCE:
        return NOTIFIED_COLOURS
    return UNMARKED_COLOURS


def mark_label(mark: Mark | None) -> str:
    """The mark in words, as the buttons and tooltips say it."""
    if mark is Mark.PRESENT:
        return tr("Närvarande")
    if mark is Mark.ABSENT:
        return tr("Frånvarande")
    if mark is Mark.NOTIFIED_ABSENCE:
        return tr("Anmäld frånvaro")
    return tr("Inte markerad")


def typed_mark(event: QKeyEvent) -> tuple[bool, Mark | None]:
    """The mark a key sets: (True, mark) for 1/N, 2/F, 3/A; (True, None) for 0, Delete or Backspace;
    (False, None) for any other key. Keys with Ctrl or Alt are left to shortcuts."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False, None
    key = Qt.Key(event.key())
    if key in _KEYS:
        return True, _KEYS[key]
    if key in _CLEAR_KEYS:
        return True, None
    return False, None


def percent(rate: float | None) -> str:
    """A rate the Swedish way, e.g. '83 %'; '–' when there is none yet."""
    return "–" if rate is None else f"{round(rate * 100)}\u00a0%"


def key_help() -> str:
    """The keys that set marks, in one line."""
    return tr(
        "1 eller N = närvarande · 2 eller F = frånvarande · 3 eller A = anmäld frånvaro · "
        "0 eller Delete tar bort"
    )
