"""The passphrase a command seals or opens a file with (see store.sealed).

Never an argument of its own: the command line is seen by other programs and kept in the shell's history.
It comes, in this order, from --passphrase-file FIL (its first line), from the environment variable
BIV_DESKTOP_PASSPHRASE, or is asked for on the terminal without being shown.
"""

import argparse
import getpass
import os
import sys
from pathlib import Path

from biv_desktop.cli.parser import CommandError

ENVIRONMENT = "BIV_DESKTOP_PASSPHRASE"
# An encrypted register's own passphrase (services.register.unlock_register): another secret than a file's.
REGISTER_ENVIRONMENT = "BIV_DESKTOP_REGISTER_PASSPHRASE"
PLAIN_WARNING = (
    "Varning: filen sparas okrypterad. Den innehåller personuppgifter om barn, och vem som helst som hittar "
    "den (till exempel på ett borttappat USB-minne) kan läsa den."
)


def add_passphrase_options(parser: argparse.ArgumentParser, *, sealing: bool) -> None:
    """--passphrase-file, and for a command that writes a file (``sealing``) --unencrypted."""
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FIL",
        help=f"läs lösenfrasen från första raden i FIL (annars från miljövariabeln {ENVIRONMENT}, "
        "eller så frågar kommandot efter den)",
    )
    if sealing:
        parser.add_argument(
            "--unencrypted",
            action="store_true",
            help="spara utan kryptering: vem som helst som hittar filen kan läsa den",
        )


def passphrase(args: argparse.Namespace, *, new: bool) -> str:
    """The passphrase to seal with (``new``: asked twice on a terminal, and checked) or to open with."""
    from biv_desktop.services.register import check_new_passphrase

    given = _given(args.passphrase_file)
    if given is None:
        given = _asked(new)
    if new:
        check_new_passphrase(given)
    return given


def _given(path: Path | None) -> str | None:
    if path is not None:
        try:
            lines = path.expanduser().read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise CommandError(f"Filen {path} med lösenfrasen går inte att läsa.") from None
        if not lines or not lines[0]:
            raise CommandError(f"Filen {path} har ingen lösenfras på första raden.")
        return lines[0]
    return os.environ.get(ENVIRONMENT) or None


def _asked(new: bool) -> str:
    if not sys.stdin.isatty():
        raise CommandError(
            "Filen krypteras med en lösenfras. Ange den med --passphrase-file FIL eller miljövariabeln "
            f"{ENVIRONMENT}, eller kör kommandot i ett terminalfönster, så frågar det efter den."
        )
    typed = getpass.getpass("Lösenfras: ")
    if new and getpass.getpass("Samma lösenfras en gång till: ") != typed:
        raise CommandError("Lösenfraserna är inte likadana. Ingenting har sparats; försök igen.")
    return typed


def unlock_register_for(path: Path) -> None:
    """Give an encrypted register's passphrase before a command opens it: from REGISTER_ENVIRONMENT, or asked
    on the terminal without being shown. A wrong one stops the command with nothing changed."""
    from biv_desktop.domain.errors import UserError
    from biv_desktop.services.register import needs_passphrase, unlock_register

    if not needs_passphrase(path):
        return
    given = os.environ.get(REGISTER_ENVIRONMENT) or None
    if given is None:
        if not sys.stdin.isatty():
            raise CommandError(
                f"Databasen {path} är krypterad. Ange dess lösenfras i miljövariabeln {REGISTER_ENVIRONMENT}, "
                "eller kör kommandot i ett terminalfönster, så frågar det efter den."
            )
        given = getpass.getpass("Databasens lösenfras: ")
    try:
        unlock_register(path, given)
    except UserError as error:
        raise CommandError(error.message) from None
