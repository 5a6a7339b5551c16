"""Opening the register: create, check, back up, migrate and connect, in that order."""

import os
from pathlib import Path

from biv_desktop.store import cipher, identity, migrate
from biv_desktop.store.database import (
    Database,
    create_private_file,
    is_writable,
    make_engine,
    probe,
    translate_operational_error,
    translate_os_error,
)
from biv_desktop.store.defaults import seed_defaults
from biv_desktop.store.errors import ReadOnlyDatabaseError, StoreError


def open_register(path: Path, backups: Path | None = None) -> Database:
    """Open (creating if needed) the database at ``path``, ready for services.

    ``backups`` is where a backup goes before the schema is upgraded (beside the file when None).
    Raises a StoreError with a Swedish message for a file that is not ours, damaged, newer or read-only;
    such a file is never written to.
    """
    path = path.expanduser().absolute()
    try:
        if not path.exists():
            if path.parent.is_dir() and not is_writable(path.parent):
                raise ReadOnlyDatabaseError(
                    f"Mappen {path.parent} är skrivskyddad, så registret kan inte skapas där. Välj en "
                    "mapp där du får skriva.",
                    path,
                )
            create_private_file(path)
        if probe(path):
            _make_private(path)
        migrate.upgrade(path, backups, seed=seed_defaults)
        new_id = _settle_identity(path, backups)
        if new_id is not None:
            # Its backups are kept apart from every other register's from now on (see store.identity).
            # Not a change of the data: the change mark stays, so no backup is taken for this alone.
            identity.write_register_id(path, new_id)
    except OSError as error:
        raise translate_os_error(error, path) from error
    except cipher.Error as error:
        translated = translate_operational_error(error, path)
        if isinstance(translated, StoreError):
            raise translated from error
        raise
    return Database(path, make_engine(path))


def _make_private(path: Path) -> None:
    # A new register will hold children's data: only its owner may read it, even if it was made empty
    # by someone else's tool with looser permissions.
    if os.name == "posix" and path.stat().st_uid == os.geteuid():
        path.chmod(0o600)


def _settle_identity(path: Path, backups: Path | None) -> str | None:
    """The id to write into the register, if it needs one (see store.identity). Without a backups folder
    (a register opened for a test or for demo data) nothing is written beside it: it only gets an id."""
    if backups is not None:
        return identity.settle_identity(backups, path)
    return None if identity.read_register_id(path) is not None else identity.new_register_id()
