"""Recording that someone left a group: which group (if they are in several), the day, and why."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from biv_desktop.services.participants import RosterRow, leave_group
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, from_qdate
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.participants.widgets import tr

# Reasons the coordinator often writes; any other text may be typed.
COMMON_REASONS = (
    "Familjen flyttade till en annan kommun",
    "Familjen flyttade till ett anläggningsboende",
    "Krockar med skolan eller en fritidsaktivitet",
    "Ville inte fortsätta",
    "Långt att resa till lokalen",
    "Har fått arbete eller börjat på SFI",
)


@dataclass(frozen=True)
class Place:
    """A group someone is in, as the leave dialog offers it."""

    enrollment_id: int
    group_name: str
    joined_on: dt.date


class LeaveGroupDialog(QDialog):
    """Asks for the day and the reason; after Spara, ``left`` holds the roster line as it now stands.

    Used from the participant side (a child in two groups chooses which) and usable from a group's
    roster with the one place.
    """

    def __init__(
        self,
        database: Database,
        person_name: str,
        places: Sequence[Place],
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self.left: RosterRow | None = None
        self.setWindowTitle(tr("{name} lämnar en grupp").format(name=person_name))
        self.group = QComboBox()
        for place in places:
            self.group.addItem(
                tr("{group} (började {day})").format(group=place.group_name, day=place.joined_on.isoformat()),
                place.enrollment_id,
            )
        self.left_on = date_edit(today, fixed_width=True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *COMMON_REASONS])
        self.reason.setMinimumContentsLength(36)
        editor = self.reason.lineEdit()
        if editor is not None:  # an editable combo always has one
            editor.setPlaceholderText(tr("Skriv eller välj en orsak"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        if len(places) > 1:
            self.errors.add_row("enrollment_id", tr("&Grupp:"), self.group)
        else:
            form.addRow(tr("Grupp:"), QLabel(self.group.currentText()))
        self.errors.add_row("left_on", tr("&Slutade:"), self.left_on)
        self.errors.add_row("reason", tr("&Orsak:"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        enrollment_id = self.group.currentData()
        if enrollment_id is None:
            return
        result = service_call(
            self,
            self.windowTitle(),
            lambda _: leave_group(
                self._database, int(enrollment_id), from_qdate(self.left_on.date()), self.reason.currentText()
            ),
            invalid=self.errors.show,
        )
        if result is REFUSED:
            return
        self.left = result
        super().accept()
