"""The one confirm box, the question before deleting, and a plain warning."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from biv_desktop.ui.common.text import translator

tr = translator("Common")


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    details: str | Sequence[str],
    accept: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole,
) -> bool:
    """The one confirm box: ``text``, what to weigh (lines are listed with bullets), ``accept`` or 'Avbryt'
    (the default, and what Esc chooses). True if the user chose ``accept``."""
    box = message_box(
        parent,
        icon,
        title,
        text,
        details if isinstance(details, str) else "\n".join(f"• {line}" for line in details),
    )
    chosen = box.addButton(accept, role)
    cancel = box.addButton(tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is chosen


def confirm_warnings(parent: QWidget | None, title: str, warnings: Sequence[str], question: str = "") -> bool:
    """Show what a save would override (a service's NeedsConfirmation); True for 'Spara ändå'."""
    return ask(parent, title, question or tr("Kontrollera innan du sparar:"), warnings, tr("Spara ändå"))


def ask_to_delete(parent: QWidget | None, title: str, question: str, detail: str = "") -> bool:
    """A question with 'Ta bort' and 'Avbryt' (the default); True if the user chose to delete."""
    icon, role = QMessageBox.Icon.Question, QMessageBox.ButtonRole.DestructiveRole
    return ask(parent, title, question, detail, tr("Ta bort"), icon=icon, role=role)


def warn(
    parent: QWidget | None,
    title: str,
    text: str,
    detail: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    """A box with an OK button: why something could not be done and what to do instead (or, with another
    icon, what was done)."""
    box = message_box(parent, icon, title, text, detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str
) -> QMessageBox:
    """A message box showing ``text`` and ``detail`` as they are written: a name typed or pasted with
    something that looks like markup ("<b>…", "<…>") is shown as typed, not bold, as a link, or dropped."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    box.setTextFormat(Qt.TextFormat.PlainText)  # after both texts: it applies to the detail's label too
    return box
