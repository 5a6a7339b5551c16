"""Forms that show a service's ValidationError beside the field it names and keep what the user typed."""

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from biv_desktop.domain.errors import ValidationError
from biv_desktop.ui.common.styles import ERROR_STYLE


class FieldErrors:
    """An error line under each field of a QFormLayout, keyed by the service's field names."""

    def __init__(self, layout: QFormLayout) -> None:
        self._layout = layout
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._general = error_label()

    def general_label(self) -> QLabel:
        """A label for errors no field claims; place it where the form shows them (e.g. above the buttons)."""
        return self._general

    def add_row(self, field: str, label: str, widget: QWidget) -> None:
        """Add a labelled field to the layout with its (hidden) error line beneath."""
        self._layout.addRow(label, widget)
        error = error_label()
        self._layout.addRow("", error)
        self._labels[field] = error
        self._fields[field] = widget
        # The refusal goes as soon as the user changes the field: it told what to fix, and it is being fixed.
        changed = _change_signal(widget)
        if changed is not None:
            changed.connect(lambda *_: self._field_changed(field))

    def _field_changed(self, field: str) -> None:
        label = self._labels[field]
        if not label.isHidden():
            label.clear()
            label.hide()

    def clear(self) -> None:
        for label in (*self._labels.values(), self._general):
            label.clear()
            label.hide()

    def show(self, error: ValidationError) -> None:
        """Show the message beside its field (or generally), and move the cursor there."""
        self.clear()
        label = self._labels.get(error.field, self._general)
        label.setText(error.message)
        label.show()
        field = self._fields.get(error.field)
        # A message of two lines gets the height of two lines: a form's layout asks a wrapping label for
        # its height at its current width only when told, and would otherwise clip the second line.
        width = field.width() if field is not None and field.width() > 50 else max(label.width(), 300)
        label.setMinimumHeight(label.heightForWidth(width))
        if field is not None:
            field.setFocus()

    def message_for(self, field: str) -> str:
        """The error shown for a field, '' if none (what a test reads)."""
        label = self._labels.get(field, self._general)
        return label.text() if not label.isHidden() else ""


def _change_signal(widget: QWidget) -> SignalInstance | None:
    """The signal a field sends when the user changes it."""
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    return None


def error_label() -> QLabel:
    """A hidden, wrapping line in the error colour, for a refusal to be shown in."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_text(label: QLabel, text: str) -> None:
    """Show a message in a label, or hide the label when there is none."""
    label.setText(text)
    label.setVisible(bool(text))
