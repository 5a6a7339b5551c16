"""Which face draws a character is remembered (a print pack asks about the same characters tens of
thousands of times) and gives the same answers as asking the fonts; private-use characters, which
reportlab adds to a font while it prints joined forms, are always asked afresh."""

from collections.abc import Iterator

import pytest
from reportlab.pdfbase import pdfmetrics

from biv_desktop.reports import text
from biv_desktop.reports.fonts import Script, font_name, has_glyph

# Latin with diacritics, Cyrillic, Arabic-script letters (Persian, Pashto), Ge'ez, digits, punctuation,
# brackets, a joiner, a mark, and characters no face has.
CHARACTERS = "AaÅäÖéŁąЖжسارةیۍښሰላም0123456789 -.,()[]\u200c\u0301☃😀"


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("script", list(Script))
def test_remembered_faces_are_the_ones_the_fonts_give(script: Script, bold: bool) -> None:
    for _twice in range(2):
        for char in CHARACTERS:
            assert text._face_for(char, script, bold) == text._face_lookup(char, script, bold)
            for face in {font_name(other, bold) for other in Script}:
                assert text._has(face, char) == has_glyph(face, char)


@pytest.fixture
def private_code() -> Iterator[tuple[str, str]]:
    face = font_name(Script.LATIN)
    font = pdfmetrics.getFont(face)
    char_to_glyph = font.face.charToGlyph  # type: ignore[attr-defined]
    code = next(code for code in range(0xF8FF, 0xE000, -1) if code not in char_to_glyph)
    yield face, chr(code)
    char_to_glyph.pop(code, None)


def test_a_private_use_code_the_font_gains_while_printing_is_seen_at_once(
    private_code: tuple[str, str],
) -> None:
    face, char = private_code
    assert not text._has(face, char)
    pdfmetrics.getFont(face).face.charToGlyph[ord(char)] = 3  # type: ignore[attr-defined]
    assert text._has(face, char)
    assert text._face_for(char, Script.LATIN, False) == face
