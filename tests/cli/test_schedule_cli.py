"""``biv-desktop schedule``: a leader's, an interpreter's and a group's schedule as PDF or .ics from the command
line, and a Swedish sentence (no file) for an unknown person or a wrong file type."""

from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from biv_desktop.cli import main


def run(database: Path, *args: str) -> int:
    return main(["schedule", *args, "--database", str(database)])


def test_a_leaders_calendar_by_name(
    register_with_groups: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tova.ics"
    status = run(
        register_with_groups,
        "leader",
        "--person",
        "tova exempelsson",
        "--from",
        "2026-09-01",
        "--to",
        "2026-12-31",
        "--out",
        str(out),
    )

    assert status == 0, capsys.readouterr().err
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == 14
    assert "14 träffar" in capsys.readouterr().out


def test_an_interpreters_schedule_as_pdf(register_with_groups: Path, tmp_path: Path) -> None:
    out = tmp_path / "tolk.pdf"
    assert (
        run(
            register_with_groups,
            "interpreter",
            "--person",
            "Ayaan Testdotter",
            "--from",
            "2026-09-01",
            "--to",
            "2026-12-31",
            "--out",
            str(out),
        )
        == 0
    )
    text = PdfReader(out).pages[0].extract_text()
    assert "Schema för Ayaan Testdotter, tolk" in text
    assert "Somaliska 10–12 år" in text


def test_a_groups_schedule(
    register_with_groups: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["groups", "--database", str(register_with_groups), "--json"]) == 0
    import json

    groups = {row["name"]: row["id"] for row in json.loads(capsys.readouterr().out)}
    out = tmp_path / "grupp.ics"
    assert (
        run(register_with_groups, "group", "--group", str(groups["Somaliska 10–12 år"]), "--out", str(out))
        == 0
    )
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == 14


def test_an_unknown_person_and_a_wrong_file_type_are_told_in_swedish(
    register_with_groups: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            register_with_groups,
            "leader",
            "--person",
            "Ingen Alls",
            "--from",
            "2026-09-01",
            "--to",
            "2026-12-31",
            "--out",
            str(tmp_path / "x.pdf"),
        )
        == 1
    )
    assert "Det finns ingen gruppledare med id eller namn Ingen Alls." in capsys.readouterr().err
    assert (
        run(
            register_with_groups,
            "leader",
            "--person",
            "Tova Exempelsson",
            "--from",
            "2026-09-01",
            "--to",
            "2026-12-31",
            "--out",
            str(tmp_path / "x.txt"),
        )
        == 1
    )
    assert ".ics (kalenderfil)" in capsys.readouterr().err
    assert not list(tmp_path.glob("x.*"))
