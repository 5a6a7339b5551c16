"""SheetPrinting: preview, print and save as PDF for one sheet, given the function that writes its PDF.

The PDF is made once, in a private temporary folder that is removed at once, and kept in memory: the
preview shows its pages, printing paints the same pages onto the printer the user picks in the system's
print dialog, and saving writes the same bytes, so what is saved or printed is what was previewed.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from biv_desktop.domain.errors import UserError
from biv_desktop.reports.collection import collection_paused
from biv_desktop.reports.files import write_pdf_atomically
from biv_desktop.ui.common.confirm import warn
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.window_state import last_folder, remember_folder
from biv_desktop.ui.common.worker import Progress, TaskCancelled, run_with_progress
from biv_desktop.ui.printing import pages
from biv_desktop.ui.printing.pages import PRINT_DPI, printing_order, render_page

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from biv_desktop.ui.printing.preview import SheetPreviewDialog


class SheetPrinting(QObject):
    """Preview, print and save as PDF for one sheet, given the function that writes its PDF to a path."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        default_file_name: str,
        write: Callable[[Path, Progress], object],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.default_file_name = default_file_name
        self._write = write
        self._pdf: bytes | None = None
        self._document: pdfium.PdfDocument | None = None

    def pdf(self) -> bytes | None:
        """The sheet's PDF, made on first use; None if it cannot be made (after telling the user why) or
        the user cancelled making it."""
        if self._pdf is not None:
            return self._pdf
        try:
            made = service_call(
                self.parent_widget, self.tr("Listan kunde inte göras"), lambda _: self._made_pdf()
            )
        except TaskCancelled:
            return None
        if made is not REFUSED:
            self._pdf = made
        return self._pdf

    def _made_pdf(self) -> bytes:
        """Write the PDF off the GUI thread, behind a progress dialog with Avbryt (a term's print pack is
        120 pages and ten seconds): the window keeps painting meanwhile."""

        def work(progress: Progress) -> bytes:
            try:
                with tempfile.TemporaryDirectory(prefix="biv-desktop-") as folder, collection_paused():
                    path = Path(folder) / self.default_file_name
                    self._write(path, progress)
                    return path.read_bytes()
            except OSError as error:
                raise UserError(
                    self.tr(
                        "Det gick inte att skriva en tillfällig fil. Kontrollera att disken inte är full."
                    )
                ) from error

        return run_with_progress(
            self.parent_widget, self.title, self.tr("Gör i ordning {title} …").format(title=self.title), work
        )

    def document(self) -> "pdfium.PdfDocument | None":
        """The PDF opened for drawing its pages."""
        if self._document is None:
            data = self.pdf()
            if data is None:
                return None
            import pypdfium2  # loaded with the first sheet shown, not with the window

            self._document = pypdfium2.PdfDocument(data)
        return self._document

    def release(self) -> None:
        """Let go of the PDF held in memory; it is made again if needed."""
        if self._document is not None:
            self._document.close()
        self._document = None
        self._pdf = None

    def preview(self) -> "SheetPreviewDialog | None":
        """Open the preview window, from which the sheet can also be printed or saved."""
        from biv_desktop.ui.printing.preview import open_preview

        return open_preview(self.parent_widget, [(self.title, self)])

    def print_sheet(self) -> bool:
        """Print through the system's print dialog; True if the pages went to the printer."""
        if not pages.printers_installed():
            if self._offer_saving_instead():
                self.save_as()
            return False
        document = self.document()
        if document is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.default_file_name)  # print queues show it: never a person's name
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        width, height = document[0].get_size()
        landscape = QPageLayout.Orientation.Landscape
        printer.setPageOrientation(landscape if width > height else QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Skriv ut"))
        dialog.setMinMax(1, len(document))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._paint(printer, document)

    def _offer_saving_instead(self) -> bool:
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Ingen skrivare"))
        box.setText(self.tr("Det finns ingen skrivare installerad på den här datorn."))
        box.setInformativeText(
            self.tr(
                "Spara listan som PDF och skriv ut den från en dator med skrivare, eller installera en skrivare."
            )
        )
        save = box.addButton(self.tr("Spara som PDF…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return box.clickedButton() is save

    def _paint(self, printer: QPrinter, document: "pdfium.PdfDocument") -> bool:
        painter = QPainter()
        if not painter.begin(printer):
            warn(
                self.parent_widget,
                self.tr("Utskriften misslyckades"),
                self.tr("Skrivaren kunde inte startas."),
            )
            return False
        try:
            scale = min(printer.resolution(), PRINT_DPI) / 72
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            for number, index in enumerate(printing_order(document, printer)):
                if number and not printer.newPage():
                    warn(
                        self.parent_widget,
                        self.tr("Utskriften misslyckades"),
                        self.tr("Skrivaren svarar inte."),
                    )
                    return False
                if index is not None:
                    painter.drawImage(paper, render_page(document, index, scale, for_print=True))
        finally:
            painter.end()
        return True

    def save_as(self) -> Path | None:
        """Ask where to save the PDF and write it there; the path, or None if cancelled or not written."""
        data = self.pdf()
        if data is None:
            return None
        folder = last_folder("pdf")
        chosen, _filter = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Spara som PDF"),
            str(folder / self.default_file_name),
            self.tr("PDF-filer (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(f"{path.name}.pdf")

        def copy(stream: BinaryIO) -> None:
            stream.write(data)

        written = service_call(
            self.parent_widget, self.tr("Filen kunde inte sparas"), lambda _: write_pdf_atomically(path, copy)
        )
        if written is REFUSED:
            return None
        remember_folder("pdf", written)
        return written

    def actions(self) -> list[QAction]:
        """'Förhandsgranska…', 'Skriv ut…' and 'Spara som PDF…' for a menu or a toolbar."""
        items: tuple[tuple[str, Callable[[], object]], ...] = (
            (self.tr("&Förhandsgranska…"), self.preview),
            (self.tr("Skriv &ut…"), self.print_sheet),
            (self.tr("&Spara som PDF…"), self.save_as),
        )
        found = []
        for text, slot in items:
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            found.append(action)
        return found
