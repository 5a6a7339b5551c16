"""Asking for an encrypted register's passphrase before it is opened (at start, or when another is chosen)."""

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from biv_desktop.domain.errors import UserError
from biv_desktop.services.register import needs_passphrase, unlock_register
from biv_desktop.ui.backup.passphrase import ask_passphrase
from biv_desktop.ui.common.text import translator

log = logging.getLogger(__name__)
tr = translator("Encryption")


def unlock_if_encrypted(path: Path, parent: QWidget | None = None) -> bool:
    """Ask for the passphrase of the register at ``path`` if it is encrypted and not unlocked yet, until
    it is right; False if the user chose Avbryt (nothing was opened). True for a plain register."""
    if not needs_passphrase(path):
        return True
    problem = ""
    while True:
        passphrase = ask_passphrase(
            parent,
            tr("Krypterad databas"),
            path,
            problem,
            tr(
                "Databasen {path} är krypterad. Skriv dess lösenfras för att öppna den. Avbryt om du inte "
                "har den: ingenting ändras."
            ).format(path=path),
        )
        if passphrase is None:
            return False
        try:
            unlock_register(path, passphrase)
        except UserError as error:
            log.info("A passphrase for an encrypted register was refused")
            problem = error.message
            continue
        return True
