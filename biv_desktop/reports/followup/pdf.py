"""The follow-up report as an A4 PDF: each table under a clear Swedish heading and a one-line explanation,
with a few charts, in the shared page frame (confidential footer, page count).
"""

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from biv_desktop.domain.characters import without_non_text
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.document import AGGREGATE_NOTICE, Printout
from biv_desktop.reports.drawing import ScriptText
from biv_desktop.reports.followup.charts import CHART_TITLES, chart_drawing
from biv_desktop.reports.followup.model import Cell, Chart, ReportTable, format_cell
from biv_desktop.reports.followup.sections import report_sections
from biv_desktop.reports.fonts import Script, font_name
from biv_desktop.reports.text import script_of

TITLE = "Uppföljning – Barn i väntan / Barn i start"
CELL_SIZE = 8.5
GREY = HexColor("#555555")
HEADER_BACKGROUND = HexColor("#e8eef4")
TOTAL_BACKGROUND = HexColor("#f3f3f3")
GRID = HexColor("#b8b8b8")
HEADER_SIZE = 8.0
NUMBER_MIN, NUMBER_MAX = 46.0, 96.0
PADDING = 14.0  # a cell's own padding (6 points each side) and a little air
# A table this short is kept on one page with its heading rather than split.
KEEP_TOGETHER_ROWS = 30
# The room a heading needs below it, with a few rows of its table, before a page break is better.
SPLIT_ROOM = 160.0
# A word wider than this share of the page (a pasted link) does not widen its column: it is split over
# lines instead, so no column can push the others off the page.
WIDEST_WORD_SHARE = 0.4
# A text longer than this (only from a register filled outside the program) is cut, with a mark.
LONGEST_CELL_TEXT = 3000


def _style(
    name: str, size: float, *, bold: bool = False, colour: Color | None = None, **extra: object
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font_name(Script.LATIN, bold),
        fontSize=size,
        leading=size * 1.3,
        textColor=colour or HexColor("#000000"),
        **extra,  # type: ignore[arg-type]
    )


class _Styles:
    """The paragraph styles, made once the fonts are registered."""

    def __init__(self) -> None:
        self.section = _style("section", 13, bold=True, spaceBefore=6, spaceAfter=3)
        self.introduction = _style("introduction", 9, spaceAfter=6)
        self.table_title = _style("table_title", 10, bold=True, spaceBefore=8, spaceAfter=1)
        self.explanation = _style("explanation", 8, colour=GREY, spaceAfter=4)
        self.header = _style("header", HEADER_SIZE, bold=True)
        self.header_number = _style("header_number", HEADER_SIZE, bold=True, alignment=TA_RIGHT)
        self.cell = _style("cell", CELL_SIZE)
        self.cell_bold = _style("cell_bold", CELL_SIZE, bold=True)
        self.empty = _style("empty", 9, colour=GREY)


class _Kind(Enum):
    """What a column holds, which decides its width and alignment."""

    NUMBER = "number"
    DATE = "date"
    TEXT = "text"


def _column_kind(table: ReportTable, column: int) -> _Kind:
    values = [row[column] for row in table.rows if row[column] is not None]
    if values and all(isinstance(value, dt.date) for value in values):
        return _Kind.DATE
    if values and not any(isinstance(value, str) for value in values):
        return _Kind.NUMBER
    return _Kind.TEXT


def _text(text: str, style: ParagraphStyle) -> Flowable:
    text = without_non_text(text)
    if len(text) > LONGEST_CELL_TEXT:
        text = text[:LONGEST_CELL_TEXT].rstrip() + " […]"
    # Paragraphs wrap but draw Latin script only; other scripts get the one-line, right-to-left-aware cell.
    if any(script_of(char) not in (Script.LATIN, None) for char in text):
        return ScriptText(text, size=style.fontSize, bold="Bold" in style.fontName, min_size=6.0)
    return Paragraph(escape(text), style)


def _longest_word(texts: list[str], font: str, size: float) -> float:
    return max((stringWidth(word, font, size) for text in texts for word in text.split()), default=0.0)


def _column_widths(table: ReportTable, width: float, kinds: list[_Kind]) -> list[float]:
    """Numbers and dates as wide as they need; text columns share the rest, no word split unless it is
    wider than WIDEST_WORD_SHARE of the page."""
    regular, bold = font_name(Script.LATIN), font_name(Script.LATIN, True)
    widest_word = width * WIDEST_WORD_SHARE
    fixed: dict[int, float] = {}
    smallest: dict[int, float] = {}
    natural: dict[int, float] = {}
    for column, kind in enumerate(kinds):
        values = [format_cell(row[column]) for row in table.rows]
        heading_word = _longest_word([table.columns[column]], bold, HEADER_SIZE)
        if kind is _Kind.TEXT:
            longest_word = min(_longest_word(values, bold, CELL_SIZE), widest_word)
            smallest[column] = max(longest_word, heading_word) + PADDING
            longest = max(
                [stringWidth(value[:LONGEST_CELL_TEXT], regular, CELL_SIZE) for value in values], default=0.0
            )
            natural[column] = max(longest + PADDING, smallest[column])
        else:
            longest = max(stringWidth(value, bold, CELL_SIZE) for value in values)
            fixed[column] = min(NUMBER_MAX, max(NUMBER_MIN, longest + PADDING, heading_word + PADDING))
    left = width - sum(fixed.values())
    extra = left - sum(smallest.values())
    wanted = sum(natural[column] - smallest[column] for column in smallest)
    widths = []
    for column in range(len(kinds)):
        if column in fixed:
            widths.append(fixed[column])
        elif extra <= 0 or wanted <= 0:
            # Too narrow for every word (or room to spare with nothing to wrap): share in proportion.
            widths.append(left * natural[column] / sum(natural.values()))
        else:
            share = (natural[column] - smallest[column]) / wanted
            widths.append(
                smallest[column]
                + min(extra, wanted) * share
                + max(0.0, extra - wanted) * natural[column] / sum(natural.values())
            )
    return widths


