"""The register extract as an A4 PDF in Swedish: every stored field, group, attendance mark and the waiting
list for one participant or each member of a family, in the shared confidential page frame.

The PDF's metadata title is the neutral "Registerutdrag" and the suggested file name holds only the date,
so neither a file listing nor a document's properties name the person.
"""

import datetime as dt
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from biv_desktop.reports.document import Printout
from biv_desktop.reports.drawing import ScriptText
from biv_desktop.reports.fonts import Script, font_name
from biv_desktop.reports.text import script_of
from biv_desktop.services.privacy.extract import PersonExtract, RegisterExtract

TITLE = "Registerutdrag"
CONTROLLER = "Svenska kyrkan, Linköpings domkyrkopastorat"
CELL_SIZE = 8.5
GREY = HexColor("#555555")
HEADER_BACKGROUND = HexColor("#e8eef4")
GRID = HexColor("#b8b8b8")
LABEL_WIDTH = 150.0
SECTION_ROOM = 90.0


def default_file_name(today: dt.date) -> str:
    """The name a saved extract is offered under: the date only, never a name."""
    return f"registerutdrag-{today.isoformat()}.pdf"


def _style(
    name: str, size: float, *, bold: bool = False, colour: Color | None = None, **extra: Any
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font_name(Script.LATIN, bold),
        fontSize=size,
        leading=size * 1.3,
        textColor=colour or HexColor("#000000"),
        **extra,
    )


class _Styles:
    """The paragraph styles, made once the fonts are registered."""

    def __init__(self) -> None:
        self.body = _style("body", 9, spaceAfter=4)
        self.section = _style("section", 10.5, bold=True, spaceBefore=8, spaceAfter=3)
        self.note = _style("note", 8, colour=GREY, spaceAfter=4)
        self.header = _style("header", 8, bold=True)
        self.cell = _style("cell", CELL_SIZE)
        self.label = _style("label", CELL_SIZE, bold=True)


def _cell(text: str, style: ParagraphStyle) -> Flowable:
    # Paragraphs wrap but draw Latin script only; other scripts get the one-line, right-to-left-aware cell.
    if any(script_of(char) not in (Script.LATIN, None) for char in text):
        return ScriptText(text, size=style.fontSize, bold="Bold" in style.fontName, min_size=6.0)
    return Paragraph(escape(text), style)


def _table(rows: list[list[Flowable]], widths: list[float], *, header: bool) -> Table:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID),
        ]
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "–"


def _fields(person: PersonExtract, width: float, styles: _Styles) -> Flowable:
    rows = [[_cell(field.label, styles.label), _cell(field.value, styles.cell)] for field in person.fields]
    return _table(rows, [LABEL_WIDTH, width - LABEL_WIDTH], header=False)


def _enrolments(person: PersonExtract, width: float, styles: _Styles) -> list[Flowable]:
    if not person.enrolments:
        return [Paragraph("Har inte varit med i någon grupp.", styles.body)]
    headings = ("Grupp", "Gruppen startade", "Med från", "Slutade", "Orsak")
    rows: list[list[Flowable]] = [[Paragraph(escape(text), styles.header) for text in headings]]
    for row in person.enrolments:
        about = f"{row.kind}, {row.programme}, {row.language}, {row.premises}; {row.group_status.lower()}"
        rows.append(
            [
                [_cell(row.group, styles.cell), Paragraph(escape(about), styles.note)],  # type: ignore[list-item]
                _cell(row.group_start.isoformat(), styles.cell),
                _cell(row.joined_on.isoformat(), styles.cell),
                _cell(_date(row.left_on), styles.cell),
                _cell(row.leave_reason or "–", styles.cell),
            ]
        )
    dates = 66.0
    return [_table(rows, [width - 3 * dates - 120, dates, dates, dates, 120], header=True)]


