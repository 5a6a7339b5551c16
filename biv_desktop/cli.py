"""The ``biv-desktop`` command: no sub-command opens the window; sub-commands run headless.

Every sub-command is one small function registered with ``@command``; it gets the parsed arguments and
returns the exit status. Heavy imports (Qt, SQLAlchemy, the services) happen inside those functions, so
``--version`` and ``--help`` start at once and headless commands never load Qt.
"""

import argparse
import errno
import io
import json
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from biv_desktop import __version__

if TYPE_CHECKING:
    from biv_desktop.services.groups import GroupRow
    from biv_desktop.store.database import Database

PROG = "biv-desktop"
MAX_DEMO_YEARS = 30

Runner = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A problem the command line reports as one Swedish sentence with exit status 1."""


@dataclass(frozen=True)
class Command:
    """One sub-command: its name, one line of Swedish help, its arguments and what it does."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Runner


COMMANDS: dict[str, Command] = {}


def command(
    name: str, help: str, add_arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Runner], Runner]:
    """Register a function as the sub-command ``name``, with its Swedish help and its arguments."""
    # A command with sub-commands of its own (``report session-sheet``) adds them in ``add_arguments`` and
    # gives each one ``set_defaults(run=...)``, which overrides the ``run`` set here.

    def register(run: Runner) -> Runner:
        COMMANDS[name] = Command(name, help, add_arguments, run)
        return run

    return register


# argparse's own messages are English; these are the ones a user of this program can meet.
_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", r"följande argument saknas: \1"),
    (r"argument (.*): not allowed with argument (.*)", r"argumentet \1 går inte att kombinera med \2"),
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
    (r"argument (.*): expected one argument", r"argumentet \1 behöver ett värde"),
    (
        r"argument (.*): invalid choice: (.*) \(choose from (.*)\)",
        r"argumentet \1: ogiltigt val \2 (välj bland \3)",
    ),
    (r"argument (.*): invalid (.*) value: (.*)", r"argumentet \1 har ett ogiltigt värde: \3"),
    (r"argument (.*?): (.*)", r"argumentet \1: \2"),
)


class SwedishHelpFormatter(argparse.HelpFormatter):
    """Help text headed the Swedish way."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class SwedishArgumentParser(argparse.ArgumentParser):
    """An argument parser whose help and usage errors speak Swedish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SwedishHelpFormatter)
        kwargs.setdefault("allow_abbrev", False)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _years(text: str) -> int:
    try:
        years = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"antalet år ska vara ett heltal, inte {text!r}") from None
    if not 1 <= years <= MAX_DEMO_YEARS:
        raise argparse.ArgumentTypeError(f"antalet år ska vara mellan 1 och {MAX_DEMO_YEARS}, inte {years}")
    return years


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"fröet ska vara ett heltal, inte {text!r}") from None


