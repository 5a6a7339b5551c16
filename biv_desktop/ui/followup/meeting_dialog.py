"""The follow-up meeting editor: when, who, notes, decisions, and the report discussed (stored on request)."""

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QPushButton, QWidget

from biv_desktop.domain.errors import UserError
from biv_desktop.services.followup import MeetingDraft, MeetingRow, default_periods, save_meeting
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.common.worker import Progress, run_with_progress
from biv_desktop.ui.followup.common import text_box, tr
from biv_desktop.ui.followup.period_picker import PeriodPicker
from biv_desktop.ui.formatting import period as period_text

# A meeting usually discusses the half year that ended shortly before it.
LOOK_BACK = dt.timedelta(days=183)


class MeetingDialog(EditorDialog[MeetingRow]):
    """Adds or edits a meeting; 'Spara mötet med rapporten' also stores the period's figures as they are."""

    def __init__(
        self,
        database: Database,
        meeting: MeetingRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Nytt uppföljningsmöte") if meeting is None else tr("Uppföljningsmöte {day}")
        super().__init__(title.format(day=meeting.held_on.isoformat() if meeting else ""), database, parent)
        self.meeting = meeting
        self.today = today or dt.date.today()
        self.held_on = date_edit(meeting.held_on if meeting else self.today)
        self.held_on.dateChanged.connect(lambda _day: self._offer_periods())
        self.has_period = QCheckBox(tr("Mötet gick igenom &uppföljningsrapporten för perioden"))
        self.period = PeriodPicker()
        self.has_period.toggled.connect(self.period.setEnabled)
        self.report_note = QLabel()
        self.report_note.setWordWrap(True)
        self.attendees = text_box(
            3, tr("t.ex. utvecklingsledare (kommunen), samordnande diakon (pastoratet)")
        )
        self.notes = text_box(6)
        self.decisions = text_box(4)

        self.errors.add_row("held_on", tr("&Datum:"), self.held_on)
        self.form.addRow("", self.has_period)
        self.errors.add_row("period_from", tr("Rapportens &period:"), self.period)
        self.form.addRow("", self.report_note)
        self.errors.add_row("attendees", tr("&Deltagare:"), self.attendees)
        self.errors.add_row("notes", tr("&Anteckningar:"), self.notes)
        self.errors.add_row("decisions", tr("&Beslut:"), self.decisions)

        self.with_report_button = QPushButton(tr("Spara mötet med &rapporten"))
        self.with_report_button.setToolTip(
            tr(
                "Sparar mötet och siffrorna i periodens rapport som de ser ut i dag, så att de går att ta fram igen."
            )
        )
        self.buttons.addButton(self.with_report_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.with_report_button.clicked.connect(self.accept_with_report)
        self.setMinimumWidth(640)

        self._offer_periods()
        if meeting is not None:
            self.attendees.setPlainText(meeting.attendees)
            self.notes.setPlainText(meeting.notes)
            self.decisions.setPlainText(meeting.decisions)
            if meeting.period_from is not None and meeting.period_to is not None:
                self.period.set_period(meeting.period_from, meeting.period_to)
        self.has_period.setChecked(meeting is None or meeting.period is not None)
        self.period.setEnabled(self.has_period.isChecked())
        self._show_report_note()

    def _offer_periods(self) -> None:
        """The halves of the agreement years around the meeting day; the last one ended before it first."""
        day = date_of(self.held_on)
        halves: list[tuple[dt.date, dt.date]] = []
        for around in (day - LOOK_BACK, day):
            try:
                found = default_periods(self.database, around)
            except UserError:  # no offer: the user types the dates
                found = []
            halves.extend(half for half in found if half not in halves)
        halves.sort()
        self.period.set_periods(
            [(tr("Halvåret {period}").format(period=period_text(*half)), half) for half in halves]
        )
        if self.meeting is None or self.meeting.period is None:
            ended = [half for half in halves if half[1] <= day]
            chosen = (
                ended[-1] if ended else next((half for half in halves if half[0] <= day <= half[1]), None)
            )
            if chosen is not None:
                self.period.set_period(*chosen)

    def _show_report_note(self) -> None:
        meeting = self.meeting
        if meeting is None or not meeting.has_report or meeting.period is None:
            self.report_note.setText(
                tr("Ingen rapport är sparad med mötet. Spara mötet med rapporten för att behålla siffrorna.")
            )
            return
        compiled = meeting.report_compiled_on.isoformat() if meeting.report_compiled_on else "?"
        self.report_note.setText(
            tr("Rapporten för {period} är sparad med mötet (sammanställd {day}).").format(
                period=meeting.period.label, day=compiled
            )
        )

    def draft(self) -> MeetingDraft:
        first, last = self.period.period() if self.has_period.isChecked() else (None, None)
        return MeetingDraft(
            held_on=date_of(self.held_on),
            attendees=self.attendees.toPlainText(),
            notes=self.notes.toPlainText(),
            decisions=self.decisions.toPlainText(),
            period_from=first,
            period_to=last,
        )

    def _meeting_id(self) -> int | None:
        return self.meeting.id if self.meeting is not None else None

    def save(self, override: bool) -> MeetingRow:
        return save_meeting(self.database, self.draft(), self._meeting_id(), override=override)

    def save_with_report(self, override: bool) -> MeetingRow:
        """Save with the report's figures, computed off the GUI thread."""
        draft, meeting_id = self.draft(), self._meeting_id()

        def work(_progress: Progress) -> MeetingRow:
            return save_meeting(
                self.database, draft, meeting_id, with_report=True, override=override, today=self.today
            )

        saved: MeetingRow = run_with_progress(
            self,
            tr("Uppföljningsmöte"),
            tr("Räknar fram och sparar rapportens siffror …"),
            work,
            cancellable=False,
        )
        return saved

    def accept_with_report(self) -> None:
        self.has_period.setChecked(True)
        if self.try_save(self.save_with_report):
            self.done(self.DialogCode.Accepted)
