"""The Kryptering tab of the settings: whether the register is encrypted, and switching that on or off,
changing the passphrase and printing the recovery sheet."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.paths import backups_dir
from biv_desktop.services.register import (
    SwitchSummary,
    change_passphrase,
    is_encrypted,
    switch_encryption_off,
    switch_encryption_on,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.backup.passphrase import ask_passphrase
from biv_desktop.ui.common.confirm import ask, warn
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.worker import run_with_progress
from biv_desktop.ui.encryption.dialogs import ask_new_register_passphrase
from biv_desktop.ui.settings.general_tab import hint_label

WHAT_IS_ENCRYPTED = (
    "Krypteringen gäller databasfilen och dess automatiska säkerhetskopior. Utskrifter och filer du sparar "
    "(PDF, kalkylark, kalenderfiler) är inte krypterade. Diskkryptering av datorn (BitLocker) rekommenderas "
    "ändå."
)


class EncryptionTab(QWidget):
    """The register's encryption: on or off, with the buttons that change it."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.switch_on_button = QPushButton(self.tr("Kryptera databasen…"))
        self.change_button = QPushButton(self.tr("Byt lösenfras…"))
        self.switch_off_button = QPushButton(self.tr("Ta bort krypteringen…"))
        self.sheet_button = QPushButton(self.tr("Skriv ut återställningsblad…"))
        self.switch_on_button.clicked.connect(self.switch_on)
        self.change_button.clicked.connect(self.change)
        self.switch_off_button.clicked.connect(self.switch_off)
        self.sheet_button.clicked.connect(self.print_sheet)
        buttons = QHBoxLayout()
        for button in (self.switch_on_button, self.change_button, self.switch_off_button, self.sheet_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(hint_label(self.tr(WHAT_IS_ENCRYPTED)))
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        encrypted = is_encrypted(self.database.path)
        self.state.setText(
            self.tr("<b>Databasen är krypterad.</b> Programmet frågar efter lösenfrasen när det startar.")
            if encrypted
            else self.tr(
                "<b>Databasen är inte krypterad.</b> Den som kommer åt datorns disk kan läsa den. Kryptera "
                "den med en lösenfras om datorn tas med till lokalerna."
            )
        )
        self.switch_on_button.setVisible(not encrypted)
        self.change_button.setVisible(encrypted)
        self.switch_off_button.setVisible(encrypted)
        self.sheet_button.setVisible(encrypted)

    def _run(self, title: str, call: Callable[[], SwitchSummary]) -> SwitchSummary | None:
        # Off the GUI thread (a few seconds for a large register, its backups too), behind a window-modal
        # dialog; not cancellable: the copy is swapped in whole or not at all either way.
        label = self.tr("Databasen och dess säkerhetskopior skrivs om. Vänta en stund.")
        result = service_call(
            self,
            title,
            lambda _override: run_with_progress(
                self, title, label, lambda _progress: call(), cancellable=False
            ),
        )
        self.reload()
        if result is REFUSED:
            return None
        if result.backups_left:
            warn(
                self,
                title,
                self.tr("{count} äldre säkerhetskopior kunde inte skrivas om och är som de var.").format(
                    count=len(result.backups_left)
                ),
                self.tr("De är krypterade med en tidigare lösenfras, eller går inte att läsa."),
            )
        return result

    def switch_on(self) -> None:
        chosen = ask_new_register_passphrase(self)
        if chosen is None:
            return
        passphrase = chosen[1]
        title = self.tr("Kryptera databasen")
        if self._run(title, lambda: switch_encryption_on(self.database, passphrase, backups_dir())) is None:
            return
        if ask(
            self,
            title,
            self.tr("Databasen är krypterad nu."),
            self.tr(
                "Skriv ut ett återställningsblad, skriv lösenfrasen på det för hand och lås in det. Utan "
                "lösenfrasen går uppgifterna inte att få tillbaka."
            ),
            self.tr("Skriv ut återställningsblad…"),
            icon=QMessageBox.Icon.Information,
        ):
            self.print_sheet()

    def change(self) -> None:
        chosen = ask_new_register_passphrase(self, changing=True)
        if chosen is None:
            return
        current, new = chosen
        title = self.tr("Byt lösenfras")
        if self._run(
            title, lambda: change_passphrase(self.database, current or "", new, backups_dir())
        ) is not None and ask(
            self,
            title,
            self.tr("Lösenfrasen är bytt."),
            self.tr("Skriv ut ett nytt återställningsblad och förstör det gamla."),
            self.tr("Skriv ut återställningsblad…"),
        ):
            self.print_sheet()

    def switch_off(self) -> None:
        title = self.tr("Ta bort krypteringen")
        passphrase = ask_passphrase(
            self,
            title,
            self.database.path,
            intro_text=self.tr(
                "Skriv databasens lösenfras. Databasen och dess automatiska säkerhetskopior sparas sedan "
                "okrypterade: den som kommer åt datorns disk kan läsa dem."
            ),
        )
        if passphrase is None:
            return
        if not ask(
            self,
            title,
            self.tr("Vill du verkligen ta bort krypteringen?"),
            self.tr(
                "Databasen innehåller personuppgifter om barn, och utan kryptering kan den läsas av den som kommer åt datorns disk."
            ),
            self.tr("Ta bort krypteringen"),
        ):
            return
        self._run(title, lambda: switch_encryption_off(self.database, passphrase, backups_dir()))

    def print_sheet(self) -> None:
        from biv_desktop.ui.encryption.recovery import print_recovery_sheet

        print_recovery_sheet(self, self.database.path, dt.date.today())
