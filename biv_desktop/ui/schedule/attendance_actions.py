"""Attendance from the schedule: take it in the room view, print a session's sheet, print the period's sheets.

The page's buttons, its table's context menu and the keys Ctrl+T, Ctrl+P and Ctrl+Shift+P run the same
actions. They work on the chosen session, and on the period and premises the page shows; the person and
group filters narrow the list only, as a pack of sheets is printed for a period at a place.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton

from biv_desktop.services.schedule import ScheduleRow
from biv_desktop.ui.attendance import open_session_attendance
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.schedule.widgets import tr

if TYPE_CHECKING:
    from biv_desktop.ui.schedule.page import SchedulePage


def action_button(action: QAction) -> QPushButton:
    """A push button that runs an action and is enabled with it (a tool button would look out of place)."""
    button = QPushButton(action.text())
    button.setToolTip(action.toolTip())
    button.setEnabled(action.isEnabled())
    button.clicked.connect(lambda _checked=False: action.trigger())

    def follow() -> None:
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    action.changed.connect(follow)
    return button


class ScheduleAttendance(QObject):
    """'Ta närvaro…', 'Skriv ut närvarolista…' and 'Skriv ut alla närvarolistor…' on the schedule page."""

    def __init__(self, page: "SchedulePage") -> None:
        super().__init__(page)
        self._page = page
        self.take_action = self._action(tr("&Ta närvaro…"), "Ctrl+T", self.take_attendance)
        self.print_action = self._action(tr("Skriv &ut närvarolista…"), "Ctrl+P", self.print_sheet)
        self.pack_action = self._action(tr("&Skriv ut alla närvarolistor…"), "Ctrl+Shift+P", self.print_all)
        self.take_action.setToolTip(
            tr("Öppna den valda träffens deltagare och markera vilka som är där (Ctrl+T)")
        )
        self.print_action.setToolTip(
            tr(
                "Förhandsgranska den valda träffens närvarolista, skriv ut den eller spara den som PDF (Ctrl+P)"
            )
        )
        self.take_button = action_button(self.take_action)
        self.print_button = action_button(self.print_action)
        self.pack_button = action_button(self.pack_action)
        table = page.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_menu)
        table.selectionModel().currentChanged.connect(lambda *_: self.update_actions())
        for signal in (page.proxy.modelReset, page.proxy.layoutChanged):
            signal.connect(lambda *_: self.update_actions())
        self.update_actions()

    def _action(self, text: str, keys: str, run: Callable[[], None]) -> QAction:
        action = QAction(text, self._page)
        action.setShortcut(QKeySequence(keys))
        # Only while the schedule is the page shown: other pages may give the keys their own meaning.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: run())
        self._page.addAction(action)
        return action

    def buttons(self) -> QHBoxLayout:
        """The row above the table: the chosen session's actions on the left, the period's on the right."""
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self._page.open_button)
        row.addWidget(self.take_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.pack_button)
        return row

    def update_actions(self) -> None:
        """Enable what the chosen session and the shown period allow, and say what a pack would hold."""
        chosen = self._page.current_session() is not None
        self.take_action.setEnabled(chosen)
        self.print_action.setEnabled(chosen)
        self._page.open_button.setEnabled(chosen)
        self.pack_action.setEnabled(bool(self._page.model.session_rows()))
        self.pack_action.setToolTip(self._pack_description() + " " + tr("(Ctrl+Shift+P)"))

    def _pack_description(self) -> str:
        page = self._page
        period = f"{page.period.first.isoformat()} – {page.period.last.isoformat()}"
        if page.premises_filter.currentData() is None:
            return tr("Närvarolistor för alla träffar {period}, i en utskrift").format(period=period)
        return tr("Närvarolistor för alla träffar {period} i {premises}, i en utskrift").format(
            period=period, premises=page.premises_filter.currentText()
        )

    # Acting.
    def take_attendance(self) -> None:
        """Open the room view for the chosen session; afterwards show its new status, still chosen."""
        page = self._page
        row = page.current_session()
        if row is None:
            return
        if not open_session_attendance(page, page.database, row.id, today=page.fixed_today):
            return
        page.refresh()
        page.select_session(row.id)
        page.show_message(
            tr("Närvaron för träff {number} i {group} är sparad.").format(
                number=row.number, group=row.group_name
            )
        )
        page.table.setFocus()

    def print_sheet(self) -> None:
        """Preview the chosen session's attendance sheet, to print or save."""
        page = self._page
        row = page.current_session()
        if row is not None:
            # Printing's modules (the preview, Qt's print support) load when something is first printed.
            from biv_desktop.ui.printing import print_session_sheet

            print_session_sheet(page, page.database, row.id, page.fixed_today)

    def print_all(self) -> None:
        """Preview every session sheet of the shown period (at the chosen premises) in one printout."""
        page = self._page
        from biv_desktop.ui.printing import print_pack

        print_pack(
            page,
            page.database,
            page.period.first,
            page.period.last,
            premises_id=page.premises_filter.currentData(),
            printed_on=page.fixed_today,
        )

    # The context menu.
    def menu_at(self, position: QPoint) -> QMenu:
        """The table's context menu for the line at ``position`` (in the viewport), which becomes the chosen."""
        page = self._page
        index = page.table.indexAt(position)
        if isinstance(index.data(ROW_ROLE), ScheduleRow):
            page.table.setCurrentIndex(index)
        menu = QMenu(page.table)
        open_action = menu.addAction(tr("&Öppna träffen…"))
        open_action.triggered.connect(lambda _checked=False: page.open_current())
        open_action.setEnabled(page.current_session() is not None)
        menu.addActions([self.take_action, self.print_action])
        menu.addSeparator()
        menu.addAction(self.pack_action)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu_at(position)
        menu.exec(self._page.table.viewport().mapToGlobal(position))
        menu.deleteLater()
