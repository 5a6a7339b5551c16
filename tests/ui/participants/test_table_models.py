"""Every table model and filter of the participant screens passes Qt's model tester, which also watches
them while they are refreshed and filtered (one model a test: the tester follows one model at a time)."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from biv_desktop.services.participants.enrolment import enrol
from biv_desktop.ui.participants.enrol_dialogs import EnrolDialog, EnrolInGroupDialog
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.participants.participant_dialog import ParticipantDialog

PAGE_MODELS: dict[str, tuple[Callable[[ParticipantsPage], Any], int]] = {
    "register": (lambda page: page.register.model, 4),
    "register filter": (lambda page: page.register.proxy, 4),
    "families": (lambda page: page.families.model, 2),
    "families filter": (lambda page: page.families.proxy, 2),
    "family members": (lambda page: page.families.panel.model, 3),
    "waiting list": (lambda page: page.waiting.model, 2),
    "waiting list filter": (lambda page: page.waiting.proxy, 2),
}


@pytest.mark.parametrize("name", list(PAGE_MODELS))
def test_a_page_table_passes_the_model_tester(
    qtmodeltester: ModelTester, page: ParticipantsPage, people: Any, name: str
) -> None:
    enrol(people.database, people.participants["Ahmad"], people.groups["13-15"], dt.date(2026, 2, 3))
    page.refresh()
    page.show_family(people.families["Haddad"])
    page.tabs.setCurrentWidget(page.waiting)
    get_model, rows = PAGE_MODELS[name]
    model = get_model(page)
    assert model.rowCount() == rows
    qtmodeltester.check(model, force_py=True)
    # Watched from here on: searching, filtering and reading the register again.
    for tab in (page.register, page.families, page.waiting):
        tab.search.setText("رنا")
        tab.search.setText("haddad 11")
        tab.search.clear()
        tab.refresh()
    page.register.consent_filter.setCurrentIndex(2)
    page.show_family(people.families["Noori"])
    page.show_family(people.families["Haddad"])


@pytest.mark.parametrize(
    "which", ["history", "by group", "by group filter", "by participant", "by participant filter"]
)
def test_a_dialog_table_passes_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, people: Any, which: str
) -> None:
    enrol(people.database, people.participants["Ahmad"], people.groups["13-15"], dt.date(2026, 2, 3))
    if which == "history":
        editing = ParticipantDialog(people.database, people.participants["Ahmad"], today=people.today)
        qtbot.addWidget(editing)
        assert editing.history_model.rowCount() == 1
        qtmodeltester.check(editing.history_model, force_py=True)
        return
    if which.startswith("by group"):
        dialog: EnrolDialog | EnrolInGroupDialog = EnrolDialog(
            people.database, people.groups["parents"], today=people.today
        )
        rows = 4
    else:
        dialog = EnrolInGroupDialog(people.database, people.participants["Rana"], today=people.today)
        rows = 2
    qtbot.addWidget(dialog)
    model = dialog.proxy if which.endswith("filter") else dialog.model
    assert model.rowCount() == rows
    qtmodeltester.check(model, force_py=True)
    dialog.search.setText("haddad")
    dialog.search.setText("رنا")
    dialog.search.clear()


def test_an_empty_register_passes_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, database: Any
) -> None:
    empty = ParticipantsPage(database, today=dt.date(2026, 3, 10))
    qtbot.addWidget(empty)
    empty.refresh()
    assert empty.register.count_label.text() == "Inga deltagare registrerade ännu."
    qtmodeltester.check(empty.register.proxy, force_py=True)
    empty.register.search.setText("11")
