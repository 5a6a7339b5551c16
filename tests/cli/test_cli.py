"""The command line as a user meets it: version, listing groups, and errors told in one Swedish sentence."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from biv_desktop import __version__
from biv_desktop.cli import main
from biv_desktop.paths import default_database


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"biv-desktop {__version__}\n"
    assert __version__ == "0.1.0"


def test_help_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: biv-desktop")
    assert "visa den här hjälpen och avsluta" in out
    assert "demo-data" in out
    assert "groups" in out


def test_groups_lists_one_group_a_line_newest_first(
    register_with_groups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["groups", "--database", str(register_with_groups)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:2] == ["2027-01-18", "Planerad"]
    assert "Föräldrar på arabiska" in lines[0]
    assert lines[0].endswith("0/8")
    assert lines[1].split()[:2] == ["2026-09-07", "Pågår"]
    assert "Somaliska 10–12 år" in lines[1]
    # The child who left no longer takes a place.
    assert lines[1].endswith("3/6")


def test_groups_json_carries_every_field(
    register_with_groups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["groups", "--database", str(register_with_groups), "--json"]) == 0
    out = capsys.readouterr().out
    assert "Föräldrar på arabiska" in out  # not escaped to \u00f6
    groups = json.loads(out)
    assert [group["name"] for group in groups] == ["Föräldrar på arabiska", "Somaliska 10–12 år"]
    running = groups[1]
    assert running["programme"] == "biv"
    assert running["kind"] == "children"
    assert running["language"] == "somaliska"
    assert running["premises"] == "Rydsgården"
    assert running["start_date"] == "2026-09-07"
    assert running["weekday"] == 0
    assert (running["start_time"], running["end_time"]) == ("15:30", "17:30")
    assert running["status"] == "running"
    assert running["leaders"] == ["Tova Exempelsson", "Måns Påhittad"]
    assert running["interpreter"] == "Ayaan Testdotter"
    assert (running["participants"], running["capacity"]) == (3, 6)
    assert isinstance(running["id"], int)
    assert len(running["uuid"]) == 36
    planned = groups[0]
    assert planned["leaders"] == ["Tova Exempelsson"]
    assert planned["interpreter"] is None
    assert (planned["participants"], planned["capacity"]) == (0, 8)


def test_groups_on_an_empty_register_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from biv_desktop.store.register import open_register

    path = tmp_path / "tom.sqlite"
    open_register(path, tmp_path / "backups").close()
    assert main(["groups", "--database", str(path)]) == 0
    assert capsys.readouterr().out == "Det finns inga grupper.\n"
    assert main(["groups", "--database", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_database_given_before_the_command_is_used(
    register_with_groups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", str(register_with_groups), "groups"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_missing_database_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "saknas.sqlite"
    assert main(["groups", "--database", str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"Databasen {missing} finns inte.\n"
    assert not missing.exists()


def test_missing_default_database_is_not_created(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["groups"]) == 1
    assert capsys.readouterr().err == f"Databasen {default_database()} finns inte.\n"
    assert not default_database().exists()


def test_text_file_as_database_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "anteckningar.txt"
    notes.write_text("Inköpslista: kritor, lera, papper\n", encoding="utf-8")
    before = notes.read_bytes()
    assert main(["groups", "--database", str(notes)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "ingen BIV Desktop-databas" in captured.err
    assert "Traceback" not in captured.err
    assert notes.read_bytes() == before
    # No journal or lock files left beside it either (user/ is the test's private data folder).
    assert {path.name for path in tmp_path.iterdir()} - {"user"} == {"anteckningar.txt"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--demo", "--database", "x.sqlite"], "går inte att kombinera med"),
        (["--demo", "groups"], "--demo gäller bara när programfönstret öppnas"),
        (["demo-data", "x.sqlite", "--years", "0"], "antalet år ska vara mellan 1 och 30"),
        (["demo-data", "x.sqlite", "--years", "31"], "antalet år ska vara mellan 1 och 30"),
        (["demo-data", "x.sqlite", "--years", "tre"], "antalet år ska vara ett heltal"),
        (["demo-data"], "följande argument saknas: FIL"),
        (["rapport"], "ogiltigt val 'rapport'"),
        (["groups", "--okänd"], "okända argument: --okänd"),
    ],
)
def test_usage_errors_exit_2_in_swedish(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "användning: biv-desktop" in err
    assert message in err
    assert not (tmp_path / "x.sqlite").exists()


def test_no_command_opens_the_window_on_the_users_own_database(fake_window: list[Any]) -> None:
    assert main([]) == 0
    assert [(call.path, call.demo) for call in fake_window] == [(default_database(), False)]


def test_database_option_opens_the_window_on_that_file(
    register_with_groups: Path, fake_window: list[Any]
) -> None:
    assert main(["--database", str(register_with_groups)]) == 0
    assert [(call.path, call.demo, call.groups) for call in fake_window] == [(register_with_groups, False, 2)]


def test_python_m_prints_the_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "biv_desktop", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, f"biv-desktop {__version__}\n", "")


def test_headless_command_needs_no_qt_and_writes_utf8(tmp_path: Path, register_with_groups: Path) -> None:
    # A console that cannot show Swedish letters still gets UTF-8, and Qt is never loaded: no display needed.
    script = (
        "import sys\n"
        "from biv_desktop.cli import main\n"
        f"status = main(['groups', '--database', {str(register_with_groups)!r}])\n"
        "assert not [name for name in sys.modules if name.startswith('PySide6')], 'Qt was imported'\n"
        "sys.exit(status)\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONIOENCODING"] = "ascii"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=tmp_path, env=env, check=False
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "Föräldrar på arabiska" in result.stdout.decode("utf-8")


def test_the_real_window_takes_what_the_command_line_passes() -> None:
    import inspect

    from biv_desktop.ui.app import run

    parameters = inspect.signature(run).parameters
    assert list(parameters)[:2] == ["database_path", "demo"]
    assert parameters["demo"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["demo"].default is False
