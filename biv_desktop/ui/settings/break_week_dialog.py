"""The break editor: name and dates, and every planned session the break would shift, group by group.

Saving saves the break and shifts those sessions in one step (one transaction), as the preview showed.
"""

import datetime as dt
from dataclasses import replace

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

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register import BreakWeekDraft, BreakWeekRow
from biv_desktop.services.schedule import BreakWeekShift, preview_break_week_shift, save_break_week_and_shift
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.unsaved import AsksBeforeDiscarding
from biv_desktop.ui.schedule.shift_panel import shift_lines

SCHOOL_BREAKS = ("Sportlov", "Påsklov", "Sommarlov", "Höstlov", "Jullov", "Studiedag")


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
        self.moved = 0  # how many sessions saving shifted
        self.shift: BreakWeekShift | None = None
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
        self.preview.setAccessibleName(self.tr("Träffar som flyttas"))

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("name", self.tr("&Namn:"), self.name)
        self.errors.add_row("starts_on", self.tr("&Första dagen:"), self.starts_on)
        self.errors.add_row("ends_on", self.tr("&Sista dagen:"), self.ends_on)

        self.buttons = buttons = QDialogButtonBox(
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
        self.resize(760, 520)

        self.starts_on.dateChanged.connect(self._start_moved)
        self.ends_on.dateChanged.connect(lambda _day: self.update_preview())
        self.update_preview()

    def _start_moved(self, _day: QDate) -> None:
        # A break starting after it ends is surely being moved: carry the end along, a week on.
        if date_of(self.ends_on) < date_of(self.starts_on):
            self.ends_on.setDate(self.starts_on.date().addDays(6))
        self.update_preview()

    def update_preview(self) -> None:
        """List, group by group, the planned sessions the break would shift and where to: what saving does."""
        self.shift = None
        try:
            shift = preview_break_week_shift(self.database, self._preview_draft(), self._break_id())
        except ValidationError as error:
            self.preview.clear()
            self.preview.setVisible(False)
            self.preview_heading.setText(error.message)
            self._name_save_button(0)
            return
        self.shift = shift
        lines = shift_lines(shift.shift) + [f"⚠ {line}" for line in shift.problems]
        self.preview.clear()
        self.preview.addItems(lines)
        self.preview.setVisible(bool(lines))
        count = len(shift.shift.sessions)
        groups = len(shift.shift.groups)
        if not count:
            self.preview_heading.setText(self.tr("Inga planerade träffar ligger under uppehållet."))
        else:
            self.preview_heading.setText(
                self.tr(
                    "{count} planerade träffar i {groups} grupper flyttas när du sparar: den första som ligger "
                    "under uppehållet och de senare i samma grupp, till gruppens nästa lediga veckor."
                ).format(count=count, groups=groups)
            )
        self._name_save_button(count)

    def _name_save_button(self, count: int) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setText(
            self.tr("Spara och &flytta {count} träffar").format(count=count) if count else self.tr("&Spara")
        )

    def _preview_draft(self) -> BreakWeekDraft:
        # The name is not needed to see what moves: an empty one is asked for only when saving.
        draft = self.draft()
        return draft if draft.name.strip() else replace(draft, name=self.tr("Uppehåll"))

    def _break_id(self) -> int | None:
        return self.break_week.id if self.break_week is not None else None

    def draft(self) -> BreakWeekDraft:
        return BreakWeekDraft(self.name.text(), date_of(self.starts_on), date_of(self.ends_on))

    def _save(self, override: bool) -> BreakWeekShift:
        return save_break_week_and_shift(self.database, self.draft(), self._break_id(), override=override)

    def accept(self) -> None:
        """Save the break and shift its sessions in one step; overlaps, groups that cannot be shifted and new
        conflicts are confirmed first; on bad input stay open with what was typed."""
        self.errors.clear()
        saved = service_call(
            self, self.windowTitle(), lambda override: self._save(override=override), invalid=self.errors.show
        )
        if saved is REFUSED:
            return
        self.saved = saved.saved
        self.moved = len(saved.shift.sessions)
        super().accept()
