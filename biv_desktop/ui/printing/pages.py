"""Turning a sheet's PDF into pictures: for the preview, and page by page onto the printer."""

from typing import TYPE_CHECKING

from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from biv_desktop.ui.common.text import translator

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# Printing renders each page as a picture; 300 dpi is sharp on paper and keeps a page near 26 MB.
PRINT_DPI = 300


tr = translator("SheetPrinting")


def printers_installed() -> bool:
    """Whether the system has a printer; without one QPrinter would quietly write a PDF instead."""
    return bool(QPrinterInfo.availablePrinters())


def render_page(
    document: "pdfium.PdfDocument", index: int, scale: float, *, for_print: bool = False
) -> QImage:
    """One page of the PDF as a picture, ``scale`` pixels per point."""
    options = {"optimize_mode": "print"} if for_print else {}
    bitmap = document[index].render(scale=scale, rev_byteorder=True, **options)
    formats = {"RGB": QImage.Format.Format_RGB888, "RGBX": QImage.Format.Format_RGBX8888}
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, formats[bitmap.mode])
    return image.copy()  # Qt's own copy: the bitmap's memory goes with it


def sheet_starts(document: "pdfium.PdfDocument") -> list[int]:
    """Where each sheet of a print pack begins (its outline entries); [0] for a single sheet."""
    starts = {0}
    for bookmark in document.get_toc():
        destination = bookmark.get_dest()
        if destination is not None and bookmark.level == 0:
            starts.add(destination.get_index())
    return sorted(index for index in starts if 0 <= index < len(document))


def pages_to_print(
    document: "pdfium.PdfDocument", *, two_sided: bool = False, page_range: tuple[int, int] | None = None
) -> list[int | None]:
    """Page indices in printing order, for all pages or a range (first and last, from 1). None is a blank
    page: on two-sided paper each sheet of a pack starts on a new leaf, so no leader gets another group's
    list on the back of theirs."""
    count = len(document)
    if page_range is not None:
        first, last = max(page_range[0], 1), min(page_range[1] or count, count)
        return list(range(first - 1, last))
    starts = sheet_starts(document)
    pages: list[int | None] = []
    for start, end in zip(starts, [*starts[1:], count], strict=True):
        pages.extend(range(start, end))
        if two_sided and (end - start) % 2 and end < count:
            pages.append(None)
    return pages


def printing_order(document: "pdfium.PdfDocument", printer: QPrinter) -> list[int | None]:
    """The pages to print as the user chose them in the print dialog."""
    chosen_range = printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0
    return pages_to_print(
        document,
        two_sided=printer.duplex() != QPrinter.DuplexMode.DuplexNone,
        page_range=(printer.fromPage(), printer.toPage()) if chosen_range else None,
    )
