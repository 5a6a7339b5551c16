"""Opening a register from the window: a file that cannot be used gets a Swedish sentence and a way on."""

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from biv_desktop.domain.errors import UserError
from biv_desktop.paths import backups_dir
from biv_desktop.services.register import open_for_window
from biv_desktop.store.database import Database
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.encryption.unlock import unlock_if_encrypted

log = logging.getLogger(__name__)


tr = translator("Opening")


def _try_open(path: Path, parent: QWidget | None = None) -> Database | str | None:
    """The opened register, a sentence saying why it could not be opened, or None if the user cancelled
    typing an encrypted register's passphrase."""
    if not unlock_if_encrypted(path, parent):
        return None
    try:
        # Under the register's lock, held until the Database is closed: one program per register.
        return open_for_window(path, backups_dir())
    except UserError as error:
        # The class only: the message names the file, and a file name may name a person.
        log.warning("Could not open a register: %s", type(error).__name__)
        return error.message
    except OSError as error:
        log.warning("Could not open or create a register: %s (errno %s)", type(error).__name__, error.errno)
        return tr(
            "Filen {path} gick inte att öppna eller skapa. Kontrollera att mappen finns och att du får "
            "skriva i den."
        ).format(path=path)


def choose_database_file(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    """Ask for a register file; None if the user cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        tr("Öppna databas"),
        str(folder) if folder is not None else "",
        tr("BIV Desktop-databaser (*.sqlite);;Alla filer (*)"),
    )
    return Path(chosen) if chosen else None


def ask_choose_other_file(message: str, parent: QWidget | None) -> bool:
    """Tell why a register could not be opened at start; True if the user wants to choose another file."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Databasen kunde inte öppnas"))
    box.setText(message)
    box.setInformativeText(tr("Välj en annan databasfil, eller avsluta BIV Desktop."))
    choose = box.addButton(tr("Välj en annan fil…"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(tr("Avsluta"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is choose


def open_register_at_start(path: Path, parent: QWidget | None = None) -> Database | None:
    """Open the register the program starts on, or another the user chooses; None if the user quits."""
    while True:
        opened = _try_open(path, parent)
        if opened is None or isinstance(opened, Database):
            return opened
        while True:
            if not ask_choose_other_file(opened, parent):
                return None
            chosen = choose_database_file(parent, path.parent)
            if chosen is not None:
                path = chosen
                break


def open_other_register(path: Path, parent: QWidget | None) -> Database | None:
    """Open a register chosen from the menu; on failure say why and keep the open one (None)."""
    opened = _try_open(path, parent)
    if opened is None or isinstance(opened, Database):
        return opened
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Databasen kunde inte öppnas"))
    box.setText(opened)
    box.setInformativeText(tr("Databasen som redan var öppen används fortfarande."))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
    return None