def _marks(person: PersonExtract, width: float, styles: _Styles) -> list[Flowable]:
    if not person.marks:
        return [Paragraph("Ingen närvaro är registrerad.", styles.body)]
    headings = ("Datum", "Grupp", "Träff", "Tema", "Närvaro")
    rows: list[list[Flowable]] = [[Paragraph(escape(text), styles.header) for text in headings]]
    for mark in person.marks:
        rows.append(
            [
                _cell(mark.date.isoformat(), styles.cell),
                _cell(mark.group, styles.cell),
                _cell(str(mark.number), styles.cell),
                _cell(mark.theme or "–", styles.cell),
                _cell(mark.mark, styles.cell),
            ]
        )
    rest = width - 62 - 36 - 90
    return [_table(rows, [62, rest * 0.55, 36, rest * 0.45, 90], header=True)]


def _waiting(person: PersonExtract, styles: _Styles) -> Flowable:
    if person.waiting_since is None:
        return Paragraph("Står inte på väntelistan.", styles.body)
    wanted = f", och väntar på {person.waiting_for}" if person.waiting_for else ""
    return Paragraph(
        escape(f"Står på väntelistan sedan {person.waiting_since.isoformat()}{wanted}."), styles.body
    )


def _person(person: PersonExtract, width: float, styles: _Styles) -> list[Flowable]:
    def section(title: str) -> Paragraph:
        return Paragraph(escape(title), styles.section)

    return [
        CondPageBreak(160),
        ScriptText(person.name, size=13, bold=True, min_size=9),
        Spacer(0, 4),
        KeepTogether([section("Uppgifter om personen"), _fields(person, width, styles)]),
        # A heading never ends a page alone: room for it and a few rows, or a new page first.
        CondPageBreak(SECTION_ROOM),
        section("Grupper"),
        *_enrolments(person, width, styles),
        CondPageBreak(SECTION_ROOM),
        section("Närvaro per träff"),
        *_marks(person, width, styles),
        KeepTogether([section("Väntelista"), _waiting(person, styles)]),
        Spacer(0, 10),
    ]


def _introduction(extract: RegisterExtract, styles: _Styles) -> list[Flowable]:
    who = (
        f"familjen {extract.family_name} och var och en av dess medlemmar"
        if extract.is_family
        else "en deltagare"
    )
    lines = [
        f"Det här utdraget visar allt som registret i BIV Desktop innehåller om {who} den "
        f"{extract.compiled_on.isoformat()}. Personuppgiftsansvarig är {CONTROLLER}, som driver "
        "stödgrupperna Barn i väntan och Barn i start.",
        "Uppgifterna används för att planera grupperna, föra närvaro och följa upp verksamheten. Till "
        "Linköpings kommun lämnas bara sammanräknade siffror, aldrig namn. Registret innehåller inga "
        "personnummer, ärendenummer eller anteckningar om deltagarna.",
        f"När deltagarens sista grupp har slutat sparas uppgifterna i {extract.retention_months} månader. "
        "Sedan tas namn, kontaktuppgifter, födelsedatum och samtycke bort; kvar blir bara födelseår, kön, "
        "språk, bostadsområde och närvaro, som inte pekar ut någon. Den som vill att en uppgift rättas "
        "eller tas bort kan vända sig till samordnaren.",
    ]
    return [Paragraph(escape(line), styles.body) for line in lines] + [Spacer(0, 6)]


def register_extract_story(extract: RegisterExtract, width: float) -> list[Flowable]:
    """Everything the extract prints, in order."""
    styles = _Styles()
    story = _introduction(extract, styles)
    if not extract.people:
        story.append(Paragraph("Familjen har inga medlemmar i registret.", styles.body))
    for person in extract.people:
        story.extend(_person(person, width, styles))
    return story


def register_extract_printout(extract: RegisterExtract) -> Printout:
    """The page frame: a neutral title in the metadata and on every page, the date it was made."""
    subject = "en familj" if extract.is_family else "en deltagare"
    return Printout(
        document_title=TITLE,
        heading=TITLE,
        subheading=f"Alla uppgifter i BIV Desktop om {subject}, {extract.compiled_on.isoformat()}",
        printed_on=extract.compiled_on,
    )


def write_register_extract(extract: RegisterExtract, path: Path) -> Path:
    """Write the extract as a PDF at path (readable by the user alone), whole or not at all.

    Raises ReportWriteError with a Swedish sentence if the file cannot be written.
    """
    printout = register_extract_printout(extract)
    return printout.save(path, register_extract_story(extract, printout.content_width))
