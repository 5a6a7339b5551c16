"""Why a database file cannot be used, in a sentence the user can act on."""

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
