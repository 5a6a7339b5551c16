"""Shaping by HarfBuzz: which glyphs of a font draw a run of text, and where, and how reportlab writes them.

HarfBuzz picks each Arabic letter's joined form (for every letter the font has, Pashto's ښ and Sorani's
ڵ as well as Arabic's), the lam-alef ligature, mark positions and kerning, from the font's own tables. A
run is shaped in one direction: a right-to-left run comes back in drawing order, brackets mirrored.

reportlab writes text as characters of a subset font, not as glyph ids. A glyph that some character maps
to is written as that character; a joined form that no character maps to gets a private-use code in the
font's reportlab face (reportlab's own device for the glyphs its shaping finds). The positions HarfBuzz
gives go into the page with reportlab's shaped strings (`ShapedStr`), which carry them into the text's
`TJ` adjustments. Where a glyph's character is not the one typed (a private-use code, a presentation
form, a ligature), the glyphs of that cluster are wrapped in an /ActualText span holding the typed
characters, so copying, searching and `pdftotext` give the stored name back.
"""

import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import uharfbuzz as hb
from bidi.mirror import MIRRORED
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont

from biv_desktop.reports.fonts import FACES, fonts_dir

# A fixed language, not the computer's: the same name prints the same on every machine.
LANGUAGE = "und"
# HarfBuzz's default features, less the optional ligatures (Latin fi, ff): a name's letters stay letters
# for every PDF reader, also those that ignore /ActualText. Arabic's lam-alef is a required ligature
# (rlig) and stays.
FEATURES = {"liga": False}

_lock = threading.Lock()  # the private-use codes are added to a font shared by the whole process


@dataclass(frozen=True)
class Glyph:
    """One glyph as shaped: its id in the font, the character it starts from in the run (its cluster), and
    its advance and offsets in thousandths of the font size."""

    glyph_id: int
    cluster: int
    x_advance: float
    x_offset: float
    y_offset: float


@cache
def _harfbuzz_font(font_name: str) -> tuple[hb.Font, float]:
    """The HarfBuzz font for a printout face, and the factor from its units to thousandths of an em."""
    face = next(face for face in FACES.values() if face.name == font_name)
    hb_face = hb.Face(hb.Blob.from_file_path(str(fonts_dir() / face.file_name)))
    return hb.Font(hb_face), 1000 / hb_face.upem


def shape(text: str, font_name: str, right_to_left: bool) -> tuple[Glyph, ...]:
    """The glyphs HarfBuzz draws the run with in that face, in drawing (left-to-right) order."""
    font, scale = _harfbuzz_font(font_name)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = "rtl" if right_to_left else "ltr"
    buffer.language = LANGUAGE
    buffer.guess_segment_properties()  # the script, from the run's letters
    hb.shape(font, buffer, FEATURES)
    return tuple(
        Glyph(info.codepoint, info.cluster, pos.x_advance * scale, pos.x_offset * scale, pos.y_offset * scale)
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    )


def _code_for(font: TTFont, hb_font: hb.Font, glyph_id: int, scale: float, seen: str) -> int:
    # Called with _lock held. The character seen is the code if it is the glyph's own (so the text layer
    # spells it, even where the font gives one glyph to several characters); then any character of the
    # glyph; then a private-use code.
    face: Any = font.face  # reportlab's type stubs leave out the glyph-to-character map
    if len(seen) == 1 and face.charToGlyph.get(ord(seen)) == glyph_id:
        return ord(seen)
    characters = face.glyphToChar.get(glyph_id)
    if characters:
        return int(characters[0])
    font.hbFont()  # gives the reportlab face its private-use mapping (hbAddPrivate)
    width = hb_font.get_glyph_h_advance(glyph_id) * scale
    return int(font.hbAddPrivate(hb_font.glyph_to_string(glyph_id), glyph_id, width))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Piece:
    """A stretch of a run's glyphs as reportlab writes them, with the characters they show where the font's
    own character for a glyph would not say it (a joined form, a ligature)."""

    string: ShapedStr
    actual_text: str | None
    advance: float  # in thousandths of the font size


def _clusters(text: str, glyphs: tuple[Glyph, ...]) -> list[tuple[int, int, str]]:
    """The glyphs grouped by the characters they come from: (first glyph, end glyph, characters)."""
    starts = sorted({glyph.cluster for glyph in glyphs})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    groups: list[tuple[int, int, str]] = []
    first = 0
    for index in range(1, len(glyphs) + 1):
        if index == len(glyphs) or glyphs[index].cluster != glyphs[first].cluster:
            cluster = glyphs[first].cluster
            groups.append((first, index, text[cluster : ends[cluster]]))
            first = index
    return groups


def _as_seen(characters: str, right_to_left: bool) -> str:
    # A right-to-left cluster's characters as they sit from the left: reversed, brackets mirrored.
    if not right_to_left:
        return characters
    return "".join(MIRRORED.get(char, char) for char in reversed(characters))


@lru_cache(maxsize=8192)
def pdf_pieces(
    text: str, font_name: str, right_to_left: bool, glyphs: tuple[Glyph, ...]
) -> tuple[Piece, ...]:
    """A shaped run (its characters, direction and glyphs) as the pieces the page is written with.

    The text layer spells, from the left, the characters each glyph shows, as a page of typed text would:
    PDF readers (pdftotext and others) read a line from the left and put right-to-left words back in
    reading order themselves. Glyphs that the font's own characters already spell go together in one
    plain piece; every other cluster (a joined form, a ligature) is a piece with its characters as
    /ActualText, given from the left too: a reader spreads them over the glyph's width.
    """
    font = pdfmetrics.getFont(font_name)
    if not isinstance(font, TTFont):
        raise TypeError(f"{font_name} is not a TrueType face")
    hb_font, scale = _harfbuzz_font(font_name)
    groups = [
        (first, end, _as_seen(characters, right_to_left))
        for first, end, characters in _clusters(text, glyphs)
    ]
    with _lock:
        codes = [
            _code_for(font, hb_font, glyphs[index].glyph_id, scale, seen if end - first == 1 else "")
            for first, end, seen in groups
            for index in range(first, end)
        ]
    widths, default = font.face.charWidths, font.face.defaultWidth
    data = [
        ShapeData(
            glyph.cluster, glyph.x_advance, 0, glyph.x_offset, glyph.y_offset, widths.get(code, default)
        )
        for glyph, code in zip(glyphs, codes, strict=True)
    ]

    def piece(first: int, end: int, actual: str | None) -> Piece:
        # The stubs type shapeData as one ShapeData; reportlab takes (and slices) a list of them.
        string = ShapedStr("".join(map(chr, codes[first:end])), shapeData=data[first:end])  # type: ignore[arg-type]
        return Piece(string, actual, sum(glyph.x_advance for glyph in glyphs[first:end]))

    pieces: list[Piece] = []
    plain_start: int | None = None
    for first, end, seen in groups:
        if "".join(map(chr, codes[first:end])) == seen:
            plain_start = first if plain_start is None else plain_start
            continue
        if plain_start is not None:
            pieces.append(piece(plain_start, first, None))
            plain_start = None
        pieces.append(piece(first, end, seen))
    if plain_start is not None:
        pieces.append(piece(plain_start, len(glyphs), None))
    return tuple(pieces)
