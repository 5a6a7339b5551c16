"""The group view's 'Utskrifter' menu: the group's schedule, the contact list and the diplomas, each previewed."""

import datetime as dt

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.store.database import Database
from biv_desktop.ui.groups.group_printouts import print_contact_list, print_diplomas, printouts_button
from biv_desktop.ui.printing.preview import SheetPreviewDialog
from support import factories


def test_the_menu_offers_the_three_handouts_and_each_opens_a_preview(
    qtbot: QtBot, database: Database
) -> None:
    group = factories.group(database, premises_id=factories.premises(database), running=True)
    factories.participants_in(database, group.id, ["Hodan", "Samir"])
    parent = QWidget()
    qtbot.addWidget(parent)
    button = printouts_button(parent, database, lambda: group.id, dt.date(2026, 2, 10))
    assert [action.text() for action in button.menu().actions()] == [
        "Gruppens schema och kalenderfil…",
        "Kontaktlista för gruppledarna…",
        "Diplom till avslutningen…",
        "Utvärdering att dela ut…",
    ]

    print_contact_list(parent, database, group.id, dt.date(2026, 2, 10))
    print_diplomas(parent, database, group.id)
    button.menu().actions()[3].trigger()

    previews = parent.findChildren(SheetPreviewDialog)
    assert len(previews) == 3
    forms = next(p for p in previews if p.windowTitle().startswith("Utvärdering att dela ut"))
    assert len(forms.page_labels) == 2  # one form for each of the two participants
    assert previews[0].windowTitle().startswith("Kontaktlista") or previews[1].windowTitle().startswith(
        "Kontaktlista"
    )
