"""The one way the program opens a register file (or a backup of one): plain SQLite, or SQLCipher with a key.

A register may be encrypted with SQLCipher (``store.encryption`` switches it on and off). Its file then
starts with random bytes instead of SQLite's header, so nothing can tell it from another file without the
passphrase; ``looks_encrypted`` says only that it may be one, and the caller asks for the passphrase.

The passphrase lives only in this process's memory: ``unlock`` checks it against the file and keeps it,
by the file's real path, until ``forget``. It is never put into an SQL text (``PRAGMA key`` is given it
through a bound ATTACH, or quoted into a statement that no error message repeats), a URL, a log line or an
exception's message. ``connect`` finds the key of the file it opens here, so every store module that opens
the file (header checks, backups, restores, revision reads, the identity, the engine) works the same on an
encrypted register. A backup of an encrypted register is encrypted with the same key; ``key_for`` finds it
by trying the keys it knows (one at a time, the register's) on a file that looks encrypted.
"""

import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, cast

from biv_desktop.store.errors import NotOurDatabaseError, WrongPassphraseError

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher's page sizes are powers of two from 512 bytes; an encrypted file is whole pages.
_SMALLEST_PAGE = 512

# The errors of either driver, for ``except`` clauses: ``cipher.Error``, ``cipher.DatabaseError``,
# ``cipher.OperationalError`` and ``cipher.FileOrDatabaseError`` (with OSError), made by ``__getattr__``.
_DRIVER_ERRORS = ("Error", "DatabaseError", "OperationalError")

# The unlocked registers' passphrases, by their files' real paths; in memory only.
_keys: dict[str, str] = {}
# SQLCipher 4's key derivation (its defaults): PBKDF2-HMAC-SHA512 over the file's salt (its first 16 bytes).
KDF_ITERATIONS = 256_000
_SALT_BYTES = 16
# The derived keys, by passphrase and salt, so that each connection does not derive again (a third of a
# second each); in memory only, dropped with the passphrases.
_derived: dict[tuple[str, bytes], str] = {}


def sqlcipher() -> ModuleType:
    """SQLCipher's driver, imported when a file is first opened with it: a plain register never needs
    it, and importing it (SQLCipher and its crypto library) takes 5 MiB at every start."""
    import sqlcipher3

    return cast(ModuleType, sqlcipher3)


def _sqlcipher_if_loaded() -> ModuleType | None:
    """SQLCipher's driver if anything has opened a file with it, else None: a driver never imported has
    made no connection, so it has raised no error and made no connection to tell apart."""
    return sys.modules.get("sqlcipher3")


def _drivers() -> tuple[ModuleType, ...]:
    loaded = _sqlcipher_if_loaded()
    return (sqlite3,) if loaded is None else (sqlite3, loaded)


def __getattr__(name: str) -> tuple[type[Exception], ...]:
    """``cipher.Error`` and its kin: that error of every driver loaded, read at each ``except``."""
    if name in _DRIVER_ERRORS:
        return tuple(getattr(driver, name) for driver in _drivers())
    if name == "FileOrDatabaseError":
        return (OSError, *__getattr__("Error"))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _real(path: Path) -> str:
    return os.path.realpath(Path(path).expanduser().absolute())


