"""The group view's 'Utskrifter' button: a menu of what a group's leaders are handed besides the
attendance sheets (the group's schedule and calendar file, and more as they are added)."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from biv_desktop.store.database import Database
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.schedules.export_dialog import open_group_schedule

tr = translator("GroupPrintouts")


def printouts_button(
    parent: QWidget, database: Database, group_id: Callable[[], int], today: dt.date
) -> QPushButton:
    """A button whose menu prints or saves the group's handouts; ``group_id`` gives the group shown now."""
    button = QPushButton(tr("&Utskrifter"))
    button.setAutoDefault(False)
    menu = QMenu(button)
    menu.addAction(
        tr("Gruppens schema och kalenderfil…"),
        lambda: open_group_schedule(parent, database, group_id(), today),
    )
    button.setMenu(menu)
    return button
