"""Demo data from the command line: a new file with a Swedish summary, and the window's demo mode."""

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from biv_desktop.cli import main


def test_demo_data_writes_a_database_and_sums_it_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ny mapp" / "demo.sqlite"
    assert main(["demo-data", str(path), "--years", "1", "--seed", "7"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Demodatabasen {path} är skriven med påhittade uppgifter (1 år, frö 7).\n")
    assert "Grupper: " in out
    assert "Deltagare: " in out
    assert main(["groups", "--database", str(path), "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    summary_groups = int(next(line for line in out.splitlines() if line.startswith("Grupper: ")).split()[-1])
    assert len(groups) == summary_groups > 0


def test_demo_data_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "register.sqlite"
    existing.write_bytes(b"viktiga uppgifter")
    assert main(["demo-data", str(existing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "finns redan" in captured.err
    assert "Traceback" not in captured.err
    assert existing.read_bytes() == b"viktiga uppgifter"


def test_demo_data_under_a_file_instead_of_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "anteckningar.txt"
    notes.write_text("inte en mapp\n", encoding="utf-8")
    assert main(["demo-data", str(notes / "demo.sqlite")]) == 1
    assert capsys.readouterr().err == (
        f"{notes} är en fil, inte en mapp. Välj en plats i en mapp där du får skriva.\n"
    )
    assert notes.read_text(encoding="utf-8") == "inte en mapp\n"


def test_demo_data_in_a_folder_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions do not stop root (CI runs as root), so the writer fails the way the operating system would.
    import biv_desktop.demo

    target = tmp_path / "låst" / "demo.sqlite"

    def refuse(path: Path, **_options: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(biv_desktop.demo, "write_demo_database", refuse)
    assert main(["demo-data", str(target)]) == 1
    assert capsys.readouterr().err == f"Det gick inte att använda {target}: du saknar behörighet där.\n"


def test_demo_opens_the_window_on_fresh_demo_data_and_removes_it(fake_window: list[Any]) -> None:
    assert main(["--demo"]) == 0
    [call] = fake_window
    assert call.demo is True
    assert call.groups is not None and call.groups > 0
    # The private temporary folder is gone once the window has closed.
    assert not call.path.exists()
    assert not call.path.parent.exists()
