"""Naming a family: a new one, or renaming one the register already has."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from biv_desktop.services.participants import FamilyDraft, FamilyRow, save_family
from biv_desktop.store.database import Database
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call


class FamilyDialog(QDialog):
    """Asks for the name a family is known by and saves it; ``saved`` holds the family afterwards."""

    def __init__(
        self,
        database: Database,
        family_id: int | None = None,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._family_id = family_id
        self.saved: FamilyRow | None = None
        self.setWindowTitle(self.tr("Ny familj") if family_id is None else self.tr("Byt namn på familjen"))
        self.name = QLineEdit(name)
        self.name.setAccessibleName(self.tr("Familjens namn"))
        self.name.setPlaceholderText(self.tr("Oftast efternamnet, t.ex. Haddad"))
        self.name.setMinimumWidth(320)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("name", self.tr("&Namn:"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(buttons)

    def accept(self) -> None:
        result = service_call(
            self,
            self.windowTitle(),
            lambda _: save_family(self._database, FamilyDraft(self.name.text()), self._family_id),
            invalid=self.errors.show,
        )
        if result is REFUSED:
            return
        self.saved = result
        super().accept()
