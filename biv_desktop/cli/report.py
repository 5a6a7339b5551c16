"""``biv-desktop report``: the printed attendance sheets as PDF files, without opening the window.

biv-desktop report session-sheet --group ID --session N --out FIL.pdf
biv-desktop report course-sheet --group ID [--blank] --out FIL.pdf
biv-desktop report print-pack --from DATUM --to DATUM [--premises NAMN] --out FIL.pdf
"""

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from biv_desktop.cli.followup import add_follow_up_report
from biv_desktop.cli.headless import add_database_option, database_path, open_existing, output_path
from biv_desktop.cli.parser import CommandError, SwedishArgumentParser, command

if TYPE_CHECKING:
    from biv_desktop.store.database import Database


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"träffens nummer ska vara ett heltal, inte {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"träffens nummer ska vara 1 eller mer, inte {number}")
    return number


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} är inget datum; skriv det som ÅÅÅÅ-MM-DD") from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FIL", help="PDF-filen att skriva")
    add_database_option(parser)


def _group_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--group",
        required=True,
        metavar="ID",
        help="gruppens id (som i biv-desktop groups --json) eller dess uuid",
    )


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(
        title="rapporter", metavar="RAPPORT", dest="report", required=True, parser_class=SwedishArgumentParser
    )
    session = kinds.add_parser(
        "session-sheet",
        help="närvarolistan för en träff (A4 stående)",
        description="Närvarolistan för en träff: deltagarna med rutor för närvaro och anmäld frånvaro.",
    )
    _group_option(session)
    session.add_argument(
        "--session", type=_positive, required=True, metavar="N", help="träffens nummer i gruppens schema"
    )
    _common(session)
    session.set_defaults(run=_session_sheet)

    course = kinds.add_parser(
        "course-sheet",
        help="närvarolistan för hela kursen (A4 liggande)",
        description="Alla deltagare mot gruppens alla träffar, ifylld med registrerad närvaro eller tom.",
    )
    _group_option(course)
    course.add_argument("--blank", action="store_true", help="tom lista att fylla i för hand")
    _common(course)
    course.set_defaults(run=_course_sheet)

    pack = kinds.add_parser(
        "print-pack",
        help="alla närvarolistor för en period i en PDF",
        description="Närvarolistorna för alla träffar i en period (inställda räknas inte), i en PDF.",
    )
    pack.add_argument("--from", dest="first", type=_date, required=True, metavar="DATUM", help="första dagen")
    pack.add_argument("--to", dest="last", type=_date, required=True, metavar="DATUM", help="sista dagen")
    pack.add_argument("--premises", metavar="NAMN", help="bara träffar i den här lokalen")
    _common(pack)
    pack.set_defaults(run=_print_pack)
    add_follow_up_report(kinds)


@command("report", "skriv närvarolistor och uppföljningen till fil", _report_arguments)
def _report(args: argparse.Namespace) -> int:
    # Never reached: argparse requires one of the reports, and each sets its own run.
    raise CommandError("Välj en rapport: session-sheet, course-sheet, print-pack eller follow-up.")


def _group_id(database: "Database", reference: str) -> int:
    from biv_desktop.domain.errors import ValidationError
    from biv_desktop.services.groups import find_group_id

    try:
        return find_group_id(database, reference)
    except ValidationError as error:
        raise CommandError(f"{error.message.rstrip('.')}; se biv-desktop groups --json.") from error


def _session_sheet(args: argparse.Namespace) -> int:
    from biv_desktop.reports.sheets import write_session_sheet
    from biv_desktop.services.printing import session_sheet_by_number

    path = database_path(args)
    out = output_path(args, path)
    database = open_existing(path)
    try:
        sheet = session_sheet_by_number(database, _group_id(database, args.group), args.session)
    finally:
        database.close()
    written = write_session_sheet(out, sheet)
    print(
        f"Närvarolistan för träff {args.session} i {sheet.group.name} ({sheet.session.date}) är sparad i {written}."
    )
    return 0


def _course_sheet(args: argparse.Namespace) -> int:
    from biv_desktop.reports.sheets import write_course_sheet
    from biv_desktop.services.printing import course_sheet

    path = database_path(args)
    out = output_path(args, path)
    database = open_existing(path)
    try:
        sheet = course_sheet(database, _group_id(database, args.group))
    finally:
        database.close()
    written = write_course_sheet(out, sheet, blank=args.blank)
    kind = "tomma närvarolistan" if args.blank else "ifyllda närvarolistan"
    print(f"Den {kind} för hela kursen i {sheet.group.name} är sparad i {written}.")
    return 0


def _print_pack(args: argparse.Namespace) -> int:
    from biv_desktop.reports.sheets import write_print_pack
    from biv_desktop.services.groups import find_premises_id
    from biv_desktop.services.printing import print_pack

    path = database_path(args)
    out = output_path(args, path)
    database = open_existing(path)
    try:
        premises_id = find_premises_id(database, args.premises) if args.premises is not None else None
        pack = print_pack(database, args.first, args.last, premises_id)
    finally:
        database.close()
    result = write_print_pack(out, pack)
    sheets = "närvarolista" if result.sheets == 1 else "närvarolistor"
    pages = "sida" if result.pages == 1 else "sidor"
    saved = "sparad" if result.sheets == 1 else "sparade"
    print(
        f"{result.sheets} {sheets} ({result.pages} {pages}) för {pack.first} – {pack.last} "
        f"är {saved} i {result.path}."
    )
    return 0
