"""What a user typed, made ready to draw: one line of runs, each shaped by HarfBuzz in its font and direction.

reportlab draws characters left to right exactly as given. Arabic script needs contextual joining (each
letter takes its initial, medial, final or isolated form, and lam-alef its ligature) and the Unicode
bidirectional algorithm (right-to-left words drawn from the right). A line is split into runs of one
embedding level and one font (ordering.py gives the levels, fonts.py the face per script, with fallback
for a character a face lacks); each run is shaped by HarfBuzz (shaping.py) in logical order and its own
direction, and the runs are put in drawing order. Widths are the shaped advances, so a measured line is
exactly the drawn one. How the glyphs are written, with the letters typed for the PDF's text layer, is
shaping.py's part.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from bidi import get_base_level

from biv_desktop.domain.characters import without_non_text
from biv_desktop.reports.fonts import Script, font_name, has_glyph
from biv_desktop.reports.ordering import drawing_order, embedding_levels
from biv_desktop.reports.shaping import Glyph, Piece, pdf_pieces, shape

ELLIPSIS = "…"

_ARABIC_BLOCKS = (
    (0x0600, 0x06FF),  # Arabic (Arabic, Persian/Dari and Pashto letters, Arabic-Indic digits)
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x08FF),  # Arabic Extended-B and -A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)
_ETHIOPIC_BLOCKS = (
    (0x1200, 0x139F),  # Ethiopic and Ethiopic Supplement (Tigrinya, Amharic)
    (0x2D80, 0x2DDF),  # Ethiopic Extended
    (0xAB00, 0xAB2F),  # Ethiopic Extended-A
    (0x1E7E0, 0x1E7FF),  # Ethiopic Extended-B
)
_LINE_BREAKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029")
# The fallback order when a character's own face lacks a glyph (a Latin digit in an Arabic run, say).
_FALLBACK_ORDER = (Script.LATIN, Script.ARABIC, Script.ETHIOPIC)


@dataclass(frozen=True)
class TextRun:
    """A piece of a line in one font and one direction: its characters as typed (logical order) and the
    glyphs HarfBuzz draws them with, in drawing (left-to-right) order."""

    text: str
    font_name: str
    right_to_left: bool
    glyphs: tuple[Glyph, ...]

    def width(self, size: float) -> float:
        """The run's shaped width, in points, at this font size."""
        return self.advance * size / 1000

    @cached_property
    def advance(self) -> float:
        """The sum of the glyphs' advances, in thousandths of the font size: added up once for the run, as
        a table measures each cell's line several times and a pack the same lines on every sheet."""
        return sum(glyph.x_advance for glyph in self.glyphs)

    @cached_property
    def pieces(self) -> tuple[Piece, ...]:
        """The run as the pieces the page is written with (shaping.pdf_pieces), worked out once for the run:
        a line drawn again on every sheet of a pack no longer hashes its glyphs to look them up."""
        return pdf_pieces(self.text, self.font_name, self.right_to_left, self.glyphs)


@dataclass(frozen=True)
class VisualLine:
    """One line of user text ready to draw from the left, with the direction its words read in."""

    runs: tuple[TextRun, ...]  # in drawing order, left to right
    right_to_left: bool
    text: str = ""  # the line as typed (logical order): what the PDF gives back when it is copied

    def width(self, size: float) -> float:
        """The width of the line, in points, at this font size."""
        return sum(run.width(size) for run in self.runs)


def _in_blocks(code: int, blocks: tuple[tuple[int, int], ...]) -> bool:
    return any(first <= code <= last for first, last in blocks)


@cache
def script_of(char: str) -> Script | None:
    """The script a character belongs to, or None for what scripts share (spaces, digits, punctuation, marks)."""
    # Cached: a printout asks about the same few hundred characters hundreds of thousands of times.
    code = ord(char)
    if _in_blocks(code, _ARABIC_BLOCKS):
        return Script.ARABIC
    if _in_blocks(code, _ETHIOPIC_BLOCKS):
        return Script.ETHIOPIC
    if unicodedata.category(char).startswith("L"):
        return Script.LATIN
    return None


