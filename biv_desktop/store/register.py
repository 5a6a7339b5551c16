"""Opening the register: create, check, back up, migrate and connect, in that order."""

from pathlib import Path

from biv_desktop.store import migrate
from biv_desktop.store.database import Database, create_private_file, make_engine, probe
from biv_desktop.store.defaults import seed_defaults


def open_register(path: Path, backups: Path | None = None) -> Database:
    """Open (creating if needed) the database at ``path``, ready for services.

    Raises a StoreError with a Swedish message for a file that is not ours, damaged, newer or read-only;
    such a file is never written to.
    """
    path = path.expanduser().absolute()
    if not path.exists():
        create_private_file(path)
    is_new = probe(path)
    migrate.upgrade(path, backups)
    database = Database(path, make_engine(path))
    if is_new:
        with database.transaction() as session:
            seed_defaults(session)
    return database
