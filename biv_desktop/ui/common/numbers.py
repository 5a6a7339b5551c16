"""Number fields that keep what the user typed, so that the service can refuse it with a sentence.

A QSpinBox limited to the allowed range quietly puts a typed 0 back to the previous 6, and a birth year
of 1850 back to "–": the user never learns why. These fields accept any number of the right shape and
leave the allowed range to the service, whose refusal is shown beside the field.
"""

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from biv_desktop.ui.common.text import translator

tr = translator("Numbers")
# Wide enough for any number a user means to type in these fields; the service decides what is allowed.
TYPED_RANGE = (0, 9999)


def number_spin(allowed: tuple[int, int], suffix: str = "", parent: QWidget | None = None) -> QSpinBox:
    """A spin box that keeps any typed number from 0 to 9999; ``allowed`` is said in its tooltip and
    enforced by the service with a sentence beside the field."""
    spin = QSpinBox(parent)
    spin.setRange(*TYPED_RANGE)
    spin.setSuffix(suffix)
    spin.setToolTip(tr("Ett tal från {low} till {high}").format(low=allowed[0], high=allowed[1]))
    return spin


class YearEdit(QLineEdit):
    """A year typed as four digits, or left empty; what is typed stays as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self))
        self.setPlaceholderText(tr("t.ex. 2015"))
        self.setMaxLength(4)

    def value(self) -> int | None:
        """The year typed, or None when the field is empty."""
        text = self.text().strip()
        return int(text) if text else None

    def setValue(self, year: int | None) -> None:
        self.setText("" if year is None else str(year))
