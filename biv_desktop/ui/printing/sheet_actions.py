"""What other screens call to print a sheet: each opens the preview, from which it prints or saves.

- ``print_session_sheet(parent, database, session_id)``: one session (session and schedule views).
- ``print_course_sheet(parent, database, group_id)``: the whole course, filled or blank (group view).
- ``print_pack(parent, database, first, last, premises_id=None)``: every session of a period (schedule).
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from biv_desktop.services import printing as sheets
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import warn
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.common.worker import Progress
from biv_desktop.ui.printing.pages import tr
from biv_desktop.ui.printing.preview import SheetPreviewDialog, open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting

T = TypeVar("T")


def _load(parent: QWidget | None, load: Callable[[], T]) -> T | None:
    return service_result(parent, tr("Listan kunde inte göras"), load)


def print_session_sheet(
    parent: QWidget | None, database: Database, session_id: int, printed_on: dt.date | None = None
) -> SheetPreviewDialog | None:
    """Preview one session's attendance sheet, to print or save (for the session and schedule views)."""
    # The sheets are drawn with reportlab: imported with the first sheet, not with the screens that offer it.
    from biv_desktop.reports.sheets import labels
    from biv_desktop.reports.sheets.session_sheet import write_session_sheet

    sheet = _load(parent, lambda: sheets.session_sheet(database, session_id))
    if sheet is None:
        return None
    title = tr("Närvarolista – {place}, {date}").format(
        place=labels.session_place(sheet), date=sheet.session.date.isoformat()
    )
    job = SheetPrinting(
        parent,
        title,
        labels.session_sheet_file_name(sheet.session.date, sheet.group.id),
        lambda path, _progress: write_session_sheet(path, sheet, printed_on),
    )
    return open_preview(parent, [(title, job)])


def print_course_sheet(
    parent: QWidget | None, database: Database, group_id: int, printed_on: dt.date | None = None
) -> SheetPreviewDialog | None:
    """Preview the group's course sheet, filled from the recorded attendance or blank (for the group view)."""
    from biv_desktop.reports.sheets import labels
    from biv_desktop.reports.sheets.course_sheet import write_course_sheet

    sheet = _load(parent, lambda: sheets.course_sheet(database, group_id))
    if sheet is None:
        return None
    course = sheet

    def writer(blank: bool) -> Callable[[Path, Progress], object]:
        return lambda path, _progress: write_course_sheet(path, course, printed_on, blank=blank)

    title = tr("Närvarolista för hela kursen – {group}").format(group=sheet.group.name)
    variants = [
        (
            text,
            SheetPrinting(
                parent, title, labels.course_sheet_file_name(sheet.group.id, blank=blank), writer(blank)
            ),
        )
        for blank, text in (
            (False, tr("Ifylld med registrerad närvaro")),
            (True, tr("Tom, att fylla i för hand")),
        )
    ]
    if not sheet.has_marks:
        variants.reverse()  # nothing recorded yet: the blank sheet is what is wanted
    return open_preview(parent, variants)


def print_pack(
    parent: QWidget | None,
    database: Database,
    first: dt.date,
    last: dt.date,
    premises_id: int | None = None,
    printed_on: dt.date | None = None,
) -> SheetPreviewDialog | None:
    """Preview every session sheet from first to last (optionally at one premises) in one PDF (for the
    schedule view)."""
    from biv_desktop.reports.sheets import labels
    from biv_desktop.reports.sheets import pack as packs

    pack = _load(parent, lambda: sheets.print_pack(database, first, last, premises_id))
    if pack is None:
        return None
    if not pack.sheets:
        warn(parent, tr("Inga träffar"), f"{packs.nothing_to_print(pack)} {tr('Välj en annan period.')}")
        return None
    title = tr("Närvarolistor {first} – {last}").format(first=first.isoformat(), last=last.isoformat())
    job = SheetPrinting(
        parent,
        title,
        labels.pack_file_name(first, last, pack.premises),
        lambda path, progress: packs.write_print_pack(path, pack, printed_on, progress),
    )
    return open_preview(parent, [(title, job)])
