"""Which register a file is, so that its backups are kept, rotated and offered apart from every other's.

Each register holds its id (32 hex digits) in its setting table under ``register_id``: a row, not a
schema change, so no migration is needed and a register of any age gets one the first time it is opened.
Its backups go into ``<backups folder>/<id>/``. The file name says nothing about which register a file
is: two registers both called ``biv-register.sqlite`` (one copied from a USB stick) have different ids.

The backups folder also keeps ``registers.json``, which remembers for each register file (by its resolved
path) the id last seen there. That finds the backups of a register too damaged to read its own id, and it
tells a copy of a register (the same id in a second file that still exists) from the register itself: the
copy gets a new id the first time it is opened, so the two never share, and never rotate away, backups.
"""

import json
import os
import re
import uuid
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.store import cipher
from biv_desktop.store.database import BUSY_TIMEOUT_MS
from biv_desktop.store.models import Setting

ID_KEY = "register_id"
INDEX_NAME = "registers.json"
_ID = re.compile(r"^[0-9a-f]{32}$")


def new_register_id() -> str:
    return uuid.uuid4().hex


def default_root(database: Path) -> Path:
    """Where backups go when the caller names no folder: a 'backups' folder beside the register."""
    return database.parent / "backups"


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path.expanduser().absolute()))


def read_register_id(path: Path) -> str | None:
    """The id written in the register or backup at ``path``; None if it has none or cannot be read."""
    try:
        immutable = not path.with_name(path.name + "-wal").exists()
        with closing(cipher.connect(path, read_only=True, immutable=immutable)) as connection:
            row = connection.execute("SELECT value FROM setting WHERE key = ?", (ID_KEY,)).fetchone()
    except cipher.FileOrDatabaseError:
        return None
    value = str(row[0]) if row is not None else ""
    return value if _ID.match(value) else None


def write_register_id(path: Path, register_id: str) -> None:
    """Write ``register_id`` into the register at ``path`` (which nobody else is writing)."""
    with closing(cipher.connect(path, isolation_level=None)) as connection:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("BEGIN IMMEDIATE")
        updated = connection.execute(
            "UPDATE setting SET value = ? WHERE key = ?", (register_id, ID_KEY)
        ).rowcount
        if not updated:
            connection.execute(
                "INSERT INTO setting (key, value, uuid) VALUES (?, ?, ?)",
                (ID_KEY, register_id, str(uuid.uuid4())),
            )
        connection.execute("COMMIT")


def register_id_in(session: Session) -> str | None:
    """The register's id, read inside a unit of work (for services that replace the setting table)."""
    value = session.scalar(select(Setting.value).where(Setting.key == ID_KEY))
    return value if value is not None and _ID.match(value) else None


def set_register_id_in(session: Session, register_id: str) -> None:
    """Write the register's id inside a unit of work."""
    row = session.scalar(select(Setting).where(Setting.key == ID_KEY))
    if row is None:
        session.add(Setting(key=ID_KEY, value=register_id))
    else:
        row.value = register_id


# ---- the index: which id was last seen in which file ------------------------------------------------


def _load_index(root: Path) -> dict[str, str]:
    try:
        data = json.loads((root / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str) and _ID.match(v)}


def _save_index(root: Path, index: dict[str, str]) -> None:
    """Write the index whole (user-only), or leave the old one: it is a help, never the only record."""
    with suppress(OSError):
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = root / (INDEX_NAME + ".part")
        partial.unlink(missing_ok=True)
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            os.write(fd, json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
        finally:
            os.close(fd)
        os.replace(partial, root / INDEX_NAME)


def remember(root: Path, database: Path, register_id: str) -> None:
    index = _load_index(root)
    key = str(_real(database))
    if index.get(key) != register_id:
        index[key] = register_id
        _save_index(root, index)


def known_id(root: Path, database: Path) -> str | None:
    """The id last seen in the file at ``database``'s real path, if any."""
    return _load_index(root).get(str(_real(database)))


def paths_of(root: Path, register_id: str) -> list[Path]:
    """The files the register ``register_id`` was last seen in that still exist."""
    return [
        Path(path)
        for path, value in _load_index(root).items()
        if value == register_id and Path(path).exists()
    ]


def claimed_elsewhere(root: Path, database: Path, register_id: str) -> bool:
    """Whether another existing file (not a link to this one) still is the register ``register_id``."""
    for other in paths_of(root, register_id):
        with suppress(OSError):
            if database.exists() and os.path.samefile(other, database):
                continue
            if read_register_id(other) == register_id:
                return True
    return False


def register_id_for(root: Path, database: Path) -> str:
    """The id whose folder holds ``database``'s backups: the file's own id, else the one last seen in this
    file (a register too damaged to read), else a new one, remembered for this file."""
    register_id = read_register_id(database) or known_id(root, database) or new_register_id()
    remember(root, database, register_id)
    return register_id


def register_folder(root: Path, database: Path) -> Path:
    """The folder of ``database``'s own backups inside the backups folder ``root``."""
    return root / register_id_for(root, database)


def settle_identity(root: Path, database: Path) -> str | None:
    """Give an opened register its id if it has none, or a new one if it is a copy of another register
    file that still exists; remember it. Returns the id to write into the register, or None if it is right.
    """
    own = read_register_id(database)
    if own is not None and not claimed_elsewhere(root, database, own):
        remember(root, database, own)
        return None
    seen = known_id(root, database)
    register_id = (
        seen if seen is not None and seen != own and not claimed_elsewhere(root, database, seen) else None
    )
    register_id = register_id or new_register_id()
    remember(root, database, register_id)
    return register_id


# ---- telling two registers apart for the user --------------------------------------------------------


@dataclass(frozen=True)
class RegisterFacts:
    """What the user is shown of a register (or a backup) before one replaces the other."""

    path: Path
    name: str  # the register's file name, as last seen on this computer, or its own file name
    participants: int | None  # None when it cannot be read
    size_bytes: int

    def describe(self) -> str:
        """Swedish, e.g. 'biv-register.sqlite (380 deltagare, 2,1 MB)'."""
        if self.participants is None:
            people = "okänt antal deltagare"
        else:
            people = f"{self.participants:,}".replace(",", "\u00a0") + " deltagare"
        size = f"{self.size_bytes / 1_000_000:.1f}".replace(".", ",") + " MB"
        return f"{self.name} ({people}, {size})"


def _participants(path: Path) -> int | None:
    try:
        immutable = not path.with_name(path.name + "-wal").exists()
        with closing(cipher.connect(path, read_only=True, immutable=immutable)) as connection:
            return int(connection.execute("SELECT count(*) FROM participant").fetchone()[0])
    except cipher.FileOrDatabaseError:
        return None


def register_facts(root: Path, path: Path, register_id: str | None = None) -> RegisterFacts:
    """The facts of the file at ``path``; for a backup, named after the register ``register_id`` it is of."""
    origins = paths_of(root, register_id) if register_id is not None else []
    name = origins[0].name if origins else path.name
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return RegisterFacts(path, name, _participants(path), size)
