"""The attendance sheet of one session (A4 portrait): what, where and who leads it, the theme and the
materials to bring; one row per enrolled participant with boxes for present and notified absence and room
for a comment; empty rows for walk-ins; the leaders' and interpreter's presence with the leaders'
signatures; and lines for notes.
"""

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from biv_desktop.domain.calendar import long_date, time_range
from biv_desktop.reports.document import Orientation, Printout
from biv_desktop.reports.sheets import labels
from biv_desktop.reports.sheets.cells import grid_style, hint, label, name_cell, value
from biv_desktop.reports.sheets.shapes import INK, CheckMark, TickBox, WrappedText, WritingLines
from biv_desktop.services.printing.sheets import SessionSheet

WALK_IN_ROWS = 3
PARTICIPANT_ROW_HEIGHT = 30.0
STAFF_ROW_HEIGHT = 28.0
NOTE_LINES = 3
NOTIFIED_AHEAD = "Frånvaro anmäld i förväg"


def printout(sheet: SessionSheet, printed_on: dt.date) -> Printout:
    """The page frame: the group in the heading, the session, day, time and place under it on every page."""
    return Printout(
        document_title=labels.SESSION_SHEET_TITLE,
        heading=labels.session_heading(sheet),
        subheading=labels.session_subheading(sheet),
        printed_on=printed_on,
        orientation=Orientation.PORTRAIT,
    )