def _add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        type=Path,
        metavar="FIL",
        help="databasfilen att läsa (standard: din egen databas)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with every registered sub-command."""
    parser = SwedishArgumentParser(
        prog=PROG,
        description="BIV Desktop: planering, närvaro och uppföljning för stödgrupperna "
        "Barn i väntan och Barn i start. Utan kommando öppnas programfönstret.",
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help="visa versionen och avsluta"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--database",
        dest="window_database",
        type=Path,
        metavar="FIL",
        help="öppna den här databasfilen i stället för din egen",
    )
    source.add_argument(
        "--demo",
        action="store_true",
        help="öppna påhittade demodata i en tillfällig mapp; din egen databas rörs inte",
    )
    parser.set_defaults(run=_open_window, database=None)
    subparsers = parser.add_subparsers(
        title="kommandon", metavar="KOMMANDO", parser_class=SwedishArgumentParser
    )
    for entry in COMMANDS.values():
        subparser = subparsers.add_parser(
            entry.name, help=entry.help, description=entry.help[:1].upper() + entry.help[1:] + "."
        )
        entry.add_arguments(subparser)
        subparser.set_defaults(run=entry.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (0 fine, 1 a reported error, 2 a usage error)."""
    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.demo and args.run is not _open_window:
            parser.error("--demo gäller bara när programfönstret öppnas, inte med ett kommando")
    except SystemExit as exit_:
        # --help, --version and usage errors end the parse; main still returns their status.
        return exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130
    except Exception as error:
        message = _error_sentence(error)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 1


def _use_utf8(stream: Any) -> None:
    # Swedish letters and names in Arabic script must survive a Windows console or a pipe.
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")


def _error_sentence(error: Exception) -> str | None:
    """The Swedish sentence for an error the user can act on, or None for a bug (which keeps its traceback)."""
    from biv_desktop.domain.errors import ValidationError
    from biv_desktop.store.errors import StoreError

    if isinstance(error, CommandError | StoreError | ValidationError):
        return str(error)
    if isinstance(error, FileExistsError):
        if error.filename is None:  # raised with a sentence of its own
            return str(error)
        return (
            f"Filen {error.filename} finns redan. Välj ett annat filnamn; den befintliga filen lämnas orörd."
        )
    if isinstance(error, OSError):
        return _os_error_sentence(error)
    return None


def _os_error_sentence(error: OSError) -> str:
    where = error.filename if error.filename is not None else "filen"
    reasons = {
        errno.EACCES: "du saknar behörighet där",
        errno.EPERM: "du saknar behörighet där",
        errno.EROFS: "platsen är skrivskyddad",
        errno.ENOSPC: "disken är full",
        errno.ENOENT: "mappen finns inte",
        errno.ENOTDIR: "en del av sökvägen är ingen mapp",
        errno.EISDIR: "det är en mapp",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return f"Det gick inte att använda {where}: {reason}."


# ---- opening the window ---------------------------------------------------------------------------


def _window() -> Callable[..., int]:
    """The window's ``run``, imported only now so headless commands never load Qt."""
    try:
        from biv_desktop.ui.app import run
    except ImportError as error:
        raise CommandError(
            f"Programfönstret kunde inte startas ({error}). På Debian och Ubuntu behövs paketen "
            "libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0."
        ) from error
    window: Callable[..., int] = run
    return window


def _open_window(args: argparse.Namespace) -> int:
    """Open the window on the user's own database, a chosen file, or fresh demo data."""
    run = _window()
    if args.demo:
        from biv_desktop.demo import write_demo_database

        # A private folder (mode 0700) that disappears with the demo, so fictional data never mixes with real.
        with tempfile.TemporaryDirectory(prefix="biv-desktop-demo-", ignore_cleanup_errors=True) as folder:
            path = Path(folder) / "demo.sqlite"
            write_demo_database(path, years=3)
            return run(path, demo=True)
    if args.window_database is not None:
        return run(args.window_database.expanduser())
    from biv_desktop.paths import default_database

    return run(default_database())


# ---- headless helpers -----------------------------------------------------------------------------


def _database_path(args: argparse.Namespace) -> Path:
    """The file a headless command reads: its own --database, the one given before it, or the user's own."""
    chosen: Path | None = args.database or args.window_database
    if chosen is not None:
        return chosen.expanduser()
    from biv_desktop.paths import default_database

    return default_database()


def _open_existing(path: Path) -> "Database":
    """Open a register that must already exist: a headless command never creates one by mistake."""
    from biv_desktop.paths import backups_dir
    from biv_desktop.store.register import open_register

    if not path.exists():
        raise CommandError(f"Databasen {path} finns inte.")
    return open_register(path, backups_dir())


# ---- demo-data ------------------------------------------------------------------------------------


def _demo_data_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="FIL", help="den nya databasfilen (får inte finnas)")
    parser.add_argument(
        "--years",
        type=_years,
        default=3,
        metavar="ÅR",
        help=f"hur många års verksamhet, 1–{MAX_DEMO_YEARS} (standard: 3)",
    )
    parser.add_argument(
        "--seed", type=_seed, default=2026, metavar="FRÖ", help="samma frö ger samma data (standard: 2026)"
    )


@command("demo-data", "skriv en ny databas med påhittade demodata", _demo_data_arguments)
def _demo_data(args: argparse.Namespace) -> int:
    from biv_desktop.demo import write_demo_database

    path: Path = args.path.expanduser()
    # A file where a folder should be would otherwise surface as a puzzling "file exists".
    existing = next(folder for folder in path.absolute().parents if folder.exists())
    if not existing.is_dir():
        raise CommandError(f"{existing} är en fil, inte en mapp. Välj en plats i en mapp där du får skriva.")
    summary = write_demo_database(path, years=args.years, seed=args.seed)
    print(f"Demodatabasen {path} är skriven med påhittade uppgifter ({args.years} år, frö {args.seed}).")
    print("\n".join(summary.lines()))
    return 0


# ---- groups ---------------------------------------------------------------------------------------


def _groups_arguments(parser: argparse.ArgumentParser) -> None:
    _add_database_option(parser)
    parser.add_argument(
        "--json", action="store_true", help="skriv grupperna som JSON i stället för en tabell"
    )


@command("groups", "lista grupperna", _groups_arguments)
def _groups(args: argparse.Namespace) -> int:
    from biv_desktop.services.groups import list_groups

    database = _open_existing(_database_path(args))
    try:
        rows = list_groups(database)
    finally:
        database.close()
    if args.json:
        print(json.dumps([_group_json(row) for row in rows], ensure_ascii=False, indent=2))
    elif not rows:
        print("Det finns inga grupper.")
    else:
        print(_group_table(rows))
    return 0


def _group_table(rows: "Sequence[GroupRow]") -> str:
    lines = [
        (row.start_date.isoformat(), row.status.label, row.name, f"{row.participant_count}/{row.capacity}")
        for row in rows
    ]
    status_width = max(len(line[1]) for line in lines)
    name_width = max(len(line[2]) for line in lines)
    return "\n".join(
        f"{start}  {status:<{status_width}}  {name:<{name_width}}  {places}"
        for start, status, name, places in lines
    )


def _group_json(row: "GroupRow") -> dict[str, Any]:
    return {
        "id": row.id,
        "uuid": row.uuid,
        "name": row.name,
        "programme": row.programme.value,
        "kind": row.kind.value,
        "language": row.language,
        "age_min": row.age_min,
        "age_max": row.age_max,
        "premises": row.premises,
        "district": row.district,
        "start_date": row.start_date.isoformat(),
        "weekday": row.weekday,
        "start_time": row.start_time.strftime("%H:%M"),
        "end_time": row.end_time.strftime("%H:%M"),
        "status": row.status.value,
        "leaders": list(row.leader_names),
        "interpreter": row.interpreter_name or None,
        "participants": row.participant_count,
        "capacity": row.capacity,
    }
