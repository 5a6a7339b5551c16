"""Starting the window: the application, its Swedish translations, the register and the main window."""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from biv_desktop import __version__
from biv_desktop.paths import resource_dir
from biv_desktop.ui.backup.start import after_start, open_at_start
from biv_desktop.ui.common.styles import FOCUS_STYLE
from biv_desktop.ui.common.worker import wait_for_background_work
from biv_desktop.ui.crash import install_crash_handler
from biv_desktop.ui.first_frame import quit_after_first_frame
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.screen_fonts import register_screen_fonts

APPLICATION_NAME = "BIV Desktop"
SWEDISH = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
# Set to 1, the window opens, paints its first frame, says when on standard output and the program ends
# normally (ui/first_frame.py): a smoke test of a build (.ci/run) and what the benchmark times.
QUIT_AFTER_START = "BIV_DESKTOP_QUIT_AFTER_START"


def qt_translations_dir() -> str:
    """Where Qt's own translations are: in the PySide6 wheel, or inside a frozen program's folder."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        # packaging/biv-desktop.spec ships them here (PyInstaller's PySide6 hook uses the same place).
        frozen = Path(sys._MEIPASS) / "PySide6" / "Qt" / "translations"
        if frozen.is_dir():
            return str(frozen)
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translations(app: QApplication) -> list[QTranslator]:
    """Load Qt's own Swedish strings, so standard buttons and dialogs speak Swedish."""
    folder = qt_translations_dir()
    translators = []
    for catalogue in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(SWEDISH, catalogue, "_", folder) and app.installTranslator(translator):
            translators.append(translator)
    return translators


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """The program's icon in every size made from resources/icons/biv-desktop.svg (PNG: no QtSvg needed)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_dir() / "icons" / f"biv-desktop-{size}.png"))
    return icon


def application() -> QApplication:
    """The one QApplication, set up as BIV Desktop in Swedish."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(APPLICATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    QLocale.setDefault(SWEDISH)
    install_qt_translations(app)
    register_screen_fonts(app)  # Arabic and Ethiopic names show on screen as they print
    app.setStyleSheet(FOCUS_STYLE)  # where the keyboard is, on a button
    return app


def run(database_path: Path, *, demo: bool = False) -> int:
    """Open the window on the register at ``database_path`` and run until it closes; the exit code."""
    app = application()
    install_crash_handler()
    # The register under its lock (one program per register), a damaged one offered its newest backup.
    database = open_at_start(database_path)
    if database is None:
        return 1
    window = MainWindow(database, demo=demo)
    if os.environ.get(QUIT_AFTER_START) == "1":
        quit_after_first_frame(window, app)
    window.show()
    after_start(window, database, demo=demo)  # a shared-folder warning, then the automatic backup
    try:
        return app.exec()
    finally:
        wait_for_background_work()  # a backup still being written ends before its register closes
        window.database.close()
