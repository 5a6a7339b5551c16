"""``biv-desktop report follow-up``: the half-yearly follow-up report as a PDF or an XLSX workbook.

biv-desktop report follow-up --from DATUM --to DATUM --out FIL.pdf|FIL.xlsx [--database FIL]
"""

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from biv_desktop.cli.headless import add_database_option, database_path, open_existing, output_path

FORMATS = (".pdf", ".xlsx")


def _day(text: str) -> dt.date:
    """A date written ÅÅÅÅ-MM-DD; an impossible one (2024-02-30) is told apart from a misspelt one."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        parts = text.split("-")
        if len(parts) == 3 and all(part.isdigit() for part in parts) and len(parts[0]) == 4:
            raise argparse.ArgumentTypeError(f"{text} är ett datum som inte finns") from None
        raise argparse.ArgumentTypeError(
            f"{text!r} är inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2024-04-01"
        ) from None


def add_follow_up_report(reports: "argparse._SubParsersAction[Any]") -> None:
    """Add ``follow-up`` to the ``report`` command's reports."""
    parser = reports.add_parser(
        "follow-up",
        help="uppföljningen av överenskommelsen för en period (PDF eller XLSX)",
        description="Uppföljningsrapporten för en period: grupper, träffar, deltagare efter ålder och kön, "
        "gruppledare, återkoppling, kommunikation och finansiering. Bara antal, inga namn.",
    )
    parser.add_argument(
        "--from", dest="first", type=_day, required=True, metavar="DATUM", help="periodens första dag"
    )
    parser.add_argument(
        "--to", dest="last", type=_day, required=True, metavar="DATUM", help="periodens sista dag"
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FIL", help="filen att skriva: FIL.pdf eller FIL.xlsx"
    )
    add_database_option(parser)
    parser.set_defaults(run=run_follow_up)


def run_follow_up(args: argparse.Namespace) -> int:
    """Compute the period's figures and write them as the file --out names."""
    from biv_desktop.domain.followup.period import Period
    from biv_desktop.reports.followup import write_follow_up_pdf, write_follow_up_xlsx
    from biv_desktop.services.followup import follow_up_figures

    period = Period(args.first, args.last)  # a reversed period is refused before any file is opened
    path = database_path(args)
    out = output_path(args, path, FORMATS)
    database = open_existing(path)
    try:
        figures = follow_up_figures(database, period.first, period.last)
    finally:
        database.close()
    if out.suffix.lower() == ".pdf":
        written = write_follow_up_pdf(figures, out)
    else:
        written = write_follow_up_xlsx(figures, out)
    print(f"Uppföljningen för {period.label} är sparad i {written}.")
    return 0
