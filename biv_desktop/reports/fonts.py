"""The fonts printouts embed: one face per script, registered with reportlab once, on first use."""

import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from biv_desktop import paths
from biv_desktop.reports.errors import MissingFontError


class Script(Enum):
    """The writing systems printouts draw, each with its own font."""

    LATIN = "latin"  # Latin, Cyrillic and Greek: all in Noto Sans
    ARABIC = "arabic"
    ETHIOPIC = "ethiopic"


@dataclass(frozen=True)
class FontFace:
    """One font file and the name reportlab knows it by."""

    name: str
    file_name: str


FACES: dict[tuple[Script, bool], FontFace] = {
    (Script.LATIN, False): FontFace("NotoSans-Regular", "NotoSans-Regular.ttf"),
    (Script.LATIN, True): FontFace("NotoSans-Bold", "NotoSans-Bold.ttf"),
    (Script.ARABIC, False): FontFace("NotoSansArabic-Regular", "NotoSansArabic-Regular.ttf"),
    (Script.ARABIC, True): FontFace("NotoSansArabic-Bold", "NotoSansArabic-Bold.ttf"),
    (Script.ETHIOPIC, False): FontFace("NotoSansEthiopic-Regular", "NotoSansEthiopic-Regular.ttf"),
    (Script.ETHIOPIC, True): FontFace("NotoSansEthiopic-Bold", "NotoSansEthiopic-Bold.ttf"),
}

# The family name Paragraph markup (<b>) resolves through; it maps to the Latin faces.
LATIN_FAMILY = "NotoSans"

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    """The folder the font files are shipped in."""
    return paths.resource_dir() / "fonts"


def register_fonts() -> None:
    """Register every printout font with reportlab; later calls do nothing."""
    global _registered
    # Printouts may be built off the GUI thread, so two threads may ask at once.
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for face in FACES.values():
            path = folder / face.file_name
            if not path.is_file():
                raise MissingFontError(
                    f"Typsnittet {face.file_name} saknas i programmets installation ({folder}), "
                    "så utskriften kan inte göras. Installera om BIV Desktop.",
                    path,
                )
            pdfmetrics.registerFont(TTFont(face.name, str(path)))
        regular, bold = FACES[(Script.LATIN, False)].name, FACES[(Script.LATIN, True)].name
        # Noto ships no italic here, so italic markup falls back to the upright faces. The upright
        # mappings come last because the last mapping of a face decides how reportlab reads it back.
        addMapping(LATIN_FAMILY, 0, 1, regular)
        addMapping(LATIN_FAMILY, 1, 1, bold)
        addMapping(LATIN_FAMILY, 0, 0, regular)
        addMapping(LATIN_FAMILY, 1, 0, bold)
        _registered = True


def font_name(script: Script, bold: bool = False) -> str:
    """The reportlab name of the face that draws this script (registering the fonts if needed)."""
    register_fonts()
    return FACES[(script, bold)].name


def has_glyph(name: str, char: str) -> bool:
    """Whether the registered font has a glyph of its own for the character."""
    register_fonts()
    font = pdfmetrics.getFont(name)
    face = getattr(font, "face", None)
    char_to_glyph: dict[int, int] = getattr(face, "charToGlyph", {})
    return ord(char) in char_to_glyph
