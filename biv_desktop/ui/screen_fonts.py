"""The fonts the printouts embed, registered with Qt too, so every script the program prints also shows
on screen (a Tigrinya name was empty boxes on a computer without an Ethiopic font)."""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from biv_desktop.reports.fonts import FACES, fonts_dir


def register_screen_fonts(app: QApplication) -> list[str]:
    """Add the bundled fonts to Qt and let the application's font fall back to them, after the system's
    own face (which keeps Latin text looking native); the families added."""
    added: list[str] = []
    for face in FACES.values():
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / face.file_name))
        if font_id < 0:
            continue  # a missing file: the printouts say so; the screen falls back to the system's fonts
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in added:
                added.append(family)
    if added:
        font = QFont(app.font())
        own = font.families() or [font.family()]
        font.setFamilies([*own, *(family for family in added if family not in own)])
        app.setFont(font)
    return added
