"""The one editor dialog: a form that saves through a service, errors beside their field, input kept."""

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.database import Database
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.unsaved import AsksBeforeDiscarding

SavedT = TypeVar("SavedT")


class EditorDialog(AsksBeforeDiscarding, QDialog, Generic[SavedT]):
    """A form that saves through a service: errors beside their field, warnings confirmed, input kept.

    Subclasses add rows with ``self.errors.add_row`` and implement ``save``; ``saved`` holds the result.
    """

    def __init__(self, title: str, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.database = database
        self.saved: SavedT | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.errors.general_label())
        self.body.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def save(self, override: bool) -> SavedT:
        """Save the form through the service; may raise any UserError or NeedsConfirmation."""
        raise NotImplementedError

    def try_save(self, save: Callable[[bool], SavedT]) -> bool:
        """Save, asking about warnings; on bad input show why beside the field. True when saved."""
        self.errors.clear()
        saved = service_call(self, self.windowTitle(), save, invalid=self.show_error)
        if saved is REFUSED:
            return False
        self.saved = saved
        return True

    def show_error(self, error: ValidationError) -> None:
        """Show a refusal beside the field it names (or above the buttons)."""
        self.errors.show(error)

    def accept(self) -> None:
        if self.try_save(self.save):
            super().accept()
