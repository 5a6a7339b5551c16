"""Backups sealed with a passphrase, for a place the user chooses (a USB stick), and restoring them.

- ``backup_sealed_to``: a checked copy of the register, made in memory and sealed (store.sealed) before
  anything is written, so no plain copy ever reaches the stick.
- ``opened_backup``: a sealed backup opened with its passphrase into a private copy in the register's
  own backups folder, checked like any backup, for as long as the restore needs it; then removed. A
  killed program's copy is removed at the next start with the other half files (its name ends
  '.sqlite.part').

A wrong passphrase or a damaged or cut-short file is told in Swedish and changes nothing.
"""

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register.backup import (
    REASON_LABELS,
    BackupSummary,
    backups_folder,
    check_destination,
    check_file_name,
)
from biv_desktop.store import backups_restore as store_restore
from biv_desktop.store import cipher
from biv_desktop.store.backup import STEP_PAGES, Progress, backup_bytes, write_encrypted
from biv_desktop.store.backups import parse_backup_name
from biv_desktop.store.database import APPLICATION_ID, SQLITE_HEADER, translate_os_error
from biv_desktop.store.errors import StoreError
from biv_desktop.store.sealed import SUFFIX, is_sealed, read_sealed, seal, write_private_file

__all__ = ["backup_sealed_to", "opened_backup"]


def backup_sealed_to(
    database: Path,
    destination: Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
    step_pages: int = STEP_PAGES,
) -> Path:
    """Write a checked backup of the register ``database``, sealed with ``passphrase``, to ``destination``.

    An existing file there is replaced only when it is a sealed backup of ours that this passphrase opens
    (an earlier one on the same stick), and only once the new file is whole; any other file is left alone
    with a ValidationError, and so is the register itself.
    """
    check_file_name(destination)
    destination = destination.expanduser().absolute()
    database = database.expanduser().absolute()
    try:
        check_destination(database, destination)
        if destination.exists():
            _check_replaceable(destination, passphrase)
        sealed = seal(backup_bytes(database, progress=progress, step_pages=step_pages), passphrase)
        destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_file(destination, sealed)
    except OSError as error:
        raise translate_os_error(error, destination) from error
    return destination


def _is_our_register(data: bytes) -> bool:
    # The SQLite header and, at byte 68, the application id that marks the file as ours.
    return data.startswith(SQLITE_HEADER) and data[68:72] == APPLICATION_ID.to_bytes(4, "big")


def _check_replaceable(destination: Path, passphrase: str) -> None:
    refused = ValidationError(
        "destination",
        f"Filen {destination} finns redan och är ingen krypterad säkerhetskopia från BIV Desktop som den "
        "här lösenfrasen öppnar. Välj ett annat filnamn; den befintliga filen lämnas orörd.",
    )
    if not is_sealed(destination):
        raise refused
    try:
        inside = read_sealed(destination, passphrase)
    except StoreError:
        raise refused from None
    if not _is_our_register(inside):
        raise refused


def _taken(chosen: Path) -> tuple[dt.datetime, str]:
    named = parse_backup_name(chosen.with_name(chosen.name.removesuffix(SUFFIX)))
    if named is not None:
        return named.taken_at, REASON_LABELS.get(named.reason, "")
    return dt.datetime.fromtimestamp(chosen.stat().st_mtime).replace(microsecond=0), ""


@contextmanager
def opened_backup(chosen: Path, passphrase: str, database: Path, backups: Path) -> Iterator[BackupSummary]:
    """The sealed backup ``chosen`` opened with ``passphrase`` and checked, to restore over the register
    ``database``: the summary's ``path`` is the private opened copy, ``file`` the chosen one. The copy is
    removed when the block ends, however it ends.

    Raises WrongPassphraseError, DamagedSealedFileError or what ``check_backup`` raises; nothing changes.
    """
    chosen = chosen.expanduser().absolute()
    inside = read_sealed(chosen, passphrase)
    folder = backups_folder(database, backups)
    opened = folder / f"{database.stem}-oppnad{os.getpid()}.sqlite.part"
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            key = cipher.key_for(database)
            if key is None:
                write_private_file(opened, inside)
            else:
                # An encrypted register's opened copy is written encrypted with its key, from memory.
                opened.unlink(missing_ok=True)
                write_encrypted(inside, opened, key)
        except OSError as error:
            raise translate_os_error(error, opened) from error
        store_restore.check_backup(opened, shown=chosen)
        taken_at, reason = _taken(chosen)
        yield BackupSummary(opened, taken_at, reason, chosen=chosen)
    finally:
        opened.unlink(missing_ok=True)
