"""Opening the register: create, check, back up, migrate and connect, in that order."""

import os
from pathlib import Path

from biv_desktop.store import migrate
from biv_desktop.store.database import (
    Database,
    create_private_file,
    is_writable,
    make_engine,
    probe,
    translate_os_error,
)
from biv_desktop.store.defaults import seed_defaults
from biv_desktop.store.errors import ReadOnlyDatabaseError


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
    except OSError as error:
        raise translate_os_error(error, path) from error
    return Database(path, make_engine(path))


def _make_private(path: Path) -> None:
    # A new register will hold children's data: only its owner may read it, even if it was made empty
    # by someone else's tool with looser permissions.
    if os.name == "posix" and path.stat().st_uid == os.geteuid():
        path.chmod(0o600)
