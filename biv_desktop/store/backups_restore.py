"""Restoring a backup: check the file, back the register up (or move a damaged one aside), then replace it.

The copy is written into the register with SQLite's backup API in one transaction, so a failure, a
cancel or a crash leaves the register as it was; a damaged register (which nobody can have open) gets the
copy written beside it first and then swapped in, so it too is replaced whole or not at all.
"""

import datetime as dt
import os
import shutil
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from biv_desktop.store import cipher, encryption, identity, integrity, migrate
from biv_desktop.store.backup import (
    STEP_PAGES,
    Progress,
    backup_file,
    backup_name,
    failure_kind,
    full_or_read_only,
)
from biv_desktop.store.backups import BEFORE_RESTORE, DAMAGED, list_backups
from biv_desktop.store.database import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    create_private_file,
    is_special_file,
    probe,
    special_file_message,
)
from biv_desktop.store.errors import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    OtherRegisterError,
    PassphraseNeededError,
    ReadOnlyDatabaseError,
    StoreError,
)


@dataclass(frozen=True)
class CheckedBackup:
    """A file found fit to restore: ours, intact, and of a schema this program knows."""

    path: Path
    revision: str


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did besides replacing the register."""

    backup: CheckedBackup
    safety_backup: Path | None  # the register as it was just before, if it could be read
    set_aside: Path | None  # the damaged register, moved into the backups folder, if it was damaged


def check_backup(path: Path, shown: Path | None = None) -> CheckedBackup:
    """Check a file before it is restored: ours, intact and not newer than the program, or a StoreError.

    ``shown`` is the file the messages name, when ``path`` is an opened copy of it (a sealed backup).
    """
    named = shown or path
    if is_special_file(path):
        raise NotOurDatabaseError(special_file_message(path), path)
    if not path.is_file():
        raise StoreError(f"Säkerhetskopian {named} finns inte. Välj en annan fil.", path)
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ReadOnlyDatabaseError(
            f"Säkerhetskopian {named} går inte att läsa. Kontrollera behörigheterna eller välj en annan fil.",
            path,
        ) from error
    not_ours = NotOurDatabaseError(
        f"Filen {named} är ingen säkerhetskopia av en BIV Desktop-databas. Välj en annan fil; den här lämnas "
        "orörd.",
        path,
    )
    stop = cipher.what_stops_opening(path, header)
    if stop == "passphrase":
        raise PassphraseNeededError(
            f"Säkerhetskopian {named} är krypterad med en lösenfras som programmet inte känner till nu "
            "(den gjordes av ett krypterat register). Öppna det registret med sin lösenfras först; "
            "ingenting har ändrats.",
            path,
        )
    if stop == "not sqlite":
        raise not_ours
    immutable = not path.with_name(f"{path.name}-wal").exists()
    try:
        with closing(cipher.connect(path, read_only=True, immutable=immutable)) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            has_revision = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            if application_id != APPLICATION_ID or not has_revision:
                raise not_ours
            found = integrity.problems(connection)
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.DatabaseError as error:
        raise _damaged_backup(named) from error
    if found or row is None:
        raise _damaged_backup(named)
    revision = str(row[0])
    if revision not in migrate.known_revisions():
        raise NewerDatabaseError(
            f"Säkerhetskopian {named} kommer från en nyare version av BIV Desktop. Uppdatera programmet för "
            "att återställa den; ingenting har ändrats.",
            path,
        )
    return CheckedBackup(path, revision)


def _damaged_backup(path: Path) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"Säkerhetskopian {path} är skadad och kan inte återställas. Välj en annan säkerhetskopia; "
        "ingenting har ändrats.",
        path,
    )


def newest_good_backup(folder: Path, database: Path) -> CheckedBackup | None:
    """The newest backup of ``database`` in ``folder`` that passes ``check_backup`` and is of this very
    register (its id inside says so, wherever the file lies), if any."""
    own = identity.register_id_for(folder, database)
    for backup in list_backups(folder, database):
        if backup.reason == DAMAGED or identity.read_register_id(backup.path) != own:
            continue
        try:
            return check_backup(backup.path)
        except StoreError:
            continue
    return None


def other_register(backup: Path, target: Path, folder: Path) -> OtherRegisterError | None:
    """Why restoring ``backup`` over ``target`` needs the user's yes (it is another register's), or None.

    Nothing is asked when ``target`` is missing or empty: nothing would be replaced.
    """
    target = Path(os.path.realpath(target.absolute()))
    if not target.exists() or target.stat().st_size == 0:
        return None
    own = identity.register_id_for(folder, target)
    theirs = identity.read_register_id(backup)
    if theirs == own:
        return None
    register = identity.register_facts(folder, target, own)
    copy = identity.register_facts(folder, backup, theirs)
    if theirs is None:
        why = (
            f"Säkerhetskopian {backup} säger inte vilket register den är av (den gjordes av en äldre version "
            f"av BIV Desktop), så det går inte att se att den är en kopia av databasen {target}."
        )
    else:
        why = f"Säkerhetskopian {backup} är inte en kopia av databasen {target} utan av ett annat register."
    return OtherRegisterError(
        f"{why} Databasen nu: {register.describe()}. Säkerhetskopian: {copy.describe()}. Att återställa den "
        "ersätter hela databasen med säkerhetskopians uppgifter.",
        backup,
        register.describe(),
        copy.describe(),
    )


def restore_backup(
    backup: Path,
    target: Path,
    folder: Path,
    *,
    progress: Progress | None = None,
    step_pages: int = STEP_PAGES,
    now: dt.datetime | None = None,
    other_register_confirmed: bool = False,
) -> RestoreResult:
    """Replace the register ``target`` with the copy in ``backup``, after checking it and backing up.

    The target is first backed up into ``folder`` (a damaged one is moved there instead); then the copy
    is written into it with SQLite's backup API in one transaction, so a failure or a crash leaves the
    register as it was. The caller holds the register's lock and has closed its own connections.
    ``progress`` is told (done, 1000) over both steps. A backup of another register raises
    OtherRegisterError (naming both) unless ``other_register_confirmed``; either way the register keeps
    its own id, so its backups stay its own.
    """
    checked = check_backup(backup)
    # The real file: a damaged register reached through a symbolic link is replaced, not the link.
    target = Path(os.path.realpath(target.absolute()))
    if target.exists() and backup.exists() and target.samefile(backup):
        raise StoreError(f"Säkerhetskopian {backup} är själva databasen. Välj en annan fil.", backup)
    damaged = False
    if target.exists() and target.stat().st_size > 0:
        try:
            probe(target)  # another program's file is refused here; a damaged register may be replaced
        except DamagedDatabaseError:
            damaged = True
    foreign = other_register(checked.path, target, folder)
    if foreign is not None and not other_register_confirmed:
        raise foreign
    result = _restore(checked, target, folder, progress, step_pages, now, damaged)
    _keep_identity(checked.path, target, folder, foreign is not None)
    return result


def _keep_identity(backup: Path, target: Path, folder: Path, replaced_other: bool) -> None:
    """After a restore: the register keeps its own id; a new file takes the backup's (a register moved),
    unless that register still exists here, when it gets a new one (a copy)."""
    if replaced_other or identity.known_id(folder, target) is not None:
        own = identity.known_id(folder, target) or identity.new_register_id()
    else:
        theirs = identity.read_register_id(backup)
        moved = theirs is not None and not identity.claimed_elsewhere(folder, target, theirs)
        own = theirs if moved and theirs is not None else identity.new_register_id()
    identity.write_register_id(target, own)
    identity.remember(folder, target, own)


def _restore(
    checked: CheckedBackup,
    target: Path,
    folder: Path,
    progress: Progress | None,
    step_pages: int,
    now: dt.datetime | None,
    damaged: bool,
) -> RestoreResult:
    """The restore itself, once ``target`` has been probed (``damaged``: the probe found it damaged)."""
    safety: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        if not damaged:
            try:
                safety = backup_file(
                    target,
                    identity.register_folder(folder, target) / backup_name(target, BEFORE_RESTORE, now),
                    progress=_scaled(progress, 0, 500),
                    step_pages=step_pages,
                )
            except DamagedDatabaseError:
                damaged = True  # found so while copying it
        if damaged:
            # Damaged where the opening check does not look, or found so while copying it: a good
            # backup must still be able to replace it, so the damaged file is moved aside whole instead.
            return RestoreResult(
                checked, None, _replace_damaged(checked.path, target, folder, progress, step_pages, now)
            )
        _copy_into(checked.path, target, _scaled(progress, 500, 1000), step_pages, cipher.key_for(target))
    else:
        if not target.exists():
            try:
                create_private_file(target)
            except OSError as error:
                raise _restore_failed(error, target) from error
        _copy_into(checked.path, target, _scaled(progress, 0, 1000), step_pages, cipher.key_for(target))
    return RestoreResult(checked, safety, None)


def _scaled(progress: Progress | None, start: int, end: int) -> Progress | None:
    if progress is None:
        return None
    report = progress

    def scaled(done: int, total: int) -> None:
        report(start + (end - start) * done // max(total, 1), 1000)

    return scaled


def _replace_damaged(
    backup: Path,
    target: Path,
    folder: Path,
    progress: Progress | None,
    step_pages: int,
    now: dt.datetime | None,
) -> Path:
    """Write the backup beside a damaged register, then move the damaged one (and its -wal) into the backups
    folder and put the copy in its place; returns where the damaged register went. Nobody has it open."""
    fresh = target.with_name(target.name + ".aterstalls")
    name = backup_name(target, DAMAGED, now)
    folder = identity.register_folder(folder, target)
    try:
        fresh.unlink(missing_ok=True)
        create_private_file(fresh)
        _copy_into(backup, fresh, _scaled(progress, 0, 1000), step_pages, cipher.key_for(target))
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for suffix in ("-wal", ""):
            source = target.with_name(target.name + suffix)
            if source.exists():
                shutil.move(source, folder / (name + suffix))
        target.with_name(target.name + "-shm").unlink(missing_ok=True)
        os.replace(fresh, target)
    except BaseException as error:
        with suppress(OSError):
            for end in ("", "-journal", "-wal", "-shm"):
                fresh.with_name(fresh.name + end).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _restore_failed(error, target) from error
        raise
    return folder / name


def _copy_into(
    backup: Path, target: Path, progress: Progress | None, step_pages: int, key: str | None = None
) -> None:
    """Copy the backup's pages into ``target`` in one transaction; ``target`` is (or becomes) encrypted
    with ``key`` (the register's, when it is encrypted: a restore keeps the register as it was)."""
    source_key = cipher.key_for(backup)
    if source_key != key:
        # The pages of a plain file cannot be copied into an encrypted one, nor the other way round, nor
        # between two keys: the backup is first rewritten in the register's form beside it.
        staged = target.with_name(target.name + ".aterstalls-om")
        try:
            encryption.overwrite_and_remove(staged)
            create_private_file(staged)
            _copy_pages_into(backup, staged, None, step_pages, source_key)
            if source_key is not None:
                cipher.remember(staged, source_key)
            encryption.convert(staged, key)
            _copy_pages_into(staged, target, progress, step_pages, key)
        finally:
            with suppress(OSError):
                encryption.overwrite_and_remove(staged)
            cipher.forget(staged)
        return
    _copy_pages_into(backup, target, progress, step_pages, key)


def _copy_pages_into(
    backup: Path, target: Path, progress: Progress | None, step_pages: int, key: str | None
) -> None:
    immutable = not backup.with_name(f"{backup.name}-wal").exists()
    try:
        with (
            closing(cipher.connect(backup, read_only=True, immutable=immutable, isolation_level=None)) as src,
            closing(cipher.connect(target, key=key, like=src, isolation_level=None)) as dst,
        ):
            dst.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # SQLite cannot change the page size of a database in WAL mode; leave WAL for the copy then.
            switched = dst.execute("PRAGMA journal_mode").fetchone()[0] == "wal" and (
                dst.execute("PRAGMA page_size").fetchone()[0] != src.execute("PRAGMA page_size").fetchone()[0]
            )
            if switched:
                dst.execute("PRAGMA journal_mode = DELETE")
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if progress is None:
                src.backup(dst)
            else:
                report = progress
                src.backup(
                    dst,
                    pages=max(1, step_pages),
                    progress=lambda _status, remaining, total: report(total - remaining, total),
                    sleep=0,
                )
            src.execute("COMMIT")
            if switched:
                dst.execute("PRAGMA journal_mode = WAL")
            found = integrity.integrity_problems(dst)
    except cipher.FileOrDatabaseError as error:
        raise _restore_failed(error, target) from error
    if found:
        raise DamagedDatabaseError(
            f"Databasen {target} blev inte hel efter återställningen. Försök igen med en annan säkerhetskopia.",
            target,
        )


def _restore_failed(error: BaseException, target: Path) -> StoreError:
    """The Swedish sentence for a restore that could not be written; the register is as it was."""
    refused = full_or_read_only(
        failure_kind(error),
        target,
        full=f"Disken är full, så säkerhetskopian kunde inte återställas till {target}. Databasen är som den "
        "var. Frigör utrymme och försök igen.",
        read_only=f"Databasen {target} eller dess mapp är skrivskyddad, så säkerhetskopian kunde inte "
        "återställas. Ändra behörigheterna eller välj en annan fil.",
    )
    if refused is not None:
        return refused
    if "locked" in str(error).lower() or "busy" in str(error).lower():
        return StoreError(
            f"Databasen {target} används av ett annat program, så säkerhetskopian kunde inte återställas. "
            "Stäng det andra programmet och försök igen; databasen är som den var.",
            target,
        )
    return StoreError(
        f"Säkerhetskopian kunde inte återställas till {target}; databasen är som den var. Försök igen eller "
        "välj en annan säkerhetskopia.",
        target,
    )
