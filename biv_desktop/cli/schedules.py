"""``biv-desktop schedule``: a leader's, an interpreter's or a group's schedule as a PDF or an .ics file.

biv-desktop schedule leader --person ID|NAMN --from DATUM --to DATUM --out FIL.pdf|FIL.ics
biv-desktop schedule interpreter --person ID|NAMN --from DATUM --to DATUM --out FIL.pdf|FIL.ics
biv-desktop schedule group --group ID --out FIL.pdf|FIL.ics
"""

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from biv_desktop.cli.followup import _day
from biv_desktop.cli.headless import add_database_option, database_path, open_existing, output_path
from biv_desktop.cli.parser import CommandError, SwedishArgumentParser, command

if TYPE_CHECKING:
    from biv_desktop.services.schedule import PersonalSchedule
    from biv_desktop.services.staff import InterpreterRow, LeaderRow
    from biv_desktop.store.database import Database

FORMATS = (".pdf", ".ics")


def _person_options(parser: argparse.ArgumentParser, who: str) -> None:
    parser.add_argument(
        "--person", required=True, metavar="ID|NAMN", help=f"{who}ns id eller hela namn (som i programmet)"
    )
    parser.add_argument(
        "--from", dest="first", type=_day, required=True, metavar="DATUM", help="första dagen"
    )
    parser.add_argument("--to", dest="last", type=_day, required=True, metavar="DATUM", help="sista dagen")


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FIL", help="FIL.pdf (utskrift) eller FIL.ics (kalender)"
    )
    add_database_option(parser)


def _arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(
        title="scheman", metavar="SCHEMA", dest="schedule", required=True, parser_class=SwedishArgumentParser
    )
    leader = kinds.add_parser(
        "leader", help="en gruppledares träffar under en period", description="En gruppledares schema."
    )
    _person_options(leader, "gruppledare")
    _out(leader)
    leader.set_defaults(run=_leader)
    interpreter = kinds.add_parser(
        "interpreter", help="en tolks träffar under en period", description="En tolks schema."
    )
    _person_options(interpreter, "tolke")
    _out(interpreter)
    interpreter.set_defaults(run=_interpreter)
    group = kinds.add_parser(
        "group", help="en grupps alla träffar, för dess gruppledare", description="En grupps schema."
    )
    group.add_argument("--group", required=True, metavar="ID", help="gruppens id eller uuid")
    _out(group)
    group.set_defaults(run=_group)


@command("schedule", "skriv en gruppledares, tolks eller grupps schema som PDF eller kalenderfil", _arguments)
def _schedule(args: argparse.Namespace) -> int:
    # Never reached: argparse requires one of the schedules, and each sets its own run.
    raise CommandError("Välj ett schema: leader, interpreter eller group.")


def pick_person(rows: "Sequence[LeaderRow] | Sequence[InterpreterRow]", reference: str, who: str) -> int:
    """The id of the person whose id or whole name (any case) is ``reference``."""
    text = reference.strip()
    if text.isdigit() and any(row.id == int(text) for row in rows):
        return int(text)
    matches = [row.id for row in rows if row.full_name.casefold() == text.casefold()]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise CommandError(f"Flera {who} heter {text}; ange id i stället.")
    raise CommandError(f"Det finns ingen {who} med id eller namn {text}.")


def _write(schedule: "PersonalSchedule", out: Path) -> Path:
    from biv_desktop.reports.schedules import write_calendar, write_schedule

    if out.suffix.lower() == ".ics":
        return write_calendar(out, schedule)
    return write_schedule(out, schedule)


def _told(schedule: "PersonalSchedule", written: Path) -> int:
    count = len(schedule.entries)
    sessions = "1 träff" if count == 1 else f"{count} träffar"
    print(f"{schedule.neutral_title} ({sessions}, {schedule.first} – {schedule.last}) är sparat i {written}.")
    return 0


def _run(args: argparse.Namespace, read: "Callable[[Database], PersonalSchedule]") -> int:
    """Read one schedule from the database --database names and write it to --out."""
    path = database_path(args)
    out = output_path(args, path, FORMATS)
    database = open_existing(path)
    try:
        schedule = read(database)
    finally:
        database.close()
    return _told(schedule, _write(schedule, out))


def _leader(args: argparse.Namespace) -> int:
    from biv_desktop.services.schedule import leader_schedule
    from biv_desktop.services.staff import list_leaders

    def read(database: "Database") -> "PersonalSchedule":
        leader_id = pick_person(list_leaders(database), args.person, "gruppledare")
        return leader_schedule(database, leader_id, args.first, args.last)

    return _run(args, read)


def _interpreter(args: argparse.Namespace) -> int:
    from biv_desktop.services.schedule import interpreter_schedule
    from biv_desktop.services.staff import list_interpreters

    def read(database: "Database") -> "PersonalSchedule":
        interpreter_id = pick_person(list_interpreters(database), args.person, "tolk")
        return interpreter_schedule(database, interpreter_id, args.first, args.last)

    return _run(args, read)


def _group(args: argparse.Namespace) -> int:
    from biv_desktop.cli.report import _group_id
    from biv_desktop.services.schedule import group_schedule

    return _run(args, lambda database: group_schedule(database, _group_id(database, args.group)))
