"""What every headless command shares: the --database option and opening a register that must exist."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from biv_desktop.cli.parser import CommandError

if TYPE_CHECKING:
    from biv_desktop.store.database import Database


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        type=Path,
        metavar="FIL",
        help="databasfilen att läsa (standard: din egen databas)",
    )


def database_path(args: argparse.Namespace) -> Path:
    """The file a headless command reads: its own --database, the one given before it, or the user's own."""
    from biv_desktop.cli.passphrase import unlock_register_for

    chosen: Path | None = args.database or args.window_database
    if chosen is None:
        from biv_desktop.paths import default_database

        chosen = default_database()
    path = chosen.expanduser()
    # An encrypted register's passphrase is asked here, once, before any command opens it.
    unlock_register_for(path)
    return path


def open_existing(path: Path) -> "Database":
    """Open a register that must already exist: a headless command never creates one by mistake."""
    from biv_desktop.paths import backups_dir
    from biv_desktop.store.register import open_register

    if not path.exists():
        raise CommandError(f"Databasen {path} finns inte.")
    return open_register(path, backups_dir())


# What each kind of file a command writes is, in the sentence that names the accepted endings.
FILE_KINDS = {".pdf": "utskrift", ".xlsx": "kalkylark", ".ics": "kalenderfil", ".json": "JSON-fil"}


def output_path(args: argparse.Namespace, database: Path, endings: tuple[str, ...] = ()) -> Path:
    """The file --out names: ending in one of ``endings`` (any, when none are given), never the database."""
    out: Path = args.out.expanduser()
    if endings and out.suffix.lower() not in endings:
        accepted = " eller ".join(f"{ending} ({FILE_KINDS[ending]})" for ending in endings)
        raise CommandError(f"Filnamnet {out.name} ska sluta på {accepted}.")
    if out.exists() and database.exists() and out.resolve() == database.resolve():
        raise CommandError(f"{out} är själva databasen. Välj ett annat filnamn.")
    return out
