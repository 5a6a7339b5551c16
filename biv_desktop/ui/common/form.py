"""Forms that show a service's ValidationError beside the field it names and keep what the user typed."""

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

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
        if field is not None:
            field.setFocus()

    def message_for(self, field: str) -> str:
        """The error shown for a field, '' if none (what a test reads)."""
        label = self._labels.get(field, self._general)
        return label.text() if not label.isHidden() else ""


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
