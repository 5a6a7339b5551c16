"""The school year's usual breaks proposed for the coordinator to check, change and save.

Höstlov, jullov, sportlov in the week she chooses, and påsklov after Easter (domain.schedule.school_year).
Nothing is saved until she clicks Spara; each break is saved through the break-week service, which asks
her about planned sessions inside it, as the break editor does.
"""

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.days_off import BreakWeek
from biv_desktop.domain.schedule.school_year import (
    LINKOPING_SPORTS_BREAK_WEEK,
    SPORTS_BREAK_WEEKS,
    BreakKind,
    ProposedBreak,
    SchoolYear,
    planning_school_year,
    sports_break,
    usual_breaks,
)
from biv_desktop.services.register import (
    BreakWeekDraft,
    BreakWeekRow,
    check_break_week,
    list_break_weeks,
    save_break_week,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of, to_qdate
from biv_desktop.ui.common.service_call import REFUSED, service_call, service_result
from biv_desktop.ui.common.styles import ERROR_STYLE, HINT_STYLE, OK_STYLE, WARNING_TEXT_STYLE


@dataclass
class ProposalRow:
    """One proposed break's widgets: whether to save it, its name and dates, and a note beside it."""

    kind: BreakKind
    chosen: QCheckBox
    name: QLineEdit
    starts_on: QDateEdit
    ends_on: QDateEdit
    note: QLabel
    saved: BreakWeekRow | None = None

    def draft(self) -> BreakWeekDraft:
        return BreakWeekDraft(self.name.text(), date_of(self.starts_on), date_of(self.ends_on))

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.chosen, self.name, self.starts_on, self.ends_on):
            widget.setEnabled(enabled)


def overlapping(proposal: ProposedBreak, existing: list[BreakWeekRow]) -> BreakWeekRow | None:
    """A break already in the register that shares a day with the proposal."""
    return next(
        (row for row in existing if row.starts_on <= proposal.ends_on and row.ends_on >= proposal.starts_on),
        None,
    )


