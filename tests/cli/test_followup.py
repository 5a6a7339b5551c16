"""``biv-desktop report follow-up``: both formats from demo data, no names in them, clear refusals."""

import datetime as dt
import re
import shutil
import sqlite3
import subprocess
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from biv_desktop.cli import main
from biv_desktop.demo import write_demo_database

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("followup-cli") / "demo.sqlite"
    write_demo_database(path, years=3, seed=2026, today=TODAY)
    yield path


def _names(database: Path) -> set[str]:
    """Every name of a person in the register: participants (also in their own script), leaders, interpreters."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT first_name, last_name, native_name FROM participant "
            "UNION SELECT first_name, last_name, '' FROM group_leader "
            "UNION SELECT first_name, last_name, '' FROM interpreter "
            "UNION SELECT external_name, '', '' FROM trainee"
        ).fetchall()
    names = set()
    for first, last, native in rows:
        full = f"{first} {last}".strip()
        if full:
            names.add(full)
        if native.strip():
            names.add(native.strip())
    return names


def _pdf_text(path: Path) -> str:
    executable = shutil.which("pdftotext")
    if executable is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed")
    result = subprocess.run([executable, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)
    # Arabic comes out as typed (older printouts drew presentation forms): fold both ways for the comparison.
    return unicodedata.normalize("NFKC", result.stdout.decode("utf-8"))


def _xlsx_text(path: Path) -> str:
    workbook = load_workbook(path)
    return "\n".join(
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    )


def test_writes_the_pdf_and_the_workbook(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("uppföljning.pdf", "uppföljning.xlsx"):
        out = tmp_path / name
        status = main(
            [
                "report",
                "follow-up",
                "--from",
                "2026-04-01",
                "--to",
                "2026-09-30",
                "--out",
                str(out),
                "--database",
                str(demo),
            ]
        )
        assert status == 0
        assert f"Uppföljningen för 2026-04-01 – 2026-09-30 är sparad i {out}." in capsys.readouterr().out
    assert (tmp_path / "uppföljning.pdf").read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(tmp_path / "uppföljning.xlsx")
    pdf = re.sub(r"\s+", " ", _pdf_text(tmp_path / "uppföljning.pdf"))
    assert "Unika deltagare efter ålder och kön" in pdf and "Perioden 2026-04-01 – 2026-09-30" in pdf
    assert "Deltagare ålder och kön" in load_workbook(tmp_path / "uppföljning.xlsx").sheetnames


def test_no_name_of_a_person_appears_in_either_file(demo: Path, tmp_path: Path) -> None:
    names = _names(demo)
    assert len(names) > 300
    # The whole demo period: every group, participant, leader and interpreter the register has.
    for name in ("alla.pdf", "alla.xlsx"):
        assert main(["report", "follow-up", "--from", "2024-04-01", "--to", "2027-03-31", "--out", str(tmp_path / name), "--database", str(demo)]) == 0  # fmt: skip
    pdf = _pdf_text(tmp_path / "alla.pdf")
    pdf_reversed = "\n".join(line[::-1] for line in pdf.splitlines())
    xlsx = _xlsx_text(tmp_path / "alla.xlsx")
    for name in names:
        folded = unicodedata.normalize("NFKC", name)
        assert folded not in pdf and folded not in pdf_reversed, name
        assert name not in xlsx, name


def test_a_period_ending_before_it_starts_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.pdf"
    status = main(["report", "follow-up", "--from", "2026-10-01", "--to", "2026-09-30", "--out", str(out), "--database", str(demo)])  # fmt: skip
    assert status == 1
    error = capsys.readouterr().err
    assert "2026-10-01" in error and "efter" in error and "Traceback" not in error
    assert not out.exists()


@pytest.mark.parametrize(
    ("date", "message"),
    [("2026-02-30", "2026-02-30 är ett datum som inte finns"), ("1 april", "skriv det som ÅÅÅÅ-MM-DD")],
)
def test_an_impossible_or_misspelt_date_is_a_usage_error(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str, message: str
) -> None:
    out = tmp_path / "rapport.xlsx"
    status = main(["report", "follow-up", "--from", date, "--to", "2026-09-30", "--out", str(out), "--database", str(demo)])  # fmt: skip
    assert status == 2
    error = capsys.readouterr().err
    assert "--from" in error and message in error and "Traceback" not in error
    assert not out.exists()


def test_only_pdf_and_xlsx_are_written(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.docx"
    status = main(["report", "follow-up", "--from", "2026-04-01", "--to", "2026-09-30", "--out", str(out), "--database", str(demo)])  # fmt: skip
    assert status == 1
    error = capsys.readouterr().err
    assert "rapport.docx" in error and ".pdf" in error and ".xlsx" in error
    assert not out.exists()


def test_a_missing_database_or_folder_is_told_in_swedish(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "finns-inte.sqlite"
    args = ["report", "follow-up", "--from", "2026-04-01", "--to", "2026-09-30"]
    assert main([*args, "--out", str(tmp_path / "r.pdf"), "--database", str(missing)]) == 1
    assert "finns inte" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "saknas" / "r.pdf"), "--database", str(demo)]) == 1
    error = capsys.readouterr().err
    assert "saknas" in error and "finns inte" in error and "Traceback" not in error
