"""Names in every script the program prints also show on screen: after start the window's font has
glyphs for Tigrinya (Ethiopic) and Arabic, from the bundled Noto fonts."""

from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from biv_desktop.ui import app

TIGRINYA_NAME = "ሰላም ተስፋይ"  # fictional: "Selam Tesfay"
ARABIC_NAME = "ليلى حسن"


def test_a_tigrinya_and_an_arabic_name_have_glyphs_after_start(qtbot: QtBot) -> None:
    application = app.application()
    families = QFontDatabase.families()
    assert "Noto Sans Ethiopic" in families and "Noto Sans Arabic" in families
    label = QLabel(TIGRINYA_NAME)
    qtbot.addWidget(label)
    metrics = QFontMetrics(label.font())
    for name in (TIGRINYA_NAME, ARABIC_NAME):
        assert all(metrics.inFontUcs4(ord(letter)) for letter in name if not letter.isspace()), name
    assert {"Noto Sans Arabic", "Noto Sans Ethiopic"} <= set(application.font().families())