class BreakProposalDialog(QDialog):
    """Proposes a school year's usual breaks; ``saved`` lists the breaks saved."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.saved: list[BreakWeekRow] = []
        self.existing: list[BreakWeekRow] = []
        self.rows: list[ProposalRow] = []
        self.setWindowTitle(self.tr("Läsårets lov"))
        planning = planning_school_year(today or dt.date.today())

        intro = QLabel(
            self.tr(
                "Här föreslås läsårets vanliga lov. Jämför datumen med skolornas lovdagar, ändra det som inte "
                "stämmer och kryssa ur det du inte vill lägga in. Inget sparas förrän du klickar Spara. "
                "Nya grupper planeras runt loven."
            )
        )
        intro.setWordWrap(True)
        self.school_year = QComboBox()
        self.school_year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for year in (planning, planning.next()):
            self.school_year.addItem(year.label, year.start_year)
        self.sports_week = QSpinBox()
        self.sports_week.setRange(SPORTS_BREAK_WEEKS.start, SPORTS_BREAK_WEEKS.stop - 1)
        self.sports_week.setValue(LINKOPING_SPORTS_BREAK_WEEK)
        self.sports_week.setPrefix(self.tr("vecka "))
        self.sports_week.setAccessibleName(self.tr("Sportlovets vecka"))
        sports_hint = QLabel(
            self.tr("Linköping har sportlov vecka 8. Välj en annan vecka om skolorna har det då.")
        )
        sports_hint.setStyleSheet(HINT_STYLE)
        choices = QFormLayout()
        choices.addRow(self.tr("&Läsår:"), self.school_year)
        sports = QHBoxLayout()
        sports.addWidget(self.sports_week)
        sports.addWidget(sports_hint, 1)
        sports_label = QLabel(self.tr("&Sportlov:"))
        sports_label.setBuddy(self.sports_week)
        choices.addRow(sports_label, sports)

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        for column, text in enumerate((self.tr("Lov"), self.tr("Första dagen"), self.tr("Sista dagen")), 1):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.grid.setColumnStretch(4, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choices)
        layout.addSpacing(6)
        layout.addLayout(self.grid)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(820, 400)

        self.school_year.currentIndexChanged.connect(lambda _index: self.propose())
        self.sports_week.valueChanged.connect(self.move_sports_break)
        self.propose()

    def chosen_year(self) -> SchoolYear:
        return SchoolYear(int(self.school_year.currentData()))

    def propose(self) -> None:
        """Lay out the chosen school year's proposals; a break already in the register is left unticked."""
        for row in self.rows:
            for widget in (row.chosen, row.name, row.starts_on, row.ends_on, row.note):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = []
        self.message.clear()
        self.existing = service_result(
            self, self.windowTitle(), lambda: list_break_weeks(self.database), refused=[]
        )
        for position, proposal in enumerate(usual_breaks(self.chosen_year(), self.sports_week.value()), 1):
            row = ProposalRow(
                proposal.kind,
                QCheckBox(),
                QLineEdit(proposal.name),
                date_edit(proposal.starts_on),
                date_edit(proposal.ends_on),
                QLabel(),
            )
            row.chosen.setAccessibleName(self.tr("Spara {name}").format(name=proposal.name))
            row.name.setAccessibleName(self.tr("Lovets namn"))
            row.note.setWordWrap(True)
            row.chosen.setChecked(self._describe(row, proposal))
            row.chosen.toggled.connect(lambda checked, r=row: self._chosen(r, checked))
            self._chosen(row, row.chosen.isChecked())
            self.grid.addWidget(row.chosen, position, 0)
            self.grid.addWidget(row.name, position, 1)
            self.grid.addWidget(row.starts_on, position, 2)
            self.grid.addWidget(row.ends_on, position, 3)
            self.grid.addWidget(row.note, position, 4)
            self.rows.append(row)
        self._update_save_button()

    def move_sports_break(self, week: int) -> None:
        """Put sportlov in the chosen week, leaving what was changed in the other rows as it is."""
        proposal = sports_break(self.chosen_year().start_year + 1, week)
        for row in self.rows:
            if row.kind is BreakKind.SPORTS and row.saved is None:
                row.starts_on.setDate(to_qdate(proposal.starts_on))
                row.ends_on.setDate(to_qdate(proposal.ends_on))
                self._describe(row, proposal)

    def _describe(self, row: ProposalRow, proposal: ProposedBreak) -> bool:
        """Note what the proposal is based on, or the break already there; True if it is new."""
        already = overlapping(proposal, self.existing)
        if already is None:
            row.note.setText(self.tr("Förslag: {basis}").format(basis=proposal.basis))
            row.note.setStyleSheet(HINT_STYLE)
            return True
        label = BreakWeek(already.name, already.starts_on, already.ends_on).label
        row.note.setText(self.tr("Finns redan: {label}").format(label=label))
        row.note.setStyleSheet(WARNING_TEXT_STYLE)
        return False

    def _chosen(self, row: ProposalRow, checked: bool) -> None:
        for widget in (row.name, row.starts_on, row.ends_on):
            widget.setEnabled(checked and row.saved is None)
        self._update_save_button()

    def _update_save_button(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setEnabled(any(row.chosen.isChecked() and row.saved is None for row in self.rows))

    def to_save(self) -> list[ProposalRow]:
        return [row for row in self.rows if row.chosen.isChecked() and row.saved is None]

    def save(self) -> None:
        """Check every ticked break first, then save them one by one; stop at the first not confirmed."""
        self.message.clear()
        rows = self.to_save()
        for row in rows:
            try:
                check_break_week(self.database, row.draft())
            except ValidationError as error:
                self._show_problem(row, error.message)
                return
        for row in rows:
            saved = self._save_row(row)
            if saved is None:
                self._show_saved_so_far()
                return
            row.saved = saved
            self.saved.append(saved)
            row.set_enabled(False)
            row.note.setText(self.tr("Sparat"))
            row.note.setStyleSheet(OK_STYLE)
        super().accept()

    def _save_row(self, row: ProposalRow) -> BreakWeekRow | None:
        """Save one break through the service, asking about planned sessions inside it; None if not saved."""

        def save(override: bool) -> BreakWeekRow:
            return save_break_week(self.database, row.draft(), override=override)

        def refused(error: ValidationError) -> None:
            self._show_problem(row, error.message)

        title = self.tr("Spara {name}").format(name=row.name.text().strip())
        saved = service_call(self, title, save, invalid=refused)
        return None if saved is REFUSED else saved

    def _show_problem(self, row: ProposalRow, message: str) -> None:
        self.message.setText(f"{row.name.text().strip()}: {message}")
        self.message.setStyleSheet(ERROR_STYLE)
        self._show_saved_so_far(keep_message=True)

    def _show_saved_so_far(self, keep_message: bool = False) -> None:
        self._update_save_button()
        self.school_year.setEnabled(not self.saved)
        self.sports_week.setEnabled(not self.saved)
        if self.saved and not keep_message:
            names = ", ".join(row.name for row in self.saved)
            self.message.setText(
                self.tr(
                    "Sparade: {names}. Resten är inte sparat; ändra eller kryssa ur och spara igen."
                ).format(names=names)
            )
            self.message.setStyleSheet(WARNING_TEXT_STYLE)
