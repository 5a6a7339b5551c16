"""The handbook window: the chapters on the left, the text with its pictures beside them, read offline."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.ui.common.text import translator
from biv_desktop.ui.handbook.sections import CHAPTERS, CONTENTS, Section, handbook_dir, section_for

tr = translator("Handbook")


class HandbookWindow(QWidget):
    """A window of its own beside the main window, so the handbook stays open while she works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Handbok – BIV Desktop"))
        self.chapters = QListWidget()
        self.chapters.setAccessibleName(tr("Handbokens kapitel"))
        for section in (CONTENTS, *CHAPTERS):
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.file)
            self.chapters.addItem(item)
        self.chapters.setFixedWidth(self.chapters.sizeHintForColumn(0) + 24)
        self.chapters.currentItemChanged.connect(self._chapter_chosen)

        self.browser = QTextBrowser()
        self.browser.setAccessibleName(tr("Handboken"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(handbook_dir())])
        self.browser.sourceChanged.connect(self._follow)

        self.back_button = QPushButton(tr("← &Bakåt"))
        self.back_button.setToolTip(tr("Tillbaka till det du läste nyss (Alt+Vänsterpil)"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.forward_button = QPushButton(tr("&Framåt →"))
        self.forward_button.setToolTip(tr("Framåt igen (Alt+Högerpil)"))
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.contents_button = QPushButton(tr("&Innehåll"))
        self.contents_button.clicked.connect(lambda: self.show_section(CONTENTS))
        self.close_button = QPushButton(tr("&Stäng"))
        self.close_button.clicked.connect(self.close)
        for button in (self.back_button, self.forward_button):
            button.setEnabled(False)
        for text, keys, slot in (
            (tr("Bakåt"), "Alt+Left", self.browser.backward),
            (tr("Framåt"), "Alt+Right", self.browser.forward),
            (tr("Stäng"), "Esc", self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.forward_button)
        buttons.addWidget(self.contents_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        beside = QHBoxLayout()
        beside.addWidget(self.chapters)
        beside.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(beside, 1)
        # Wide enough for the pictures (760 pixels) beside the chapters; fits a 1366×768 laptop's screen.
        self.resize(1100, 680)

    def show_section(self, section: Section) -> None:
        """Show ``section``, scrolled to its part of the chapter."""
        path = handbook_dir() / section.file
        if not path.is_file():
            self.browser.setHtml(
                tr(
                    "<h2>Handboken saknas</h2><p>Filen {name} finns inte bland programmets filer. "
                    "Installera om programmet för att få tillbaka handboken.</p>"
                ).format(name=section.file)
            )
            return
        url = QUrl.fromLocalFile(str(path))
        if section.anchor:
            url.setFragment(section.anchor)
        self.browser.setSource(url)

    def _chapter_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        chosen = current.data(Qt.ItemDataRole.UserRole)
        if self.browser.source().fileName() != chosen:
            self.show_section(Section(chosen, current.text()))

    def _follow(self, url: QUrl) -> None:
        """Keep the chapter list on the chapter shown, however it was reached (a link, Bakåt)."""
        for row in range(self.chapters.count()):
            if self.chapters.item(row).data(Qt.ItemDataRole.UserRole) == url.fileName():
                self.chapters.blockSignals(True)
                self.chapters.setCurrentRow(row)
                self.chapters.blockSignals(False)
                return


class HandbookActions(QObject):
    """Hjälp → Handbok (the contents) and Hjälp → Hjälp om den här sidan (F1, the page's own section)."""

    def __init__(self, window: QWidget, current_page: Callable[[], object]) -> None:
        super().__init__(window)
        self._owner = window
        self._current_page = current_page
        self.window: HandbookWindow | None = None
        self.handbook_action = QAction(tr("&Handbok"), window)
        self.handbook_action.triggered.connect(lambda: self.open(CONTENTS))
        self.page_help_action = QAction(tr("&Hjälp om den här sidan"), window)
        self.page_help_action.setShortcut(QKeySequence("F1"))
        self.page_help_action.triggered.connect(self.open_for_page)
        window.addAction(self.page_help_action)

    def open(self, section: Section) -> HandbookWindow:
        """Show the handbook window (made the first time) at ``section``, in front."""
        if self.window is None:
            self.window = HandbookWindow(self._owner)
        self.window.show_section(section)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def open_for_page(self) -> HandbookWindow:
        """F1: the section about the page shown now."""
        return self.open(section_for(self._current_page()))


def install_handbook(window: QWidget, menu: QMenu, current_page: Callable[[], object]) -> HandbookActions:
    """Add Handbok and Hjälp om den här sidan (F1) to ``menu``; ``current_page`` gives the page shown."""
    actions = HandbookActions(window, current_page)
    menu.addAction(actions.handbook_action)
    menu.addAction(actions.page_help_action)
    menu.addSeparator()
    return actions
