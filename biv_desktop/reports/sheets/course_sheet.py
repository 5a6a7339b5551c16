"""The course sheet (A4 landscape): every participant against every dated session, themes in the column
heads. Printed blank for marking by hand through the term, or filled from the attendance recorded so far.
"""

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from biv_desktop.domain.enums import Mark
from biv_desktop.reports.document import Orientation, Printout
from biv_desktop.reports.drawing import Align, draw_text
from biv_desktop.reports.sheets import labels
from biv_desktop.reports.sheets.cells import grid_style, hint, label, name_cell, value
from biv_desktop.reports.sheets.shapes import (
    INK,
    SHADE,
    CheckMark,
    draw_check,
    draw_label,
    draw_shade,
    draw_turned_lines,
    wrap_words,
)
from biv_desktop.services.printing.sheets import CourseSheet
from biv_desktop.services.schedule.reading import SessionReading

HEAD_HEIGHT = 104.0
ROW_HEIGHT = 29.0
WALK_IN_ROWS = 2
NUMBER_WIDTH, BORN_WIDTH, TOTAL_WIDTH = 20.0, 32.0, 46.0
NARROWEST_NAME, WIDEST_COLUMN, NARROWEST_COLUMN = 140.0, 38.0, 22.0
# The letters written in a cell, as the legend explains them.
MARK_LETTERS = {Mark.ABSENT: "F", Mark.NOTIFIED_ABSENCE: "A"}


class SessionHead(Flowable):
    """A session's column head: its place in the course and date across, its theme turned up the column."""

    def __init__(self, column: SessionReading) -> None:
        super().__init__()
        self.column = column

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = HEAD_HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        draw_text(
            canvas, 0, top - 10, labels.column_place(self.column), width=self.width, size=9.5, bold=True,
            align=Align.CENTER,
        )  # fmt: skip
        draw_text(
            canvas, 0, top - 20, labels.short_date(self.column.date), width=self.width, size=7.5,
            align=Align.CENTER, min_size=6.0,
        )  # fmt: skip
        room = top - 26
        if not self.column.takes_place:
            draw_turned_lines(canvas, 0, 0, self.width, room, ["inställd"], size=8.0, bold=True)
            return
        size = 7.0
        lines = wrap_words(self.column.theme, room, size, max_lines=2)
        draw_turned_lines(canvas, 0, 0, self.width, room, lines, size=size)

    def __repr__(self) -> str:
        return f"SessionHead(session {self.column.number})"


class Legend(Flowable):
    """What the marks in the cells mean, drawn with the same shapes the cells use."""

    def __init__(self, filled: bool) -> None:
        super().__init__()
        self.filled = filled

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 14.0
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size, box, x = 8.5, 9.0, 0.0
        title = "Förklaring:" if self.filled else "Skriv i rutorna:"
        x += draw_label(canvas, x, 2, title, size, bold=True) + 8
        draw_check(canvas, x, 0.5, box)
        x += box + 4
        x += draw_label(canvas, x, 2, "närvarande", size) + 14
        for letter, meaning in (("A", "anmäld frånvaro"), ("F", "frånvarande utan anmälan")):
            x += draw_label(canvas, x, 2, letter, size, bold=True) + 4
            x += draw_label(canvas, x, 2, meaning, size) + 14
        draw_shade(canvas, x, 0.5, box)
        x += box + 4
        draw_label(canvas, x, 2, "inställd träff, eller deltagaren var inte med i gruppen då", size)


def printout(sheet: CourseSheet, printed_on: dt.date) -> Printout:
    group = sheet.group
    first, last = sheet.sessions[0].date, sheet.sessions[-1].date
    facts = [
        labels.programme_line(group),
        f"{labels.group_kind_line(group)}, {group.language}",
        group.premises,
        labels.weekly_line(group),
        f"{first.isoformat()} – {last.isoformat()}",
    ]
    return Printout(
        document_title=labels.COURSE_SHEET_TITLE,
        heading=f"{labels.COURSE_SHEET_TITLE} – {group.name}",
        subheading=" · ".join(facts),
        printed_on=printed_on,
        orientation=Orientation.LANDSCAPE,
    )


def _column_widths(count: int, width: float) -> list[float]:
    fixed = NUMBER_WIDTH + BORN_WIDTH + TOTAL_WIDTH
    column = max(NARROWEST_COLUMN, min(WIDEST_COLUMN, (width - fixed - NARROWEST_NAME) / max(count, 1)))
    name = width - fixed - column * count
    return [NUMBER_WIDTH, name, BORN_WIDTH, *([column] * count), TOTAL_WIDTH]