def read_header(path: Path) -> bytes:
    """The first 16 bytes of ``path`` (fewer for a shorter file); OSError if it cannot be read."""
    with Path(path).open("rb") as file:
        return file.read(len(SQLITE_HEADER))


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` may be an encrypted register: not SQLite's header, and whole SQLCipher pages."""
    try:
        if not Path(path).is_file():
            return False
        size = Path(path).stat().st_size
        return size > 0 and size % _SMALLEST_PAGE == 0 and read_header(path) != SQLITE_HEADER
    except OSError:
        return False


def is_encrypted_connection(connection: Any) -> bool:
    """Whether ``connection`` was made by SQLCipher's driver (so a backup target must be made by it too)."""
    loaded = _sqlcipher_if_loaded()
    return loaded is not None and isinstance(connection, loaded.Connection)


def key_for(path: Path) -> str | None:
    """The passphrase of the encrypted file at ``path`` if this process knows it: the file was unlocked, or
    it opens with a passphrase that was (a backup of an unlocked register). None for a plain file."""
    real = _real(path)
    if real in _keys:
        return _keys[real]
    if not looks_encrypted(path):
        return None
    for passphrase in dict.fromkeys(_keys.values()):
        if _opens(path, passphrase):
            _keys[real] = passphrase
            return passphrase
    return None


def remember(path: Path, passphrase: str) -> None:
    """Keep ``passphrase`` for the file at ``path`` (already checked, or just written with it)."""
    _keys[_real(path)] = passphrase


def forget(path: Path) -> None:
    _keys.pop(_real(path), None)
    for passphrase, salt in list(_derived):
        if passphrase not in _keys.values():
            del _derived[passphrase, salt]


def forget_all() -> None:
    """Drop every passphrase this process holds (a test's end, a program's end)."""
    _keys.clear()
    _derived.clear()


def unlock(path: Path, passphrase: str) -> None:
    """Check ``passphrase`` against the encrypted file at ``path`` and keep it for ``connect``.

    Raises WrongPassphraseError (nothing changed) when it does not open the file, and NotOurDatabaseError
    for a plain file (nothing to unlock).
    """
    if not looks_encrypted(path):
        raise NotOurDatabaseError(
            f"Filen {path} är inte krypterad, så den behöver ingen lösenfras.", Path(path)
        )
    if not passphrase or not _opens(path, passphrase):
        raise WrongPassphraseError(
            f"Lösenfrasen öppnar inte databasen {path}. Försök igen; tänk på stora och små bokstäver. "
            "(En fil som inte är en BIV Desktop-databas går inte heller att öppna.) Ingenting har ändrats.",
            Path(path),
        )
    remember(path, passphrase)


def _opens(path: Path, passphrase: str) -> bool:
    try:
        connection = _cipher_connect(
            _read_only_uri(path, immutable=_immutable(path)), passphrase, Path(path), uri=True
        )
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlcipher().Error:
        return False
    return True


def _immutable(path: Path) -> bool:
    return not Path(path).with_name(Path(path).name + "-wal").exists()


def _read_only_uri(path: Path, *, immutable: bool = False) -> str:
    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    return f"{uri}&immutable=1" if immutable else uri


def quote(passphrase: str) -> str:
    """``passphrase`` as an SQL string literal (for PRAGMA key/rekey, which take no bound parameters)."""
    return "'" + passphrase.replace("'", "''") + "'"


def _key_literal(passphrase: str, file: Path | None) -> str:
    """What PRAGMA key is given: for an existing encrypted file the key derived from ``passphrase`` and its
    salt (derived once, then kept), else the passphrase itself (SQLCipher derives it, for a new file)."""
    salt = b""
    if file is not None:
        try:
            salt = read_header(file) if file.is_file() else b""
        except OSError:
            salt = b""
    if len(salt) != _SALT_BYTES or salt == SQLITE_HEADER:
        return quote(passphrase)
    if (passphrase, salt) not in _derived:
        key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
        _derived[passphrase, salt] = f"\"x'{key.hex()}{salt.hex()}'\""
    return _derived[passphrase, salt]


def _cipher_connect(
    database: str, passphrase: str | None, file: Path | None = None, **kwargs: Any
) -> sqlite3.Connection:
    connection = sqlcipher().connect(database, **kwargs)
    try:
        # SQLCipher would otherwise write its own lines (a failed page check) to the terminal.
        connection.execute("PRAGMA cipher_log_level = NONE")
        if passphrase is not None:
            connection.execute(f"PRAGMA key = {_key_literal(passphrase, file)}")
    except BaseException:
        connection.close()
        raise
    # sqlcipher3 is the sqlite3 module's code built against SQLCipher: the same interface.
    return cast(sqlite3.Connection, connection)


def connect(
    path: Path | str,
    *,
    read_only: bool = False,
    immutable: bool = False,
    key: str | None = None,
    like: Any = None,
    sqlcipher: bool = False,
    **kwargs: Any,
) -> sqlite3.Connection:
    """Open ``path`` (or ':memory:') with the right driver and key: the one way the store opens a file.

    The key is ``key`` if given, else the one this process knows for the file (``key_for``). A file that
    looks encrypted but whose key is not known opens plainly, and its first read fails as SQLite's
    "file is not a database": callers check ``needs_passphrase`` first where that is to be told apart.
    ``like`` (a connection) makes a backup target with the same driver as its source; ``sqlcipher`` asks
    for SQLCipher's driver even for a plain file (to export it). ``kwargs`` go to the driver
    (``isolation_level``, ``check_same_thread``).
    """
    memory = str(path) == ":memory:"
    passphrase = key if key is not None or memory else key_for(Path(path))
    if memory:
        database, uri = ":memory:", False
    elif read_only:
        database, uri = _read_only_uri(Path(path), immutable=immutable), True
    else:
        database, uri = str(path), False
    if passphrase is not None or sqlcipher or (like is not None and is_encrypted_connection(like)):
        return _cipher_connect(database, passphrase, None if memory else Path(path), uri=uri, **kwargs)
    return cast(sqlite3.Connection, sqlite3.connect(database, uri=uri, **kwargs))


def needs_passphrase(path: Path) -> bool:
    """Whether ``path`` looks encrypted and this process does not know its passphrase."""
    return looks_encrypted(path) and key_for(path) is None


def what_stops_opening(path: Path, header: bytes) -> Literal["passphrase", "not sqlite"] | None:
    """What keeps this process from opening ``path`` (which starts with ``header``) as SQLite: "passphrase"
    for a file that looks encrypted with a passphrase it does not know, "not sqlite" for a file that is
    neither SQLite nor encrypted with one it knows; None when it opens (SQLite's header, or a known key)."""
    if header == SQLITE_HEADER or key_for(path) is not None:
        return None
    return "passphrase" if looks_encrypted(path) else "not sqlite"


def driver_for(path: Path) -> Any:
    """The DB-API module that opens ``path``: SQLCipher's for an encrypted file, else sqlite3."""
    return sqlcipher() if key_for(path) is not None else sqlite3
