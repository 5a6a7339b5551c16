"""Arkiv → Gallring av personuppgifter…: the window's way into the Gallring dialog."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from biv_desktop.ui.common.text import translator

if TYPE_CHECKING:
    from biv_desktop.ui.main_window import MainWindow
    from biv_desktop.ui.privacy.clean_up_dialog import CleanUpDialog


tr = translator("Privacy")


class PrivacyActions(QObject):
    """The Gallring action; it opens the dialog on the register the window has open at that moment."""

    def __init__(
        self, window: "MainWindow", *, today: dt.date | None = None, backups: Path | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self._today = today
        self._backups = backups
        self.clean_up_action = QAction(tr("&Gallring av personuppgifter…"), window)
        self.clean_up_action.setStatusTip(
            tr("Anonymisera deltagare, gruppledare och tolkar vars uppgifter inte längre behövs")
        )
        self.clean_up_action.triggered.connect(self.open_clean_up)

    def open_clean_up(self) -> "CleanUpDialog":
        """Show the Gallring dialog; when it closes, the window's page reads the register afresh."""
        from biv_desktop.ui.privacy.clean_up_dialog import CleanUpDialog  # loaded when first opened

        dialog = CleanUpDialog(
            self.window.database, today=self._today, backups=self._backups, parent=self.window
        )
        dialog.exec()
        if dialog.anonymised:
            self.window.current_page().refresh()
        return dialog


def install_privacy_actions(
    window: "MainWindow", menu: QMenu, *, today: dt.date | None = None, backups: Path | None = None
) -> PrivacyActions:
    """Add Gallring av personuppgifter… to ``menu`` (the window's Arkiv menu), after a separator."""
    actions = PrivacyActions(window, today=today, backups=backups)
    menu.addSeparator()
    menu.addAction(actions.clean_up_action)
    return actions