def clean_text(text: str) -> str:
    """The text as one line: composed (NFC), line breaks and tabs as spaces, other control characters and
    what is not text (U+FFFE, lone surrogates …) left out."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFC", without_non_text(text)):
        if char in _LINE_BREAKS:
            kept.append(" ")
        elif unicodedata.category(char) != "Cc":
            kept.append(char)
    return "".join(kept).strip()


def _private_use(char: str) -> bool:
    # reportlab gives a font private-use codes for the joined forms it writes (shaping.py), so whether a
    # face has one of these can change as a printout is made: never remembered.
    return "\ue000" <= char <= "\uf8ff"


@lru_cache(maxsize=8192)
def _remembered_glyph(face: str, char: str) -> bool:
    return has_glyph(face, char)


def _has(face: str, char: str) -> bool:
    """Whether the face has the character; remembered (a print pack asks about the same few hundred
    characters tens of thousands of times), except for private-use characters."""
    return has_glyph(face, char) if _private_use(char) else _remembered_glyph(face, char)


def _face_for(char: str, script: Script, bold: bool) -> str:
    """The face that draws the character: its script's, else the first in the fallback order that has it.
    Remembered like _has."""
    if _private_use(char):
        return _face_lookup(char, script, bold)
    return _remembered_face(char, script, bold)


def _face_lookup(char: str, script: Script, bold: bool) -> str:
    preferred = font_name(script, bold)
    if _has(preferred, char):
        return preferred
    for other in _FALLBACK_ORDER:
        candidate = font_name(other, bold)
        if _has(candidate, char):
            return candidate
    return preferred


_remembered_face = lru_cache(maxsize=8192)(_face_lookup)


def _faces(text: str, bold: bool) -> list[str]:
    # Shared characters (spaces, digits, punctuation) stay in the face of the character before them if it
    # has them (at the start, the face of the first letter's script), so they stay in the run they sit
    # in. Marks and format characters (ZWNJ, ZWJ, direction marks) stay in the face of the letter before
    # them, which shapes them.
    scripts = [script_of(char) for char in text]
    first = next((script for script in scripts if script is not None), Script.LATIN)
    faces: list[str] = []
    for char, script in zip(text, scripts, strict=True):
        attached = unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf")
        if faces and (attached or (script is None and _has(faces[-1], char))):
            faces.append(faces[-1])
        else:
            faces.append(_face_for(char, script or first, bold))
    return faces


def _runs(text: str, levels: list[int], bold: bool) -> tuple[tuple[TextRun, ...], list[int]]:
    """The line's runs of one level and one face, shaped, in logical order, with their levels."""
    pieces: list[tuple[int, str, int, int]] = []  # level, face, start, end
    for index, (level, face) in enumerate(zip(levels, _faces(text, bold), strict=True)):
        if pieces and pieces[-1][:2] == (level, face):
            pieces[-1] = (level, face, pieces[-1][2], index + 1)
        else:
            pieces.append((level, face, index, index + 1))
    runs = tuple(
        TextRun(text[start:end], face, bool(level % 2), shape(text[start:end], face, bool(level % 2)))
        for level, face, start, end in pieces
    )
    return runs, [piece[0] for piece in pieces]


@lru_cache(maxsize=8192)
def visual_line(text: str, bold: bool = False, right_to_left: bool | None = None) -> VisualLine:
    """Any user text as one drawable line: cleaned, split into runs of one direction and font, each shaped
    by HarfBuzz, the runs in drawing order.

    The reading direction follows the first letter (an Arabic name reads from the right) unless given.
    Remembered (the line is frozen): a print pack draws the same labels and names on page after page, and
    a table asks for each cell's line more than once while laying it out.
    """
    cleaned = clean_text(text)
    if right_to_left is None:
        right_to_left = bool(cleaned) and get_base_level(cleaned) == 1  # python-bidi refuses an empty text
    runs, levels = _runs(cleaned, embedding_levels(cleaned, right_to_left), bold)
    ordered = tuple(runs[index] for index in drawing_order(levels))
    return VisualLine(ordered, right_to_left, cleaned)
