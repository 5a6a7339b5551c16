"""Writing printouts safely: whole files under the real name, private to the user, and a Swedish sentence
instead of a traceback when the disk is full or the folder cannot be written."""

import datetime as dt
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

import pytest
from pypdf import PdfReader

from biv_desktop.reports import ReportWriteError
from biv_desktop.reports.document import Printout
from biv_desktop.reports.drawing import ScriptText
from biv_desktop.reports.files import write_pdf_atomically

OLD_CONTENT = b"%PDF-1.4 the list printed last week"


def leftovers(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".part"))


def write_pdf_bytes(stream: BinaryIO) -> None:
    stream.write(b"%PDF-1.4 a whole new list")


def test_a_complete_file_lands_under_the_real_name(tmp_path: Path) -> None:
    target = tmp_path / "närvarolista.pdf"
    assert write_pdf_atomically(target, write_pdf_bytes) == target
    assert target.read_bytes() == b"%PDF-1.4 a whole new list"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_the_file_is_readable_by_the_user_alone(tmp_path: Path) -> None:
    target = tmp_path / "närvarolista.pdf"
    target.write_bytes(OLD_CONTENT)
    target.chmod(0o644)
    write_pdf_atomically(target, write_pdf_bytes)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failing_build_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "närvarolista.pdf"

    def broken(stream: BinaryIO) -> None:
        stream.write(b"%PDF-1.4 half a list")
        raise RuntimeError("layout failed")

    with pytest.raises(RuntimeError, match="layout failed"):
        write_pdf_atomically(target, broken)
    assert list(tmp_path.iterdir()) == []


def test_a_failing_build_keeps_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "närvarolista.pdf"
    target.write_bytes(OLD_CONTENT)

    def broken(stream: BinaryIO) -> None:
        stream.write(b"%PDF-1.4 half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_pdf_atomically(target, broken)
    assert target.read_bytes() == OLD_CONTENT
    assert leftovers(tmp_path) == []


def test_a_full_disk_gives_a_swedish_message_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "närvarolista.pdf"
    target.write_bytes(OLD_CONTENT)

    def disk_fills_up(stream: BinaryIO) -> None:
        stream.write(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ReportWriteError) as raised:
        write_pdf_atomically(target, disk_fills_up)
    assert str(raised.value).startswith("Disken är full, så närvarolista.pdf kunde inte sparas.")
    assert raised.value.path == target
    assert target.read_bytes() == OLD_CONTENT
    assert leftovers(tmp_path) == []


def test_a_disk_full_while_forcing_to_disk_is_caught_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_room)
    with pytest.raises(ReportWriteError, match="Disken är full"):
        write_pdf_atomically(tmp_path / "lista.pdf", write_pdf_bytes)
    assert list(tmp_path.iterdir()) == []


def test_a_file_open_elsewhere_or_without_permission_gets_a_swedish_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "närvarolista.pdf"
    target.write_bytes(OLD_CONTENT)

    def refused(_source: object, _destination: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(ReportWriteError, match="du saknar behörighet där, eller så är filen öppen"):
        write_pdf_atomically(target, write_pdf_bytes)
    assert target.read_bytes() == OLD_CONTENT
    assert leftovers(tmp_path) == []


def test_a_read_only_folder_gets_a_swedish_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(**_options: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(ReportWriteError, match=r"är skrivskyddad, så lista\.pdf kunde inte sparas"):
        write_pdf_atomically(tmp_path / "lista.pdf", write_pdf_bytes)


def test_a_missing_folder_gets_a_swedish_message(tmp_path: Path) -> None:
    with pytest.raises(ReportWriteError, match="finns inte"):
        write_pdf_atomically(tmp_path / "borttagen" / "lista.pdf", write_pdf_bytes)


def test_a_printout_saves_as_a_readable_pdf(tmp_path: Path) -> None:
    target = tmp_path / "närvarolista.pdf"
    target.write_bytes(OLD_CONTENT)
    printout = Printout("Närvarolista", "Närvarolista", "Vårterminen 2024", dt.date(2024, 4, 8))
    printout.save(target, [ScriptText("Åsa Öberg-Ängström")])
    assert len(PdfReader(target).pages) == 1
    assert leftovers(tmp_path) == []
