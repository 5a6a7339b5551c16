"""The Swedish words the sheets print, and file names that say what a sheet is without naming anyone."""

import datetime as dt
import re
import unicodedata

from biv_desktop.domain.calendar import MONTHS, long_date, time_range, weekday_name
from biv_desktop.domain.enums import GroupKind
from biv_desktop.services.printing.sheets import SessionSheet, SheetGroup
from biv_desktop.services.schedule.reading import SessionReading

SESSION_SHEET_TITLE = "Närvarolista"
COURSE_SHEET_TITLE = "Närvarolista för hela kursen"
PACK_TITLE = "Närvarolistor"


def short_date(day: dt.date) -> str:
    """A column head's date, e.g. '8 apr'."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def session_place(sheet: SessionSheet) -> str:
    """E.g. 'Träff 5 av 14', or 'Träff 6 av 14 – inställd' for a session that will not take place."""
    return sheet.session.label


def column_place(column: SessionReading) -> str:
    """A course-sheet column's number: the session's number, as the schedule and the screens show it."""
    return str(column.number)


def programme_line(group: SheetGroup) -> str:
    """E.g. 'BIV – Barn i väntan'."""
    return f"{group.programme.label} – {group.programme.long_label}"


def group_kind_line(group: SheetGroup) -> str:
    """E.g. 'Barngrupp 10–12 år' or 'Föräldragrupp'."""
    if group.kind is GroupKind.CHILDREN and group.age_band_label:
        return f"{group.kind.label} {group.age_band_label}"
    return group.kind.label


def premises_line(name: str, address: str) -> str:
    """The premises with their address when known, e.g. 'Berga kyrka, Bergavägen 12'."""
    return f"{name}, {address}" if address else name


def weekly_line(group: SheetGroup) -> str:
    """When the group meets, e.g. 'onsdagar 17:00–19:00'."""
    return f"{weekday_name(group.weekday)}ar {time_range(group.start_time, group.end_time)}"


def session_heading(sheet: SessionSheet) -> str:
    return f"{SESSION_SHEET_TITLE} – {sheet.group.name}"


def session_subheading(sheet: SessionSheet) -> str:
    """What tells one sheet of a stack from the next: the session, its day, time and place."""
    return " · ".join(
        (
            session_place(sheet),
            long_date(sheet.session.date),
            time_range(sheet.session.start_time, sheet.session.end_time),
            sheet.session.premises,
        )
    )


def names_or_none(names: tuple[str, ...], none: str) -> str:
    return ", ".join(names) if names else none


def _slug(text: str) -> str:
    # File names stay plain ASCII so they survive every file system, mail program and USB stick.
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def session_sheet_file_name(day: dt.date, group_id: int) -> str:
    """E.g. 'narvarolista-2026-04-08-grupp-12.pdf'."""
    return f"narvarolista-{day.isoformat()}-grupp-{group_id}.pdf"


def course_sheet_file_name(group_id: int, *, blank: bool) -> str:
    """E.g. 'narvaro-hela-kursen-grupp-12.pdf', or with '-tom' for the sheet to fill in by hand."""
    return f"narvaro-hela-kursen-grupp-{group_id}{'-tom' if blank else ''}.pdf"


def pack_file_name(first: dt.date, last: dt.date, premises: str | None = None) -> str:
    """E.g. 'narvarolistor-2026-04-13-2026-04-19-berga-kyrka.pdf'."""
    where = f"-{_slug(premises)}" if premises and _slug(premises) else ""
    return f"narvarolistor-{first.isoformat()}-{last.isoformat()}{where}.pdf"
