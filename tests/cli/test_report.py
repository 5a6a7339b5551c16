"""``biv-desktop report``: the attendance sheets as PDF files from the command line, and one Swedish sentence
with exit status 1 (and no file) when an id, a number, a premises or a period is wrong."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from biv_desktop.cli import main
from biv_desktop.services.groups import list_groups
from biv_desktop.services.schedule import Way, cancel_session
from biv_desktop.store.register import open_register
from support import factories

FIRST_MONDAY = dt.date(2026, 9, 7)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture
def register_with_sessions(register_with_groups: Path) -> Path:
    """The command-line register, with fourteen Monday sessions for the running Somali group; session 3 is
    cancelled (its theme dropped)."""
    database = open_register(register_with_groups)
    try:
        group_id = next(row.id for row in list_groups(database) if row.name == "Somaliska 10–12 år")
        cancel_session(
            database, factories.session_ids(database, group_id)[3], way=Way.ONLY_THIS, override=True
        )
    finally:
        database.close()
    return register_with_groups


def group_ids(database: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[int, str]]:
    """Each group's id and uuid, as `biv-desktop groups --json` tells a user."""
    assert main(["groups", "--database", str(database), "--json"]) == 0
    return {group["name"]: (group["id"], group["uuid"]) for group in json.loads(capsys.readouterr().out)}


def report(database: Path, *args: str) -> int:
    return main(["report", *args, "--database", str(database)])


