"""The page every printout shares: A4 portrait or landscape, the caller's header repeated on every page, and a
footer that marks the page confidential, gives the print date and counts the pages ("Sida 1 av 3").
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Any, BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from biv_desktop.reports.drawing import PDF_VERSION, draw_text
from biv_desktop.reports.files import write_pdf_atomically
from biv_desktop.reports.fonts import Script, font_name

CONFIDENTIAL_NOTICE = "Konfidentiellt – innehåller personuppgifter"
# For reports of counts only: still confidential (small groups), but naming no one.
AGGREGATE_NOTICE = "Konfidentiellt – sammanställning utan personuppgifter"
AUTHOR = "BIV Desktop"

MARGIN = 15 * mm
TOP_MARGIN = 12 * mm
BOTTOM_MARGIN = 10 * mm
HEADING_SIZE = 14.0
SUBHEADING_SIZE = 10.0
FOOTER_SIZE = 8.0
# Header: the heading line, the subheading line, a rule, then a gap before the content.
HEADER_HEIGHT = 42.0
FOOTER_HEIGHT = 20.0
RULE_COLOUR = Color(0.55, 0.55, 0.55)


class Orientation(Enum):
    """How an A4 page is turned."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


def page_label(number: int, total: int) -> str:
    """The footer's page count, in Swedish."""
    return f"Sida {number} av {total}"


def printed_label(day: dt.date) -> str:
    """The footer's print date, the Swedish way."""
    return f"Utskriven {day.isoformat()}"


