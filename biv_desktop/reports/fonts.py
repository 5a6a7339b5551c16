"""The fonts printouts embed: one face per script, each registered with reportlab once, on its first use."""

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from biv_desktop.reports.errors import MissingFontError
from biv_desktop.reports.font_files import FACES, LATIN_FAMILY, FontFace, Script, fonts_dir

__all__ = [
    "FACES",
    "LATIN_FAMILY",
    "FontFace",
    "Script",
    "font_name",
    "fonts_dir",
    "has_glyph",
    "register_fonts",
]

_lock = threading.Lock()
_registered: set[str] = set()  # the faces reportlab knows so far, by name


def _register(face: FontFace) -> None:
    # Called with _lock held. Reading a font file takes a tenth of a second or more, so a face is read the
    # first time a printout draws with it: a sheet with only Latin names never reads the Arabic or
    # Ethiopic files.
    if face.name in _registered:
        return
    folder = fonts_dir()
    path = folder / face.file_name
    if not path.is_file():
        raise MissingFontError(
            f"Typsnittet {face.file_name} saknas i programmets installation ({folder}), "
            "så utskriften kan inte göras. Installera om BIV Desktop.",
            path,
        )
    # Shapable: reportlab then writes the glyphs HarfBuzz chose at the positions it gave (see shaping.py).
    pdfmetrics.registerFont(TTFont(face.name, str(path), shapable=True))
    _registered.add(face.name)


def _register_face(face: FontFace) -> None:
    """Register the face, and the Latin faces with their family (every printout's base) first."""
    # Printouts may be built off the GUI thread, so two threads may ask at once.
    with _lock:
        regular, bold = FACES[(Script.LATIN, False)], FACES[(Script.LATIN, True)]
        if bold.name not in _registered:
            _register(regular)
            _register(bold)
            # Noto ships no italic here, so italic markup falls back to the upright faces. The upright
            # mappings come last because the last mapping of a face decides how reportlab reads it back.
            addMapping(LATIN_FAMILY, 0, 1, regular.name)
            addMapping(LATIN_FAMILY, 1, 1, bold.name)
            addMapping(LATIN_FAMILY, 0, 0, regular.name)
            addMapping(LATIN_FAMILY, 1, 0, bold.name)
        _register(face)


def register_fonts() -> None:
    """Register every printout font with reportlab; later calls do nothing."""
    for face in FACES.values():
        _register_face(face)


def font_name(script: Script, bold: bool = False) -> str:
    """The reportlab name of the face that draws this script (registering it if needed)."""
    face = FACES[(script, bold)]
    if face.name not in _registered:
        _register_face(face)
    return face.name


def has_glyph(name: str, char: str) -> bool:
    """Whether the printout font of that name has a glyph of its own for the character."""
    if name not in _registered:
        _register_face(next(face for face in FACES.values() if face.name == name))
    font = pdfmetrics.getFont(name)
    face = getattr(font, "face", None)
    char_to_glyph: dict[int, int] = getattr(face, "charToGlyph", {})
    return ord(char) in char_to_glyph
