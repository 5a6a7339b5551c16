"""Unsaved edits are never lost without a question: "Vill du spara ändringarna?" (Spara / Spara inte /
Avbryt) when the user leaves a page, quits, or closes a dialog with edits in it.

- ``UnsavedEdits``: how a page's editor tells, saves and drops its edits; a page lists them in
  ``Page.unsaved_edits()``;
- ``settle(parent, edits)``: asks about each editor with edits; True when the user may go on;
- ``AsksBeforeDiscarding``: a dialog mix-in that asks on Escape, Avbryt and the window's close button
  when anything in the form differs from what it showed when it opened.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from biv_desktop.ui.common.confirm import message_box
from biv_desktop.ui.common.text import translator

tr = translator("Unsaved")


class Choice(Enum):
    SAVE = auto()
    DISCARD = auto()
    CANCEL = auto()


@dataclass(frozen=True)
class UnsavedEdits:
    """An editor on a page: whether it has edits, how to save them (True when saved) and to drop them."""

    where: str
    pending: Callable[[], bool]
    save: Callable[[], bool]
    discard: Callable[[], None]


def ask_to_save(parent: QWidget | None, where: str) -> Choice:
    """The one question: Spara, Spara inte or Avbryt."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Osparade ändringar"),
        tr("Vill du spara ändringarna?"),
        tr("Du har ändrat i {where} utan att spara.").format(where=where),
    )
    save = box.addButton(tr("&Spara"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("Spara &inte"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Choice.SAVE
    if clicked is discard:
        return Choice.DISCARD
    return Choice.CANCEL


def settle(parent: QWidget | None, edits: Iterable[UnsavedEdits]) -> bool:
    """Ask about every editor with edits; True when all are saved or dropped, False when the user chose
    Avbryt or a save was refused (its reason is then shown beside the field and the edits stay)."""
    for editor in edits:
        if not editor.pending():
            continue
        choice = ask_to_save(parent, editor.where)
        if choice is Choice.CANCEL:
            return False
        if choice is Choice.SAVE and not editor.save():
            return False
        if choice is Choice.DISCARD:
            editor.discard()
    return True


def form_state(form: QWidget) -> tuple[Any, ...]:
    """What the user can change in ``form``'s fields, for telling whether anything was edited."""
    values: list[Any] = []
    for field in form.findChildren(QWidget):
        if isinstance(field, QLineEdit) and not isinstance(
            field.parentWidget(), QAbstractSpinBox | QComboBox
        ):
            values.append(field.text())
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            values.append(field.toPlainText())
        elif isinstance(field, QSpinBox | QDoubleSpinBox):
            values.append(field.value())
        elif isinstance(field, QDateTimeEdit):
            values.append(field.dateTime().toString())
        elif isinstance(field, QComboBox):
            values.append(field.currentText())
        elif isinstance(field, QAbstractButton) and field.isCheckable():
            values.append(field.isChecked())
    return tuple(values)


class AsksBeforeDiscarding:
    """For a QDialog whose accept() saves: closing it with edits asks whether to save them first.

    The form's state is taken when the dialog is first shown; ``reject`` (Escape, Avbryt, the close
    button) compares against it. A close the program itself asks for (not the user's click on the
    window's close button) closes without a question.
    """

    _opened_state: tuple[Any, ...] | None = None
    _closing_quietly = False

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing_quietly = not event.spontaneous()
        try:
            super().closeEvent(event)  # type: ignore[misc]  # calls reject()
        finally:
            self._closing_quietly = False

    def showEvent(self, event: QShowEvent) -> None:
        if self._opened_state is None:
            self._opened_state = form_state(self)  # type: ignore[arg-type]
        super().showEvent(event)  # type: ignore[misc]

    def has_unsaved_changes(self) -> bool:
        return self._opened_state is not None and form_state(self) != self._opened_state  # type: ignore[arg-type]

    def reject(self) -> None:
        if self.has_unsaved_changes() and not self._closing_quietly:
            choice = ask_to_save(self, self.windowTitle())  # type: ignore[attr-defined, arg-type]
            if choice is Choice.CANCEL:
                return
            if choice is Choice.SAVE:
                self.accept()  # type: ignore[attr-defined]  # closes only if the save succeeds
                return
        super().reject()  # type: ignore[misc]


def may_leave_page(window: Any, leaving: QWidget | None, row: int) -> bool:
    """The main window's hook before it shows the page at ``row``: True if the page being left has no
    edits left (saved or dropped); otherwise the navigation goes back to it and False."""
    if leaving is None or not hasattr(leaving, "unsaved_edits") or window.stack.indexOf(leaving) == row:
        return True
    if settle(window, leaving.unsaved_edits()):
        return True
    navigation = window.navigation
    navigation.blockSignals(True)
    navigation.setCurrentRow(window.stack.indexOf(leaving))
    navigation.blockSignals(False)
    return False
