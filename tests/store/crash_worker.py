"""What the crash tests' child processes do until they are killed (test_crash.py starts and kills them).

Not a test module: the children import it by name (the test puts this folder on sys.path), and each
function reports over a multiprocessing connection what it has done, so the test knows what to find
after the kill. Every name is fictional.
"""

import random
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, event, select, update

from biv_desktop.store import cipher, migrate
from biv_desktop.store.backup import backup_file
from biv_desktop.store.models import Family
from biv_desktop.store.register import open_register


def _unlock(path: str, register_key: str | None) -> None:
    # A forked child has none of the test's memory: an encrypted register's key is handed to it.
    if register_key is not None:
        cipher.remember(Path(path), register_key)


def edit_stream(path: str, seed: int, register_key: str | None, connection: Connection) -> None:
    """Add, rename and delete families forever; say what each edit is before it and once it is saved."""
    _unlock(path, register_key)
    database = open_register(Path(path))
    chance = random.Random(seed)
    with database.transaction() as session:
        alive = list(session.scalars(select(Family.uuid)))
    number = 0
    while True:
        number += 1
        kind = chance.choice(["add", "add", "rename", "delete"]) if alive else "add"
        if kind == "add":
            edit: tuple[Any, ...] = ("add", f"crash-{seed}-{number}", f"Familjen Påhittad {number}")
        elif kind == "rename":
            edit = ("rename", chance.choice(alive), f"Familjen Exempelsson {number}")
        else:
            edit = ("delete", alive.pop(chance.randrange(len(alive))))
        connection.send(("intent", edit))
        with database.transaction() as session:
            if edit[0] == "add":
                session.add(Family(uuid=edit[1], name=edit[2]))
            elif edit[0] == "rename":
                session.execute(update(Family).where(Family.uuid == edit[1]).values(name=edit[2]))
            else:
                session.execute(delete(Family).where(Family.uuid == edit[1]))
        if edit[0] == "add":
            alive.append(edit[1])
        connection.send(("saved", edit))


def backup_run(path: str, destination: str, register_key: str | None, connection: Connection) -> None:
    """Write one backup a few pages at a time, saying how far it has come after every step."""
    _unlock(path, register_key)
    connection.send(("started",))
    backup_file(
        Path(path),
        Path(destination),
        progress=lambda done, total: connection.send((done, total)),
        step_pages=4,
    )
    connection.send(("done",))


def sealed_backup_run(
    path: str, destination: str, passphrase: str, register_key: str | None, connection: Connection
) -> None:
    """Write one sealed backup (a few pages at a time in memory, then sealed and written), saying how far
    it has come after every step."""
    _unlock(path, register_key)
    from biv_desktop.services.register import backup_sealed_to

    connection.send(("started",))
    backup_sealed_to(
        Path(path),
        Path(destination),
        passphrase,
        progress=lambda done, total: connection.send((done, total)),
        step_pages=4,
    )
    connection.send(("done",))


def migration_run(
    path: str, migrations: str, backups: str, register_key: str | None, connection: Connection
) -> None:
    """Open an old register with a migrations folder that has one more revision: backup, then upgrade.

    Every SQL statement SQLAlchemy sends is reported first, so the test can kill at any of them.
    """

    def report(*_args: Any) -> None:
        connection.send(("sql",))

    _unlock(path, register_key)
    event.listen(Engine, "before_cursor_execute", report)
    migrate.MIGRATIONS = Path(migrations)
    connection.send(("started",))
    open_register(Path(path), Path(backups)).close()
    connection.send(("done",))


def switch_run(path: str, backups: str, old_key: str | None, passphrase: str, connection: Connection) -> None:
    """Switch the register's encryption on (``old_key`` None) or give it a new passphrase, stopping before
    each step of the copy, check and swap until the test says go (so it can kill it exactly there)."""
    import os

    from biv_desktop.services.register import change_passphrase, switch_encryption_on
    from biv_desktop.store import encryption

    def paused(name: str, step: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            connection.send(("step", name))
            connection.recv()
            return step(*args, **kwargs)

        return run

    for name in (
        "_settle_journal",
        "_export",
        "_check_copy",
        "_fsync",
        "sync_folder",
        "overwrite_and_remove",
    ):
        setattr(encryption, name, paused(name, getattr(encryption, name)))
    os.link = paused("link", os.link)
    os.replace = paused("replace", os.replace)
    _unlock(path, old_key)
    database = open_register(Path(path), Path(backups))
    connection.send(("started",))
    connection.recv()
    if old_key is None:
        switch_encryption_on(database, passphrase, Path(backups), again=passphrase)
    else:
        change_passphrase(database, old_key, passphrase, Path(backups), again=passphrase)
    database.close()
    connection.send(("done",))
