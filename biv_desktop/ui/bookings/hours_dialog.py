"""Hours for invoicing and a leader's certificate of volunteer service, each for a chosen period.

- ``open_hours(parent, database, today)``: per interpreter, agency and leader; print, save PDF or XLSX.
- ``open_certificate(parent, database, leader_id, today)``: the leader's intyg as a PDF to print or save.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.bookings import HoursReport, ServiceRecord, hours_report, service_record
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.printing.preview import open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting

tr = translator("Bookings")


def _start_of_year(today: dt.date) -> dt.date:
    return dt.date(today.year, 1, 1)


class PeriodPrintout(QDialog):
    """A period (this year so far, by default) and the printout made from it: preview, or save XLSX."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        file_stem: str,
        write_pdf: Callable[[Path, dt.date, dt.date], Path],
        today: dt.date,
        write_xlsx: Callable[[Path, dt.date, dt.date], Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._stem = file_stem
        self._write_pdf = write_pdf
        self._write_xlsx = write_xlsx
        self.first = date_edit(_start_of_year(today))
        self.last = date_edit(today)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Från:"), self.first)
        form.addRow(tr("Till:"), self.last)
        self.print_button = QPushButton(tr("&Skriv ut eller spara PDF…"))
        self.print_button.clicked.connect(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.xlsx_button = QPushButton(tr("Spara som &Excel (.xlsx)…"))
        self.xlsx_button.clicked.connect(self.save_xlsx)
        if write_xlsx is not None:
            buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 170)

    def _name(self, suffix: str) -> str:
        return f"{self._stem}-{date_of(self.first).isoformat()}-{date_of(self.last).isoformat()}{suffix}"

    def preview(self) -> None:
        first, last = date_of(self.first), date_of(self.last)
        job = SheetPrinting(
            self,
            self.windowTitle(),
            self._name(".pdf"),
            lambda path, _progress: self._write_pdf(path, first, last),
        )
        open_preview(self, [(self.windowTitle(), job)])

    def save_xlsx(self) -> Path | None:
        if self._write_xlsx is None:
            return None
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.windowTitle(), str(folder / self._name(".xlsx")), tr("Excel-filer (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(f"{path.name}.xlsx")
        write, first, last = self._write_xlsx, date_of(self.first), date_of(self.last)
        written = service_call(self, tr("Filen kunde inte sparas"), lambda _: write(path, first, last))
        if written is REFUSED:
            return None
        self.status.setText(tr("Sparad som {path}.").format(path=written))
        return written


# The writers (and reportlab, openpyxl with them) are imported when a file is first made, not with the page.
def _hours_pdf(path: Path, report: HoursReport) -> Path:
    from biv_desktop.reports.bookings import write_hours_pdf

    return write_hours_pdf(path, report)


def _hours_xlsx(path: Path, report: HoursReport) -> Path:
    from biv_desktop.reports.bookings import write_hours_xlsx

    return write_hours_xlsx(path, report)


def _certificate(path: Path, record: ServiceRecord) -> Path:
    from biv_desktop.reports.bookings import write_certificate

    return write_certificate(path, record)


def open_hours(parent: QWidget | None, database: Database, today: dt.date) -> PeriodPrintout:
    dialog = PeriodPrintout(
        parent,
        tr("Timmar och bokningar"),
        "timmar",
        lambda path, first, last: _hours_pdf(path, hours_report(database, first, last)),
        today,
        lambda path, first, last: _hours_xlsx(path, hours_report(database, first, last)),
    )
    dialog.open()
    return dialog


def open_certificate(
    parent: QWidget | None, database: Database, leader_id: int, today: dt.date
) -> PeriodPrintout:
    dialog = PeriodPrintout(
        parent,
        tr("Intyg om ideellt uppdrag"),
        f"intyg-gruppledare-{leader_id}",
        lambda path, first, last: _certificate(path, service_record(database, leader_id, first, last)),
        today,
    )
    dialog.open()
    return dialog