class _PageCountingCanvas(Canvas):
    """A canvas that holds every page back until the end, so each footer can say how many pages there are.

    In a document of several parts (``build_parts``) each page carries its part's number, each part counts
    its own pages, and each part's first page gets an entry in the PDF's outline.
    """

    page_count_drawer: Callable[[Canvas, int, int], None] | None = None
    part: int = 0  # set on each page as it begins (see build_parts)

    def __init__(self, filename: str | IO[bytes], /, **kwargs: Any) -> None:
        kwargs.setdefault("pdfVersion", PDF_VERSION)
        super().__init__(filename, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        self.part_drawers: dict[int, Callable[[Canvas, int, int], None]] = {}
        self.outline_titles: dict[int, str] = {}

    def showPage(self) -> None:
        # Keep the finished page's state (its drawing code included) and start a fresh one, as
        # Canvas.showPage does once it has written a page; _startPage is reportlab's own step for that.
        self._held_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        parts = [int(state.get("part", 0)) for state in self._held_pages]
        totals = {part: parts.count(part) for part in set(parts)}
        numbers: dict[int, int] = {}
        for state, part in zip(self._held_pages, parts, strict=True):
            self.__dict__.update(state)
            numbers[part] = numbers.get(part, 0) + 1
            if numbers[part] == 1 and part in self.outline_titles:
                key = f"part-{part}"
                self.bookmarkPage(key)
                self.addOutlineEntry(self.outline_titles[part], key, level=0)
            drawer = self.part_drawers.get(part, self.page_count_drawer)
            if drawer is not None:
                drawer(self, numbers[part], totals[part])
            super().showPage()
        if self.outline_titles:
            self.showOutline()
        super().save()


@dataclass(frozen=True)
class Printout:
    """One printout's page frame: its neutral document title, header lines, print date and page orientation.

    document_title goes into the PDF's metadata, which travels with the file unseen, so it must be a
    neutral description such as "Närvarolista" and never hold a person's name. heading and subheading are
    drawn at the top of every page and may hold anything (a group's name, say).
    """

    document_title: str
    heading: str
    subheading: str
    printed_on: dt.date
    orientation: Orientation = Orientation.PORTRAIT
    notice: str = CONFIDENTIAL_NOTICE

    @property
    def page_size(self) -> tuple[float, float]:
        """The page's width and height in points."""
        return landscape(A4) if self.orientation is Orientation.LANDSCAPE else portrait(A4)

    @property
    def content_width(self) -> float:
        """The width the story's flowables get, in points."""
        return self.page_size[0] - 2 * MARGIN

    @property
    def content_height(self) -> float:
        """The height of the story's frame on each page, in points."""
        return self.page_size[1] - TOP_MARGIN - HEADER_HEIGHT - BOTTOM_MARGIN - FOOTER_HEIGHT

    def _draw_header_and_footer(self, canvas: Canvas, _document: object) -> None:
        width, height = self.page_size
        canvas.saveState()
        top = height - TOP_MARGIN
        draw_text(
            canvas,
            MARGIN,
            top - HEADING_SIZE,
            self.heading,
            width=self.content_width,
            size=HEADING_SIZE,
            bold=True,
            min_size=10.0,
        )
        draw_text(
            canvas,
            MARGIN,
            top - HEADING_SIZE - SUBHEADING_SIZE - 7,
            self.subheading,
            width=self.content_width,
            size=SUBHEADING_SIZE,
            min_size=7.0,
        )
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(0.5)
        rule = top - HEADING_SIZE - SUBHEADING_SIZE - 14
        canvas.line(MARGIN, rule, width - MARGIN, rule)
        footer_rule = BOTTOM_MARGIN + FOOTER_SIZE + 4
        canvas.line(MARGIN, footer_rule, width - MARGIN, footer_rule)
        canvas.setFont(font_name(Script.LATIN), FOOTER_SIZE)
        canvas.drawString(MARGIN, BOTTOM_MARGIN, self.notice)
        canvas.drawCentredString(width / 2, BOTTOM_MARGIN, printed_label(self.printed_on))
        canvas.restoreState()

    def _draw_page_count(self, canvas: Canvas, number: int, total: int) -> None:
        width = self.page_size[0]
        canvas.saveState()
        canvas.setFont(font_name(Script.LATIN), FOOTER_SIZE)
        canvas.drawRightString(width - MARGIN, BOTTOM_MARGIN, page_label(number, total))
        canvas.restoreState()

    def _make_canvas(self, filename: str | IO[bytes], /, **kwargs: Any) -> Canvas:
        canvas = _PageCountingCanvas(filename, **kwargs)
        canvas.page_count_drawer = self._draw_page_count
        return canvas

    def document(self, stream: BinaryIO, document_title: str | None = None) -> BaseDocTemplate:
        """reportlab's document for this page frame, writing to stream (no templates yet)."""
        return BaseDocTemplate(
            stream,
            pagesize=self.page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=TOP_MARGIN + HEADER_HEIGHT,
            bottomMargin=BOTTOM_MARGIN + FOOTER_HEIGHT,
            title=document_title or self.document_title,
            author=AUTHOR,
            creator=AUTHOR,
            subject="",
            keywords=[],
            lang="sv",
            # Fixed dates and ids: the same content gives the same bytes, and no timestamp leaks out.
            invariant=1,
        )

    def page_template(self, template_id: str, on_page: Callable[[Canvas, object], None]) -> PageTemplate:
        """A page of this frame: the content frame between header and footer, drawn by on_page."""
        frame = Frame(
            MARGIN,
            BOTTOM_MARGIN + FOOTER_HEIGHT,
            self.content_width,
            self.content_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="content",
        )
        return PageTemplate(id=template_id, frames=[frame], onPage=on_page, pagesize=self.page_size)

    def build(self, stream: BinaryIO, story: Sequence[Flowable]) -> int:
        """Lay the story out on as many pages as it needs, write the PDF to stream and return the page count."""
        document = self.document(stream)
        document.addPageTemplates([self.page_template("page", self._draw_header_and_footer)])
        # reportlab consumes the list it is given, so it gets a copy; an empty story still makes one page
        # (header and footer) rather than a PDF without pages, which viewers refuse.
        document.build(list(story) or [Spacer(0, 0)], canvasmaker=self._make_canvas)
        return int(document.page)

    def save(self, path: Path, story: Sequence[Flowable]) -> Path:
        """Build the printout into the file at path, whole or not at all (see write_pdf_atomically)."""

        def build_into(stream: BinaryIO) -> None:
            self.build(stream, story)

        return write_pdf_atomically(path, build_into)


@dataclass(frozen=True)
class Part:
    """One printout inside a larger PDF: its page frame, its content and its entry in the PDF's outline."""

    printout: Printout
    story: Sequence[Flowable]
    outline_title: str


def build_parts(stream: BinaryIO, parts: Sequence[Part], document_title: str) -> int:
    """Several printouts as one PDF: each starts on a new page, counts its own pages ("Sida 1 av 2") and
    has an outline entry. Fonts are embedded once for all, so this is much faster and smaller than
    joining separate PDFs. Writes to stream and returns the page count."""
    if not parts:
        raise ValueError("a document needs at least one part")
    document = parts[0].printout.document(stream, document_title)

    def make_canvas(filename: str | IO[bytes], /, **kwargs: Any) -> Canvas:
        canvas = _PageCountingCanvas(filename, **kwargs)
        for number, part in enumerate(parts):
            canvas.part_drawers[number] = part.printout._draw_page_count
            canvas.outline_titles[number] = part.outline_title
        return canvas

    def on_page(number: int, printout: Printout) -> Callable[[Canvas, object], None]:
        def draw(canvas: Canvas, doc: object) -> None:
            canvas.part = number  # type: ignore[attr-defined]
            printout._draw_header_and_footer(canvas, doc)

        return draw

    document.addPageTemplates(
        [
            part.printout.page_template(f"part-{number}", on_page(number, part.printout))
            for number, part in enumerate(parts)
        ]
    )
    flow: list[Flowable] = []
    for number, part in enumerate(parts):
        if number:
            flow += [NextPageTemplate(f"part-{number}"), PageBreak()]
        flow += list(part.story) or [Spacer(0, 0)]
    document.build(flow, canvasmaker=make_canvas)
    return int(document.page)
