"""The dialogs of the Kryptering tab: a new passphrase for switching encryption on (with the warning that a
lost passphrase means lost data), and the current and a new one for changing it. Every field is in Qt's
password mode; the passphrase lives only in the fields and the call that uses it."""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services import register
from biv_desktop.ui.backup.passphrase import checked_new_passphrase, password_field
from biv_desktop.ui.common.form import error_label, show_text
from biv_desktop.ui.common.text import translator

tr = translator("Encryption")

LOST_MEANS_LOST = (
    "Glömmer du lösenfrasen går databasen inte att öppna, inte heller dess automatiska säkerhetskopior, "
    "och ingen kan ta fram uppgifterna igen. En förlorad lösenfras betyder förlorade uppgifter."
)


class NewRegisterPassphraseDialog(QDialog):
    """A new passphrase for the register, typed twice, and (when switching on) the warning understood.

    ``current`` asks for the passphrase in use first (changing it). ``passphrase`` holds the new one after
    the dialog was accepted, and ``current_passphrase`` the old one.
    """

    def __init__(self, parent: QWidget | None, *, changing: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Byt lösenfras") if changing else tr("Kryptera databasen"))
        self.setMinimumWidth(480)
        self.passphrase: str | None = None
        self.current_passphrase: str | None = None
        intro = QLabel(
            tr(
                "Databasen skrivs om till en krypterad fil, så att ingen kan läsa den utan lösenfrasen, inte "
                "ens om datorn kommer bort. Programmet frågar efter lösenfrasen varje gång det startar. "
                "Använd minst {shortest} tecken, gärna några ord i rad."
            ).format(shortest=register.SHORTEST_PASSPHRASE)
            if not changing
            else tr(
                "Skriv den lösenfras databasen har nu, och sedan den nya två gånger. Databasen och dess "
                "automatiska säkerhetskopior krypteras om med den nya."
            )
        )
        intro.setWordWrap(True)
        warning = QLabel("<b>" + tr(LOST_MEANS_LOST) + "</b>")
        warning.setWordWrap(True)
        self.current: QLineEdit | None = password_field() if changing else None
        self.first = password_field()
        self.second = password_field()
        form = QFormLayout()
        if self.current is not None:
            form.addRow(tr("&Nuvarande lösenfras:"), self.current)
        form.addRow(tr("&Ny lösenfras:") if changing else tr("&Lösenfras:"), self.first)
        form.addRow(tr("Samma &igen:"), self.second)
        self.understood = QCheckBox(tr("Jag förstår att en förlorad lösenfras betyder förlorade uppgifter"))
        self.error = error_label()
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(
            tr("Byt lösenfras") if changing else tr("Kryptera"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setEnabled(False)
        self.understood.toggled.connect(self.accept_button.setEnabled)
        self.accept_button.clicked.connect(self._accept)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.understood)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.current or self.first).setFocus()

    def _accept(self) -> None:
        if self.current is not None and not self.current.text():
            show_text(self.error, tr("Skriv den lösenfras databasen har nu."))
            return
        passphrase = checked_new_passphrase(self.first, self.second, self.error)
        if passphrase is None:
            return
        self.current_passphrase = self.current.text() if self.current is not None else None
        self.passphrase = passphrase
        self.accept()


def ask_new_register_passphrase(
    parent: QWidget | None, *, changing: bool = False
) -> tuple[str | None, str] | None:
    """(current, new) passphrase, or None if she cancels; ``current`` is None when switching on."""
    dialog = NewRegisterPassphraseDialog(parent, changing=changing)
    dialog.exec()
    chosen = (dialog.current_passphrase, dialog.passphrase) if dialog.passphrase is not None else None
    dialog.deleteLater()
    return chosen
