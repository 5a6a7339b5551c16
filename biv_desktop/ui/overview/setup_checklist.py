"""The overview's checklist for a new or incomplete register: each step's state and a button to its form.

The states come from ``services.register.register_setup``; the checklist hides itself once every step is done.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.register import RegisterSetup, SetupStep, list_premises, register_setup
from biv_desktop.services.staff import list_languages
from biv_desktop.store.database import Database
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.common.styles import HINT_STYLE, OK_STYLE
from biv_desktop.ui.common.text import translator

tr = translator("SetupChecklist")

DONE_MARK = "✓"
TO_DO_MARK = "○"


def step_texts() -> dict[SetupStep, tuple[str, str]]:
    """Each step's name and its button's text."""
    return {
        SetupStep.PREMISES: (tr("Lokaler"), tr("Lägg till &lokal…")),
        SetupStep.LEADERS: (tr("Gruppledare"), tr("Lägg till &gruppledare…")),
        SetupStep.INTERPRETERS: (tr("Tolkar"), tr("Lägg till &tolk…")),
        SetupStep.AGREEMENT: (tr("Överenskommelsen med kommunen"), tr("Lägg in &avtalet…")),
        SetupStep.BREAK_WEEKS: (tr("Läsårets lov"), tr("Föreslå läsårets l&ov…")),
        SetupStep.THEME_PLANS: (tr("Temaplaner"), tr("Se över te&maplanerna…")),
    }


class ThemePlansDialog(QDialog):
    """The settings' theme plans in a window of their own, reached from the checklist."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Temaplaner"))
        # Imported when the dialog opens: the overview shows without the settings' theme plan editor.
        from biv_desktop.ui.settings.theme_plans_tab import ThemePlansTab

        self.plans = ThemePlansTab(database)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plans, 1)
        layout.addWidget(buttons)
        self.resize(1100, 640)
        self.plans.refresh()

    def reject(self) -> None:
        # Unsaved edits to a plan are saved, dropped or kept open, as on the settings page.
        if self.plans.resolve_unsaved_changes():
            super().reject()


class SetupChecklist(QFrame):
    """'Kom igång': the register's setup steps, shown on the overview until all are done."""

    # Something was saved from one of the forms: the overview reads its figures afresh.
    changed = Signal()

    def __init__(
        self, database: Callable[[], Database], today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._today = today
        self.setup: RegisterSetup | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Kom igång med registret"))

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        hint = QLabel(
            tr(
                "Det här behöver registret innan du planerar den första gruppen. "
                "Listan försvinner från översikten när allt är klart."
            )
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)

        self.marks: dict[SetupStep, QLabel] = {}
        self.states: dict[SetupStep, QLabel] = {}
        self.buttons: dict[SetupStep, QPushButton] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        grid.setHorizontalSpacing(14)
        for row, (step, (name, button_text)) in enumerate(step_texts().items()):
            self.marks[step] = QLabel()
            self.states[step] = QLabel()
            self.buttons[step] = QPushButton(button_text)
            self.buttons[step].clicked.connect(lambda _checked=False, s=step: self.open_step(s))
            grid.addWidget(self.marks[step], row, 0)
            grid.addWidget(QLabel(name), row, 1)
            grid.addWidget(self.states[step], row, 2)
            grid.addWidget(self.buttons[step], row, 3)
        grid.setColumnStretch(4, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addLayout(grid)
        self.hide()

    @property
    def database(self) -> Database:
        return self._database()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        """Read every step's state; hide the list when the register is set up."""
        setup = service_result(self, tr("Kom igång"), lambda: register_setup(self.database, self.today()))
        if setup is None:
            return
        self.setup = setup
        self.heading.setText(
            tr("Kom igång: {remaining} av {steps} steg återstår").format(
                remaining=setup.remaining, steps=len(setup.items)
            )
        )
        for item in setup.items:
            self.marks[item.step].setText(DONE_MARK if item.done else TO_DO_MARK)
            self.marks[item.step].setStyleSheet(OK_STYLE if item.done else "")
            self.marks[item.step].setAccessibleName(tr("klart") if item.done else tr("inte klart"))
            self.states[item.step].setText(item.state)
        self.setVisible(not setup.complete)

    def open_step(self, step: SetupStep) -> None:
        """Open the step's form; whatever was saved there shows at once."""
        dialog = self._dialog(step)
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        if step is SetupStep.THEME_PLANS or saved:
            self.refresh()
            self.changed.emit()

    def _dialog(self, step: SetupStep) -> QDialog:
        # The forms load when a step is first opened, not with the overview (the window's start).
        from biv_desktop.ui.followup.agreement_dialog import AgreementDialog
        from biv_desktop.ui.people.interpreter_dialog import InterpreterDialog
        from biv_desktop.ui.people.leader_dialog import LeaderDialog
        from biv_desktop.ui.premises.dialog import PremisesDialog
        from biv_desktop.ui.settings.break_proposal_dialog import BreakProposalDialog

        database, today = self.database, self.today()
        if step is SetupStep.PREMISES:
            districts = sorted({row.district for row in list_premises(database)})
            return PremisesDialog(database, None, districts, today, self)
        if step is SetupStep.LEADERS:
            return LeaderDialog(database, list_languages(database), None, today, self)
        if step is SetupStep.INTERPRETERS:
            return InterpreterDialog(database, list_languages(database), None, today, self)
        if step is SetupStep.AGREEMENT:
            return AgreementDialog(database, None, today, self)
        if step is SetupStep.BREAK_WEEKS:
            return BreakProposalDialog(database, today, self)
        return ThemePlansDialog(database, self)
