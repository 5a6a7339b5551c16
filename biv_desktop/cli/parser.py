"""The command registry, the Swedish argument parser, and ``main``, which turns errors into one Swedish
sentence on stderr.
"""

import argparse
import errno
import io
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from biv_desktop import __version__

PROG = "biv-desktop"

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


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with every registered sub-command."""
    from biv_desktop.cli.window import open_window

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
    parser.set_defaults(run=open_window, database=None)
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
    from biv_desktop.cli.window import open_window

    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.demo and args.run is not open_window:
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
    from biv_desktop.reports.errors import ReportError
    from biv_desktop.store.errors import StoreError

    if isinstance(error, CommandError | StoreError | ValidationError | ReportError):
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
