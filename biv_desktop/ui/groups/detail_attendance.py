"""Attendance in a group's detail: the Närvaro tab, taking attendance and printing the group's sheets.

On the sessions tab, "Ta närvaro…" (Ctrl+T, Enter or a double-click) opens the room view for the chosen
session and "Skriv ut närvarolista…" (Ctrl+P) previews its sheet; "Skriv ut kurslista…" (Ctrl+Shift+P)
previews the whole course's. The Närvaro tab is the participants × sessions grid.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTableView, QVBoxLayout, QWidget

from biv_desktop.services.groups import SessionRow
from biv_desktop.store.database import Database
from biv_desktop.ui.attendance.grid_widget import AttendanceGridWidget
from biv_desktop.ui.attendance.session_dialog import open_session_attendance
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.groups.fields import tr
from biv_desktop.ui.printing import print_course_sheet, print_session_sheet


class GroupAttendance(QObject):
    """The attendance side of a group's detail. ``recorded`` carries a sentence for the dialog to show (empty
    while marks are typed into the grid) after anything was recorded; the dialog then reads the group again."""

    recorded = Signal(str)

    def __init__(
        self, dialog: QWidget, database: Database, today: dt.date, session_table: QTableView
    ) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._database = database
        self._today = today
        self._group_id: int | None = None
        self.session_table = session_table
        self.grid = AttendanceGridWidget(database, today=today)
        self.grid.changed.connect(lambda: self.recorded.emit(""))

        self.take_button = self._button(tr("T&a närvaro…"), self.take_attendance)
        self.take_button.setToolTip(tr("Ta närvaro för den valda träffen (Ctrl+T, Enter eller dubbelklick)"))
        self.print_session_button = self._button(tr("Skriv &ut närvarolista…"), self.print_session)
        self.print_session_button.setToolTip(tr("Förhandsgranska den valda träffens närvarolista (Ctrl+P)"))
        self.print_course_button = self._button(tr("Skriv ut kursl&ista…"), self.print_course)
        self.print_course_button.setToolTip(
            tr("Förhandsgranska närvarolistan för hela kursen, ifylld eller tom (Ctrl+Shift+P)")
        )
        self.sessions_tab = self._sessions_tab()
        self.grid_tab = QWidget()  # the grid with the same margins as the other tabs' tables
        QVBoxLayout(self.grid_tab).addWidget(self.grid)
        self.take_action = self._action(tr("Ta närvaro…"), "Ctrl+T", self.take_attendance, self.sessions_tab)
        self.print_session_action = self._action(
            tr("Skriv ut närvarolista…"), "Ctrl+P", self.print_session, self.sessions_tab
        )
        self._action(tr("Skriv ut kurslista…"), "Ctrl+Shift+P", self.print_course, dialog)
        session_table.activated.connect(lambda _index: self.take_attendance())
        session_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        session_table.customContextMenuRequested.connect(self._show_menu)
        session_table.selectionModel().currentChanged.connect(lambda *_: self.update_actions())
        session_table.model().modelReset.connect(self.update_actions)
        self.update_actions()

    def _button(self, text: str, run: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: run())
        return button

    def _action(self, text: str, keys: str, run: Callable[[], None], owner: QWidget) -> QAction:
        action = QAction(text, owner)
        action.setShortcut(QKeySequence(keys))
        # The session keys act on the sessions tab only, where the chosen session can be seen.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: run())
        owner.addAction(action)
        return action

    def _sessions_tab(self) -> QWidget:
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.print_session_button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.session_table, 1)
        layout.addLayout(buttons)
        return tab

    def show_group(self, group_id: int) -> None:
        """Show the group's grid afresh (after the dialog read the group, or showed another one)."""
        self._group_id = group_id
        self.grid.set_group(group_id)

    # The chosen session.
    def chosen_session(self) -> SessionRow | None:
        index = self.session_table.currentIndex()
        row = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, SessionRow) else None

    def select_session(self, session_id: int) -> None:
        model = self.session_table.model()
        for position in range(model.rowCount()):
            row = model.index(position, 0).data(ROW_ROLE)
            if isinstance(row, SessionRow) and row.id == session_id:
                self.session_table.selectRow(position)
                return

    def update_actions(self) -> None:
        """The session actions need a chosen session."""
        chosen = self.chosen_session() is not None
        for widget in (
            self.take_button,
            self.print_session_button,
            self.take_action,
            self.print_session_action,
        ):
            widget.setEnabled(chosen)

    # Acting.
    def take_attendance(self) -> None:
        """Open the room view for the chosen session; afterwards the dialog reads the group again."""
        row = self.chosen_session()
        if row is None:
            return
        if open_session_attendance(self._dialog, self._database, row.id, today=self._today):
            self.grid.refresh()
            self.recorded.emit(tr("Närvaron för träff {number} är sparad.").format(number=row.number))

    def print_session(self) -> None:
        """Preview the chosen session's attendance sheet, to print or save."""
        row = self.chosen_session()
        if row is not None:
            print_session_sheet(self._dialog, self._database, row.id, self._today)

    def print_course(self) -> None:
        """Preview the whole course's attendance sheet, filled in or blank."""
        if self._group_id is not None:
            print_course_sheet(self._dialog, self._database, self._group_id, self._today)

    # The sessions' context menu.
    def menu_at(self, position: QPoint) -> QMenu:
        """The context menu for the session at ``position`` (in the viewport), which becomes the chosen one."""
        index = self.session_table.indexAt(position)
        if index.isValid():
            self.session_table.selectRow(index.row())
        menu = QMenu(self.session_table)
        menu.addActions([self.take_action, self.print_session_action])
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu_at(position)
        menu.exec(self.session_table.viewport().mapToGlobal(position))
        menu.deleteLater()
