"""Why a database file cannot be used, in a sentence the user can act on."""

from pathlib import Path

from biv_desktop.domain.errors import UserError


class StoreError(UserError):
    """A database problem with a Swedish message that says what happened and what to do."""


class NotOurDatabaseError(StoreError):
    """The file is not a BIV Desktop database (another program's, or not a database at all)."""


class DamagedDatabaseError(StoreError):
    """The file is ours but SQLite finds it damaged."""


class NewerDatabaseError(StoreError):
    """The file was written by a newer version of the program."""


class ReadOnlyDatabaseError(StoreError):
    """The file or its folder cannot be written."""


class DiskFullError(StoreError):
    """The disk is full, so nothing more could be saved."""


class BusyDatabaseError(StoreError):
    """Another program holds the file locked, so nothing could be saved just now."""


class UpgradeFailedError(StoreError):
    """Bringing the file to this version of the program failed; the file was left as it was."""


class WrongPassphraseError(StoreError):
    """The passphrase does not open the sealed file (store.sealed)."""


class DamagedSealedFileError(StoreError):
    """The sealed file is damaged or not whole (a copy that was cut short, say)."""


class OtherRegisterError(StoreError):
    """The backup chosen for restoring is of another register; restoring it needs the user's yes."""

    def __init__(self, message: str, path: Path, register: str, backup: str) -> None:
        super().__init__(message, path)
        self.register = (
            register  # the register that would be replaced: 'biv-register.sqlite (380 deltagare, 2,1 MB)'
        )
        self.backup = backup  # the register the backup is of, told the same way


class PassphraseNeededError(StoreError):
    """The register is encrypted (store.cipher) and its passphrase has not been given in this session."""
