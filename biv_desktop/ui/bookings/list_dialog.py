"""The booking list to send an agency: a period and an agency, then print or save it as PDF, or save XLSX."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.bookings import BookingList, agencies_between, booking_list
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.printing.preview import open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting

tr = translator("Bookings")
DEFAULT_DAYS = 27  # four weeks from today


class BookingListDialog(QDialog):
    """Choose the period and the agency; the list is read afresh whenever either changes."""

    def __init__(self, database: Database, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Bokningslista till tolkförmedling"))
        self.database = database
        self.listing: BookingList | None = None
        self.first = date_edit(today)
        self.last = date_edit(today + dt.timedelta(days=DEFAULT_DAYS))
        self.agency = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Från:"), self.first)
        form.addRow(tr("Till:"), self.last)
        form.addRow(tr("&Förmedling:"), self.agency)
        self.print_button = QPushButton(tr("&Skriv ut eller spara PDF…"))
        self.xlsx_button = QPushButton(tr("Spara som &Excel (.xlsx)…"))
        self.print_button.clicked.connect(self.preview)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(tr("Listan nämner inga deltagare.")))
        layout.addWidget(buttons)
        self.first.dateChanged.connect(lambda *_: self.load_agencies())
        self.last.dateChanged.connect(lambda *_: self.load_agencies())
        self.agency.currentIndexChanged.connect(lambda *_: self.load_list())
        self.setMinimumSize(560, 230)
        self.load_agencies()

    def load_agencies(self) -> None:
        first, last = date_of(self.first), date_of(self.last)
        problem: list[str] = []
        names = service_call(
            self,
            self.windowTitle(),
            lambda _: agencies_between(self.database, first, last),
            invalid=lambda error: problem.append(error.message),
        )
        chosen = self.agency.currentText()
        self.agency.blockSignals(True)
        self.agency.clear()
        if names is not REFUSED:
            self.agency.addItems(list(names))
            if chosen in names:
                self.agency.setCurrentText(chosen)
        self.agency.blockSignals(False)
        if problem:
            self.listing = None
            self.summary.setText(problem[0])
            self._enable()
            return
        self.load_list()

    def load_list(self) -> None:
        agency = self.agency.currentText()
        if not agency:
            self.listing = None
            self.summary.setText(tr("Inga bokningar under perioden."))
        else:
            listing = service_call(
                self,
                self.windowTitle(),
                lambda _: booking_list(self.database, agency, date_of(self.first), date_of(self.last)),
            )
            self.listing = None if listing is REFUSED else listing
            count = len(self.listing.bookings) if self.listing else 0
            self.summary.setText(tr("{count} bokningar hos {agency}.").format(count=count, agency=agency))
        self._enable()

    def _enable(self) -> None:
        self.print_button.setEnabled(self.listing is not None)
        self.xlsx_button.setEnabled(self.listing is not None)

    def _file_name(self, suffix: str) -> str:
        assert self.listing is not None
        return f"tolkbokningar-{self.listing.first.isoformat()}-{self.listing.last.isoformat()}{suffix}"

    def preview(self) -> None:
        listing = self.listing
        if listing is None:
            return
        title = tr("Tolkbokningar – {agency}").format(agency=listing.agency)
        job = SheetPrinting(
            self,
            title,
            self._file_name(".pdf"),
            lambda path, _progress: _list_pdf(path, listing),
        )
        open_preview(self, [(title, job)])

    def save_xlsx(self) -> Path | None:
        listing = self.listing
        if listing is None:
            return None
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            tr("Spara bokningslista"),
            str(folder / self._file_name(".xlsx")),
            tr("Excel-filer (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(f"{path.name}.xlsx")
        written = service_call(self, tr("Filen kunde inte sparas"), lambda _: _list_xlsx(path, listing))
        if written is REFUSED:
            return None
        self.summary.setText(tr("Sparad som {path}.").format(path=written))
        return written


def open_booking_list(parent: QWidget | None, database: Database, today: dt.date) -> BookingListDialog:
    dialog = BookingListDialog(database, today, parent)
    dialog.open()
    return dialog


# The writers (and reportlab, openpyxl with them) are imported when a list is first made, not with the page.
def _list_pdf(path: Path, listing: BookingList) -> Path:
    from biv_desktop.reports.bookings import write_booking_list_pdf

    return write_booking_list_pdf(path, listing)


def _list_xlsx(path: Path, listing: BookingList) -> Path:
    from biv_desktop.reports.bookings import write_booking_list_xlsx

    return write_booking_list_xlsx(path, listing)