def _facts(sheet: SessionSheet, width: float) -> Table:
    group = sheet.group
    left = [
        ("Träff", labels.session_place(sheet).removeprefix("Träff ")),
        ("Datum", long_date(sheet.session.date)),
        ("Tid", time_range(sheet.session.start_time, sheet.session.end_time)),
        ("Lokal", sheet.session.premises),
        ("Adress", sheet.session.premises_address or "–"),
    ]
    right = [
        ("Program", labels.programme_line(group)),
        ("Grupp", labels.group_kind_line(group)),
        ("Språk", group.language),
        ("Gruppledare", labels.names_or_none(sheet.session.leader_names, "ingen bokad")),
        ("Tolk", sheet.session.interpreter_name or "ingen bokad"),
    ]
    label_width = 66.0
    value_width = width / 2 - label_width
    # Labels drawn like the values, so both sit on one baseline.
    rows = [
        [value(a, 8.5, bold=True), value(b), value(c, 8.5, bold=True), value(d)]
        for (a, b), (c, d) in zip(left, right, strict=True)
    ]
    table = Table(rows, colWidths=[label_width, value_width, label_width, value_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _theme(sheet: SessionSheet, width: float) -> Table:
    content: list[Flowable] = [value(sheet.session.theme or "–", 13.0, bold=True)]
    if sheet.session.theme_description:
        content.append(WrappedText(sheet.session.theme_description, size=9.0, max_lines=3))
    rows: list[list[object]] = [[label("Tema", 10.0), content]]
    if sheet.session.materials.strip():
        # What the leaders bring, so the sheet they hold is also their packing list.
        rows.append([label("Material", 10.0), WrappedText(sheet.session.materials, size=9.5, max_lines=4)])
    last = len(rows) - 1
    table = Table(rows, colWidths=[66.0, width - 66.0])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, -1), 4),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, INK),
                ("LINEBELOW", (0, last), (-1, last), 0.5, INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _participants(sheet: SessionSheet, width: float) -> Table:
    widths = [22.0, 190.0, 36.0, 62.0, 62.0]
    widths.append(width - sum(widths))
    head = [
        label("Nr", centred=True),
        label("Namn"),
        label("Född", centred=True),
        label("Närvarande", centred=True),
        label("Anmäld frånvaro", centred=True),
        label("Kommentar"),
    ]
    rows: list[list[object]] = [list(head)]
    for number, person in enumerate(sheet.participants, start=1):
        notified = person.id in sheet.notified_absent
        rows.append(
            [
                label(str(number), 9.0, bold=False, centred=True),
                name_cell(person.name, person.native_name),
                label(str(person.birth_year), 9.5, bold=False, centred=True),
                TickBox(),
                CheckMark() if notified else TickBox(),
                hint(NOTIFIED_AHEAD, 8.5) if notified else "",
            ]
        )
    if not sheet.participants:
        rows.append(["", hint("Ingen deltagare är inskriven den här dagen."), "", "", "", ""])
    walk_in_title = len(rows)
    rows.append(["", hint("Nya deltagare eller andra som kommer: skriv namn och födelseår"), "", "", "", ""])
    first = len(sheet.participants) + 1
    for offset in range(WALK_IN_ROWS):
        rows.append(
            [label(str(first + offset), 9.0, bold=False, centred=True), "", "", TickBox(), TickBox(), ""]
        )
    heights = [0.0 if index in (0, walk_in_title) else PARTICIPANT_ROW_HEIGHT for index in range(len(rows))]
    table = Table(rows, colWidths=widths, minRowHeights=heights, repeatRows=1)
    style = grid_style()
    style += [
        ("SPAN", (1, walk_in_title), (-1, walk_in_title)),
        ("TOPPADDING", (0, walk_in_title), (-1, walk_in_title), 5),
        ("LINEABOVE", (0, walk_in_title), (-1, walk_in_title), 0.8, INK),
    ]
    if not sheet.participants:
        style.append(("SPAN", (1, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    return table


def _staff(sheet: SessionSheet, width: float) -> Table:
    widths = [84.0, 190.0, 62.0]
    widths.append(width - sum(widths))
    leaders = list(sheet.session.leader_names[:2])
    leaders += [""] * (2 - len(leaders))
    rows: list[list[object]] = [
        [label("Roll"), label("Namn"), label("Närvarande", centred=True), label("Underskrift")]
    ]
    for name in leaders:
        rows.append([value("Gruppledare", 9.0), value(name) if name else "", TickBox(), ""])
    interpreter = (
        value(sheet.session.interpreter_name) if sheet.session.interpreter_name else hint("ingen tolk bokad")
    )
    rows.append([value("Tolk", 9.0), interpreter, TickBox(), ""])
    table = Table(rows, colWidths=widths, rowHeights=[None] + [STAFF_ROW_HEIGHT] * 3)
    table.setStyle(TableStyle(grid_style()))
    return table


NOT_HELD = "Träffen är inställd: listan är inte till för att ta närvaro."


def _not_held(width: float) -> Table:
    """A boxed line across the page for a session that will not take place: in the header alone ("Träff 6 av
    14 – inställd"), a sheet printed for it looked like one to take the roll on."""
    table = Table([[value(NOT_HELD, 11.0, bold=True)]], colWidths=[width], rowHeights=[26.0])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.6, INK), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


class _Notes(Flowable):
    """The notes: their heading and the lines the page has left under it, at least one and at most
    NOTE_LINES. Kept together by itself: where not even one line fits, the frame moves it to the next page.

    Three lines always (in a KeepTogether) sent the leaders' block and the notes of a full group with
    names in two scripts to a second sheet of their own.
    """

    GAP = 4.0

    def __init__(self) -> None:
        super().__init__()
        self.heading = label("Anteckningar", 10.0)
        self.lines = WritingLines(NOTE_LINES, least=1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        heading = self.heading.wrap(availWidth, availHeight)[1]
        lines = self.lines.wrap(availWidth, availHeight - heading - self.GAP)[1]
        self.width, self.height = availWidth, heading + self.GAP + lines
        return self.width, self.height

    def draw(self) -> None:
        self.heading.drawOn(self.canv, 0, self.height - self.heading.height)
        self.lines.drawOn(self.canv, 0, 0)


def story(sheet: SessionSheet, width: float) -> list[Flowable]:
    """Everything below the page header, for a page of the given content width."""
    staff: list[Flowable] = [
        Spacer(0, 12),
        label("Gruppledare och tolk", 10.0),
        Spacer(0, 4),
        _staff(sheet, width),
    ]
    return [
        _facts(sheet, width),
        *([] if sheet.session.takes_place else [Spacer(0, 8), _not_held(width)]),
        Spacer(0, 8),
        _theme(sheet, width),
        Spacer(0, 10),
        _participants(sheet, width),
        KeepTogether(staff),
        Spacer(0, 12),
        _Notes(),
    ]


def build_session_sheet(stream: BinaryIO, sheet: SessionSheet, printed_on: dt.date) -> int:
    """Write the session's sheet as a PDF to stream and return its page count."""
    frame = printout(sheet, printed_on)
    return frame.build(stream, story(sheet, frame.content_width))


def write_session_sheet(path: Path, sheet: SessionSheet, printed_on: dt.date | None = None) -> Path:
    """Save the session's sheet as a PDF at path, whole or not at all."""
    frame = printout(sheet, printed_on or dt.date.today())
    return frame.save(path, story(sheet, frame.content_width))
