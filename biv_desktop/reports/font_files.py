"""The font files printouts embed, one face per script: which file, and where the program ships them.

Kept apart from reportlab so the window can register the same files with Qt (ui/screen_fonts) without
loading the PDF library at start.
"""

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from biv_desktop import paths


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


def fonts_dir() -> Path:
    """The folder the font files are shipped in."""
    return paths.resource_dir() / "fonts"
