"""The print pack: every session sheet of a period in one PDF, to print before leaving the office.

Each sheet starts on a new page and counts its own pages ("Sida 1 av 1"), so a leader handed one sheet
from the stack can see it is whole. The sheets are laid out as parts of one document (fonts embedded once,
about a term's hundred sheets in a second or two); the PDF's outline lists them (date, time, premises
and group: no personal names) for finding one on screen.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from biv_desktop.reports.document import Part, build_parts
from biv_desktop.reports.errors import ReportError
from biv_desktop.reports.files import write_pdf_atomically
from biv_desktop.reports.sheets import labels
from biv_desktop.reports.sheets.session_sheet import printout, story
from biv_desktop.services.printing.sheets import PrintPack, SessionSheet


class EmptyPackError(ReportError):
    """No session takes place in the chosen period (and premises): there is nothing to print."""


@dataclass(frozen=True)
class PackResult:
    """What a print pack holds: the sheets and the pages they take."""

    path: Path
    sheets: int
    pages: int


def pack_title(pack: PrintPack) -> str:
    """The neutral title the PDF's metadata carries, e.g. 'Närvarolistor 2026-04-13 – 2026-04-19'."""
    return f"{labels.PACK_TITLE} {pack.first.isoformat()} – {pack.last.isoformat()}"


def nothing_to_print(pack: PrintPack) -> str:
    """Why an empty pack has no sheets, e.g. 'Inga träffar äger rum i Berga kyrka från … till ….'"""
    where = f" i {pack.premises}" if pack.premises else ""
    return (
        f"Inga träffar äger rum{where} från {pack.first.isoformat()} till {pack.last.isoformat()} "
        "(inställda räknas inte)."
    )


def empty_message(pack: PrintPack) -> str:
    return f"{nothing_to_print(pack)} Ingen fil har skrivits; välj en annan period."


def _outline_entry(sheet: SessionSheet) -> str:
    return f"{sheet.session.date.isoformat()} {sheet.session.start_time:%H:%M} {sheet.session.premises} – {sheet.group.name}"


def build_print_pack(
    stream: BinaryIO, pack: PrintPack, printed_on: dt.date, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write every sheet of the pack as one PDF to stream and return the page count; ``progress`` is told
    (sheets done, sheets) as it goes, and may raise to stop the work (the user cancelled)."""
    if not pack.sheets:
        raise EmptyPackError(empty_message(pack))
    parts = []
    total = len(pack.sheets)
    for done, sheet in enumerate(pack.sheets):
        if progress is not None:
            progress(done, total)
        frame = printout(sheet, printed_on)
        parts.append(Part(frame, story(sheet, frame.content_width), _outline_entry(sheet)))
    return build_parts(stream, parts, pack_title(pack))


def write_print_pack(
    path: Path,
    pack: PrintPack,
    printed_on: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PackResult:
    """Save the pack as one PDF at path, whole or not at all; EmptyPackError (and no file) when it is empty.
    ``progress`` as for build_print_pack."""
    if not pack.sheets:
        raise EmptyPackError(empty_message(pack))
    pages = 0

    def build(stream: BinaryIO) -> None:
        nonlocal pages
        pages = build_print_pack(stream, pack, printed_on or dt.date.today(), progress)

    written = write_pdf_atomically(path, build)
    return PackResult(written, len(pack.sheets), pages)
