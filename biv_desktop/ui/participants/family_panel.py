"""A family seen whole: guardians and children together, each with the groups they have been in, and the
actions that change who belongs."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.participants import (
    FamilyMember,
    FamilyView,
    ParticipantRow,
    get_family,
    list_participants,
    move_to_family,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask
from biv_desktop.ui.common.row_model import RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import connect_search, make_table, selected_row
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.page import heading
from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.participant_dialog import ParticipantDialog
from biv_desktop.ui.participants.widgets import QueryProxy, search_edit, show_native_names, tr


class ChooseParticipantDialog(QDialog):
    """Pick one participant from the register, searching by name in either script, family or age."""

    def __init__(
        self, database: Database, title: str, today: dt.date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 480)
        every = cols.participant_columns()
        self.model: RowTableModel[ParticipantRow] = RowTableModel(
            [every[c] for c in (cols.NAME, cols.NATIVE, cols.FAMILY, cols.AGE, cols.LANGUAGE)], self
        )
        self.model.set_rows(list_participants(database, today))
        self.proxy = QueryProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = search_edit(
            tr("Sök på namn, familj, språk eller ålder"), tr("Sök deltagare"), self.proxy
        )
        self.table = make_table(self.proxy, tr("Deltagare"), self.accept)
        connect_search(self.search, self.table)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        show_native_names(self.table, 1)
        fit_columns(self.table, {}, stretch=0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.chosen: ParticipantRow | None = None

    def accept(self) -> None:
        row = selected_row(self.table)
        if isinstance(row, ParticipantRow):
            self.chosen = row
            super().accept()


class FamilyPanel(QWidget):
    """Shows one family's members; adds, moves in and takes out members."""

    changed = Signal()

    def __init__(
        self, database: Callable[[], Database], today: dt.date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._today = today
        self.family: FamilyView | None = None
        self.title = heading(tr("Ingen familj vald"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model: RowTableModel[FamilyMember] = RowTableModel(cols.member_columns(), self)
        self.table = make_table(
            self.model, tr("Familjens medlemmar"), self.open_member, wrap=True, sortable=False
        )
        show_native_names(self.table, cols.M_NATIVE)
        self.add_button = QPushButton(tr("Lägg till ny &medlem…"))
        self.add_button.clicked.connect(self.add_member)
        self.move_button = QPushButton(tr("Flytta &hit en deltagare…"))
        self.move_button.clicked.connect(self.move_here)
        self.remove_button = QPushButton(tr("&Ta ur familjen"))
        self.remove_button.clicked.connect(self.take_out)
        self.open_button = QPushButton(tr("Ö&ppna…"))
        self.open_button.clicked.connect(self.open_member)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.move_button, self.remove_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def database(self) -> Database:
        return self._database()

    def show_family(self, family_id: int | None) -> None:
        """Show a family (None clears the panel)."""
        self.family = None
        if family_id is not None:
            found = service_call(
                self,
                tr("Familj"),
                lambda _: get_family(self.database, family_id, self._today),
                invalid=lambda _gone: None,  # removed meanwhile: the panel is cleared
            )
            self.family = None if found is REFUSED else found
        family = self.family
        self.model.set_rows(family.members if family else [])
        self.title.setText(family.name if family else tr("Ingen familj vald"))
        self.title.setAccessibleName(self.title.text())
        if family is None:
            self.summary.setText(tr("Välj en familj i listan."))
        else:
            adults = (
                tr("1 vuxen")
                if len(family.guardians) == 1
                else tr("{n} vuxna").format(n=len(family.guardians))
            )
            self.summary.setText(
                tr("{adults} och {children} barn. Grupperna står under varje person.").format(
                    adults=adults, children=len(family.children)
                )
            )
        fit_columns(self.table, {cols.M_NAME: 150, cols.M_NATIVE: 130}, stretch=cols.M_GROUPS)
        self._update_buttons()

    def current(self) -> FamilyMember | None:
        row = selected_row(self.table)
        return row if isinstance(row, FamilyMember) else None

    def _update_buttons(self) -> None:
        has_family = self.family is not None
        self.add_button.setEnabled(has_family)
        self.move_button.setEnabled(has_family)
        self.remove_button.setEnabled(self.current() is not None)
        self.open_button.setEnabled(self.current() is not None)

    def _reload(self) -> None:
        self.show_family(self.family.id if self.family else None)
        self.changed.emit()

    def add_member(self) -> None:
        if self.family is None:
            return
        dialog = ParticipantDialog(self.database, today=self._today, family_id=self.family.id, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()

    def move_here(self) -> None:
        if self.family is None:
            return
        title = tr("Flytta en deltagare till familjen {name}").format(name=self.family.name)
        dialog = ChooseParticipantDialog(self.database, title, self._today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen_id, family_id = dialog.chosen.id, self.family.id
        service_call(self, title, lambda _: move_to_family(self.database, chosen_id, family_id, self._today))
        self._reload()

    def take_out(self) -> None:
        member = self.current()
        if member is None or self.family is None:
            return
        question = tr("Ta {name} ur familjen {family}?").format(name=member.name, family=self.family.name)
        kept = tr("Personen finns kvar i registret.")
        if not ask(
            self, tr("Ta ur familjen"), question, kept, tr("Ta ur familjen"), icon=QMessageBox.Icon.Question
        ):
            return
        service_call(
            self,
            tr("Ta ur familjen"),
            lambda _: move_to_family(self.database, member.participant_id, None, self._today),
        )
        self._reload()

    def open_member(self) -> None:
        member = self.current()
        if member is None:
            return
        dialog = service_call(
            self,
            tr("Deltagaren kunde inte öppnas"),
            lambda _: ParticipantDialog(self.database, member.participant_id, today=self._today, parent=self),
        )
        if dialog is REFUSED:
            self._reload()
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()