def test_session_sheet_is_written_with_the_session_and_its_children(
    register_with_sessions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    group_id, _uuid = group_ids(register_with_sessions, capsys)["Somaliska 10–12 år"]
    out = tmp_path / "träff.pdf"
    assert (
        report(
            register_with_sessions,
            "session-sheet",
            "--group",
            str(group_id),
            "--session",
            "6",
            "--out",
            str(out),
        )
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out == f"Närvarolistan för träff 6 i Somaliska 10–12 år (2026-10-12) är sparad i {out}.\n"
    assert captured.err == ""
    text = pdf_text(out)
    # Session 3 is cancelled: session 6 keeps its number, as the command line names it.
    for expected in (
        "Träff 6 av 14",
        "måndag 12 oktober 2026",
        "Tema nummer 6",
        "Tova Exempelsson",
        "Måns Påhittad",
        "Ayaan Testdotter",
        "Liban Påhittad",
        "Hodan Påhittad",
        "Warsame Påhittad",
    ):
        assert expected in text, expected
    assert "Sagal" not in text, "she left on 5 October"
    metadata = PdfReader(out).metadata
    assert metadata is not None and metadata.title == "Närvarolista"


def test_course_sheet_by_uuid_blank_or_filled(
    register_with_sessions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _group_id, uuid = group_ids(register_with_sessions, capsys)["Somaliska 10–12 år"]
    blank = tmp_path / "tom.pdf"
    assert (
        report(register_with_sessions, "course-sheet", "--group", uuid, "--blank", "--out", str(blank)) == 0
    )
    assert "Den tomma närvarolistan för hela kursen i Somaliska 10–12 år" in capsys.readouterr().out
    text = pdf_text(blank)
    assert "Skriv i rutorna:" in text
    assert "inställd" in text
    for day in (FIRST_MONDAY + dt.timedelta(weeks=week) for week in range(14)):
        assert f"{day.day} {['sep', 'okt', 'nov', 'dec'][day.month - 9]}" in text
    filled = tmp_path / "ifylld.pdf"
    assert report(register_with_sessions, "course-sheet", "--group", uuid, "--out", str(filled)) == 0
    assert "Förklaring:" in pdf_text(filled)
    assert PdfReader(filled).pages[0].mediabox.width > PdfReader(filled).pages[0].mediabox.height


def test_print_pack_for_a_period_and_one_premises(
    register_with_sessions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "vecka.pdf"
    arguments = ["print-pack", "--from", "2026-09-07", "--to", "2026-09-27", "--out", str(out)]
    assert report(register_with_sessions, *arguments, "--premises", "RYDSGÅRDEN") == 0
    # Three Mondays, one of them cancelled.
    assert (
        capsys.readouterr().out
        == f"2 närvarolistor (2 sidor) för 2026-09-07 – 2026-09-27 är sparade i {out}.\n"
    )
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    assert reader.metadata is not None
    assert reader.metadata.title == "Närvarolistor 2026-09-07 – 2026-09-27"
    assert "Träff 1 av 14" in pdf_text(out) and "Träff 2 av 14" in pdf_text(out)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["session-sheet", "--group", "4711", "--session", "1"],
            "Det finns ingen grupp med id 4711; se biv-desktop groups --json.\n",
        ),
        (
            ["course-sheet", "--group", "00000000-0000-0000-0000-000000000000"],
            "Det finns ingen grupp med id 00000000-0000-0000-0000-000000000000; se biv-desktop groups --json.\n",
        ),
        (
            ["session-sheet", "--group", "{somali}", "--session", "15"],
            "Gruppen ”Somaliska 10–12 år” har ingen träff nummer 15; träffarna är numrerade 1–14.\n",
        ),
        (
            ["course-sheet", "--group", "{arabic}"],
            "Gruppen ”Föräldrar på arabiska” har inga träffar ännu; lägg in schemat först.\n",
        ),
        (
            ["print-pack", "--from", "2026-09-07", "--to", "2026-09-13", "--premises", "Skäggetorp"],
            "Lokalen ”Skäggetorp” finns inte. Lokalerna som finns är: Berga församlingshem, Rydsgården.\n",
        ),
        (
            ["print-pack", "--from", "2026-09-21", "--to", "2026-09-27"],
            "Inga träffar äger rum från 2026-09-21 till 2026-09-27 (inställda räknas inte). "
            "Ingen fil har skrivits; välj en annan period.\n",
        ),
        (
            ["print-pack", "--from", "2026-09-20", "--to", "2026-09-14"],
            "Slutdatumet ligger före startdatumet. Byt plats på datumen.\n",
        ),
    ],
)
def test_bad_requests_fail_in_one_swedish_sentence_without_a_file(
    arguments: list[str],
    message: str,
    register_with_sessions: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ids = group_ids(register_with_sessions, capsys)
    wanted = {"somali": str(ids["Somaliska 10–12 år"][0]), "arabic": str(ids["Föräldrar på arabiska"][0])}
    out = tmp_path / "lista.pdf"
    filled_in = [argument.format(**wanted) for argument in arguments]
    assert report(register_with_sessions, *filled_in, "--out", str(out)) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message)
    assert not out.exists()


def test_the_database_itself_is_never_overwritten(
    register_with_sessions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = register_with_sessions.read_bytes()
    assert (
        report(register_with_sessions, "course-sheet", "--group", "1", "--out", str(register_with_sessions))
        == 1
    )
    assert "är själva databasen" in capsys.readouterr().err
    assert register_with_sessions.read_bytes() == before


def test_a_missing_folder_is_told_in_swedish(
    register_with_sessions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = group_ids(register_with_sessions, capsys)
    out = tmp_path / "saknas" / "lista.pdf"
    arguments = ["course-sheet", "--group", str(ids["Somaliska 10–12 år"][0]), "--out", str(out)]
    assert report(register_with_sessions, *arguments) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "finns inte" in err
    assert "Traceback" not in err
    assert not out.parent.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["report"], "följande argument saknas: RAPPORT"),
        (
            ["report", "session-sheet", "--group", "1", "--out", "x.pdf"],
            "följande argument saknas: --session",
        ),
        (
            ["report", "session-sheet", "--group", "1", "--session", "noll", "--out", "x.pdf"],
            "ska vara ett heltal",
        ),
        (
            ["report", "session-sheet", "--group", "1", "--session", "0", "--out", "x.pdf"],
            "ska vara 1 eller mer",
        ),
        (
            ["report", "print-pack", "--from", "7 sept", "--to", "2026-09-13", "--out", "x.pdf"],
            "'7 sept' är inget datum; skriv det som ÅÅÅÅ-MM-DD",
        ),
    ],
)
def test_usage_errors_exit_2(
    arguments: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(arguments) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_help_lists_the_three_sheets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--help"]) == 0
    out = capsys.readouterr().out
    for name in ("session-sheet", "course-sheet", "print-pack"):
        assert name in out


def test_report_runs_without_qt(register_with_sessions: Path, tmp_path: Path) -> None:
    out = tmp_path / "kurs.pdf"
    script = (
        "import sys\n"
        "from biv_desktop.cli import main\n"
        f"status = main(['report', 'course-sheet', '--group', '1', '--out', {str(out)!r}, "
        f"'--database', {str(register_with_sessions)!r}])\n"
        "assert not [name for name in sys.modules if name.startswith('PySide6')], 'Qt was imported'\n"
        "sys.exit(status)\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=tmp_path, env=env, check=False
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert out.exists()
