"""The group dialog's preview: the dates the sessions will get, the dates passed over, and what clashes."""

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from biv_desktop.domain.calendar import time_range
from biv_desktop.services.groups import GroupPreview, PreviewSession
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.styles import PROBLEM_STYLE, WARNING_STYLE
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.formatting import day_in_words
from biv_desktop.ui.groups.fields import tr

THEME, NOTE = 4, 5  # columns
CONFLICT_COLOUR = QColor("#b00020")
# The table lists every clash beside its session; the box under it needs only enough to be noticed.
MAX_WARNINGS_SHOWN = 4


def note_text(row: PreviewSession) -> str:
    """What to notice about a session, short enough for a table cell: the dates it passed over and how many
    clashes it has (the clashes themselves are in the tooltip and listed under the table)."""
    clashes = len(row.conflicts)
    counted = (
        [tr("1 krock") if clashes == 1 else tr("{count} krockar").format(count=clashes)] if clashes else []
    )
    return "\n".join([*(skip.description for skip in row.skipped), *counted])


def note_tooltip(row: PreviewSession) -> str | None:
    return "\n".join([*(skip.description for skip in row.skipped), *row.conflicts]) or None


def _note_colour(row: PreviewSession) -> QBrush | None:
    return QBrush(CONFLICT_COLOUR) if row.conflicts else None


def preview_columns() -> list[Column[PreviewSession]]:
    return [
        Column(tr("Träff"), lambda r: str(r.number), sort=lambda r: r.number, align_center=True),
        Column(tr("Datum"), lambda r: r.date.isoformat(), sort=lambda r: r.date.toordinal()),
        Column(tr("Dag"), lambda r: day_in_words(r.date), sort=lambda r: r.date.toordinal()),
        Column(tr("Tid"), lambda r: time_range(r.start_time, r.end_time)),
        Column(tr("Tema"), lambda r: r.theme_title, tooltip=lambda r: r.theme_title or None),
        Column(tr("Att observera"), note_text, tooltip=note_tooltip, foreground=_note_colour),
    ]


def summary(preview: GroupPreview) -> str:
    """E.g. '14 träffar, 2026-03-30 – 2026-07-06. 1 datum hoppas över.'"""
    text = tr("{count} träffar, {first} – {last}.").format(
        count=len(preview.sessions), first=preview.first_date.isoformat(), last=preview.last_date.isoformat()
    )
    skipped = len(preview.skipped)
    if skipped:
        text += " " + tr("{count} datum hoppas över (helgdag eller uppehåll).").format(count=skipped)
    return text


class PreviewPanel(QWidget):
    """Shows a GroupPreview (or why there is none yet) beside the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(tr("Förhandsvisning"))
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model: RowTableModel[PreviewSession] = RowTableModel(preview_columns(), self)
        self.table = make_table(self.model, tr("Träffarnas datum"), wrap=True, sortable=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The theme gets a fixed share and wraps; what to notice takes the rest, since it is what matters.
        header.setSectionResizeMode(THEME, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(THEME, 190)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(PROBLEM_STYLE)
        self.staffing = QLabel()
        self.staffing.setWordWrap(True)
        self.staffing.setStyleSheet(WARNING_STYLE)
        self.parents = QLabel()
        self.parents.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.name, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        for widget in (self.problems, self.staffing, self.parents):
            layout.addWidget(widget)
        self.show_waiting("")

    def show_waiting(self, reason: str) -> None:
        """No preview: say what is missing (a field's message) instead."""
        self.model.set_rows([])
        self.name.setText(reason or tr("Fyll i formuläret så visas träffarnas datum här."))
        for label in (self.summary, self.problems, self.staffing, self.parents):
            label.hide()

    def show_preview(self, preview: GroupPreview, heading: str = "") -> None:
        self.name.setText(heading or tr("Namn: {name}").format(name=preview.name))
        self.summary.setText(summary(preview))
        self.summary.show()
        self.model.set_rows(preview.sessions)
        self.show_notes(preview.warnings, preview.staffing_problems)
        parents = preview.parents
        if parents is not None:
            self.parents.setText(
                tr("Föräldragruppen: {name}. {summary}").format(name=parents.name, summary=summary(parents))
                + "".join(f"\n• {problem}" for problem in parents.staffing_problems)
            )
        self.parents.setVisible(parents is not None)

    def show_sessions(self, title: str, sessions: Sequence[PreviewSession], warnings: Sequence[str]) -> None:
        """The group's sessions as they stand (an edit that keeps them), with the change's clashes."""
        self.name.setText(title)
        self.summary.hide()
        self.parents.hide()
        self.model.set_rows(sessions)
        self.show_notes(warnings, ())

    def show_notes(self, warnings: Sequence[str], staffing: Sequence[str]) -> None:
        shown = [f"\n• {warning}" for warning in warnings[:MAX_WARNINGS_SHOWN]]
        if len(warnings) > MAX_WARNINGS_SHOWN:
            shown.append(
                "\n"
                + tr(
                    "… och {count} till; håll muspekaren över Att observera för varje träffs krockar."
                ).format(count=len(warnings) - MAX_WARNINGS_SHOWN)
            )
        self.problems.setText(tr("Krockar – sparas bara om du väljer ”Spara ändå”:") + "".join(shown))
        self.problems.setVisible(bool(warnings))
        self.staffing.setText(tr("Bemanning:") + "".join(f"\n• {problem}" for problem in staffing))
        self.staffing.setVisible(bool(staffing))
