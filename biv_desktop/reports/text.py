"""What a user typed, made ready to draw: one line of font runs, Arabic joined and in right-to-left order.

reportlab draws characters left to right exactly as given. Arabic script needs two things it does not do:
contextual joining (each letter takes its initial, medial, final or isolated form) and the Unicode
bidirectional algorithm (right-to-left words drawn from the right). arabic-reshaper replaces letters with
their joined presentation forms, which Noto Sans Arabic draws; python-bidi then puts the line in visual
order (see ordering.py). The presentation forms are real code points, so the PDF's text layer copies and
searches as the right letters. (reportlab's own shaping needs uharfbuzz and, for right-to-left order, the
rlbidi package, which is not on PyPI; its shaping is still marked preliminary.)
"""

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi import get_base_level
from reportlab.pdfbase.pdfmetrics import stringWidth

from biv_desktop.domain.characters import without_non_text
from biv_desktop.reports.fonts import Script, font_name, has_glyph
from biv_desktop.reports.ordering import visual_order

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
# Only the lam-alef ligatures are obligatory in Arabic; whole-word ligatures (such as the one for
# "Allah") would print a symbol in place of letters the user typed in a name.
_OBLIGATORY_LIGATURE = "ARABIC LIGATURE LAM WITH ALEF"
# The fallback order when a character's own face lacks a glyph (a Latin digit in an Arabic run, say).
_FALLBACK_ORDER = (Script.LATIN, Script.ARABIC, Script.ETHIOPIC)


@dataclass(frozen=True)
class TextRun:
    """A piece of a line drawn in one font, already in drawing (left-to-right) order."""

    text: str
    font_name: str


@dataclass(frozen=True)
class VisualLine:
    """One line of user text ready to draw from the left, with the direction its words read in."""

    runs: tuple[TextRun, ...]
    right_to_left: bool

    @property
    def text(self) -> str:
        """The characters in drawing order (Arabic as joined presentation forms)."""
        return "".join(run.text for run in self.runs)

    def width(self, size: float) -> float:
        """The width of the line, in points, at this font size."""
        return sum(stringWidth(run.text, run.font_name, size) for run in self.runs)


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


@cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    configuration: dict[str, object] = {
        "language": "Arabic",  # covers Persian/Dari and Pashto letters too
        # Vowel marks are kept: they sit on their letters when drawn in visual order (checked by eye).
        "delete_harakat": False,
        "shift_harakat_position": False,
        "delete_tatweel": False,
        "support_zwj": True,
        "use_unshaped_instead_of_isolated": False,
        "support_ligatures": True,
    }
    # Every ligature is set here, so a configuration file named in the environment changes nothing.
    for name, _replacement in LIGATURES:
        configuration[name] = name.startswith(_OBLIGATORY_LIGATURE)
    return arabic_reshaper.ArabicReshaper(configuration=configuration)


def join_arabic(text: str) -> str:
    """The text with Arabic letters in their joined (contextual) forms, still in logical order."""
    if not any(script_of(char) is Script.ARABIC for char in text):
        return text
    return str(_reshaper().reshape(text))


def _resolve_scripts(visual: str) -> list[Script]:
    # Shared characters take the script of the nearest letter before them in drawing order (or after
    # them, at the start), so a space or digit stays in the run it sits in.
    scripts = [script_of(char) for char in visual]
    following = next((script for script in scripts if script is not None), Script.LATIN)
    resolved: list[Script] = []
    current = following
    for script in scripts:
        if script is not None:
            current = script
        resolved.append(current)
    return resolved


def _face_for(char: str, script: Script, bold: bool) -> str:
    preferred = font_name(script, bold)
    if has_glyph(preferred, char):
        return preferred
    for other in _FALLBACK_ORDER:
        candidate = font_name(other, bold)
        if has_glyph(candidate, char):
            return candidate
    return preferred


def _runs(visual: str, bold: bool) -> tuple[TextRun, ...]:
    runs: list[TextRun] = []
    for char, script in zip(visual, _resolve_scripts(visual), strict=True):
        face = _face_for(char, script, bold)
        if runs and runs[-1].font_name == face:
            runs[-1] = TextRun(runs[-1].text + char, face)
        else:
            runs.append(TextRun(char, face))
    return tuple(runs)


@lru_cache(maxsize=8192)
def visual_line(text: str, bold: bool = False, right_to_left: bool | None = None) -> VisualLine:
    """Any user text as one drawable line: cleaned, Arabic joined, in visual order, split into font runs.

    The reading direction follows the first letter (an Arabic name reads from the right) unless given.
    Remembered (the line is frozen): a print pack draws the same labels and names on page after page, and
    a table asks for each cell's line more than once while laying it out.
    """
    joined = join_arabic(clean_text(text))
    if right_to_left is None:
        right_to_left = get_base_level(joined) == 1
    visual = visual_order(joined, right_to_left)
    # Format characters (direction marks, joiners) have done their work in shaping and ordering.
    drawable = "".join(char for char in visual if unicodedata.category(char) != "Cf")
    return VisualLine(_runs(drawable, bold), right_to_left)
