"""The Möten tab: the documented follow-up meetings, and the report each discussed, reopened as it was."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.services.followup import MeetingRow, delete_meeting, list_meetings, meeting_report
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.list_screen import ListTab, ListTexts
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.followup.common import one_line, tr
from biv_desktop.ui.followup.meeting_dialog import MeetingDialog
from biv_desktop.ui.followup.report_run import ReportFormat, export_figures
from biv_desktop.ui.followup.report_summary import ReportSummary


def meeting_columns() -> list[Column[MeetingRow]]:
    def report(row: MeetingRow) -> str:
        if not row.has_report:
            return tr("Ingen sparad")
        return (
            tr("Sparad {day}").format(day=row.report_compiled_on.isoformat())
            if row.report_compiled_on
            else tr("Sparad")
        )

    return [
        Column(
            tr("Datum"), lambda r: r.held_on.isoformat(), sort=lambda r: f"{r.held_on.isoformat()} {r.id:09d}"
        ),
        Column(
            tr("Rapportens period"),
            lambda r: r.period.label if r.period else "",
            sort=lambda r: r.period_from.isoformat() if r.period_from else "",
        ),
        Column(tr("Rapport"), report),
        Column(tr("Deltagare"), lambda r: one_line(r.attendees), tooltip=lambda r: r.attendees or None),
        Column(tr("Beslut"), lambda r: one_line(r.decisions), tooltip=lambda r: r.decisions or None),
    ]


class MeetingsTab(ListTab[MeetingRow]):
    """The meetings, the latest first; below, the chosen one's notes and stored report, to export again."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, today, parent)
        self.figures: FollowUpFigures | None = None
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 340)

        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary = ReportSummary()
        self.pdf_button = QPushButton(tr("Sparad rapport som P&DF…"))
        self.pdf_button.clicked.connect(lambda: self.export(ReportFormat.PDF))
        self.xlsx_button = QPushButton(tr("Sparad rapport som E&xcel…"))
        self.xlsx_button.clicked.connect(lambda: self.export(ReportFormat.XLSX))
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.pdf_button)
        exports.addWidget(self.xlsx_button)

        details = QWidget()
        details_layout = QHBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.notes, 1)
        report = QVBoxLayout()
        report.addWidget(self.summary, 1)
        report.addLayout(exports)
        details_layout.addLayout(report, 1)

        self.layout_.removeWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setSizes([260, 340])
        self.layout_.addWidget(splitter, 1)

    def columns(self) -> list[Column[MeetingRow]]:
        return meeting_columns()

    def texts(self) -> ListTexts:
        return ListTexts(
            name=tr("Uppföljningsmöten"),
            new=tr("&Nytt möte…"),
            empty=tr("Inga uppföljningsmöten är registrerade ännu."),
        )

    def load(self) -> list[MeetingRow]:
        return service_result(self, tr("Uppföljningsmöten"), lambda: list_meetings(self.database)) or []

    def edit(self, row: MeetingRow | None) -> MeetingRow | None:
        return self.run_editor(MeetingDialog(self.database, row, self.today, self))

    def delete(self, row: MeetingRow) -> bool:
        question = tr("Ta bort uppföljningsmötet {day}?").format(day=row.held_on.isoformat())
        detail = tr("Anteckningarna, besluten och den sparade rapporten försvinner.")
        if not ask_to_delete(self, tr("Ta bort möte"), question, detail):
            return False

        def remove() -> bool:
            delete_meeting(self.database, row.id)
            return True

        return service_result(self, tr("Ta bort möte"), remove) is True

    def show_details(self, row: MeetingRow | None) -> None:
        self.figures = None
        if row is None:
            self.notes.setText("")
        else:
            parts = [
                f"<b>{tr('Deltagare')}</b><br>{_html(row.attendees)}",
                f"<b>{tr('Anteckningar')}</b><br>{_html(row.notes)}",
                f"<b>{tr('Beslut')}</b><br>{_html(row.decisions)}",
            ]
            self.notes.setText("<br><br>".join(parts))
            if row.has_report:
                self.figures = service_result(
                    self, tr("Sparad rapport"), lambda: meeting_report(self.database, row.id)
                )
        if self.figures is not None:
            self.summary.show_figures(
                self.figures,
                tr("Sparad rapport: perioden {period}, sammanställd {day}").format(
                    period=self.figures.period.label, day=self.figures.compiled_on.isoformat()
                ),
            )
            self.summary.show()
        else:
            self.summary.hide()
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(self.figures is not None)

    def export(self, kind: ReportFormat) -> Path | None:
        """Write the stored figures, exactly as they were stored, as a PDF or an Excel file."""
        if self.figures is None:
            return None
        return export_figures(self, self.figures, kind)


def _html(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\n", "<br>") if escaped else "–"
