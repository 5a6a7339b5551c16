"""Starting the window: the application, its Swedish translations, the register and the main window.

The window is on screen first, then its register is opened: the database layer (SQLAlchemy and the models)
takes longer to load than Qt itself, so the user sees the program start at once and the overview fill in
when the register is read. Nothing loaded before the first frame imports the database layer.
"""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from biv_desktop import __version__
from biv_desktop.paths import resource_dir
from biv_desktop.ui.common.focus_frame import show_focus_on_buttons
from biv_desktop.ui.crash import install_crash_handler
from biv_desktop.ui.first_frame import FIRST_FRAME_LINE, REGISTER_SHOWN_LINE, after_first_frame, report
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.screen_fonts import register_screen_fonts

APPLICATION_NAME = "BIV Desktop"
SWEDISH = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
# Set to 1, the window opens, says on standard output when its first frame and then the register's overview
# were painted, and the program ends normally (ui/first_frame.py): a smoke test of a build (.ci/run) and what
# the benchmark times.
QUIT_AFTER_START = "BIV_DESKTOP_QUIT_AFTER_START"
# A window that has painted nothing by then (started minimised) opens its register all the same.
OPEN_AT_THE_LATEST_MS = 1000


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
    show_focus_on_buttons(app)  # where the keyboard is, on a button
    return app


class RegisterOpening:
    """Opens the register into the window once the window is on screen, then runs the start-up checks."""

    def __init__(self, window: MainWindow, path: Path, *, demo: bool, quit_when_shown: bool) -> None:
        self.window = window
        self.path = path
        self.demo = demo
        self.quit_when_shown = quit_when_shown

    def open(self) -> None:
        if self.quit_when_shown:
            report(FIRST_FRAME_LINE)
        if not self.window.isVisible():
            return  # closed before its register opened: the program is ending
        from biv_desktop.ui.backup.start import after_start, open_at_start

        # The register under its lock (one program per register), a damaged one offered its newest backup.
        database = open_at_start(self.path, self.window)
        if database is None:
            self.window.hide()
            QApplication.exit(1)
            return
        self.window.attach(database)
        if self.quit_when_shown:
            after_first_frame(self.window.current_page(), self._shown)
        after_start(self.window, database, demo=self.demo)  # a shared-folder warning, the automatic backup

    def _shown(self) -> None:
        report(REGISTER_SHOWN_LINE)
        QApplication.exit(0)


def run(database_path: Path, *, demo: bool = False) -> int:
    """Show the window, open the register at ``database_path`` in it and run until it closes; the exit code."""
    app = application()
    install_crash_handler()
    window = MainWindow(demo=demo)
    opening = RegisterOpening(
        window, database_path, demo=demo, quit_when_shown=os.environ.get(QUIT_AFTER_START) == "1"
    )
    after_first_frame(window, opening.open, latest=OPEN_AT_THE_LATEST_MS)
    window.show()
    try:
        return app.exec()
    finally:
        from biv_desktop.ui.common.worker import wait_for_background_work

        wait_for_background_work()  # a backup still being written ends before its register closes
        if window.attached:
            window.database.close()
