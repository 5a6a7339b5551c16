"""The schedule dialog: a period (for a person), how many sessions it holds, and two ways out: preview and
print or save the PDF, or save an .ics calendar file to send to the person's phone.

- ``open_leader_schedule(parent, database, leader_id)`` and ``open_interpreter_schedule(...)`` (people pages)
- ``open_group_schedule(parent, database, group_id)`` (the group view)
"""

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

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

from biv_desktop.services.schedule import (
    PersonalSchedule,
    group_schedule,
    interpreter_schedule,
    leader_schedule,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.service_call import REFUSED, service_call, service_result
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.common.window_state import last_folder, remember_folder
from biv_desktop.ui.printing.preview import open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting

tr = translator("Schedules")
# A person's schedule covers the coming half year unless the coordinator picks another period.
DEFAULT_DAYS = 182
Loader = Callable[[dt.date, dt.date], PersonalSchedule]


class ScheduleDialog(QDialog):
    """Choose the period, see what it holds, then print or save the schedule or its calendar file."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        file_stem: str,
        load: Loader,
        *,
        today: dt.date,
        with_period: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._load = load
        self._file_stem = file_stem
        self.schedule: PersonalSchedule | None = None
        self.first = date_edit(today)
        self.last = date_edit(today + dt.timedelta(days=DEFAULT_DAYS))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Från:"), self.first)
        form.addRow(tr("Till:"), self.last)
        self.first.dateChanged.connect(lambda *_: self.reload())
        self.last.dateChanged.connect(lambda *_: self.reload())
        self.print_button = QPushButton(tr("&Skriv ut eller spara PDF…"))
        self.calendar_button = QPushButton(tr("Spara &kalenderfil (.ics)…"))
        self.print_button.clicked.connect(self.preview)
        self.calendar_button.clicked.connect(self.save_calendar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.calendar_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        hint = QLabel(
            tr(
                "Kalenderfilen kan skickas till personen och öppnas i telefonens kalender. En ny fil för "
                "samma träffar uppdaterar dem där; inställda träffar visas som inställda. Inga deltagare "
                "nämns i schemat."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        if with_period:
            layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Wrapped labels under-report their height to a dialog sized from nothing: give it room for them.
        self.setMinimumSize(560, 250 if with_period else 190)
        self.reload()

    def period(self) -> tuple[dt.date, dt.date]:
        return date_of(self.first), date_of(self.last)

    def reload(self) -> None:
        first, last = self.period()
        problem: list[str] = []
        # A period typed half-way (the end before the start) is said beside the fields, not in a box.
        loaded = service_call(
            self,
            self.windowTitle(),
            lambda _: self._load(first, last),
            invalid=lambda e: problem.append(e.message),
        )
        self.schedule = None if loaded is REFUSED else loaded
        ready = self.schedule is not None and bool(self.schedule.entries)
        self.print_button.setEnabled(self.schedule is not None)
        self.calendar_button.setEnabled(ready)
        if self.schedule is None:
            self.summary.setText(problem[0] if problem else "")
        elif not self.schedule.entries:
            self.summary.setText(tr("Inga träffar under perioden."))
        else:
            held = self.schedule.taking_place
            cancelled = len(self.schedule.entries) - held
            text = tr("{count} träffar").format(count=held) if held != 1 else tr("1 träff")
            if cancelled:
                text += ", " + tr("{count} inställda").format(count=cancelled)
            self.summary.setText(
                tr("{text} från {first} till {last}.").format(
                    text=text, first=self.schedule.first.isoformat(), last=self.schedule.last.isoformat()
                )
            )

    def _file_name(self, suffix: str) -> str:
        schedule = self.schedule
        assert schedule is not None
        return f"{self._file_stem}-{schedule.first.isoformat()}-{schedule.last.isoformat()}{suffix}"

    def preview(self) -> None:
        schedule = self.schedule
        if schedule is None:
            return
        job = SheetPrinting(
            self,
            schedule.title,
            self._file_name(".pdf"),
            lambda path, _progress: _schedule_pdf(path, schedule),
        )
        open_preview(self, [(schedule.title, job)])

    def save_calendar(self) -> Path | None:
        schedule = self.schedule
        if schedule is None:
            return None
        folder = last_folder("calendar")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Spara kalenderfil"), str(folder / self._file_name(".ics")), tr("Kalenderfiler (*.ics)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_name(f"{path.name}.ics")
        written = service_call(self, tr("Filen kunde inte sparas"), lambda _: _calendar_file(path, schedule))
        if written is REFUSED:
            return None
        remember_folder("calendar", written)
        self.summary.setText(tr("Kalenderfilen är sparad som {path}.").format(path=written))
        return written


def _open_person_schedule(
    parent: QWidget | None,
    title: str,
    file_stem: str,
    read: Callable[[dt.date, dt.date], PersonalSchedule],
    today: dt.date | None,
) -> ScheduleDialog:
    dialog = ScheduleDialog(parent, title, file_stem, read, today=today or dt.date.today())
    dialog.open()
    return dialog


def open_leader_schedule(
    parent: QWidget | None, database: Database, leader_id: int, today: dt.date | None = None
) -> ScheduleDialog:
    read = functools.partial(leader_schedule, database, leader_id)
    return _open_person_schedule(
        parent, tr("Gruppledarens schema"), f"schema-gruppledare-{leader_id}", read, today
    )


def open_interpreter_schedule(
    parent: QWidget | None, database: Database, interpreter_id: int, today: dt.date | None = None
) -> ScheduleDialog:
    read = functools.partial(interpreter_schedule, database, interpreter_id)
    return _open_person_schedule(parent, tr("Tolkens schema"), f"schema-tolk-{interpreter_id}", read, today)


def open_group_schedule(
    parent: QWidget | None, database: Database, group_id: int, today: dt.date | None = None
) -> ScheduleDialog | None:
    """The group's whole plan; None (after saying why) when it has no sessions."""
    if service_result(parent, tr("Gruppens schema"), lambda: group_schedule(database, group_id)) is None:
        return None
    dialog = ScheduleDialog(
        parent,
        tr("Gruppens schema"),
        f"schema-grupp-{group_id}",
        lambda _first, _last: group_schedule(database, group_id),
        today=today or dt.date.today(),
        with_period=False,
    )
    dialog.open()
    return dialog


# The writers (and reportlab, icalendar with them) are imported when a file is first made, not with the page.
def _schedule_pdf(path: Path, schedule: PersonalSchedule) -> Path:
    from biv_desktop.reports.schedules import write_schedule

    return write_schedule(path, schedule)


def _calendar_file(path: Path, schedule: PersonalSchedule) -> Path:
    from biv_desktop.reports.schedules import write_calendar

    return write_calendar(path, schedule)