def _table(table: ReportTable, width: float, styles: _Styles) -> Flowable:
    kinds = [_column_kind(table, column) for column in range(len(table.columns))]
    header = [
        Paragraph(escape(heading), styles.header_number if kinds[column] is _Kind.NUMBER else styles.header)
        for column, heading in enumerate(table.columns)
    ]
    first_total = len(table.rows) - table.total_rows
    data: list[list[Flowable | str]] = [list(header)]
    # TableStyle commands: (name, start cell, end cell, values…).
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name(Script.LATIN)),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    previous_block: Cell = None
    for index, row in enumerate(table.rows, start=1):
        total = index - 1 >= first_total
        cells: list[Flowable | str] = []
        for column, value in enumerate(row):
            if kinds[column] is not _Kind.TEXT:
                cells.append(format_cell(value))
            elif table.grouped and column == 0 and value == previous_block and not total:
                cells.append("")
            else:
                cells.append(_text(format_cell(value), styles.cell_bold if total else styles.cell))
        if table.grouped and row[0] != previous_block and index > 1:
            commands.append(("LINEABOVE", (0, index), (-1, index), 0.4, GRID))
        previous_block = row[0]
        if total:
            commands.append(("FONTNAME", (0, index), (-1, index), font_name(Script.LATIN, True)))
            commands.append(("BACKGROUND", (0, index), (-1, index), TOTAL_BACKGROUND))
        data.append(cells)
    for column, kind in enumerate(kinds):
        if kind is _Kind.NUMBER:
            commands.append(("ALIGN", (column, 1), (column, -1), "RIGHT"))
    flowable = Table(data, colWidths=_column_widths(table, width, kinds), repeatRows=1, hAlign="LEFT")
    flowable.setStyle(TableStyle(commands))
    return flowable


@dataclass(frozen=True)
class _Block:
    """One table or chart with its heading: kept on one page unless it is too long for that."""

    flowables: list[Flowable]
    may_split: bool = False


def _table_block(table: ReportTable, width: float, styles: _Styles) -> _Block:
    heading: list[Flowable] = [
        Paragraph(escape(table.title), styles.table_title),
        Paragraph(escape(table.explanation), styles.explanation),
    ]
    if not table.rows:
        return _Block([*heading, Paragraph(escape(table.empty_text), styles.empty)])
    # A long table may split over pages; its header row repeats on each.
    return _Block([*heading, _table(table, width, styles)], may_split=len(table.rows) > KEEP_TOGETHER_ROWS)


def _chart_block(chart: Chart, figures: FollowUpFigures, width: float, styles: _Styles) -> _Block:
    title = Paragraph(escape(CHART_TITLES[chart]), styles.table_title)
    return _Block([title, Spacer(0, 4), chart_drawing(chart, figures, width)])


def _placed(lead: list[Flowable], block: _Block) -> list[Flowable]:
    # A heading never ends a page alone: it stays with what follows, or a page break comes first.
    if block.may_split:
        return [CondPageBreak(SPLIT_ROOM), *lead, *block.flowables]
    return [KeepTogether([*lead, *block.flowables])]


def follow_up_story(figures: FollowUpFigures, width: float) -> list[Flowable]:
    """Everything the report prints, in order."""
    styles = _Styles()
    story: list[Flowable] = []
    for section in report_sections(figures):
        lead: list[Flowable] = [
            Paragraph(escape(section.title), styles.section),
            Paragraph(escape(section.introduction), styles.introduction),
        ]
        for item in section.items:
            if isinstance(item, Chart):
                block = _chart_block(item, figures, width, styles)
            else:
                block = _table_block(item, width, styles)
            story.extend(_placed(lead, block))
            lead = []
    return story


def follow_up_printout(figures: FollowUpFigures) -> Printout:
    """The page frame: the title, the period and the day the figures were compiled on every page."""
    return Printout(
        document_title="Uppföljning",
        heading=TITLE,
        subheading=f"Perioden {figures.period.label}",
        printed_on=figures.compiled_on,
        notice=AGGREGATE_NOTICE,
    )


def write_follow_up_pdf(figures: FollowUpFigures, path: Path) -> Path:
    """Write the report as a PDF at path, whole or not at all; ReportWriteError if it cannot be written."""
    printout = follow_up_printout(figures)
    return printout.save(path, follow_up_story(figures, printout.content_width))
