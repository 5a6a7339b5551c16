"""The fonts the printouts embed, registered with Qt too, so every script the program prints also shows
on screen (a Tigrinya name was empty boxes on a computer without an Ethiopic font)."""

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from biv_desktop.reports.font_files import FACES, Script, fonts_dir


def register_screen_fonts(app: QApplication) -> list[str]:
    """Add the bundled fonts to Qt and let the application's font fall back to them, after the system's
    own face (which keeps Latin text looking native); the families added."""
    # The family the system really uses for the window's text, named before the bundled fonts are added:
    # a generic name such as "Sans Serif" could afterwards resolve to one of them and change every line.
    system_family = QFontInfo(app.font()).family()
    added: list[str] = []
    # Not the Latin face: the system's own font shows Latin text.
    for (script, _bold), face in FACES.items():
        if script is Script.LATIN:
            continue
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / face.file_name))
        if font_id < 0:
            continue  # a missing file: the printouts say so; the screen falls back to the system's fonts
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in added:
                added.append(family)
    if added:
        font = QFont(app.font())
        font.setFamilies([system_family, *(family for family in added if family != system_family)])
        app.setFont(font)
    return added
