"""One group in full: facts, leaders and interpreter, the sessions and the roster, and what can be done with it.

Opened from the groups list with Enter or a double-click. ``changed`` is True once anything was saved, so the
list knows to read the groups again.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import GroupKind, GroupStatus, SessionStatus
from biv_desktop.services.groups import (
    GroupDetail,
    SessionRow,
    cancel_group,
    check_finish,
    finish_group,
    get_group,
)
from biv_desktop.services.participants import RosterRow, roster
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask, warn
from biv_desktop.ui.common.row_model import ROW_ROLE, RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.steady_tabs import SteadyTabs
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.groups.detail_attendance import GroupAttendance
from biv_desktop.ui.groups.detail_columns import roster_columns, session_columns
from biv_desktop.ui.groups.detail_facts import FactsPanel, status_line
from biv_desktop.ui.groups.group_dialog import (
    GroupDialog,
    copy_group_dialog,
    edit_group_dialog,
    parents_group_dialog,
)
from biv_desktop.ui.groups.group_printouts import printouts_button
from biv_desktop.ui.page import heading
from biv_desktop.ui.participants.enrol_dialogs import EnrolDialog
from biv_desktop.ui.participants.leave_dialog import LeaveGroupDialog, Place

OPEN = (GroupStatus.PLANNED, GroupStatus.RUNNING)
QUESTION = QMessageBox.Icon.Question


class GroupDetailDialog(QDialog):
    """A group's detail; its buttons edit, copy, finish or cancel it and give it a parents' group."""

    def __init__(
        self, database: Database, group_id: int, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._today = today or dt.date.today()
        self.changed = False
        self.detail: GroupDetail = get_group(database, group_id)
        self.title = heading("")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.facts = FactsPanel()
        self.facts.open_group.connect(self.show_group)
        self.sessions: RowTableModel[SessionRow] = RowTableModel(session_columns(), self)
        self.session_table = make_table(self.sessions, self.tr("Träffar"), wrap=True, sortable=False)
        self.roster: RowTableModel[RosterRow] = RowTableModel(roster_columns(), self)
        self.roster_table = make_table(self.roster, self.tr("Deltagare"), wrap=True)
        # Taking attendance and printing the sheets; the grid on its own tab (ui/groups/detail_attendance).
        self.attendance = GroupAttendance(self, database, self._today, self.session_table)
        self.attendance.recorded.connect(self._attendance_recorded)
        self.tabs = SteadyTabs()
        self.tabs.addTab(self.attendance.sessions_tab, "")
        self.tabs.addTab(self._roster_tab(), "")
        self.tabs.addTab(self.attendance.grid_tab, self.tr("&Närvaro"))
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.edit_button = self._button(self.tr("&Redigera…"), self.edit)
        self.copy_button = self._button(self.tr("&Kopiera till nästa termin…"), self.copy)
        self.parents_button = self._button(self.tr("Skapa &föräldragrupp…"), self.create_parents)
        self.finish_button = self._button(self.tr("A&vsluta gruppen…"), self.finish)
        self.cancel_button = self._button(self.tr("&Ställ in gruppen…"), self.cancel_group)
        close = self._button(self.tr("Stäng"), self.accept)
        actions = QHBoxLayout()
        for button in (self.edit_button, self.copy_button, self.parents_button, self.finish_button):
            actions.addWidget(button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.attendance.print_course_button)
        self.printouts_button = printouts_button(self, database, lambda: self.detail.id, self._today)
        actions.addWidget(self.printouts_button)
        actions.addWidget(close)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.resize(1200, 760)
        self._show()
        self.session_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _button(self, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: action())
        return button

    def _roster_tab(self) -> QWidget:
        self.add_button = self._button(self.tr("&Lägg till deltagare…"), self.add_participant)
        self.leave_button = self._button(self.tr("Slutar i &gruppen…"), self.leave)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.roster_table, 1)
        layout.addLayout(buttons)
        return tab

    # Showing.
    def reload(self) -> None:
        self.detail = get_group(self._database, self.detail.id)
        self._show()

    def show_group(self, group_id: int) -> None:
        """Show another group (the linked children's or parents' group) in this dialog."""
        self.detail = get_group(self._database, group_id)
        self.message.clear()
        self._show()

    def _show(self, *, grid: bool = True) -> None:
        detail = self.detail
        self.setWindowTitle(detail.name)
        self.title.setText(detail.name)
        self.status.setText(status_line(detail))
        self.facts.show_group(detail, self._today)
        self.sessions.set_rows(detail.sessions)
        rows = roster(self._database, detail.id)
        self.roster.set_rows(rows)
        self.tabs.setTabText(0, self.tr("&Träffar ({count})").format(count=len(detail.sessions)))
        self.tabs.setTabText(1, self.tr("&Deltagare ({count})").format(count=detail.enrolled))
        for table, stretch in ((self.session_table, 4), (self.roster_table, 0)):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        is_open = detail.status in OPEN
        # One parents' group per children's group: a group that has one is not offered another.
        has_parents = bool(detail.parents_groups)
        self.parents_button.setEnabled(
            detail.kind is GroupKind.CHILDREN
            and detail.status is not GroupStatus.CANCELLED
            and not has_parents
        )
        self.parents_button.setToolTip(
            self.tr("Gruppen har redan en föräldragrupp: {name}").format(name=detail.parents_groups[0].name)
            if has_parents
            else ""
        )
        self.finish_button.setEnabled(is_open)
        self.cancel_button.setEnabled(is_open)
        self.add_button.setEnabled(is_open)
        self.leave_button.setEnabled(any(row.is_active for row in rows))
        if grid:
            self.attendance.show_group(detail.id)

    def _attendance_recorded(self, text: str) -> None:
        """Show the sessions' new status and counts; the grid already shows the marks."""
        chosen = self.attendance.chosen_session()
        self.changed = True
        self.detail = get_group(self._database, self.detail.id)
        self._show(grid=False)
        if text:
            self.message.setText(text)
        if chosen is not None:
            self.attendance.select_session(chosen.id)

    def _saved(self, text: str) -> None:
        self.changed = True
        self.message.setText(text)
        self.reload()

    # Acting.
    def _run(self, dialog: GroupDialog) -> GroupDetail | None:
        dialog.exec()
        return dialog.saved

    def edit(self) -> None:
        saved = self._run(edit_group_dialog(self._database, self.detail, self._today, self))
        if saved is not None:
            self._saved(self.tr("Ändringarna är sparade."))

    def copy(self) -> None:
        saved = self._run(copy_group_dialog(self._database, self.detail, self._today, self))
        if saved is not None:
            self.changed = True
            self.message.setText(
                self.tr("Skapade ”{name}” med {count} träffar från {day}.").format(
                    name=saved.name, count=len(saved.sessions), day=saved.start_date.isoformat()
                )
            )

    def create_parents(self) -> None:
        saved = self._run(parents_group_dialog(self._database, self.detail, self._today, self))
        if saved is not None:
            self._saved(self.tr("Skapade föräldragruppen ”{name}”.").format(name=saved.name))

    def finish(self) -> None:
        warnings = service_call(
            self,
            self.tr("Avsluta gruppen"),
            lambda _: check_finish(self._database, self.detail.id, self._today),
        )
        if warnings is REFUSED:
            return
        details = "\n".join(warnings) or self.tr("Alla träffar är hållna eller inställda.")
        question = self.tr("Avsluta ”{name}”?").format(name=self.detail.name)
        if not ask(
            self, self.tr("Avsluta gruppen"), question, details, self.tr("Avsluta gruppen"), icon=QUESTION
        ):
            return
        result = service_call(
            self,
            self.tr("Avsluta gruppen"),
            lambda _: finish_group(self._database, self.detail.id, override=True, today=self._today),
        )
        if result is REFUSED:
            return
        self._saved(self.tr("Gruppen är avslutad."))

    def cancel_group(self) -> None:
        detail = self.detail
        planned = detail.count(SessionStatus.PLANNED)
        details = [
            self.tr("{count} planerade träffar ställs in.").format(count=planned),
            self.tr("Gruppen och de träffar som redan hållits finns kvar i registret."),
        ]
        if detail.enrolled:
            details.append(
                self.tr(
                    "{count} deltagare är anmälda; anmälningarna finns kvar så att du kan anmäla dem "
                    "till en annan grupp."
                ).format(count=detail.enrolled)
            )
        for link in detail.parents_groups:
            if link.status in OPEN:
                details.append(self.tr("Föräldragruppen ”{name}” ställs inte in.").format(name=link.name))
        question = self.tr("Ställa in ”{name}”?").format(name=detail.name)
        if not ask(
            self,
            self.tr("Ställ in gruppen"),
            question,
            "\n".join(details),
            self.tr("Ställ in gruppen"),
            icon=QUESTION,
        ):
            return
        result = service_call(
            self, self.tr("Ställ in gruppen"), lambda _: cancel_group(self._database, detail.id)
        )
        if result is REFUSED:
            return
        self._saved(self.tr("Gruppen är inställd."))

    def add_participant(self) -> None:
        dialog = EnrolDialog(self._database, self.detail.id, today=self._today, parent=self)
        dialog.exec()
        if len(dialog.enrolled_several) > 1:
            self._saved(
                self.tr("{count} deltagare är anmälda till gruppen: {names}.").format(
                    count=len(dialog.enrolled_several),
                    names=", ".join(row.name for row in dialog.enrolled_several),
                )
            )
            self.tabs.setCurrentIndex(1)
        elif dialog.enrolled is not None:
            self._saved(self.tr("{name} är anmäld till gruppen.").format(name=dialog.enrolled.name))
            self.tabs.setCurrentIndex(1)

    def selected_roster_row(self) -> RosterRow | None:
        index = self.roster_table.currentIndex()
        row = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, RosterRow) else None

    def leave(self) -> None:
        row = self.selected_roster_row()
        if row is None or not row.is_active:
            warn(self, self.tr("Slutar i gruppen"), self.tr("Välj först en deltagare som är med i gruppen."))
            return
        place = Place(row.enrollment_id, self.detail.name, row.joined_on)
        dialog = LeaveGroupDialog(self._database, row.name, [place], today=self._today, parent=self)
        dialog.exec()
        if dialog.left is not None:
            self._saved(self.tr("{name} har slutat i gruppen.").format(name=row.name))
            self.tabs.setCurrentIndex(1)
