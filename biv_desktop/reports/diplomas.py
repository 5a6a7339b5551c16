"""Diplomas, one A4 landscape page per participant: a frame, 'Diplom', the name in Latin letters and under it
in the participant's own script, the group, the dates it met, and lines for the leaders to sign.

A diploma is handed to the child, so its page carries no confidentiality footer; the file as a whole holds
names and is saved readable by the user alone, like every printout.
"""

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from biv_desktop.domain.calendar import long_date
from biv_desktop.domain.enums import GroupKind
from biv_desktop.reports.document import AUTHOR
from biv_desktop.reports.drawing import PDF_VERSION, Align, draw_text
from biv_desktop.reports.files import write_pdf_atomically
from biv_desktop.services.printing import DiplomaName, Diplomas

DOCUMENT_TITLE = "Diplom"
FRAME = Color(0.25, 0.42, 0.55)
SOFT = Color(0.38, 0.38, 0.38)


def _page(canvas: Canvas, diploma: Diplomas, person: DiplomaName) -> None:
    width, height = landscape(A4)
    margin = 14 * mm
    canvas.setStrokeColor(FRAME)
    canvas.setLineWidth(3)
    canvas.rect(margin, margin, width - 2 * margin, height - 2 * margin)
    canvas.setLineWidth(0.8)
    canvas.rect(margin + 6, margin + 6, width - 2 * margin - 12, height - 2 * margin - 12)
    inner = width - 2 * margin - 60
    left = margin + 30
    canvas.setFillColor(FRAME)
    draw_text(canvas, left, height - 62 * mm, "Diplom", width=inner, size=48, bold=True, align=Align.CENTER)
    canvas.setFillColor(SOFT)
    draw_text(canvas, left, height - 78 * mm, "Härmed intygas att", width=inner, size=14, align=Align.CENTER)
    canvas.setFillColor(Color(0.1, 0.1, 0.1))
    draw_text(
        canvas,
        left,
        height - 98 * mm,
        person.name,
        width=inner,
        size=34,
        bold=True,
        align=Align.CENTER,
        min_size=18,
    )
    if person.native_name:
        draw_text(
            canvas,
            left,
            height - 116 * mm,
            person.native_name,
            width=inner,
            size=28,
            align=Align.CENTER,
            min_size=16,
        )
    who = "föräldragruppen" if diploma.kind is GroupKind.PARENTS else "stödgruppen"
    lines = (
        f"har deltagit i {who} {diploma.programme.long_label}",
        diploma.group_name,
        f"{long_date(diploma.first)} – {long_date(diploma.closing)}, {diploma.sessions} träffar",
    )
    for index, line in enumerate(lines):
        draw_text(
            canvas,
            left,
            height - (136 + 11 * index) * mm,
            line,
            width=inner,
            size=15,
            bold=index == 1,
            align=Align.CENTER,
        )
    signers = list(diploma.leader_names[:2]) or ["", ""]
    span = inner / len(signers)
    canvas.setStrokeColor(SOFT)
    canvas.setLineWidth(0.6)
    for index, name in enumerate(signers):
        x = left + index * span + 20
        canvas.line(x, 40 * mm, x + span - 40, 40 * mm)
        canvas.setFillColor(SOFT)
        draw_text(canvas, x, 34 * mm, name or "Gruppledare", width=span - 40, size=11, align=Align.CENTER)
    draw_text(
        canvas,
        left,
        24 * mm,
        "Svenska kyrkan, Linköpings domkyrkopastorat",
        width=inner,
        size=10,
        align=Align.CENTER,
    )
    canvas.showPage()


def build_diplomas(stream: BinaryIO, diploma: Diplomas) -> int:
    """Write one page per name to stream; returns the page count."""
    canvas = Canvas(stream, pagesize=landscape(A4), invariant=1, pdfVersion=PDF_VERSION)
    canvas.setTitle(DOCUMENT_TITLE)
    canvas.setAuthor(AUTHOR)
    canvas.setCreator(AUTHOR)
    for person in diploma.names:
        _page(canvas, diploma, person)
    canvas.save()
    return len(diploma.names)


def write_diplomas(path: Path, diploma: Diplomas, _printed_on: dt.date | None = None) -> Path:
    """Save every diploma of the group in one PDF at path."""

    def build(stream: BinaryIO) -> None:
        build_diplomas(stream, diploma)

    return write_pdf_atomically(path, build)
