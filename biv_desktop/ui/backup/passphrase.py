"""Asking for a passphrase: a new one to seal a backup or an export with (or, after a warning, none), and
the one a sealed file opens with. Both fields use Qt's password mode: what is typed is not shown, and
cannot be copied or cut to the clipboard. The passphrase lives only in these fields and in the call that
uses it; nothing stores or logs it."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services import register
from biv_desktop.ui.common.confirm import ask
from biv_desktop.ui.common.form import error_label, show_text
from biv_desktop.ui.common.text import translator

tr = translator("Backup")


@dataclass(frozen=True)
class Sealing:
    """What the user chose for a file that leaves the computer: a passphrase, or None for a plain file."""

    passphrase: str | None


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)  # hidden, and no copy or cut to the clipboard
    field.setMinimumWidth(280)
    return field


def checked_new_passphrase(first: QLineEdit, second: QLineEdit, error: QLabel) -> str | None:
    """The new passphrase typed in ``first`` and again in ``second``, if it passes the rule; else None,
    with the reason in ``error`` and the focus back in ``first``."""
    try:
        register.check_new_passphrase(first.text(), second.text())
    except ValidationError as problem:
        show_text(error, problem.message)
        first.setFocus()
        return None
    show_text(error, "")
    return first.text()


class NewPassphraseDialog(QDialog):
    """A new passphrase, typed twice; 'Spara okrypterad…' chooses a plain file after a warning."""

    def __init__(self, parent: QWidget | None, title: str, what: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.sealing: Sealing | None = None
        intro = QLabel(
            tr(
                "{what} krypteras med en lösenfras, så att ingen annan kan läsa den om USB-minnet kommer bort. "
                "Utan lösenfrasen går den inte att öppna, inte ens för dig: skriv upp den och förvara den "
                "säkert, skilt från USB-minnet. Använd minst {shortest} tecken, gärna några ord i rad."
            ).format(what=what, shortest=register.SHORTEST_PASSPHRASE)
        )
        intro.setWordWrap(True)
        self.first = password_field()
        self.second = password_field()
        form = QFormLayout()
        form.addRow(tr("&Lösenfras:"), self.first)
        form.addRow(tr("Samma &igen:"), self.second)
        self.error = error_label()
        buttons = QDialogButtonBox()
        self.seal_button = buttons.addButton(tr("Kryptera och spara"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.plain_button = buttons.addButton(tr("Spara okrypterad…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.seal_button.setDefault(True)
        self.seal_button.clicked.connect(self._seal)
        self.plain_button.clicked.connect(self._plain)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.first.setFocus()

    def _seal(self) -> None:
        passphrase = checked_new_passphrase(self.first, self.second, self.error)
        if passphrase is not None:
            self.sealing = Sealing(passphrase)
            self.accept()

    def _plain(self) -> None:
        if ask(
            self,
            tr("Spara okrypterad"),
            tr("Vill du verkligen spara filen okrypterad?"),
            tr(
                "Filen innehåller personuppgifter om barn. Utan kryptering kan vem som helst som hittar den, "
                "till exempel på ett borttappat USB-minne, läsa allt i den."
            ),
            tr("Spara okrypterad"),
        ):
            self.sealing = Sealing(None)
            self.accept()


def ask_sealing(parent: QWidget | None, title: str, what: str) -> Sealing | None:
    """How to seal a file that leaves the computer (``what``: 'Säkerhetskopian'); None if she cancels."""
    dialog = NewPassphraseDialog(parent, title, what)
    dialog.exec()
    sealing = dialog.sealing
    dialog.deleteLater()
    return sealing


class PassphraseDialog(QDialog):
    """The passphrase a sealed file opens with; ``problem`` is why the last one did not (a wrong one)."""

    def __init__(
        self, parent: QWidget | None, title: str, file: Path, problem: str = "", intro_text: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        intro = QLabel(
            intro_text
            or tr("{name} är krypterad. Skriv lösenfrasen den sparades med.").format(name=file.name)
        )
        intro.setWordWrap(True)
        self.field = password_field()
        form = QFormLayout()
        form.addRow(tr("&Lösenfras:"), self.field)
        self.error = error_label()
        show_text(self.error, problem)
        buttons = QDialogButtonBox()
        self.open_button: QPushButton = buttons.addButton(tr("Öppna"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.passphrase: str | None = None
        self.field.setFocus()

    def _open(self) -> None:
        if not self.field.text():
            show_text(self.error, tr("Skriv lösenfrasen."))
            return
        self.passphrase = self.field.text()
        self.accept()


def ask_passphrase(
    parent: QWidget | None, title: str, file: Path, problem: str = "", intro_text: str = ""
) -> str | None:
    """The passphrase to open the sealed ``file`` with; None if she cancels. ``intro_text`` replaces the
    dialog's first line (for an encrypted register rather than a sealed file)."""
    dialog = PassphraseDialog(parent, title, file, problem, intro_text)
    dialog.exec()
    passphrase = dialog.passphrase
    dialog.deleteLater()
    return passphrase
