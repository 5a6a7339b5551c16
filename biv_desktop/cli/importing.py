"""Importing the coordinator's existing list from the command line, with the window's checks.

biv-desktop import participants FIL [--sheet BLAD] [--dry-run] [--merge-duplicates] [--database FIL]

The columns are matched by their Swedish headers; every row with a problem is listed with its row number.
``--dry-run`` only checks. Otherwise every accepted row is written in one transaction (the register is
unchanged if anything fails) under the register's lock, so it is refused while a window has it open.
A row naming someone already in the register is skipped unless ``--merge-duplicates`` is given.
"""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from biv_desktop.cli.parser import CommandError, SwedishArgumentParser

MAX_LISTED = 200  # rows with remarks listed on the terminal; the rest are counted


def add_participants_format(formats: "argparse._SubParsersAction[SwedishArgumentParser]") -> None:
    """``import participants``: added to the ``import`` command's formats (cli.data)."""
    parser = formats.add_parser(
        "participants",
        help="deltagare, familjer och väntelista från ett kalkylark (XLSX eller CSV)",
        description="Läs in deltagare, familjer och väntelistan från ett kalkylark (XLSX, eller CSV som "
        "svenska Excel sparar den). Kolumnerna känns igen på sina rubriker (Förnamn, Efternamn, Född, Kön, "
        "Modersmål, Telefon, Vårdnadshavare, Familj, Stadsdel, Status, Samtycke). Rader med fel importeras "
        "inte; allt annat sparas i ett svep.",
    )
    parser.add_argument("source", type=Path, metavar="FIL", help="kalkylarket att läsa (.xlsx eller .csv)")
    parser.add_argument("--sheet", metavar="BLAD", help="bladet att läsa (standard: det första)")
    parser.add_argument(
        "--dry-run", action="store_true", help="kontrollera bara och visa vad som skulle hända; inget sparas"
    )
    parser.add_argument(
        "--merge-duplicates",
        action="store_true",
        help="slå ihop rader som redan finns i registret (samma namn och födelseår) i stället för att hoppa över dem",
    )
    parser.add_argument(
        "--database", type=Path, metavar="FIL", help="databasfilen att importera till (standard: din egen)"
    )
    parser.set_defaults(run=import_participants_command)


def _terminal_progress(label: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        print(f"\r{label} {percent} %", end="\n" if done >= total else "", file=sys.stderr, flush=True)

    return show


def import_participants_command(args: argparse.Namespace) -> int:
    from biv_desktop.cli.headless import database_path
    from biv_desktop.domain.errors import UserError
    from biv_desktop.paths import backups_dir
    from biv_desktop.services.participants import (
        DuplicateChoice,
        import_participants,
        preview_import,
        read_spreadsheet,
    )
    from biv_desktop.store.lock import open_locked_register

    path = database_path(args)
    if not path.exists():
        raise CommandError(f"Databasen {path} finns inte.")
    try:
        table = read_spreadsheet(args.source, args.sheet)
    except UserError as error:
        raise CommandError(str(error)) from error
    database = open_locked_register(path, backups_dir())
    try:
        preview = preview_import(database, table, progress=_terminal_progress("Kontrollerar…"))
        _print_preview(preview)
        if preview.column_problem:
            raise CommandError(preview.column_problem)
        if args.dry_run:
            print("Provkörning: inget har sparats.")
            return 0
        choice = DuplicateChoice.MERGE if args.merge_duplicates else DuplicateChoice.SKIP
        decisions = {row.line: choice for row in preview.rows if row.is_duplicate}
        try:
            summary = import_participants(
                database, table, duplicates=decisions, progress=_terminal_progress("Importerar…")
            )
        except UserError as error:
            raise CommandError(f"{error} Inget har importerats.") from error
    finally:
        database.close()
    print(summary.text)
    return 0


def _print_preview(preview: object) -> None:
    from biv_desktop.services.participants import ImportPreview

    assert isinstance(preview, ImportPreview)
    fields = ", ".join(
        f"{header or '(tom)'} → {field.label}"
        for header, field in zip(preview.headers, preview.mapping, strict=True)
    )
    print(f"Blad: {preview.sheet}. Kolumner: {fields}.")
    listed = 0
    for row in preview.rows:
        if not (row.problems or row.warnings or row.is_duplicate):
            continue
        listed += 1
        if listed > MAX_LISTED:
            continue
        what = "Fel" if row.problems else "Finns redan" if row.is_duplicate else "Varning"
        remark = row.remarks
        if row.is_duplicate:
            remark = f"Samma namn och födelseår som {row.duplicate_name} i registret. {remark}".strip()
        print(f"Rad {row.line} ({row.name}): {what}. {remark}")
    if listed > MAX_LISTED:
        print(f"… och {listed - MAX_LISTED} rader till med anmärkningar.")
    print(preview.summary)