def _cell(mark: Mark | None) -> object:
    if mark is Mark.PRESENT:
        return CheckMark()
    if mark is None:
        return ""
    return label(MARK_LETTERS[mark], 10.0, centred=True)


def _table(sheet: CourseSheet, width: float, *, blank: bool) -> Table:
    columns = sheet.sessions
    first_session = 3
    head: list[object] = [
        label("Nr", centred=True),
        label("Namn"),
        label("Född", centred=True),
        *(SessionHead(column) for column in columns),
        label("Summa", centred=True),
    ]
    rows: list[list[object]] = [head]
    style = grid_style()
    style += [("VALIGN", (0, 0), (-1, 0), "BOTTOM"), ("LEFTPADDING", (3, 0), (-2, 0), 1)]
    style += [("RIGHTPADDING", (3, 0), (-2, 0), 1)]
    for index, column in enumerate(columns):
        if not column.takes_place:
            style.append(("BACKGROUND", (first_session + index, 1), (first_session + index, -1), SHADE))
    for number, line in enumerate(sheet.rows, start=1):
        person = line.participant
        cells: list[object] = [
            label(str(number), 9.0, bold=False, centred=True),
            name_cell(person.name, person.native_name, size=9.5),
            label(str(person.birth_year), 9.0, bold=False, centred=True),
        ]
        for index, column in enumerate(columns):
            mark = None if blank else line.marks[index]
            cells.append(_cell(mark))
            if not line.enrolled[index] and mark is None and column.takes_place:
                where = (first_session + index, len(rows))
                style.append(("BACKGROUND", where, where, SHADE))
        cells.append("" if blank else label(str(line.present_count), 9.5, centred=True))
        rows.append(cells)
    if not sheet.rows:
        rows.append(["", hint("Ingen deltagare är inskriven i gruppen."), *[""] * (len(columns) + 2)])
    if blank:
        for offset in range(WALK_IN_ROWS):
            rows.append([label(str(len(sheet.rows) + offset + 1), 9.0, bold=False, centred=True)])
            rows[-1] += [""] * (len(columns) + 3)
    totals: list[object] = [value("Antal närvarande", 8.5, bold=True), "", ""]
    for index, column in enumerate(columns):
        # Sessions nobody has taken attendance for yet get no count rather than a misleading zero.
        shown = not blank and column.takes_place and sheet.taken_at(index)
        totals.append(label(str(sheet.present_at(index)), 9.0, centred=True) if shown else "")
    totals.append("")
    rows.append(totals)
    style += [("SPAN", (0, -1), (2, -1)), ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
    heights = [0.0, *([ROW_HEIGHT] * (len(rows) - 2)), 20.0]
    table = Table(rows, colWidths=_column_widths(len(columns), width), minRowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _staff_line(sheet: CourseSheet) -> str:
    group = sheet.group
    return " · ".join(
        (
            f"Gruppledare: {labels.names_or_none(group.leader_names, 'ingen bokad')}",
            f"Tolk: {group.interpreter_name or 'ingen bokad'}",
            f"Adress: {labels.premises_line(group.premises, group.premises_address)}",
        )
    )


def story(sheet: CourseSheet, width: float, *, blank: bool) -> list[Flowable]:
    """Everything below the page header: who leads, the table, and what the marks mean."""
    if blank:
        note = "Att fylla i för hand vid varje träff."
    else:
        note = (
            "Ifylld med den närvaro som är registrerad i BIV Desktop. Tomma rutor: ingen närvaro registrerad."
        )
    return [
        value(_staff_line(sheet), 9.0),
        hint(note, 8.5),
        Spacer(0, 4),
        _table(sheet, width, blank=blank),
        Spacer(0, 6),
        Legend(filled=not blank),
    ]


def build_course_sheet(stream: BinaryIO, sheet: CourseSheet, printed_on: dt.date, *, blank: bool) -> int:
    """Write the course sheet as a PDF to stream and return its page count."""
    frame = printout(sheet, printed_on)
    return frame.build(stream, story(sheet, frame.content_width, blank=blank))


def write_course_sheet(
    path: Path, sheet: CourseSheet, printed_on: dt.date | None = None, *, blank: bool = False
) -> Path:
    """Save the course sheet as a PDF at path, whole or not at all; blank leaves the marks out."""
    frame = printout(sheet, printed_on or dt.date.today())
    return frame.save(path, story(sheet, frame.content_width, blank=blank))
