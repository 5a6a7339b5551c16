"""Keeping the data safe from the command line: backup, restore, and the JSON export and import.

biv-desktop backup --out FIL [--database FIL]        a checked copy; may run beside the window
biv-desktop restore FIL [--database FIL] [--other-register]
                                                     checks FIL, backs the register up, then replaces it;
                                                     another register's backup only with --other-register
biv-desktop export json --out FIL [--database FIL]   the whole register as one JSON document
biv-desktop import json FIL [--database FIL]         such a document into a new or empty register

Backups and exports leave the computer, so they are sealed with a passphrase (cli.passphrase says where
it comes from) unless --unencrypted is given, which prints a warning; restore and import open a sealed
file with its passphrase and read a plain one as it is.

Restore and import write to the register, so they take its lock and are refused while a window has it
open. Both create the register when it does not exist yet (a new computer); nothing else here does.
"""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from biv_desktop.cli.headless import add_database_option, database_path, open_existing
from biv_desktop.cli.parser import CommandError, SwedishArgumentParser, command
from biv_desktop.cli.passphrase import PLAIN_WARNING, add_passphrase_options, passphrase

if TYPE_CHECKING:
    from biv_desktop.services.register import BackupSummary


def _terminal_progress(label: str) -> Callable[[int, int], None] | None:
    """A percentage on the terminal while a long copy runs; nothing when the output is not a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        print(f"\r{label} {percent} %", end="\n" if done >= total else "", file=sys.stderr, flush=True)

    return show


def _size(path: Path) -> str:
    megabytes = path.stat().st_size / 1_000_000
    return f"{megabytes:.1f} MB".replace(".", ",")


# ---- backup ---------------------------------------------------------------------------------------


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FIL",
        help="säkerhetskopian att skriva, t.ex. på ett USB-minne (krypterad, gärna med namnet …sqlite.age)",
    )
    add_database_option(parser)
    add_passphrase_options(parser, sealing=True)


@command("backup", "spara en kontrollerad säkerhetskopia av databasen", _backup_arguments)
def _backup(args: argparse.Namespace) -> int:
    from biv_desktop.paths import backups_dir
    from biv_desktop.services.register import backup_sealed_to, backup_to

    path = database_path(args)
    replaced = args.out.expanduser().exists()
    progress = _terminal_progress("Säkerhetskopierar…")
    if not args.unencrypted:
        sealed = backup_sealed_to(path, args.out, passphrase(args, new=True), progress=progress)
        print(
            f"Säkerhetskopian är sparad, kontrollerad och krypterad: {sealed} ({_size(sealed)}). Den går "
            "bara att öppna med lösenfrasen."
        )
        return 0
    print(PLAIN_WARNING, file=sys.stderr)
    written = backup_to(path, args.out, progress=progress, backups=backups_dir())
    print(f"Säkerhetskopian är sparad och kontrollerad: {written} ({_size(written)}).")
    if replaced:
        print(f"Filen som fanns där sparades först som en säkerhetskopia i {backups_dir()}.")
    return 0


# ---- restore --------------------------------------------------------------------------------------


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="FIL", help="säkerhetskopian att återställa")
    parser.add_argument(
        "--database",
        type=Path,
        metavar="FIL",
        help="databasfilen att ersätta (standard: din egen databas); skapas om den inte finns",
    )
    parser.add_argument(
        "--other-register",
        action="store_true",
        help="återställ även om säkerhetskopian är av ett annat register än databasen (båda namnges först)",
    )
    add_passphrase_options(parser, sealing=False)


@command("restore", "återställ databasen från en säkerhetskopia", _restore_arguments)
def _restore(args: argparse.Namespace) -> int:
    from biv_desktop.paths import backups_dir
    from biv_desktop.services.register import check_backup, is_sealed, opened_backup

    path = database_path(args)
    if not is_sealed(args.backup.expanduser()):
        return _restore_checked(args, path, check_backup(args.backup))
    with opened_backup(args.backup, passphrase(args, new=False), path, backups_dir()) as summary:
        return _restore_checked(args, path, summary)


def _restore_checked(args: argparse.Namespace, path: Path, summary: "BackupSummary") -> int:
    from biv_desktop.paths import backups_dir
    from biv_desktop.services.register import other_register, restore_file

    foreign = other_register(path, summary.path, backups_dir())
    if foreign is not None and not args.other_register:
        raise CommandError(
            f"{foreign.message} Ingenting har ändrats. Om du verkligen vill det, kör kommandot igen med "
            "--other-register; databasen sparas då först som en säkerhetskopia."
        )
    result = restore_file(
        path,
        summary.path,
        backups_dir(),
        progress=_terminal_progress("Återställer…"),
        other_register_confirmed=args.other_register,
    )
    print(f"Databasen {path} är återställd från säkerhetskopian {summary.file} ({summary.taken_label}).")
    if result.safety_backup is not None:
        print(f"Databasen som den var före återställningen är sparad i {result.safety_backup}.")
    if result.set_aside is not None:
        print(f"Den skadade databasen är flyttad till {result.set_aside}.")
    return 0


# ---- export json / import json --------------------------------------------------------------------


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_subparsers(
        title="format", metavar="FORMAT", dest="format", required=True, parser_class=SwedishArgumentParser
    )
    as_json = formats.add_parser(
        "json",
        help="hela databasen som ett JSON-dokument",
        description="Hela databasen som ett JSON-dokument (format 1, raderna med sina uuid). Filen innehåller "
        "personuppgifter och blir läsbar bara för dig.",
    )
    as_json.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FIL",
        help="filen att skriva (krypterad, gärna med namnet …json.age)",
    )
    add_database_option(as_json)
    add_passphrase_options(as_json, sealing=True)
    as_json.set_defaults(run=_export_json)


@command("export", "exportera hela databasen", _export_arguments)
def _export(args: argparse.Namespace) -> int:
    # Never reached: argparse requires a format, and each sets its own run.
    raise CommandError("Välj ett format: json.")


def _export_json(args: argparse.Namespace) -> int:
    from biv_desktop.services.register import export_json

    path = database_path(args)
    out: Path = args.out.expanduser()
    if out.exists() and path.exists() and out.resolve() == path.resolve():
        raise CommandError(f"{out} är själva databasen. Välj ett annat filnamn för JSON-filen.")
    sealing = None if args.unencrypted else passphrase(args, new=True)
    if sealing is None:
        print(PLAIN_WARNING, file=sys.stderr)
    database = open_existing(path)
    try:
        summary = export_json(database, out, passphrase=sealing)
    finally:
        database.close()
    if sealing is not None:
        print(
            f"Hela databasen är exporterad och krypterad till {summary.path}: {summary.rows} rader. Filen går "
            "bara att öppna med lösenfrasen."
        )
        return 0
    print(
        f"Hela databasen är exporterad till {summary.path}: {summary.rows} rader. Filen innehåller "
        "personuppgifter; förvara den lika säkert som databasen."
    )
    return 0


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_subparsers(
        title="format", metavar="FORMAT", dest="format", required=True, parser_class=SwedishArgumentParser
    )
    as_json = formats.add_parser(
        "json",
        help="ett JSON-dokument från export json",
        description="Läs in ett JSON-dokument från biv-desktop export json i en ny eller tom databas.",
    )
    as_json.add_argument(
        "source", type=Path, metavar="FIL", help="JSON-filen att läsa (krypterad eller inte)"
    )
    add_passphrase_options(as_json, sealing=False)
    as_json.add_argument(
        "--database",
        type=Path,
        metavar="FIL",
        help="databasen att fylla (standard: din egen); skapas om den inte finns, annars måste den vara tom",
    )
    as_json.set_defaults(run=_import_json)
    from biv_desktop.cli.importing import add_participants_format  # import participants (cli.importing)

    add_participants_format(formats)


@command("import", "importera en hel databas eller en deltagarlista", _import_arguments)
def _import(args: argparse.Namespace) -> int:
    # Never reached: argparse requires a format, and each sets its own run.
    raise CommandError("Välj ett format: json eller participants.")


def _import_json(args: argparse.Namespace) -> int:
    from biv_desktop.paths import backups_dir
    from biv_desktop.services.register import import_json, is_sealed, read_document
    from biv_desktop.store.lock import open_locked_register

    path = database_path(args)
    source: Path = args.source.expanduser()
    opening = passphrase(args, new=False) if is_sealed(source) else None
    # A wrong file or passphrase is refused before any register is made; the file is read once.
    document = read_document(source, opening)
    created = not path.exists()
    database = open_locked_register(path, backups_dir())
    try:
        summary = import_json(database, source, document=document)
    except BaseException:
        database.close()
        if created:
            # Nothing half-made stays behind: the file was made for this import.
            for leftover in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    database.close()
    print(f"{summary.rows} rader är importerade från {summary.path} till databasen {path}.")
    return 0
