"""The preview window: a sheet's pages as they will print, with buttons to print or save them."""

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.ui.printing.pages import render_page
from biv_desktop.ui.printing.sheet_printing import SheetPrinting

PAGE_GAP = 16


class SheetPreviewDialog(QDialog):
    """The sheet's pages as they will print, with buttons to print or save them; a choice of content
    (the course sheet's filled or blank version) when there is more than one."""

    def __init__(self, variants: Sequence[tuple[str, SheetPrinting]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.variants = list(variants)
        for _text, printing in self.variants:
            # The PDFs in memory go when the window closes, and messages appear over it.
            printing.setParent(self)
            printing.parent_widget = self
        self.page_labels: list[QLabel] = []
        self.setWindowTitle(self.variants[0][1].title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.choice = QComboBox()
        for text, _printing in self.variants:
            self.choice.addItem(text)
        self.choice.currentIndexChanged.connect(self._show_pages)
        self.page_count = QLabel()
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(16)
        if len(self.variants) > 1:
            choice_label = QLabel(self.tr("&Innehåll:"))
            choice_label.setBuddy(self.choice)
            top.addWidget(choice_label)
            top.addWidget(self.choice)
        else:
            self.choice.hide()
        top.addStretch(1)
        top.addWidget(self.page_count)

        self.pages = QWidget()
        self.pages.setObjectName("pages")
        self.pages.setStyleSheet("#pages { background: #6b6b6b; }")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.viewport().setStyleSheet("background: #6b6b6b;")
        self.scroll_area.setAccessibleName(self.tr("Förhandsgranskning"))
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._draw_visible_pages)
        self._page_scales: list[float] = []

        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Skriv &ut…"))
        self.save_button = QPushButton(self.tr("&Spara som PDF…"))
        # Ctrl+P and Ctrl+S as shortcuts of the window: a button's own shortcut would replace its
        # underlined letter, and Alt+U / Alt+S would do nothing.
        for key, button in (
            (QKeySequence.StandardKey.Print, self.print_button),
            (QKeySequence.StandardKey.Save, self.save_button),
        ):
            QShortcut(QKeySequence(key), self, button.click)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: self.current().print_sheet())
        self.save_button.clicked.connect(self._save)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self._rescale = QTimer(self)
        self._rescale.setSingleShot(True)
        self._rescale.setInterval(120)
        self._rescale.timeout.connect(self._show_pages)
        self._shown_width = 0
        self._shown_variant = -1
        self._drawing = False
        self.finished.connect(self._release)
        self.resize(980, 820)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_variant < 0:
            # Only now does the scroll area know its width, which the pages are drawn to fit.
            self._show_pages()

    def current(self) -> SheetPrinting:
        return self.variants[max(self.choice.currentIndex(), 0)][1]

    def _page_width(self) -> int:
        # The scroll area's whole width less the vertical scroll bar the pages will surely need.
        scroll_bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        return max(420, self.scroll_area.width() - scroll_bar - 2 * PAGE_GAP - 6)

    def _show_pages(self) -> None:
        """Draw every page of the chosen sheet to fit the window's width."""
        # Making a sheet's PDF runs an event loop (its progress dialog), in which a resize or another
        # choice may ask for the pages again: that is done once the first drawing is over.
        if self._drawing:
            self._rescale.start()
            return
        # This drawing answers any redrawing still due (the resize as the window first shows asks for one):
        # drawing a hundred pages' places twice took a third of a second.
        self._rescale.stop()
        self._drawing = True
        try:
            self._draw_pages()
        finally:
            self._drawing = False

    def _draw_pages(self) -> None:
        printing = self.current()
        self.setWindowTitle(printing.title)
        self.heading.setText(printing.title)
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.page_labels = []
        document = printing.document()
        if document is None:
            self.page_count.setText(self.tr("Listan kunde inte göras."))
            self.print_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        width = self._page_width()
        self._shown_width = width
        self._page_scales = []
        for index in range(len(document)):
            page_width, page_height = document.get_page_size(index)  # without loading the page
            # Never larger than about 1.6 times the paper's real size: more only blurs.
            scale = min(width / page_width, 1.6)
            self._page_scales.append(scale)
            # A blank sheet of the page's size until it is scrolled into view: a print pack has a hundred
            # pages, and drawing them all at once took seconds and hundreds of megabytes.
            label = QLabel()
            label.setStyleSheet("background: white;")
            label.setFixedSize(math.ceil(page_width * scale), math.ceil(page_height * scale))  # as PDFium
            label.setAccessibleName(self.tr("Sida {number}").format(number=index + 1))
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            label.show()  # now, not when the event loop gets to it: the size below counts it
            self.page_labels.append(label)
        self.pages_layout.activate()
        self.pages.resize(self.pages.sizeHint())
        if self._shown_variant != self.choice.currentIndex():
            self._shown_variant = self.choice.currentIndex()
            self.scroll_area.verticalScrollBar().setValue(0)
        self._draw_visible_pages()
        count = len(document)
        self.page_count.setText(
            self.tr("1 sida") if count == 1 else self.tr("{count} sidor").format(count=count)
        )

    def _draw_visible_pages(self, _value: int = 0) -> None:
        """Draw the pages in view, and the next one below, that are still blank."""
        document = self.current().document() if self.page_labels else None
        if document is None:
            return
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height() + PAGE_GAP
        ratio = self.devicePixelRatioF()
        following = 1  # one page beyond the view, so scrolling on finds it drawn
        for index, label in enumerate(self.page_labels):
            area = label.geometry()
            if area.bottom() < top:
                continue
            if area.top() > bottom:
                if following == 0:
                    break
                following -= 1
            if label.pixmap().isNull():
                pixmap = QPixmap.fromImage(render_page(document, index, self._page_scales[index] * ratio))
                pixmap.setDevicePixelRatio(ratio)
                label.setPixmap(pixmap)
                label.setFixedSize(pixmap.deviceIndependentSize().toSize())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if abs(self._page_width() - self._shown_width) > 8:
            self._rescale.start()

    def _release(self) -> None:
        for _text, printing in self.variants:
            printing.release()

    def _save(self) -> None:
        path = self.current().save_as()
        if path is not None:
            self.status.setText(self.tr("Sparad som {path}").format(path=path))


def open_preview(
    parent: QWidget | None, variants: Sequence[tuple[str, SheetPrinting]]
) -> SheetPreviewDialog | None:
    """Open the preview of the first variant; None (after telling why) if its PDF cannot be made."""
    chosen = variants[0][1]
    if chosen.document() is None:
        return None
    dialog = SheetPreviewDialog(variants, parent)
    dialog.open()
    return dialog
