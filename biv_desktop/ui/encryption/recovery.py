"""Printing the recovery sheet of an encrypted register through the program's one printing route."""

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from biv_desktop.ui.common.text import translator
from biv_desktop.ui.printing.preview import SheetPreviewDialog, open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting

tr = translator("Encryption")


def print_recovery_sheet(parent: QWidget | None, register: Path, today: dt.date) -> SheetPreviewDialog | None:
    """Preview the recovery sheet, to print or save as PDF (no passphrase on it: a box to write it in)."""
    from biv_desktop.reports.recovery_sheet import write_recovery_sheet

    title = tr("Återställningsblad")
    job = SheetPrinting(
        parent,
        title,
        "aterstallningsblad.pdf",
        lambda path, _progress: write_recovery_sheet(path, register, today),
    )
    return open_preview(parent, [(title, job)])
