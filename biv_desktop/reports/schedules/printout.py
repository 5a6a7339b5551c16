"""A personal schedule on A4 (landscape): one line per session with date, weekday, time, group, premises
with address, theme and who else works there; cancelled sessions in grey, marked 'Inställd'."""

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from biv_desktop.reports.document import Orientation, Printout
from biv_desktop.reports.sheets.cells import grid_style, hint, label, value
from biv_desktop.reports.sheets.shapes import GREY_TEXT, INK, SHADE, WrappedText
from biv_desktop.services.schedule import PersonalSchedule, ScheduleEntry

WIDTHS = (64.0, 52.0, 64.0, 150.0, 170.0, 150.0)  # the last column takes the rest


def _count(schedule: PersonalSchedule) -> str:
    held = schedule.taking_place
    cancelled = len(schedule.entries) - held
    text = "1 träff" if held == 1 else f"{held} träffar"
    if cancelled:
        text += f", {cancelled} inställd" if cancelled == 1 else f", {cancelled} inställda"
    return text


def printout(schedule: PersonalSchedule, printed_on: dt.date) -> Printout:
    """The page frame: who the schedule is for in the heading, the period and the count under it."""
    return Printout(
        document_title=schedule.neutral_title,
        heading=schedule.title,
        subheading=f"{schedule.first.isoformat()} – {schedule.last.isoformat()} · {_count(schedule)}",
        printed_on=printed_on,
        orientation=Orientation.LANDSCAPE,
    )


def _cell(text: str, entry: ScheduleEntry, *, bold: bool = False) -> Flowable:
    return value(text, 9.5, bold=bold) if entry.session.takes_place else hint(text, 9.5)


def _wrapped(text: str, entry: ScheduleEntry) -> Flowable:
    return WrappedText(
        text or "–", size=9.0, max_lines=2, colour=INK if entry.session.takes_place else GREY_TEXT
    )


def _row(entry: ScheduleEntry) -> list[object]:
    reading = entry.session
    theme = reading.theme or "–"
    if not reading.takes_place:
        theme = f"Inställd – {theme}"
    group = [_wrapped(reading.group_name, entry), hint(f"{reading.label} · {entry.language}", 8.0)]
    return [
        _cell(reading.date.isoformat(), entry, bold=True),
        _cell(entry.weekday, entry),
        _cell(entry.times, entry),
        group,
        _wrapped(entry.place, entry),
        _wrapped(theme, entry),
        _wrapped(", ".join(entry.colleagues), entry),
    ]


def story(schedule: PersonalSchedule, width: float) -> list[Flowable]:
    """The table of sessions, or a sentence when there are none."""
    if not schedule.entries:
        return [Spacer(0, 10), value("Inga träffar under perioden.", 11.0)]
    widths = list(WIDTHS)
    widths.append(width - sum(widths))
    head: list[object] = [
        label(text)
        for text in ("Datum", "Dag", "Tid", "Grupp", "Lokal och adress", "Tema", "Tillsammans med")
    ]
    rows: list[list[object]] = [head, *(_row(entry) for entry in schedule.entries)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid_style()
    style += [("VALIGN", (0, 1), (-1, -1), "TOP"), ("TOPPADDING", (0, 1), (-1, -1), 4)]
    for index, entry in enumerate(schedule.entries, start=1):
        if not entry.session.takes_place:
            style.append(("BACKGROUND", (0, index), (-1, index), SHADE))
    table.setStyle(TableStyle(style))
    return [table]


def build_schedule(stream: BinaryIO, schedule: PersonalSchedule, printed_on: dt.date) -> int:
    """Write the schedule as a PDF to stream and return its page count."""
    frame = printout(schedule, printed_on)
    return frame.build(stream, story(schedule, frame.content_width))


def write_schedule(path: Path, schedule: PersonalSchedule, printed_on: dt.date | None = None) -> Path:
    """Save the schedule as a PDF at path, whole or not at all."""
    frame = printout(schedule, printed_on or dt.date.today())
    return frame.save(path, story(schedule, frame.content_width))
