"""The group view's 'Utskrifter' button: a menu of what a group's leaders are handed besides the
attendance sheets: the group's schedule and calendar file, the contact list, the diplomas and the evaluation form to hand out."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from biv_desktop.services.printing import ContactList, Diplomas, closing_diplomas, contact_list
from biv_desktop.store.database import Database
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.followup.evaluation_printing import print_evaluation_forms
from biv_desktop.ui.printing.preview import open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting
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
    menu.addAction(
        tr("Kontaktlista för gruppledarna…"), lambda: print_contact_list(parent, database, group_id(), today)
    )
    menu.addAction(tr("Diplom till avslutningen…"), lambda: print_diplomas(parent, database, group_id()))
    menu.addAction(
        tr("Utvärdering att dela ut…"), lambda: print_evaluation_forms(parent, database, group_id(), today)
    )
    button.setMenu(menu)
    return button


def print_diplomas(parent: QWidget, database: Database, group_id: int) -> None:
    """Preview the diplomas of everyone in the group at its closing session, one page each."""
    found = service_result(parent, tr("Diplom"), lambda: closing_diplomas(database, group_id))
    if found is None:
        return
    title = tr("Diplom – {group}").format(group=found.group_name)
    job = SheetPrinting(
        parent, title, f"diplom-grupp-{group_id}.pdf", lambda path, _progress: _diplomas(path, found)
    )
    open_preview(parent, [(title, job)])


def print_contact_list(parent: QWidget, database: Database, group_id: int, today: dt.date) -> None:
    """Preview the running group's contact list, to print or save; a message if the group is not running."""
    listing = service_result(parent, tr("Kontaktlista"), lambda: contact_list(database, group_id, today))
    if listing is None:
        return
    title = tr("Kontaktlista – {group}").format(group=listing.group_name)
    job = SheetPrinting(
        parent,
        title,
        f"kontaktlista-grupp-{group_id}.pdf",
        lambda path, _progress: _contact_list(path, listing, today),
    )
    open_preview(parent, [(title, job)])


# The writers (and reportlab with them) are imported when a handout is first made, not with the group view.
def _diplomas(path: Path, found: Diplomas) -> Path:
    from biv_desktop.reports.diplomas import write_diplomas

    return write_diplomas(path, found)


def _contact_list(path: Path, listing: ContactList, today: dt.date) -> Path:
    from biv_desktop.reports.contacts import write_contact_list

    return write_contact_list(path, listing, today)
