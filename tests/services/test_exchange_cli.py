"""``biv-desktop export json`` and ``biv-desktop import json``: the whole register out and into a new one."""

import json
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from biv_desktop.cli import main
from biv_desktop.store.lock import open_locked_register
from biv_desktop.store.models import Family
from biv_desktop.store.register import open_register


@pytest.fixture
def register(tmp_path: Path) -> Path:
    """A closed register holding two fictional families."""
    path = tmp_path / "gammal dator.sqlite"
    database = open_register(path)
    with database.transaction() as session:
        session.add_all([Family(name="Familjen Påhittad"), Family(name="Familjen Exempelsson")])
    database.close()
    return path


def families(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM family ORDER BY id")]


def test_export_then_import_moves_the_register_to_a_new_file(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "usb" / "allt.json"
    exported.parent.mkdir()
    assert main(["export", "json", "--unencrypted", "--database", str(register), "--out", str(exported)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Hela databasen är exporterad till {exported}: ")
    assert "personuppgifter" in out
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "biv-desktop"

    new = tmp_path / "ny dator" / "biv-register.sqlite"
    assert main(["import", "json", str(exported), "--database", str(new)]) == 0
    assert capsys.readouterr().out.endswith(f"rader är importerade från {exported} till databasen {new}.\n")
    assert families(new) == ["Familjen Påhittad", "Familjen Exempelsson"]


def test_export_runs_beside_an_open_window(register: Path, tmp_path: Path) -> None:
    window = open_locked_register(register)
    try:
        assert (
            main(
                [
                    "export",
                    "json",
                    "--unencrypted",
                    "--database",
                    str(register),
                    "--out",
                    str(tmp_path / "allt.json"),
                ]
            )
            == 0
        )
    finally:
        window.close()


def test_import_into_a_register_with_data_is_refused(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "allt.json"
    main(["export", "json", "--unencrypted", "--database", str(register), "--out", str(exported)])
    capsys.readouterr()
    assert main(["import", "json", str(exported), "--database", str(register)]) == 1
    assert "innehåller redan uppgifter, så ingenting har importerats" in capsys.readouterr().err
    assert families(register) == ["Familjen Påhittad", "Familjen Exempelsson"]


def test_a_failed_import_leaves_no_new_register_behind(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "allt.json"
    main(["export", "json", "--unencrypted", "--database", str(register), "--out", str(exported)])
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["tables"]["family"][1]["name"] = None
    exported.write_text(json.dumps(document), encoding="utf-8")
    new = tmp_path / "ny.sqlite"
    capsys.readouterr()

    assert main(["import", "json", str(exported), "--database", str(new)]) == 1

    assert capsys.readouterr().err == (
        "Filen kan inte importeras: rad 2 i tabellen family saknar ett värde i fältet name.\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["allt.json", "gammal dator.sqlite", "user"]


def test_import_is_refused_while_the_window_has_the_register_open(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "allt.json"
    main(["export", "json", "--unencrypted", "--database", str(register), "--out", str(exported)])
    empty = tmp_path / "tom.sqlite"
    window = open_locked_register(empty)
    try:
        assert main(["import", "json", str(exported), "--database", str(empty)]) == 1
    finally:
        window.close()
    assert f"BIV Desktop har redan databasen {empty} öppen" in capsys.readouterr().err


def test_the_help_lists_the_data_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for line in (
        "backup        spara en kontrollerad säkerhetskopia av databasen",
        "restore       återställ databasen från en säkerhetskopia",
        "export        exportera hela databasen",
        "import        importera en hel databas",
    ):
        assert line in out
