"""Table cells the sheets share: Swedish labels, names in any script with the native name under them."""

import copy
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from biv_desktop.reports.drawing import Align, ScriptText
from biv_desktop.reports.fonts import Script, font_name
from biv_desktop.reports.sheets.shapes import GREY_TEXT, HEAD_SHADE, INK, LINE_GREY, WrappedText
from biv_desktop.reports.text import clean_text

# One TableStyle command, e.g. ("BACKGROUND", (0, 0), (-1, 0), colour).
StyleCommand = tuple[Any, ...]


@lru_cache(maxsize=64)
def label_style(size: float = 8.5, *, bold: bool = True, centred: bool = False) -> ParagraphStyle:
    """Our own Swedish words in a cell (column heads), wrapping when narrow. One style object for each
    kind of label (reportlab only reads it)."""
    return ParagraphStyle(
        name=f"label-{size}-{bold}-{centred}",
        fontName=font_name(Script.LATIN, bold),
        fontSize=size,
        leading=size * 1.2,
        alignment=TA_CENTER if centred else TA_LEFT,
        textColor=INK,
    )


class _Label(Paragraph):
    """A label whose layout for a width is worked out once for it and all its copies (a table lays each
    cell out twice, and the same label recurs on sheet after sheet): what laying it out sets (its lines,
    width and height) is kept per width and given to a copy asked for the same width. Drawing only reads
    those lines."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__(text, style)
        self._layouts: dict[float, tuple[tuple[float, float], dict[str, Any]]] = {}  # shared by copies

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        known = self._layouts.get(availWidth)
        if known is not None:
            self.__dict__.update(known[1])
            return known[0]
        before = dict(self.__dict__)
        size = super().wrap(availWidth, availHeight)  # depends on the width alone, not the height
        made = {key: item for key, item in self.__dict__.items() if before.get(key, self) is not item}
        self._layouts[availWidth] = (size, made)
        return size


@lru_cache(maxsize=1024)
def _parsed_label(text: str, size: float, bold: bool, centred: bool) -> _Label:
    # Never laid out or drawn itself: only its copies are.
    return _Label(text, label_style(size, bold=bold, centred=centred))


def label(text: str, size: float = 8.5, *, bold: bool = True, centred: bool = False) -> Paragraph:
    """A column head or other fixed Swedish text. Never user text: Paragraph reads markup.

    A fresh copy of the label as parsed once: a print pack has some three thousand labels (the same
    column heads, numbers and birth years on sheet after sheet), and reading each one's markup anew was a
    tenth of the pack's time. Each copy is laid out and drawn on its own; the parsed text they share is
    only read.
    """
    return copy.copy(_parsed_label(text, size, bold, centred))


class QuietText(ScriptText):
    """User text or a hint in grey, for what matters less on the page."""

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFillColor(GREY_TEXT)
        super().draw()
        self.canv.restoreState()


def hint(text: str, size: float = 8.0) -> QuietText:
    """A quiet grey line, such as 'ingen tolk bokad'."""
    return QuietText(text, size=size, min_size=6.5)


def name_cell(name: str, native_name: str, *, size: float = 10.5) -> list[Flowable]:
    """The name in Latin letters (over two lines if long), and under it the name in the person's own script
    when it is given."""
    cell: list[Flowable] = [WrappedText(name, size=size, max_lines=2, colour=INK)]
    native = clean_text(native_name)
    if native and native != clean_text(name):
        cell.append(ScriptText(native, size=size - 1, min_size=7.0, align=Align.LEFT))
    return cell


def value(text: str, size: float = 10.0, *, bold: bool = False) -> ScriptText:
    """User text in one line of a cell (a group's, a leader's or a place's name)."""
    return ScriptText(text, size=size, bold=bold, min_size=7.0)


def grid_style(header_rows: int = 1) -> list[StyleCommand]:
    """A light grid: a firm frame, thin lines inside, a shaded head."""
    commands: list[StyleCommand] = [
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, LINE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_SHADE))
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK))
    return commands
