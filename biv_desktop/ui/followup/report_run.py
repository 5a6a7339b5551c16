"""Making the follow-up report off the GUI thread: its figures for a period, and the PDF or XLSX file.

The figures take a moment on a register of several years, and writing the PDF another; both run on the
thread pool behind a busy indicator (shown only if the work is not done at once), so the window keeps
painting. The default file names carry the period and nothing personal.
"""

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import QFileDialog, QWidget

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.services.followup import follow_up_figures
from biv_desktop.store.database import Database
from biv_desktop.ui.common.service_call import REFUSED, Refused, service_call
from biv_desktop.ui.common.window_state import last_folder, remember_folder
from biv_desktop.ui.common.worker import Progress, run_with_progress
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.formatting import period
from biv_desktop.ui.printing.preview import SheetPreviewDialog, open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting


class ReportFormat(Enum):
    """The two files a report is saved as."""

    PDF = ".pdf"
    XLSX = ".xlsx"

    @property
    def dialog_title(self) -> str:
        return (
            tr("Spara uppföljningen som PDF")
            if self is ReportFormat.PDF
            else tr("Spara uppföljningen som Excel")
        )

    @property
    def file_filter(self) -> str:
        return tr("PDF-filer (*.pdf)") if self is ReportFormat.PDF else tr("Excel-arbetsböcker (*.xlsx)")


def default_file_name(first: dt.date, last: dt.date, kind: ReportFormat) -> str:
    """E.g. 'uppfoljning-2026-04-01--2026-09-30.pdf': the period, never a name."""
    return f"uppfoljning-{first.isoformat()}--{last.isoformat()}{kind.value}"


def compute_figures(
    parent: QWidget | None, database: Database, first: dt.date, last: dt.date, today: dt.date | None = None
) -> FollowUpFigures | None:
    """The report's figures for first–last, computed off the GUI thread; None (after saying why) if refused."""

    def work(_progress: Progress) -> FollowUpFigures:
        return follow_up_figures(database, first, last, today=today)

    figures: FollowUpFigures | Literal[Refused.REFUSED] = service_call(
        parent,
        tr("Rapporten kunde inte göras"),
        lambda _: run_with_progress(
            parent,
            tr("Uppföljning"),
            tr("Räknar fram siffrorna för {period} …").format(period=period(first, last)),
            work,
            cancellable=False,
        ),
    )
    if figures is REFUSED:
        return None
    return figures


def preview_report(parent: QWidget | None, figures: FollowUpFigures) -> SheetPreviewDialog | None:
    """Open the report's PDF in the preview window, as the attendance sheets are: to print or save."""
    title = tr("Uppföljning {period}").format(period=figures.period.label)

    def write(path: Path, _progress: Progress) -> Path:
        # Imported now: reportlab is large and only printing needs it.
        from biv_desktop.reports.followup import write_follow_up_pdf

        return write_follow_up_pdf(figures, path)

    job = SheetPrinting(
        parent, title, default_file_name(figures.period.first, figures.period.last, ReportFormat.PDF), write
    )
    return open_preview(parent, [(title, job)])


def choose_path(parent: QWidget | None, figures: FollowUpFigures, kind: ReportFormat) -> Path | None:
    """Ask where to save the report; None if the user cancelled."""
    folder = last_folder("report")
    name = default_file_name(figures.period.first, figures.period.last, kind)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, kind.dialog_title, str(folder / name), kind.file_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == kind.value else path.with_name(f"{path.name}{kind.value}")


def export_figures(parent: QWidget | None, figures: FollowUpFigures, kind: ReportFormat) -> Path | None:
    """Ask where, then write the figures as a PDF or an XLSX there; the file written, or None."""
    path = choose_path(parent, figures, kind)
    if path is None:
        return None

    def work(_progress: Progress) -> Path:
        # Imported now: reportlab and openpyxl are large and only this needs them.
        from biv_desktop.reports.followup import write_follow_up_pdf, write_follow_up_xlsx

        if kind is ReportFormat.PDF:
            return write_follow_up_pdf(figures, path)
        return write_follow_up_xlsx(figures, path)

    written: Path | Literal[Refused.REFUSED] = service_call(
        parent,
        tr("Filen kunde inte sparas"),
        lambda _: run_with_progress(
            parent, tr("Uppföljning"), tr("Skriver {name} …").format(name=path.name), work, cancellable=False
        ),
    )
    if written is REFUSED:
        return None
    remember_folder("report", written)
    return written
