"""The small drawn pieces of an attendance sheet: tick boxes, check marks, writing lines, wrapped and turned
text. Boxes and marks are drawn as shapes because no shipped font has a ballot-box or check-mark glyph.
"""

import re
from collections.abc import Sequence

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from biv_desktop.reports.drawing import BASELINE_RISE, Align, draw_line, fit_line, line_height
from biv_desktop.reports.fonts import Script, font_name
from biv_desktop.reports.text import clean_text, visual_line

INK = Color(0.15, 0.15, 0.15)
GREY_TEXT = Color(0.38, 0.38, 0.38)
LINE_GREY = Color(0.6, 0.6, 0.6)
# Cells nobody marks (a cancelled session, a date before joining or after leaving).
SHADE = Color(0.86, 0.86, 0.86)
HEAD_SHADE = Color(0.93, 0.93, 0.93)
# How much smaller a line may be drawn to stay whole before it is broken over lines.
ONE_LINE_SHRINK = 0.85


def draw_check(canvas: Canvas, x: float, y: float, size: float) -> None:
    """A hand-drawn-looking check mark in the square from (x, y) with side ``size``."""
    canvas.saveState()
    canvas.setStrokeColor(black)
    canvas.setLineWidth(max(1.0, size * 0.13))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(x + size * 0.12, y + size * 0.52)
    path.lineTo(x + size * 0.4, y + size * 0.2)
    path.lineTo(x + size * 0.9, y + size * 0.85)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def draw_box(canvas: Canvas, x: float, y: float, size: float) -> None:
    """An empty square to tick by hand."""
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.9)
    canvas.rect(x, y, size, size, stroke=1, fill=0)
    canvas.restoreState()


def draw_shade(canvas: Canvas, x: float, y: float, size: float) -> None:
    """A grey square, as the legend shows cells that are not marked."""
    canvas.saveState()
    canvas.setFillColor(SHADE)
    canvas.setStrokeColor(LINE_GREY)
    canvas.setLineWidth(0.4)
    canvas.rect(x, y, size, size, stroke=1, fill=1)
    canvas.restoreState()


class TickBox(Flowable):
    """An empty box for a leader to tick, centred in its cell."""

    def __init__(self, size: float = 13.0) -> None:
        super().__init__()
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.size

    def draw(self) -> None:
        draw_box(self.canv, (self.width - self.size) / 2, 0, self.size)


class CheckMark(Flowable):
    """A recorded 'present', drawn as a check mark centred in its cell."""

    def __init__(self, size: float = 11.0) -> None:
        super().__init__()
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.size

    def draw(self) -> None:
        draw_check(self.canv, (self.width - self.size) / 2, 0, self.size)


class WritingLines(Flowable):
    """Ruled lines to write notes on: ``count`` of them, or, given ``least``, as many as the page has room
    for between the two (placed where fewer than ``least`` fit, the frame moves them to the next page)."""

    def __init__(self, count: int, spacing: float = 22.0, *, least: int | None = None) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.least = count if least is None else least

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(self.least, min(self.count, int(availHeight // self.spacing))) * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(LINE_GREY)
        self.canv.setLineWidth(0.5)
        for index in range(self.count):
            y = index * self.spacing
            self.canv.line(0, y, self.width, y)
        self.canv.restoreState()


def _pieces(text: str) -> list[tuple[str, str]]:
    """The text's words, each with what joins it to the one before ('' after a hyphen, else a space).

    A hyphenated name ("Östergren-Åkesson") may break after its hyphen, as Swedish names do by hand.
    """
    pieces: list[tuple[str, str]] = []
    for word in clean_text(text).split():
        parts = re.split(r"(?<=-)(?=\w)", word)
        pieces.extend((part, " " if index == 0 else "") for index, part in enumerate(parts))
    return pieces


def wrap_words(text: str, width: float, size: float, *, bold: bool = False, max_lines: int = 3) -> list[str]:
    """The text broken into at most max_lines lines that fit width at size (the last may still be too wide).

    Words stay in reading order, so each line is ordered on its own and right-to-left text wraps correctly.
    """
    pieces = _pieces(text)
    lines: list[str] = []
    current = ""
    for index, (piece, glue) in enumerate(pieces):
        candidate = f"{current}{glue}{piece}" if current else piece
        if not current or visual_line(candidate, bold).width(size) <= width:
            current = candidate
            continue
        if len(lines) == max_lines - 1:
            rest = "".join(f"{glue}{piece}" for piece, glue in pieces[index + 1 :])
            lines.append(f"{current}{glue}{piece}{rest}")
            return lines
        lines.append(current)
        current = piece
    if current:
        lines.append(current)
    return lines


class WrappedText(Flowable):
    """User text in any script over a few lines (a theme's description, a long name), each line fitted to the
    width. Text a little too wide is drawn a little smaller on one line rather than broken."""

    def __init__(
        self, text: str, *, size: float = 9.0, max_lines: int = 3, colour: Color = GREY_TEXT
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.max_lines = max_lines
        self.colour = colour
        self._lines: list[str] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        if visual_line(self.text).width(self.size * ONE_LINE_SHRINK) <= availWidth:
            self._lines = [self.text]
        else:
            self._lines = wrap_words(self.text, availWidth, self.size, max_lines=self.max_lines)
        self.height = len(self._lines) * line_height(self.size)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFillColor(self.colour)
        step = line_height(self.size)
        for index, line in enumerate(self._lines):
            fitted = fit_line(line, self.width, size=self.size, min_size=self.size * ONE_LINE_SHRINK)
            baseline = self.height - (index + 1) * step + self.size * BASELINE_RISE
            draw_line(self.canv, 0, baseline, fitted, width=self.width)
        self.canv.restoreState()

    def __repr__(self) -> str:
        return f"WrappedText(<{len(self.text)} characters>)"


def draw_turned_lines(
    canvas: Canvas,
    x: float,
    y: float,
    width: float,
    height: float,
    lines: Sequence[str],
    *,
    size: float,
    bold: bool = False,
) -> None:
    """Lines turned a quarter left (read from the bottom up) in the box from (x, y), centred across it."""
    step = line_height(size)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.rotate(90)
    # Turned, the box's height is the line width and its width holds the lines side by side.
    first = -(width - (len(lines) - 1) * step) / 2 - size * 0.35
    for index, line in enumerate(lines):
        fitted = fit_line(line, height, size=size, bold=bold, min_size=size * 0.8)
        draw_line(canvas, 0, first - index * step, fitted, width=height, align=Align.LEFT)
    canvas.restoreState()


def draw_label(
    canvas: Canvas, x: float, baseline: float, text: str, size: float, *, bold: bool = False
) -> float:
    """Draw a short Swedish label and return its width."""
    face = font_name(Script.LATIN, bold)
    canvas.setFont(face, size)
    canvas.drawString(x, baseline, text)
    return float(canvas.stringWidth(text, face, size))
