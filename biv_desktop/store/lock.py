"""One program per register: a lock file beside the database, held by the operating system.

The lock is ``<database>.lock``, locked with ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows
while the program holds an open handle to it. The operating system lets go of such a lock when the
process ends in any way, a crash or a kill included, so a lock left by a crash never blocks the next
start: the file may still be there, but nobody holds it. While held, the file says who holds it (user,
computer, process and since when), for the message a second start shows.

A lock only keeps programs apart when every one of them can see it: a register in a network folder or
in a folder a cloud service synchronises can be changed from elsewhere (and a sync client copies the
file while it is open), so ``shared_folder_kind`` below tells such places apart for a warning.

The window and the command line's writing commands (restore, import) take the lock; reading commands
(backup, export) do not need to, since SQLite keeps their reads consistent beside a writer.
"""

import datetime as dt
import errno
import getpass
import json
import os
import re
import socket
import sys
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath

from biv_desktop.store.database import Database, is_writable, translate_os_error
from biv_desktop.store.errors import ReadOnlyDatabaseError, StoreError
from biv_desktop.store.register import open_register

# Windows locks byte ranges, and a locked byte cannot even be read: lock one far past the holder's text.
_WINDOWS_LOCK_OFFSET = 1 << 20


class RegisterInUseError(StoreError):
    """The register is already open in another BIV Desktop (or held by a writing command)."""

    def __init__(self, message: str, path: Path, holder: "LockHolder | None") -> None:
        super().__init__(message, path)
        self.holder = holder


@dataclass(frozen=True)
class LockHolder:
    """Who holds a register's lock, as written into the lock file."""

    user: str
    host: str
    pid: int
    since: dt.datetime

    def describe(self) -> str:
        """Swedish: 'av anna på datorn KANSLI-07 sedan 2026-03-31 kl. 08.15, process 4711'."""
        return (
            f"av {self.user} på datorn {self.host} sedan {self.since:%Y-%m-%d} kl. "
            f"{self.since:%H.%M}, process {self.pid}"
        )


def lock_path(database: Path) -> Path:
    """The lock file beside the real file: a symbolic link to a register shares its lock."""
    real = Path(os.path.realpath(database.expanduser().absolute()))
    return real.with_name(real.name + ".lock")


def identity_lock_path(database: Path) -> Path | None:
    """A second lock, named by the file's device and inode, for hard links (one file, several names).

    It lives in the user's own data folder, since two names of one file can be in any two folders of
    the disk; None while the register does not exist yet (no link to it can exist either).
    """
    try:
        status = os.stat(database)
    except OSError:
        return None
    from biv_desktop.paths import data_dir

    return data_dir() / "locks" / f"{status.st_dev}-{status.st_ino}.lock"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "okänd användare"


def _read_holder(fd: int) -> LockHolder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8"))
        return LockHolder(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=dt.datetime.fromisoformat(str(data["since"])),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # written by a holder that had only just started, or not at all


def _try_lock(fd: int) -> bool:
    """Take the lock on ``fd`` without waiting; False if someone else holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_the_lock_file(fd: int, path: Path) -> bool:
    # A holder that let go removes the file; one who locked that removed file must try again on a new one.
    if sys.platform == "win32":
        return True  # an open file cannot be removed there
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


def in_use_message(database: Path, holder: LockHolder | None) -> str:
    who = f" ({holder.describe()})" if holder is not None else ""
    return (
        f"BIV Desktop har redan databasen {database} öppen{who}. Använd det fönstret i stället; två program "
        "får inte skriva i samma databas samtidigt. Om programmet precis stängdes, försök igen om en stund."
    )


class RegisterLock:
    """A held lock on one register; ``release`` (or the process ending) lets it go."""

    def __init__(
        self, database: Path, fd: int, holder: LockHolder, identity: "tuple[Path, int] | None" = None
    ) -> None:
        self.database = database
        self.path = lock_path(database)
        self.holder = holder
        self._fd: int | None = fd
        self._identity = identity  # the hard-link lock: its file and handle

    @classmethod
    def acquire(cls, database: Path) -> "RegisterLock":
        """Take the lock on ``database`` or raise RegisterInUseError naming who holds it.

        Two locks are taken: the lock file beside the real file (whatever symbolic link led there) and,
        for a file that exists, one named by its inode (whatever hard link led there).
        """
        database = database.expanduser().absolute()
        holder = LockHolder(
            _user(), socket.gethostname(), os.getpid(), dt.datetime.now().replace(microsecond=0)
        )
        fd = _take(lock_path(database), database, holder)
        identity_path = identity_lock_path(database)
        if identity_path is None:
            return cls(database, fd, holder)
        try:
            identity_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            identity_fd = _take(identity_path, database, holder)
        except BaseException:
            _let_go(lock_path(database), fd)
            raise
        return cls(database, fd, holder, (identity_path, identity_fd))

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let the lock go and remove the lock file (again and again is harmless)."""
        fd, self._fd = self._fd, None
        identity, self._identity = self._identity, None
        if identity is not None:
            _let_go(*identity)
        if fd is not None:
            _let_go(self.path, fd)


def _take(path: Path, database: Path, holder: LockHolder) -> int:
    """Lock the file ``path`` (made if missing) and write the holder into it; its handle."""
    for _attempt in range(5):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            other = _read_holder(fd)
            os.close(fd)
            raise RegisterInUseError(in_use_message(database, other), database, other)
        if _still_the_lock_file(fd, path):
            break
        os.close(fd)
    else:
        raise RegisterInUseError(in_use_message(database, None), database, None)
    try:
        _write_holder(fd, holder)
    except BaseException:
        _unlock(fd)
        os.close(fd)
        raise
    return fd


def _let_go(path: Path, fd: int) -> None:
    # Removed while still held, so nobody can lock this file between our letting go and its removal.
    if sys.platform != "win32":
        with suppress(OSError):
            path.unlink()
    with suppress(OSError):
        _unlock(fd)
    os.close(fd)
    if sys.platform == "win32":
        with suppress(OSError):
            path.unlink()


def _write_holder(fd: int, holder: LockHolder) -> None:
    text = json.dumps(
        {"user": holder.user, "host": holder.host, "pid": holder.pid, "since": holder.since.isoformat()},
        ensure_ascii=False,
    ).encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, text)
    os.fsync(fd)


