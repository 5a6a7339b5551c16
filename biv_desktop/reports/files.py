"""Writing a printout so that the real file name only ever holds a whole file.

The PDF is written to a private temporary file beside the real one, forced to disk, and renamed over the
real name only when complete: a full disk, a crash or a bug mid-way never leaves a broken file under the
real name, and an older file of the same name stays as it was until the new one is whole.
"""

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from biv_desktop.reports.errors import ReportWriteError

TEMPORARY_SUFFIX = ".part"


def _message(error: OSError, path: Path) -> str:
    name, folder = path.name, path.parent
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"Disken är full, så {name} kunde inte sparas. Frigör utrymme eller spara i en annan mapp."
    if code == errno.EROFS:
        return f"Mappen {folder} är skrivskyddad, så {name} kunde inte sparas. Välj en annan mapp."
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"{name} kunde inte sparas i mappen {folder}: du saknar behörighet där, eller så är filen "
            "öppen i ett annat program. Stäng filen eller välj en annan mapp."
        )
    if code in (errno.ENOENT, errno.ENOTDIR):
        return f"Mappen {folder} finns inte, så {name} kunde inte sparas. Välj en annan mapp."
    if code == errno.EISDIR:
        return f"Det finns redan en mapp som heter {name}. Välj ett annat filnamn."
    if code == errno.ENAMETOOLONG:
        return f"Filnamnet {name} är för långt. Välj ett kortare namn."
    reason = errno.errorcode.get(code, "okänt fel") if code is not None else "okänt fel"
    return f"{name} kunde inte sparas ({reason}). Försök igen eller välj en annan mapp."


def write_error(error: OSError, path: Path) -> ReportWriteError:
    """The Swedish explanation of why a file could not be written, as the error to raise."""
    return ReportWriteError(_message(error, path), path)


def _remove_quietly(path: Path) -> None:
    # Cleaning up must not hide the error that made the write fail.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    # On POSIX the rename itself is only durable once the folder is synced; Windows cannot open folders.
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_pdf_atomically(path: Path, build: Callable[[BinaryIO], None]) -> Path:
    """Write what build puts into the stream to path, readable by the user alone, whole or not at all.

    Raises ReportWriteError with a Swedish message when the file cannot be written; any other error from
    build is passed on unchanged. Either way no temporary file is left behind.
    """
    path = Path(path).absolute()
    folder = path.parent
    try:
        # mkstemp creates the file readable and writable by its owner alone (0600).
        descriptor, temporary_name = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX
        )
    except OSError as error:
        raise write_error(error, path) from error
    temporary = Path(temporary_name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            build(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise write_error(error, path) from error
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(folder)
    return path
