"""Drawing one line of user text in any script into a given width: on a canvas, or as a table-cell flowable.

A name never overflows its cell: it first shrinks (down to a smallest readable size), and what still does
not fit is cut at the end of the name with an ellipsis. One line is the rule because a right-to-left name
wrapped over lines by reportlab would come out with its lines in the wrong order.
"""

import threading
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from weakref import WeakKeyDictionary

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from biv_desktop.reports.shaping import Piece
from biv_desktop.reports.text import ELLIPSIS, VisualLine, clean_text, visual_line

# The PDF version printouts declare: 1.5 brought the /ActualText that names' joined forms carry.
PDF_VERSION = (1, 5)
# Room above and below the baseline, as parts of the font size: Arabic letters reach lower and their
# marks higher than Latin ones, and every line gets the same height so table rows line up.
LINE_HEIGHT = 1.5
BASELINE_RISE = 0.45


class Align(Enum):
    """Where a line sits in the width it is given."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class FittedLine:
    """A line made to fit a width: the size to draw it at and whether its end was cut off."""

    line: VisualLine
    size: float
    truncated: bool

    def width(self) -> float:
        """The drawn width in points."""
        return self.line.width(self.size)


def line_height(size: float) -> float:
    """The height of one line of text at this font size."""
    return size * LINE_HEIGHT


def _cut_points(text: str) -> list[int]:
    # A cut never separates a letter from the marks (accents, vowel signs) that follow it.
    return [index for index in range(1, len(text)) if not unicodedata.category(text[index]).startswith("M")]


@lru_cache(maxsize=8192)
def fit_line(
    text: str, width: float, *, size: float, bold: bool = False, min_size: float | None = None
) -> FittedLine:
    """The text as a line no wider than width: at size if it fits, smaller down to min_size, then cut with '…'.

    Remembered, like visual_line: the same label in the same cell recurs on every sheet of a pack.
    """
    line = visual_line(text, bold)
    natural = line.width(size)
    if natural <= width:
        return FittedLine(line, size, False)
    smallest = size if min_size is None else min(min_size, size)
    if natural > 0 and size * width / natural >= smallest:
        # Round down to a tenth of a point so the shrunk line is never a hair too wide.
        shrunk = int(size * width / natural * 10) / 10
        if shrunk >= smallest:
            return FittedLine(line, shrunk, False)
    cleaned = clean_text(text)
    right_to_left = line.right_to_left

    def shortened(end: int) -> VisualLine:
        return visual_line(cleaned[:end].rstrip() + ELLIPSIS, bold, right_to_left)

    # The longest beginning of the name that fits with the ellipsis; widths grow with length, so a
    # binary search over the cut points finds it.
    points = _cut_points(cleaned)
    best = visual_line(ELLIPSIS, bold, right_to_left)
    low, high = 0, len(points) - 1
    while low <= high:
        middle = (low + high) // 2
        candidate = shortened(points[middle])
        if candidate.width(smallest) <= width:
            best = candidate
            low = middle + 1
        else:
            high = middle - 1
    if best.width(smallest) > width:
        best = VisualLine((), right_to_left)
    return FittedLine(best, smallest, True)


def draw_line(
    canvas: Canvas,
    x: float,
    baseline: float,
    fitted: FittedLine,
    *,
    width: float = 0.0,
    align: Align = Align.LEFT,
) -> None:
    """Draw a fitted line with its baseline at baseline, placed in the span from x to x + width."""
    drawn = fitted.width()
    if align is Align.RIGHT:
        x += width - drawn
    elif align is Align.CENTER:
        x += (width - drawn) / 2
    size = fitted.size
    for run in fitted.line.runs:
        for piece in run.pieces:
            if piece.actual_text is None:
                _draw_piece(canvas, x, baseline, run.font_name, size, piece)
            else:
                # A joined form or ligature has no character of its own: the letters typed go with it.
                canvas.addLiteral(f"/Span <</ActualText {actual_text(piece.actual_text)}>> BDC")
                _draw_piece(canvas, x, baseline, run.font_name, size, piece)
                canvas.addLiteral("EMC")
            x += piece.advance * size / 1000


# For each canvas being drawn: the text operators of each piece, font and size it has drawn, without the
# position. The piece is kept with them, so its id stays its own while the canvas lives.
_drawn_pieces: "WeakKeyDictionary[Canvas, dict[tuple[int, str, float], tuple[Piece, str]]]" = (
    WeakKeyDictionary()
)
_drawn_lock = threading.Lock()


def _draw_piece(canvas: Canvas, x: float, baseline: float, font_name: str, size: float, piece: Piece) -> None:
    """Draw one piece as a text object of its own at (x, baseline).

    A print pack draws the same names and labels on sheet after sheet, and reportlab's writing of a
    shaped string was a sixth of the pack's time. A piece's operators are the same wherever it stands
    (a fresh text object, its font and size, the glyphs the document's font subsets already hold), so the
    first drawing's are kept for the canvas and later drawings only put them at their own place: the
    same bytes as drawing it afresh.
    """
    origin = f"BT 1 0 0 1 {fp_str(x, baseline)} Tm "
    key = (id(piece), font_name, size)
    with _drawn_lock:
        drawn = _drawn_pieces.setdefault(canvas, {})
        known = drawn.get(key)
    if known is not None:
        canvas.addLiteral(f"{origin}{known[1]} ET")
        return
    text_object = canvas.beginText(x, baseline)
    text_object.setFont(font_name, size)
    text_object.textOut(piece.string)
    code = text_object.getCode()
    canvas.addLiteral(code)  # as canvas.drawText(text_object) puts it
    if canvas.bottomup and code.startswith(origin) and code.endswith(" ET"):
        with _drawn_lock:
            drawn[key] = (piece, code[len(origin) : -len(" ET")])


def actual_text(text: str) -> str:
    """A PDF text string holding the text exactly: UTF-16BE with its byte order mark, written in hex."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_text(
    canvas: Canvas,
    x: float,
    baseline: float,
    text: str,
    *,
    width: float,
    size: float,
    bold: bool = False,
    align: Align = Align.LEFT,
    min_size: float | None = None,
) -> FittedLine:
    """Draw user text in any script in the span from x to x + width (shrunk or cut to fit) and say how."""
    fitted = fit_line(text, width, size=size, bold=bold, min_size=min_size)
    draw_line(canvas, x, baseline, fitted, width=width, align=align)
    return fitted


class ScriptText(Flowable):
    """One line of user text (a name, a group's name) as a flowable: any script, never wider than its cell."""

    def __init__(
        self,
        text: str,
        *,
        size: float = 10.0,
        bold: bool = False,
        align: Align = Align.LEFT,
        min_size: float | None = 8.0,
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.bold = bold
        self.align = align
        self.min_size = min_size
        self._fitted: FittedLine | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._fitted = fit_line(self.text, availWidth, size=self.size, bold=self.bold, min_size=self.min_size)
        self.width = availWidth
        self.height = line_height(self.size)
        return self.width, self.height

    def minWidth(self) -> float:
        """The natural width, so a table sizing its own columns gives a name the room it needs."""
        return visual_line(self.text, self.bold).width(self.size)

    def draw(self) -> None:
        fitted = self._fitted or fit_line(
            self.text, self.width, size=self.size, bold=self.bold, min_size=self.min_size
        )
        draw_line(self.canv, 0, self.size * BASELINE_RISE, fitted, width=self.width, align=self.align)

    def __repr__(self) -> str:
        # No name in tracebacks or layout-error messages that may end up in a log.
        return f"ScriptText(<{len(self.text)} characters>, size={self.size})"
