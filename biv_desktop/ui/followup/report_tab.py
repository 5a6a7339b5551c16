"""The Rapport tab: choose a period, see its key figures, and make the report as a PDF or an Excel file."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.services.followup import default_periods
from biv_desktop.store.database import Database
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.followup.period_picker import PeriodPicker
from biv_desktop.ui.followup.report_run import ReportFormat, compute_figures, export_figures, preview_report
from biv_desktop.ui.followup.report_summary import ReportSummary
from biv_desktop.ui.printing.preview import SheetPreviewDialog


class ReportTab(QWidget):
    """The half-yearly follow-up for any period, offered first for the halves of the agreement year."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._today = today
        self.figures: FollowUpFigures | None = None
        self.last_written: Path | None = None

        intro = QLabel(
            tr(
                "Uppföljningen till kommunen för en period: grupper, träffar, deltagare efter ålder och kön, "
                "gruppledare, återkoppling, kommunikation och finansiering. Bara antal, inga namn."
            )
        )
        intro.setWordWrap(True)
        self.period = PeriodPicker()
        self.period.changed.connect(self._period_changed)
        form = QFormLayout()
        period_label = QLabel(tr("&Period:"))
        period_label.setBuddy(self.period.choice)
        form.addRow(period_label, self.period)

        self.show_button = QPushButton(tr("&Visa siffrorna"))
        self.show_button.clicked.connect(self.show_figures)
        self.preview_button = QPushButton(tr("&Förhandsgranska och skriv ut…"))
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button = QPushButton(tr("Skapa &PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export(ReportFormat.PDF))
        self.xlsx_button = QPushButton(tr("Skapa &Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export(ReportFormat.XLSX))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.placeholder = QLabel(tr("Välj en period och tryck på Visa siffrorna för en sammanfattning."))
        self.summary = ReportSummary()
        self.summary.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        periods = service_result(self, tr("Uppföljning"), lambda: default_periods(self.database, self.today))
        if periods is None:
            return
        first_time = self.period.choice.count() == 0
        self.period.set_choices(periods)
        if first_time:
            # A report is mostly made for the half that just ended; before one has, for the current half.
            ended = [half for half in periods if half[1] < self.today]
            self.period.set_period(*(ended[-1] if ended else periods[0]))

    def _period_changed(self) -> None:
        # Figures of another period must not stay on screen as if they were this one's.
        if (
            self.figures is not None
            and (self.figures.period.first, self.figures.period.last) != self.period.period()
        ):
            self.figures = None
            self.summary.hide()
            self.placeholder.show()

    def compute(self) -> FollowUpFigures | None:
        """The chosen period's figures, as the register holds them now; shown on screen."""
        first, last = self.period.period()
        figures = compute_figures(self, self.database, first, last, self.today)
        if figures is not None:
            self.figures = figures
            self.summary.show_figures(figures)
            self.placeholder.hide()
            self.summary.show()
        return figures

    def show_figures(self) -> None:
        self.status.clear()
        self.status.hide()
        self.compute()

    def preview(self) -> SheetPreviewDialog | None:
        """Compute the figures afresh and show the report's pages, to print or save as PDF."""
        figures = self.compute()
        if figures is None:
            return None
        return preview_report(self, figures)

    def export(self, kind: ReportFormat) -> Path | None:
        """Compute the figures afresh and save them where the user chooses."""
        figures = self.compute()
        if figures is None:
            return None
        written = export_figures(self, figures, kind)
        if written is not None:
            self.last_written = written
            self.status.setText(tr("Rapporten är sparad i {path}.").format(path=written))
            self.status.show()
        return written
