"""``biv-desktop bookings``: an agency's booking list and the hours for invoicing, as PDF or XLSX.

biv-desktop bookings list --agency NAMN --from DATUM --to DATUM --out FIL.pdf|FIL.xlsx
biv-desktop bookings hours --from DATUM --to DATUM --out FIL.pdf|FIL.xlsx
"""

import argparse
from pathlib import Path

from biv_desktop.cli.followup import _day
from biv_desktop.cli.headless import add_database_option, database_path, open_existing, output_path
from biv_desktop.cli.parser import CommandError, SwedishArgumentParser, command

FORMATS = (".pdf", ".xlsx")


def _period_and_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first", type=_day, required=True, metavar="DATUM", help="första dagen"
    )
    parser.add_argument("--to", dest="last", type=_day, required=True, metavar="DATUM", help="sista dagen")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FIL", help="FIL.pdf (utskrift) eller FIL.xlsx (kalkylark)"
    )
    add_database_option(parser)


def _arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(
        title="listor", metavar="LISTA", dest="listing", required=True, parser_class=SwedishArgumentParser
    )
    listing = kinds.add_parser(
        "list",
        help="bokningslistan till en tolkförmedling för en period",
        description="Träffarna som bokats hos förmedlingen (eller frilans) under perioden. Inga deltagare nämns.",
    )
    listing.add_argument(
        "--agency", required=True, metavar="NAMN", help="förmedlingens namn som i programmet, eller Frilans"
    )
    _period_and_out(listing)
    listing.set_defaults(run=_list)
    hours = kinds.add_parser(
        "hours",
        help="bokade, genomförda och sent avbokade träffar och timmar per tolk, förmedling och gruppledare",
        description="Timmar för att stämma av tolkförmedlingens faktura, och vem som lett när.",
    )
    _period_and_out(hours)
    hours.set_defaults(run=_hours)


@command("bookings", "skriv en tolkförmedlings bokningslista eller timmarna för en period", _arguments)
def _bookings(args: argparse.Namespace) -> int:
    # Never reached: argparse requires one of the lists, and each sets its own run.
    raise CommandError("Välj en lista: list eller hours.")


def _list(args: argparse.Namespace) -> int:
    from biv_desktop.reports.bookings import write_booking_list_pdf, write_booking_list_xlsx
    from biv_desktop.services.bookings import agencies_between, booking_list

    path = database_path(args)
    out = output_path(args, path, FORMATS)
    database = open_existing(path)
    try:
        known = agencies_between(database, args.first, args.last)
        agency = next((name for name in known if name.casefold() == args.agency.strip().casefold()), None)
        if agency is None:
            listed = ", ".join(known) if known else "inga"
            raise CommandError(
                f"Ingen bokning hos {args.agency} under perioden. Förmedlingar med bokningar: {listed}."
            )
        listing = booking_list(database, agency, args.first, args.last)
    finally:
        database.close()
    write = write_booking_list_pdf if out.suffix.lower() == ".pdf" else write_booking_list_xlsx
    written = write(out, listing)
    print(f"Bokningslistan för {agency} ({len(listing.bookings)} bokningar) är sparad i {written}.")
    return 0


def _hours(args: argparse.Namespace) -> int:
    from biv_desktop.reports.bookings import write_hours_pdf, write_hours_xlsx
    from biv_desktop.services.bookings import hours_report

    path = database_path(args)
    out = output_path(args, path, FORMATS)
    database = open_existing(path)
    try:
        report = hours_report(database, args.first, args.last)
    finally:
        database.close()
    written = write_hours_pdf(out, report) if out.suffix.lower() == ".pdf" else write_hours_xlsx(out, report)
    print(f"Timmarna för {report.first} – {report.last} är sparade i {written}.")
    return 0
