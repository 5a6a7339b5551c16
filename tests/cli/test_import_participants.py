"""biv-desktop import participants: the same checks as the window, --dry-run writing nothing, and a
Swedish sentence for a file that cannot be read. Every name is fictional."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from biv_desktop.cli import main
from biv_desktop.services.participants import list_families, list_participants, waiting_list
from biv_desktop.store.register import open_register

HEADERS = ["Förnamn", "Efternamn", "Född", "Kön", "Modersmål", "Vårdnadshavare", "Familj", "Status"]
ROWS = [
    ["Omid", "Exempelzadeh", 2012, "pojke", "dari", "", "3", "väntelista"],
    ["Reza", "Exempelzadeh", 1980, "man", "dari", "ja", "3", "BIS"],
    ["Ali", "Exempelzadeh", 1850, "pojke", "klingonska", "", "3", ""],
]


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    open_register(path, tmp_path / "backups").close()
    return path


def _workbook(path: Path, sheet: str = "Blad1") -> Path:
    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    for row in (HEADERS, *ROWS):
        worksheet.append(row)
    workbook.save(path)
    return path


def _counts(path: Path) -> tuple[int, int, int]:
    database = open_register(path, path.parent / "backups")
    try:
        return len(list_participants(database)), len(list_families(database)), len(waiting_list(database))
    finally:
        database.close()


def test_dry_run_lists_the_problems_and_writes_nothing(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _workbook(tmp_path / "lista.xlsx")
    assert main(["import", "participants", str(source), "--database", str(register), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Blad: Blad1." in out
    assert "Rad 4 (Ali Exempelzadeh): Fel. Födelseåret 1850 ligger utanför" in out
    assert "Okänt språk ”klingonska”" in out
    assert "3 rader: 2 nya deltagare, 1 med fel som inte importeras." in out
    assert "Provkörning: inget har sparats." in out
    assert _counts(register) == (0, 0, 0)


def test_import_writes_the_accepted_rows_and_skips_duplicates_the_second_time(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _workbook(tmp_path / "lista.xlsx", sheet="Deltagare")
    args = ["import", "participants", str(source), "--sheet", "Deltagare", "--database", str(register)]
    assert main(args) == 0
    assert "2 nya deltagare importerades, 1 ny familj, 1 sattes på väntelistan. 1 rad hoppades över." in (
        capsys.readouterr().out
    )
    assert _counts(register) == (2, 1, 1)
    assert main(args) == 1  # the same list again: both are already there, the third is wrong
    assert "Ingen rad kan importeras" in capsys.readouterr().err
    assert _counts(register) == (2, 1, 1)
    assert main([*args, "--merge-duplicates"]) == 0
    assert "2 slogs ihop" in capsys.readouterr().out
    assert _counts(register) == (2, 1, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "är tom"), (b"\x00\x01binary\x00", "inte ett kalkylark"), (b"a;b\r\n1;2\r\n", "Ingen rubrikrad")],
)
def test_a_file_that_is_not_a_list_is_refused_in_swedish(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "lista.csv"
    source.write_bytes(content)
    assert main(["import", "participants", str(source), "--database", str(register)]) == 1
    assert message in capsys.readouterr().err
    assert _counts(register) == (0, 0, 0)


def test_unknown_sheet_and_missing_register_are_refused(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _workbook(tmp_path / "lista.xlsx")
    assert main(["import", "participants", str(source), "--sheet", "Nej", "--database", str(register)]) == 1
    assert "Bladet ”Nej” finns inte i lista.xlsx. Bladen heter: Blad1." in capsys.readouterr().err
    missing = tmp_path / "ingen.sqlite"
    assert main(["import", "participants", str(source), "--database", str(missing)]) == 1
    assert "finns inte" in capsys.readouterr().err
    assert not missing.exists()
