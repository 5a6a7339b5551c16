"""The break editor: name and dates, with the planned sessions that would fall inside the break."""

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.calendar import time_range
from biv_desktop.services.register import (
    AffectedSession,
    BreakWeekDraft,
    BreakWeekRow,
    preview_break_week,
    save_break_week,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.unsaved import AsksBeforeDiscarding
from biv_desktop.ui.formatting import day_in_words

SCHOOL_BREAKS = ("Sportlov", "Påsklov", "Sommarlov", "Höstlov", "Jullov", "Studiedag")


def affected_line(item: AffectedSession) -> str:
    """E.g. '2026-02-24 tisdag 24 februari 17:00–19:00 · BIV Somaliska … (träff 2)'."""
    return (
        f"{item.date.isoformat()} {day_in_words(item.date)} {time_range(item.start_time, item.end_time)} · "
        f"{item.group_name} (träff {item.number})"
    )


class BreakWeekDialog(AsksBeforeDiscarding, QDialog):
    """Adds or changes a break; ``saved`` holds the saved row after Spara."""

    def __init__(
        self,
        database: Database,
        break_week: BreakWeekRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.break_week = break_week
        self.saved: BreakWeekRow | None = None
        self.setWindowTitle(self.tr("Nytt uppehåll") if break_week is None else self.tr("Ändra uppehåll"))
        today = today or dt.date.today()
        next_monday = today + dt.timedelta(days=7 - today.weekday())
        starts = break_week.starts_on if break_week else next_monday
        ends = break_week.ends_on if break_week else next_monday + dt.timedelta(days=6)

        self.name = QLineEdit(break_week.name if break_week else "")
        self.name.setPlaceholderText(self.tr("t.ex. Sportlov"))
        completer = QCompleter(list(SCHOOL_BREAKS), self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(completer)
        self.starts_on = date_edit(starts)
        self.ends_on = date_edit(ends)
        self.preview_heading = QLabel()
        self.preview_heading.setWordWrap(True)
        self.preview = QListWidget()
        self.preview.setAccessibleName(self.tr("Planerade träffar under uppehållet"))

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("name", self.tr("&Namn:"), self.name)
        self.errors.add_row("starts_on", self.tr("&Första dagen:"), self.starts_on)
        self.errors.add_row("ends_on", self.tr("&Sista dagen:"), self.ends_on)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_heading)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(buttons)
        self.resize(620, 420)

        self.starts_on.dateChanged.connect(self._start_moved)
        self.ends_on.dateChanged.connect(lambda _day: self.update_preview())
        self.update_preview()

    def _start_moved(self, _day: QDate) -> None:
        # A break starting after it ends is surely being moved: carry the end along, a week on.
        if date_of(self.ends_on) < date_of(self.starts_on):
            self.ends_on.setDate(self.starts_on.date().addDays(6))
        self.update_preview()

    def update_preview(self) -> None:
        """List the planned sessions between the chosen days: what the break leaves to move in the schedule."""
        starts, ends = date_of(self.starts_on), date_of(self.ends_on)
        affected = preview_break_week(self.database, starts, ends)
        self.preview.clear()
        self.preview.addItems([affected_line(item) for item in affected])
        self.preview.setVisible(bool(affected))
        if ends < starts:
            self.preview_heading.setText(self.tr("Sista dagen ligger före den första."))
        elif not affected:
            self.preview_heading.setText(self.tr("Inga planerade träffar ligger under uppehållet."))
        elif len(affected) == 1:
            self.preview_heading.setText(
                self.tr(
                    "1 planerad träff ligger under uppehållet. Den flyttas inte av sig själv: flytta den i schemat."
                )
            )
        else:
            self.preview_heading.setText(
                self.tr(
                    "{count} planerade träffar ligger under uppehållet. De flyttas inte av sig själva: "
                    "flytta dem i schemat."
                ).format(count=len(affected))
            )

    def draft(self) -> BreakWeekDraft:
        return BreakWeekDraft(self.name.text(), date_of(self.starts_on), date_of(self.ends_on))

    def _save(self, override: bool) -> BreakWeekRow:
        break_id = self.break_week.id if self.break_week is not None else None
        return save_break_week(self.database, self.draft(), break_id, override=override)

    def accept(self) -> None:
        """Save; ask first if planned sessions fall inside; on bad input stay open with what was typed."""
        self.errors.clear()
        saved = service_call(
            self, self.windowTitle(), lambda override: self._save(override=override), invalid=self.errors.show
        )
        if saved is REFUSED:
            return
        self.saved = saved
        super().accept()
