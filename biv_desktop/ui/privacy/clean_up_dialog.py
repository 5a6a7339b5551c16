"""The Gallring dialog: who is due for anonymising, ticked by the user, anonymised after a confirmation that
says what is removed and what stays."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.privacy import PersonKind, anonymise, due_for_clean_up
from biv_desktop.services.register import load_settings
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask
from biv_desktop.ui.common.row_model import SearchProxy
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import connect_search
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.privacy.aftermath import finish_clean_up, what_anonymising_does
from biv_desktop.ui.privacy.due_model import CHECK_COLUMN, DUE_COLUMN, DueModel

tr = translator("Privacy")


class CleanUpDialog(QDialog):
    """Lists the people whose data is due for anonymising and anonymises those the user ticks."""

    def __init__(
        self,
        database: Database,
        *,
        today: dt.date | None = None,
        backups: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._today = today
        self._backups = backups
        self.anonymised = 0
        self.setWindowTitle(tr("Gallring av personuppgifter"))
        self.resize(880, 560)

        self.introduction = QLabel()
        self.introduction.setWordWrap(True)
        self.model = DueModel(self)
        self.proxy = SearchProxy(lambda person: person.name, self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("Personer att gallra"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Sök namn"))
        self.search.setAccessibleName(tr("Sök namn"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(self.proxy.set_search)
        connect_search(self.search, self.table)
        self.empty = QLabel(tr("Ingen behöver gallras just nu."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = QLabel()

        self.check_all = QPushButton(tr("Markera &alla"))
        self.check_none = QPushButton(tr("A&vmarkera alla"))
        self.anonymise_button = QPushButton(tr("A&nonymisera valda…"))
        self.close_button = QPushButton(tr("Stäng"))
        self.check_all.clicked.connect(lambda: self.model.set_all(True))
        self.check_none.clicked.connect(lambda: self.model.set_all(False))
        self.anonymise_button.clicked.connect(self.anonymise_chosen)
        self.close_button.clicked.connect(self.reject)
        self.model.chosen_changed.connect(self._update_buttons)
        # Space ticks or unticks the row the keyboard is on, as in any list of check boxes.
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.table, self._toggle_current)

        buttons = QHBoxLayout()
        for button in (self.check_all, self.check_none):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        buttons.addSpacing(12)
        buttons.addWidget(self.anonymise_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.introduction)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read who is due afresh (the settings may have changed, or someone been placed in a group)."""
        settings = load_settings(self.database)
        self.introduction.setText(
            tr(
                "Här finns de personer vars uppgifter inte längre behövs: deltagare {participants} månader "
                "efter att deras sista grupp slutade, gruppledare och tolkar {staff} månader efter att de "
                "blev inaktiva. Den som står på väntelistan eller är med i en planerad eller pågående grupp "
                "visas aldrig. Personer som aldrig varit med i en grupp är inte förvalda; kontrollera dem "
                "först. Tiderna ändrar du under Inställningar."
            ).format(
                participants=settings.retention_months_participants, staff=settings.retention_months_staff
            )
        )
        self.model.set_rows(due_for_clean_up(self.database, self._today))
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.search.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.check_all.setEnabled(has_rows)
        self.check_none.setEnabled(has_rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if has_rows:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = len(self.model.chosen())
        self.anonymise_button.setEnabled(chosen > 0)
        self.anonymise_button.setDefault(chosen > 0)
        self.count.setText(tr("{chosen} av {total} valda").format(chosen=chosen, total=self.model.rowCount()))

    def _toggle_current(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        index = self.proxy.mapToSource(current.siblingAtColumn(CHECK_COLUMN))
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.model.setData(
            index,
            Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def _confirm(self, participants: int, staff: int) -> bool:
        total = participants + staff
        question = (
            tr("Anonymisera en person?")
            if total == 1
            else tr("Anonymisera {count} personer?").format(count=total)
        )
        details = what_anonymising_does(participants, staff)
        destructive = QMessageBox.ButtonRole.DestructiveRole
        return ask(self, tr("Anonymisera"), question, details, tr("Anonymisera"), role=destructive)

    def anonymise_chosen(self) -> None:
        """Anonymise the ticked people after a confirmation, then clear the files and report."""
        chosen = self.model.chosen()
        if not chosen:
            return
        participants = sum(1 for key in chosen if key.kind is PersonKind.PARTICIPANT)
        if not self._confirm(participants, len(chosen) - participants):
            return
        result = service_call(
            self,
            tr("Anonymisera"),
            lambda _: anonymise(self.database, chosen, self._today),
            headline=tr("Ingen anonymiserades."),
        )
        if result is REFUSED:
            self.refresh()
            return
        self.anonymised += result.people
        finish_clean_up(self, self.database, result, backups=self._backups)
        self.refresh()
