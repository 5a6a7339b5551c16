"""The premises editor: name, district, address, places and notes."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.register import LARGEST_CAPACITY, PremisesDraft, PremisesRow, save_premises
from biv_desktop.store.database import Database
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.unsaved import AsksBeforeDiscarding

# The districts the activity works in; the coordinator may type another.
KNOWN_DISTRICTS = ("Berga", "Ryd", "Skäggetorp")


class PremisesDialog(AsksBeforeDiscarding, QDialog):
    """Adds or edits premises; ``saved`` holds the saved row after Spara."""

    def __init__(
        self,
        database: Database,
        premises: PremisesRow | None = None,
        districts: Sequence[str] = (),
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.premises = premises
        self.today = today
        self.saved: PremisesRow | None = None
        self.setWindowTitle(
            self.tr("Ny lokal") if premises is None else self.tr("Lokal – {name}").format(name=premises.name)
        )

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("t.ex. Ryds kyrka"))
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.addItems(sorted({*KNOWN_DISTRICTS, *(d for d in districts if d)}))
        self.district.setCurrentText("")
        self.address = QLineEdit()
        self.capacity = QSpinBox()
        self.capacity.setRange(0, LARGEST_CAPACITY)
        # 0 stands for "not known": the register keeps no number then.
        self.capacity.setSpecialValueText(self.tr("Okänt"))
        self.capacity.setSuffix(self.tr(" platser"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Nycklar, kontaktperson, material som finns på plats …"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 5 + 12)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors(form)
        self.errors.add_row("name", self.tr("&Namn:"), self.name)
        self.errors.add_row("district", self.tr("&Stadsdel:"), self.district)
        self.errors.add_row("address", self.tr("&Adress:"), self.address)
        self.errors.add_row("capacity", self.tr("&Platser:"), self.capacity)
        self.errors.add_row("notes", self.tr("A&nteckningar:"), self.notes)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

        if premises is not None:
            self.name.setText(premises.name)
            self.district.setCurrentText(premises.district)
            self.address.setText(premises.address)
            self.capacity.setValue(premises.capacity or 0)
            self.notes.setPlainText(premises.notes)

    def draft(self) -> PremisesDraft:
        return PremisesDraft(
            name=self.name.text(),
            district=self.district.currentText(),
            address=self.address.text(),
            capacity=self.capacity.value() or None,
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        """Save; on bad input show why beside the field and stay open with what was typed."""
        self.errors.clear()
        premises_id = self.premises.id if self.premises is not None else None
        result = service_call(
            self,
            self.windowTitle(),
            lambda _: save_premises(self.database, self.draft(), premises_id, self.today),
            invalid=self.errors.show,
        )
        if result is REFUSED:
            return
        self.saved = result
        super().accept()
