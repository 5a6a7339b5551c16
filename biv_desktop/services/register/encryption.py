"""The optional encrypted register (SQLCipher): unlocking it, switching encryption on or off, a new passphrase.

The passphrase is held only in memory (``store.cipher``). Switching rewrites the register into a new file,
checks it and swaps it in whole (``store.encryption``); then the register's own automatic backups are
rewritten the same way, so they are exactly as encrypted as the register: encrypted with its passphrase
while it is encrypted, plain once it is plain again.
"""

import hmac
from dataclasses import dataclass
from pathlib import Path

from biv_desktop.store import cipher
from biv_desktop.store import encryption as store_encryption
from biv_desktop.store.backups import list_backups
from biv_desktop.store.database import Database
from biv_desktop.store.errors import StoreError, WrongPassphraseError
from biv_desktop.store.sealed import check_new_passphrase


def _rewrite_failures() -> tuple[type[Exception], ...]:
    """Why one backup could not be rewritten: it is left as it was and named in the summary."""
    return (StoreError, *cipher.FileOrDatabaseError)


@dataclass(frozen=True)
class SwitchSummary:
    """What a switch did to the register's automatic backups besides the register itself."""

    backups_rewritten: int
    # Backups that could not be rewritten (encrypted with an older passphrase, or unreadable): as they were.
    backups_left: tuple[Path, ...]


def is_encrypted(path: Path) -> bool:
    """Whether the register at ``path`` is (or looks) encrypted: its passphrase is needed to open it."""
    return cipher.key_for(path) is not None or cipher.looks_encrypted(path)


def needs_passphrase(path: Path) -> bool:
    """Whether the register at ``path`` is encrypted and its passphrase has not been given yet."""
    return cipher.needs_passphrase(path.expanduser().absolute())


def unlock_register(path: Path, passphrase: str) -> None:
    """Give the passphrase of the encrypted register at ``path`` for this session.

    Raises WrongPassphraseError (Swedish, nothing changed) when it does not open the file.
    """
    cipher.unlock(path.expanduser().absolute(), passphrase)


def switch_encryption_on(
    database: Database, passphrase: str, backups: Path, again: str | None = None
) -> SwitchSummary:
    """Encrypt the open register with ``passphrase`` (checked: long enough, typed the same ``again``).

    The register's connections are closed meanwhile and opened again on the encrypted file. Raises a
    ValidationError for a passphrase not taken, a StoreError if the copy could not be made; the register
    is then as it was.
    """
    check_new_passphrase(passphrase, again)
    if is_encrypted(database.path):
        raise StoreError("Databasen är redan krypterad.", database.path)
    return _rewrite(database, passphrase, backups)


def switch_encryption_off(database: Database, passphrase: str, backups: Path) -> SwitchSummary:
    """Make the open, encrypted register plain again, after its passphrase is typed once more."""
    _check_current(database, passphrase)
    return _rewrite(database, None, backups)


def change_passphrase(
    database: Database, current: str, new: str, backups: Path, again: str | None = None
) -> SwitchSummary:
    """Encrypt the open register (and its backups) with ``new`` instead of ``current``."""
    _check_current(database, current)
    check_new_passphrase(new, again)
    return _rewrite(database, new, backups)


def _check_current(database: Database, passphrase: str) -> None:
    key = cipher.key_for(database.path)
    if key is None:
        raise StoreError("Databasen är inte krypterad.", database.path)
    if not hmac.compare_digest(passphrase.encode("utf-8"), key.encode("utf-8")):
        raise WrongPassphraseError(
            "Lösenfrasen stämmer inte med databasens. Försök igen; ingenting har ändrats.", database.path
        )


def _rewrite(database: Database, new_key: str | None, backups: Path) -> SwitchSummary:
    # The backups' keys are found (and kept) while the register's current key is still known.
    own_backups = [backup.path for backup in list_backups(backups, database.path)]
    for backup in own_backups:
        cipher.key_for(backup)
    database.engine.dispose()
    try:
        store_encryption.convert(database.path, new_key)
    finally:
        database.reconnect()
    rewritten, left = 0, []
    for backup in own_backups:
        if cipher.needs_passphrase(backup):
            left.append(backup)
        elif cipher.key_for(backup) != new_key:
            try:
                store_encryption.convert(backup, new_key)
                rewritten += 1
            except _rewrite_failures():
                left.append(backup)
    return SwitchSummary(rewritten, tuple(left))


def settle_backups(path: Path, backups: Path) -> int:
    """Encrypt the plain backups an encrypted register still has (a switch cut short before it rewrote
    them all); how many were. A plain register's encrypted backups (a switch off cut short) are left: they
    open with the passphrase they had. Called at start by the lock's holder; a backup that cannot be
    rewritten now is left for the next start."""
    key = cipher.key_for(path)
    if key is None:
        return 0
    rewritten = 0
    for backup in list_backups(backups, path):
        if cipher.looks_encrypted(backup.path) or not backup.path.is_file():
            continue
        try:
            store_encryption.convert(backup.path, key)
            rewritten += 1
        except _rewrite_failures():
            continue
    return rewritten
