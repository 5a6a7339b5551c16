"""Finding an interpreter for a group, for the group dialog: who speaks its language and is free at its times.

Use the widget inside a form (``InterpreterSuggestions``), or ask in a dialog of its own with
``choose_interpreter(parent, database, group_id)``, which returns the chosen interpreter's id or None.
"""

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from biv_desktop.services.staff import (
    InterpreterSuggestion,
    SessionTime,
    suggest_interpreters,
    suggest_interpreters_for,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import ROW_ROLE, Column, RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.people.widgets import tr


def _busy_tooltip(row: InterpreterSuggestion) -> str | None:
    if not row.busy:
        return None
    return tr("Upptagen:") + "\n" + "\n".join(row.busy)


def suggestion_columns() -> list[Column[InterpreterSuggestion]]:
    return [
        Column(
            tr("Tolk"),
            lambda r: f"{r.name} {tr('(gruppens tolk nu)')}" if r.is_current else r.name,
        ),
        Column(tr("Språk"), lambda r: ", ".join(r.language_names)),
        Column(
            tr("Ledig"),
            lambda r: r.availability,
            sort=lambda r: (r.free_sessions, r.total_sessions),
            tooltip=_busy_tooltip,
        ),
        Column(tr("Telefon"), lambda r: r.phone),
        Column(tr("E-post"), lambda r: r.email),
    ]


class InterpreterSuggestions(QWidget):
    """A list of interpreters for one group, best first; Enter or a double-click chooses one.

    ``chosen(interpreter_id)`` is emitted when the user picks one; ``selected_id()`` reads the current pick.
    """

    chosen = Signal(int)

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._today = today
        self.model: RowTableModel[InterpreterSuggestion] = RowTableModel(suggestion_columns(), self)
        self.table = make_table(self.model, tr("Föreslagna tolkar"), wrap=True, sortable=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def show_for_group(self, group_id: int) -> None:
        """Suggest interpreters for a saved group, at its sessions still to be held."""
        self._suggest(lambda _: suggest_interpreters(self.database, group_id, self._today))

    def show_for(
        self,
        language_id: int,
        times: Sequence[SessionTime],
        *,
        group_id: int | None = None,
        current_interpreter_id: int | None = None,
    ) -> None:
        """Suggest interpreters for a group still in its form: its language and session times as typed."""
        self._suggest(
            lambda _: suggest_interpreters_for(
                self.database,
                language_id,
                times,
                group_id=group_id,
                current_interpreter_id=current_interpreter_id,
            )
        )

    def _suggest(self, call: Callable[[bool], list[InterpreterSuggestion]]) -> None:
        """Show what the service suggests, or why it suggests nobody."""
        suggestions = service_call(
            self, tr("Föreslagna tolkar"), call, invalid=lambda error: self._show([], error.message)
        )
        if suggestions is not REFUSED:
            self._show(suggestions)

    def suggestions(self) -> list[InterpreterSuggestion]:
        return self.model.rows()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.interpreter_id if isinstance(row, InterpreterSuggestion) else None

    def _show(self, suggestions: Sequence[InterpreterSuggestion], problem: str = "") -> None:
        self.model.set_rows(suggestions)
        if problem:
            self.message.setText(problem)
        elif not suggestions:
            self.message.setText(
                tr("Ingen aktiv tolk talar gruppens språk och är ledig då. Lägg till en tolk under Tolkar.")
            )
        else:
            free = sum(1 for item in suggestions if item.fully_free)
            text = tr("{free} av {count} kan alla gruppens träffar.").format(
                free=free, count=len(suggestions)
            )
            if free < len(suggestions):
                text += " " + tr("Håll muspekaren över ”Ledig” för att se krockarna.")
            self.message.setText(text)
        if suggestions:
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, InterpreterSuggestion):
            self.chosen.emit(row.interpreter_id)


class InterpreterSuggestionsDialog(QDialog):
    """The suggestions in a dialog of their own, with Välj and Avbryt."""

    def __init__(
        self, database: Database, group_id: int, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hitta tolk"))
        self.suggestions = InterpreterSuggestions(database, today, self)
        self.suggestions.show_for_group(group_id)
        self.suggestions.chosen.connect(lambda _id: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = buttons.addButton(self.tr("&Välj"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.choose_button.setEnabled(bool(self.suggestions.suggestions()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.suggestions, 1)
        layout.addWidget(buttons)
        self.resize(720, 360)
        self.suggestions.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_id(self) -> int | None:
        return self.suggestions.selected_id() if self.result() == QDialog.DialogCode.Accepted else None


def choose_interpreter(
    parent: QWidget | None, database: Database, group_id: int, today: dt.date | None = None
) -> int | None:
    """Ask the user to pick an interpreter for a saved group; the chosen id, or None if they cancel."""
    dialog = InterpreterSuggestionsDialog(database, group_id, today, parent)
    dialog.exec()
    return dialog.chosen_id()