class LockedDatabase(Database):
    """An open register whose lock is let go when it is closed."""

    def __init__(self, database: Database, lock: RegisterLock) -> None:
        super().__init__(database.path, database.engine)
        self.lock = lock

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.lock.release()


def open_locked_register(path: Path, backups: Path | None = None) -> LockedDatabase:
    """Take the register's lock, then open it as ``open_register`` does; the lock goes with ``close()``.

    Raises RegisterInUseError if another program holds it, or the StoreError ``open_register`` raises.
    """
    path = path.expanduser().absolute()
    if path.parent.is_dir() and not is_writable(path.parent):
        # No lock file is made in a read-only folder; open_register refuses it with its own sentence.
        open_register(path, backups).close()
        raise ReadOnlyDatabaseError(
            f"Mappen {path.parent} är skrivskyddad. Välj en mapp där du får skriva.", path
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # as open_register would for a new file
        lock = RegisterLock.acquire(path)
    except OSError as error:
        raise translate_os_error(error, path) from error
    try:
        database = open_register(path, backups)
    except BaseException:
        lock.release()
        raise
    return LockedDatabase(database, lock)


class SharedFolder(StrEnum):
    """A place where others may change the register behind the lock's back."""

    CLOUD = "cloud"  # a folder a sync client copies (OneDrive, Dropbox, Google Drive, iCloud)
    NETWORK = "network"  # a network file system or a Windows network share


# Folder names (lower case, as a name's beginning) that the sync clients create, on every platform.
CLOUD_FOLDER_PREFIXES = (
    "onedrive",  # "OneDrive", "OneDrive - Organisation", macOS CloudStorage's "OneDrive-Personal"
    "dropbox",
    "google drive",
    "googledrive",  # macOS CloudStorage's "GoogleDrive-user@example.org"
    "my drive",  # Google Drive for desktop's virtual drive
    "min enhet",  # the same in Swedish
    "icloud drive",
    "iclouddrive",
    "mobile documents",  # macOS iCloud's ~/Library/Mobile Documents
    "com~apple~clouddocs",
)
CLOUD_FOLDER_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ncpfs", "9p", "ceph", "glusterfs", "lustre", "gpfs",
     "davfs", "fuse.sshfs", "fuse.davfs2", "fuse.rclone", "fuse.glusterfs", "fuse.s3fs"}
)  # fmt: skip


def _mount_points(mounts: str) -> list[tuple[str, str]]:
    """(mount point, file system type) from text laid out as /proc/mounts."""
    found = []
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            # /proc/mounts writes a space in a folder's name as \040 (and a tab, newline or backslash alike).
            point = re.sub(r"\\([0-7]{3})", lambda match: chr(int(match[1], 8)), fields[1])
            found.append((point, fields[2]))
    return found


def _file_system_type(path: PurePath, mounts: str) -> str | None:
    best: tuple[int, str] | None = None
    for point, fs_type in _mount_points(mounts):
        mount = PurePath(point)
        if (path == mount or mount in path.parents) and (best is None or len(mount.parts) > best[0]):
            best = (len(mount.parts), fs_type)
    return best[1] if best else None


def _windows_network_drive(path: PurePath) -> bool:
    if sys.platform == "win32":
        import ctypes

        drive_remote = 4
        if path.drive and not path.drive.startswith("\\\\"):
            return bool(ctypes.windll.kernel32.GetDriveTypeW(path.drive + "\\") == drive_remote)
    return False


def shared_folder_kind(
    path: PurePath, *, mounts: str | None = None, environ: Mapping[str, str] | None = None
) -> SharedFolder | None:
    """Whether ``path`` lies in a cloud-synchronised folder or on a network file system, or neither.

    ``mounts`` is the text of /proc/mounts (read from the system on Linux when None) and ``environ`` the
    environment (for OneDrive's folder variables); both are given by tests.
    """
    environ = os.environ if environ is None else environ
    if isinstance(path, Path):
        path = path.expanduser().resolve()
    names = [part.casefold() for part in path.parts]
    if any(name.startswith(CLOUD_FOLDER_PREFIXES) for name in names):
        return SharedFolder.CLOUD
    for variable in CLOUD_FOLDER_VARIABLES:
        folder = environ.get(variable)
        if folder and type(path)(folder) in (path, *path.parents):
            return SharedFolder.CLOUD
    text = str(path)
    if text.startswith(("\\\\", "//")) or _windows_network_drive(path):
        return SharedFolder.NETWORK
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            mounts = ""
    fs_type = _file_system_type(path, mounts)
    if fs_type is not None and fs_type.casefold() in NETWORK_FILE_SYSTEMS:
        return SharedFolder.NETWORK
    return None
