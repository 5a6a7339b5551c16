"""Importing the list: the happy path, families whichever way round the rows stand, the waiting list,
duplicates skipped or merged, bad rows reported and left out, hostile cells, and one transaction."""

import datetime as dt
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from biv_desktop.domain.enums import Gender, ProgrammeStatus, Role
from biv_desktop.domain.errors import UserError
from biv_desktop.services.participants import (
    DuplicateChoice,
    ImportField,
    NothingToImport,
    ParticipantDraft,
    get_family,
    import_participants,
    list_families,
    list_participants,
    preview_import,
    read_spreadsheet,
    save_participant,
    waiting_list,
)
from biv_desktop.services.participants.importing.reading import RawRow
from biv_desktop.store.database import Database

TODAY = dt.date(2026, 3, 10)


def snapshot(database: Database) -> tuple[Any, ...]:
    """Everything an import may touch, to show that a refused import changed nothing."""
    return (
        list_participants(database, TODAY),
        list_families(database),
        waiting_list(database, today=TODAY),
    )


def test_one_row_is_counted_in_the_singular(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    read = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx"))
    table = replace(read, rows=read.rows[:1])
    assert preview_import(database, table, today=TODAY).summary == "1 rad: 1 ny deltagare."
    summary = import_participants(database, table, today=TODAY)
    assert summary.text.startswith("1 ny deltagare importerades")


def test_happy_path_imports_people_families_and_waiting_list(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx"))
    preview = preview_import(database, table, today=TODAY)
    assert [row.verdict for row in preview.rows] == ["Klar"] * 7
    assert preview.summary == "7 rader: 7 nya deltagare."

    summary = import_participants(database, table, today=TODAY)

    assert (summary.imported, summary.merged, summary.families, summary.waiting) == (7, 0, 2, 1)
    assert summary.skipped == ()
    assert summary.text == "7 nya deltagare importerades, 2 nya familjer, 1 sattes på väntelistan."
    people = {row.first_name: row for row in list_participants(database, TODAY)}
    nasra, hodan, parisa = people["Nasra"], people["Hodan"], people["Parisa"]
    assert nasra.role is Role.GUARDIAN and nasra.gender is Gender.FEMALE and nasra.language == "somaliska"
    assert hodan.role is Role.CHILD and hodan.consent_on == dt.date(2025, 9, 1) and hodan.district == "Berga"
    assert parisa.birth_date == dt.date(2014, 6, 30)
    assert parisa.programme_status is ProgrammeStatus.RESIDENCE_PERMIT
    assert people["Omid"].programme_status is ProgrammeStatus.RESIDENCE_PERMIT  # BIS
    assert (
        people["Lina"].family_id is None and people["Lina"].programme_status is ProgrammeStatus.ASYLUM_SEEKING
    )
    assert [row.name for row in waiting_list(database, today=TODAY)] == ["Abdi Testdotter"]
    assert waiting_list(database, today=TODAY)[0].waiting_since == TODAY


@pytest.mark.parametrize("guardian_first", [True, False])
def test_a_guardian_before_or_after_the_children_makes_one_family(
    database: Database, tmp_path: Path, files: SimpleNamespace, guardian_first: bool
) -> None:
    guardian = ("Reza", "Exempelzadeh", 1980, "man", "dari", "073-444 55 66", "ja", "7", "", "", "")
    children = [
        ("Omid", "Exempelzadeh", 2012, "pojke", "dari", "", "", "7", "", "", ""),
        ("Parisa", "Exempelzadeh", 2014, "flicka", "dari", "", "", "7", "", "", ""),
    ]
    rows = [guardian, *children] if guardian_first else [*children, guardian]
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx", rows))
    import_participants(database, table, today=TODAY)
    (family,) = list_families(database)
    assert family.name == "Exempelzadeh (7)"
    view = get_family(database, family.id, TODAY)
    assert [m.name for m in view.guardians] == ["Reza Exempelzadeh"]
    assert [m.name for m in view.children] == ["Omid Exempelzadeh", "Parisa Exempelzadeh"]
    # The children without a number of their own reach their guardian.
    assert {detail.draft.guardian_phone for detail in _details(database)} == {"073-444 55 66"}


def _details(database: Database) -> list[Any]:
    from biv_desktop.services.participants import get_participant

    return [get_participant(database, row.id, TODAY) for row in list_participants(database, TODAY)]


def _existing(database: Database) -> int:
    draft = ParticipantDraft(first_name="Hodan", last_name="Testdotter", birth_year=2015)
    return save_participant(database, draft, today=TODAY).id


def test_duplicates_are_skipped_unless_merged(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    existing = _existing(database)
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx"))
    preview = preview_import(database, table, today=TODAY)
    duplicate = next(row for row in preview.rows if row.is_duplicate)
    assert (duplicate.line, duplicate.duplicate_of) == (3, existing)
    assert duplicate.verdict == "Finns redan: Hodan Testdotter"
    assert preview.summary == "7 rader: 6 nya deltagare, 1 som redan finns i registret."

    summary = import_participants(database, table, today=TODAY)
    assert summary.imported == 6
    assert summary.skipped == ((3, "Finns redan i registret: Hodan Testdotter."),)
    assert len(list_participants(database, TODAY)) == 7


def test_a_merged_duplicate_gains_what_the_register_lacked(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    existing = _existing(database)
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx"))
    summary = import_participants(database, table, duplicates={3: DuplicateChoice.MERGE}, today=TODAY)
    assert (summary.imported, summary.merged) == (6, 1)
    people = list_participants(database, TODAY)
    assert len(people) == 7
    hodan = next(row for row in people if row.id == existing)
    assert (hodan.language, hodan.gender, hodan.district) == ("somaliska", Gender.FEMALE, "Berga")
    assert hodan.family_name == "Testdotter (1)"  # with her mother and brother from the list


def test_bad_rows_are_reported_in_swedish_and_left_out(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    bad = [
        ("Ali", "Exempelsson", 1850, "", "", "", "", "", "", "", ""),
        ("Sami", "Exempelsson", 2015, "", "klingonska", "", "", "", "", "", ""),
        ("Rana", "Exempelsson", 2015, "", "", "", "kanske", "", "", "", ""),
        ("Dina", "Exempelsson", 2015, "", "", "", "", "", "", "flykting", ""),
        ("", "Exempelsson", 2015, "", "", "", "", "", "", "", ""),
        ("Nour", "Exempelsson", "", "", "", "", "", "", "", "", ""),
        ("Karim", "Exempelsson", 2015, "", "", "", "ja", "", "", "", ""),  # a guardian aged 11
        ("Lina", "Exempelsson", 2015, "", "", "abc", "", "", "", "", ""),
        ("Omar", "Exempelsson", 2015, "", "", "", "", "", "", "", "i morgon"),
        ("Sara", "Exempelsson", 2016, "", "", "", "", "", "", "", ""),
        ("sara", "EXEMPELSSON", 2016, "", "", "", "", "", "", "", ""),
    ]
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx", bad))
    preview = preview_import(database, table, today=TODAY)
    problems = {row.line: row.problems for row in preview.rows}
    assert problems[2] == ("Födelseåret 1850 ligger utanför 1916–2026; rätta det i filen.",)
    assert problems[3][0].startswith("Okänt språk ”klingonska”.")
    assert problems[4][0].startswith("Rollen ”kanske” förstås inte")
    assert problems[5][0].startswith("Statusen ”flykting” förstås inte")
    assert problems[6] == ("Förnamnet måste fyllas i.",)
    assert problems[7][0].startswith("Födelseår saknas.")
    assert "vuxen" in problems[8][0]
    assert "siffror" in problems[9][0]
    assert problems[10][0].startswith("Samtycke: ”i morgon” förstås inte")
    assert problems[11] == ()
    assert problems[12] == ("Samma person (namn och födelseår) som på rad 11.",)
    summary = import_participants(database, table, today=TODAY)
    assert summary.imported == 1
    assert [line for line, _ in summary.skipped] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 12]


def test_columns_chosen_by_hand_replace_the_matched_ones(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    headers = ("Förnamn", "Efternamn", "Årtal", "Anteckning")
    table = read_spreadsheet(
        files.write_xlsx(tmp_path / "lista.xlsx", [("Hodan", "Testdotter", 2015, "")], headers)
    )
    matched = preview_import(database, table, today=TODAY)
    assert matched.mapping == (
        ImportField.FIRST_NAME,
        ImportField.LAST_NAME,
        ImportField.IGNORE,
        ImportField.IGNORE,
    )
    assert (
        matched.column_problem
        == "Välj vilken kolumn som har födelseåret eller födelsedatumet innan du importerar."
    )
    before = snapshot(database)
    with pytest.raises(NothingToImport, match="födelseåret"):
        import_participants(database, table, today=TODAY)
    assert snapshot(database) == before
    mapping = (ImportField.FIRST_NAME, ImportField.LAST_NAME, ImportField.BIRTH, ImportField.IGNORE)
    assert preview_import(database, table, mapping, today=TODAY).rows[0].accepted
    twice = (ImportField.FIRST_NAME, ImportField.FIRST_NAME, ImportField.BIRTH, ImportField.IGNORE)
    assert "samma fält: Förnamn" in (preview_import(database, table, twice, today=TODAY).column_problem or "")
    assert import_participants(database, table, mapping, today=TODAY).imported == 1


HOSTILE = [
    ('=HYPERLINK("http://x")', "Test", 2015),
    ("+46 700", "Test", 2015),
    ("@SUM(A1)", "Test", 2015),
    ("Am\x07al", "Test", 2015),
    ("Amal\ufffe", "Test", 2015),
    ("Amal\ud800", "Test", 2015),
    ("A" * 10_000, "Test", 2015),
    ("Rad\nbrytning", "Test", 2015),
]


def test_hostile_cells_are_refused_row_by_row_and_nothing_else_changes(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    # A lone surrogate cannot be saved in a UTF-8 file (nor by openpyxl): it arrives through the reader's
    # table, as a broken file's text would; the rest arrive through a real CSV file.
    path = files.write_csv(
        tmp_path / "lista.csv", files.csv_text([(*row, *[""] * 8) for row in HOSTILE[:-3]])
    )
    read = read_spreadsheet(path)
    extra = tuple(
        RawRow(line=20 + number, cells=(*row, *[None] * 8)) for number, row in enumerate(HOSTILE[-3:])
    )
    table = replace(read, rows=read.rows + extra)
    preview = preview_import(database, table, today=TODAY)
    assert all(row.problems for row in preview.rows), [row.remarks for row in preview.rows]
    assert all(len(row.name) <= 60 for row in preview.rows)
    assert all("\ud800" not in row.name and "\x07" not in row.name for row in preview.rows)
    before = snapshot(database)
    with pytest.raises(NothingToImport):
        import_participants(database, table, today=TODAY)
    assert snapshot(database) == before


def test_a_failure_while_writing_leaves_the_register_as_it_was(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx"))
    before = snapshot(database)
    calls: list[tuple[int, int]] = []

    def cancel_while_writing(done: int, total: int) -> None:
        calls.append((done, total))
        if done > total // 2:  # the second half of the work is writing
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_participants(database, table, today=TODAY, progress=cancel_while_writing)
    assert snapshot(database) == before
    assert calls


def test_refused_files_are_user_errors(tmp_path: Path) -> None:
    path = tmp_path / "lista.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(UserError):
        read_spreadsheet(path)


def test_a_merged_duplicate_outside_any_family_is_merged(
    database: Database, tmp_path: Path, files: SimpleNamespace
) -> None:
    existing = save_participant(
        database, ParticipantDraft(first_name="Lina", last_name="Påhittad", birth_year=2017), today=TODAY
    ).id
    table = read_spreadsheet(files.write_xlsx(tmp_path / "lista.xlsx"))
    summary = import_participants(database, table, duplicates={8: DuplicateChoice.MERGE}, today=TODAY)
    assert (summary.imported, summary.merged, summary.families) == (6, 1, 2)
    lina = next(row for row in list_participants(database, TODAY) if row.id == existing)
    assert (lina.language, lina.district, lina.family_id) == ("arabiska", "Ryd", None)
