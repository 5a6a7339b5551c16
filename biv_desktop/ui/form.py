"""Forms that show a service's ValidationError beside the field it names and keep what the user typed."""

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from biv_desktop.domain.errors import ValidationError

ERROR_STYLE = "color: #b00020;"


class FieldErrors:
    """An error line under each field of a QFormLayout, keyed by the service's field names."""

    def __init__(self, layout: QFormLayout) -> None:
        self._layout = layout
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._general = QLabel()
        self._general.setStyleSheet(ERROR_STYLE)
        self._general.setWordWrap(True)
        self._general.hide()

    def general_label(self) -> QLabel:
        """A label for errors no field claims; place it where the form shows them (e.g. above the buttons)."""
        return self._general

    def add_row(self, field: str, label: str, widget: QWidget) -> None:
        """Add a labelled field to the layout with its (hidden) error line beneath."""
        self._layout.addRow(label, widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
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
