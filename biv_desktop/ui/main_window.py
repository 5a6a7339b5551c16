"""The main window: the navigation list on the left and the chosen page beside it.

The window can be shown before its register is open (ui/app.py): it then paints its navigation and a line
saying the register is being opened, and ``attach`` gives it the register and shows the overview.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from biv_desktop import __version__
from biv_desktop.ui.collector import keep_start_objects
from biv_desktop.ui.common.unsaved import may_leave_page, settle
from biv_desktop.ui.common.window_state import keep_window_state
from biv_desktop.ui.page import Page
from biv_desktop.ui.page_stack import PageStack, page_specs
from biv_desktop.ui.status_by_date import advance_statuses

if TYPE_CHECKING:
    from biv_desktop.store.database import Database

# Ctrl+1 … Ctrl+9 and Ctrl+0 reach the pages in the order the navigation lists them.
PAGE_KEYS = "1234567890"


class MainWindow(QMainWindow):
    """The program's one window; pages are switched in place, never opened as separate windows."""

    def __init__(
        self,
        database: Database | None = None,
        *,
        demo: bool = False,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database: Database | None = None  # given by ``attach``
        self._today = today
        self._demo = demo
        self.setWindowTitle(self.tr("BIV Desktop – demodata") if demo else self.tr("BIV Desktop"))
        self.resize(1280, 800)

        # Each page is built the first time it is shown (ui/page_stack.py), so the window opens quickly.
        self.stack = PageStack(page_specs(), lambda: self.database, today)
        titles = [spec.title for spec in self.stack.specs]
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Sidor"))
        self.navigation.setUniformItemSizes(True)
        # The highlighted row already shows where the keyboard is, so no extra focus frame is drawn.
        self.navigation.setStyleSheet(
            "QListWidget { padding-top: 8px; outline: 0; } QListWidget::item { padding-left: 10px; }"
        )
        for number, title in enumerate(titles):
            self.navigation.addItem(title)
            item = self.navigation.item(number)
            item.setSizeHint(QSize(0, self.navigation.fontMetrics().height() + 14))
            item.setToolTip(self.tr("{page} (Ctrl+{key})").format(page=title, key=PAGE_KEYS[number]))
        widest = max(self.navigation.fontMetrics().horizontalAdvance(title) for title in titles)
        self.navigation.setFixedWidth(widest + 56)
        self.navigation.currentRowChanged.connect(self._show_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        # The menus' titles at once; their actions, and the shortcuts, come with the register (``attach``).
        self.file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        self.navigation.setFocus()
        # Every window within the screen; place, size, splitters, columns remembered (ui/common/window_state).
        keep_window_state(self)
        self._opening: QLabel | None = None
        if database is not None:
            self.attach(database)
        else:
            self._show_opening()

    def _show_opening(self) -> None:
        """Until ``attach``: a line where the overview will be, and no page to go to yet."""
        self._opening = QLabel(self.tr("Öppnar databasen…"))
        self._opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self._opening)  # after the pages' stand-ins, so their places stay the same
        self.stack.setCurrentWidget(self._opening)
        self.navigation.setEnabled(False)

    @property
    def attached(self) -> bool:
        """Whether the window has its register (it has unless it was shown before the register opened)."""
        return self._database is not None

    def attach(self, database: Database) -> None:
        """Give the window its register and show the overview on it (once: Arkiv → Öppna databas… is how
        the window moves to another register)."""
        if self._database is not None:
            raise RuntimeError("the window has its register already")
        self._database = database
        self._make_actions()
        if self._opening is not None:
            self.stack.removeWidget(self._opening)
            self._opening.deleteLater()
            self._opening = None
        self.navigation.setEnabled(True)
        self._show_database_name(self._demo)
        self.navigation.setCurrentRow(0)
        self.navigation.setFocus()
        # What the start made lives as long as the program: out of the collector's full passes (ui/collector).
        keep_start_objects()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.attached and not settle(
            self, [edit for page in self.stack.built_pages() for edit in page.unsaved_edits()]
        ):
            event.ignore()
            return
        super().closeEvent(event)

    def _make_actions(self) -> None:
        # Imported here, not before the window's first frame (ui/app.py): they load the database layer.
        from biv_desktop.ui.backup.actions import install_backup_actions
        from biv_desktop.ui.handbook.window import install_handbook
        from biv_desktop.ui.privacy.actions import install_privacy_actions

        for number, key in enumerate(PAGE_KEYS[: len(self.stack.specs)]):
            jump = QAction(self.tr("Gå till {page}").format(page=self.stack.specs[number].title), self)
            jump.setShortcut(QKeySequence(f"Ctrl+{key}"))
            jump.triggered.connect(lambda _checked=False, row=number: self.navigation.setCurrentRow(row))
            self.addAction(jump)
        self.refresh_action = QAction(self.tr("Uppdatera"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(lambda: self.current_page().refresh())
        self.find_action = QAction(self.tr("Sök"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self._focus_search)
        self.addActions([self.refresh_action, self.find_action])

        self.open_action = QAction(self.tr("&Öppna databas…"), self)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.triggered.connect(self.choose_database)
        self.quit_action = QAction(self.tr("&Avsluta"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu = self.file_menu
        file_menu.addAction(self.open_action)
        # Säkerhetskopiera till…, Återställ från säkerhetskopia…, Exportera hela registret… (ui/backup).
        self.backup_actions = install_backup_actions(self, file_menu)
        # Gallring av personuppgifter… (ui/privacy).
        self.privacy_actions = install_privacy_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.about_action = QAction(self.tr("&Om BIV Desktop"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu = self.help_menu
        # Handbok, and F1 for the section about the page shown (ui/handbook).
        self.handbook = install_handbook(self, help_menu, lambda: self.current_page())
        help_menu.addAction(self.about_action)

    @property
    def database(self) -> Database:
        if self._database is None:
            raise RuntimeError("the window has no register yet")
        return self._database

    def current_page(self) -> Page:
        return self.stack.page(self.stack.currentIndex())

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        # Edits on the page being left are saved or dropped first, or the user stays (ui/common/unsaved).
        if not may_leave_page(self, self.stack.currentWidget(), row):
            return
        page = self.stack.show_page(row)
        advance_statuses(self.database, self._today)  # planned → running → finished, by the calendar
        # Pages read afresh when shown, so what another page changed is always what the user sees.
        page.refresh()

    def _focus_search(self) -> None:
        field = self.current_page().search_field()
        if field is not None:
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            field.selectAll()

    def _show_database_name(self, demo: bool) -> None:
        name = self.database.path.name
        text = self.tr("Databas: {name}").format(name=name)
        if demo:
            text = self.tr("Demodata – {database}").format(database=text)
        self.database_label.setText(text)

    def choose_database(self) -> None:
        """Arkiv → Öppna databas…: switch to another register, keeping the current one if that fails."""
        from biv_desktop.ui.opening import choose_database_file, open_other_register

        path = choose_database_file(self, self.database.path.parent)
        if path is None:
            return
        database = open_other_register(path, self)
        if database is None:
            return
        previous, self._database = self.database, database
        for page in self.stack.built_pages():  # a page built later starts on the new register
            page.set_database(database)
        previous.close()
        self._demo = False
        self._show_database_name(demo=False)
        self.setWindowTitle(self.tr("BIV Desktop"))
        self.current_page().refresh()

    def show_about(self) -> None:
        import html

        from biv_desktop import paths

        def place(path: object) -> str:
            return f"<code>{html.escape(str(path))}</code>"

        QMessageBox.about(
            self,
            self.tr("Om BIV Desktop"),
            self.tr(
                "<h3>BIV Desktop {version}</h3>"
                "<p>Planering, närvaro och uppföljning för stödgrupperna Barn i väntan och Barn i start.</p>"
                "<p><b>Konfidentiellt – innehåller personuppgifter om barn.</b> Lämna inte datorn olåst och "
                "skriv bara ut det som behövs.</p>"
                "<p><b>Dina uppgifter</b><br>Databasen: {register}<br>Säkerhetskopiorna: {backups}<br>"
                "Loggarna: {logs}</p>"
                "<p>Fri programvara under licensen GNU General Public License version 3 eller senare "
                "(GPL-3.0-or-later), utan garanti. Licensens fullständiga text följer med programmet "
                "(filen LICENSE) och finns på https://www.gnu.org/licenses/gpl-3.0.html.</p>"
            ).format(
                version=__version__,
                register=place(self.database.path),
                backups=place(paths.backups_dir()),
                logs=place(paths.log_dir()),
            ),
        )
