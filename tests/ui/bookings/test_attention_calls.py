"""The overview's 'Behöver ringas' tab: the children to call, counted in the tab, and its settings beside it."""

import datetime as dt
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Mark
from biv_desktop.services.attendance import call_settings
from biv_desktop.store.database import Database
from biv_desktop.ui.overview.attention import AttentionPanel
from support import factories

TODAY = dt.date(2026, 2, 18)


@pytest.fixture
def panel(qtbot: QtBot, database: Database) -> AttentionPanel:
    running = factories.group(database, premises_id=factories.premises(database), running=True)
    people = factories.participants_in(database, running.id, ["Hodan", "Samir"])
    sessions = factories.session_ids(database, running.id)
    factories.marks(database, sessions[1], {people["Hodan"]: Mark.PRESENT, people["Samir"]: Mark.PRESENT})
    factories.marks(
        database, sessions[2], {people["Hodan"]: Mark.ABSENT, people["Samir"]: Mark.NOTIFIED_ABSENCE}
    )
    factories.marks(database, sessions[3], {people["Hodan"]: Mark.ABSENT, people["Samir"]: Mark.ABSENT})
    widget = AttentionPanel(database)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh(TODAY)
    return widget


def test_the_tab_lists_and_counts_the_children_to_call(panel: AttentionPanel, qtmodeltester: Any) -> None:
    qtmodeltester.check(panel.calls.model)
    assert panel.tabText(1) == "Behöver ringas (2)"
    assert [panel.calls.model.index(row, 0).data() for row in range(2)] == [
        "Hodan Testsson",
        "Samir Testsson",
    ]


def test_changing_the_settings_saves_them_and_relists(panel: AttentionPanel, database: Database) -> None:
    panel.calls.count_notified.setChecked(False)
    assert panel.tabText(1) == "Behöver ringas (1)"
    panel.calls.misses.setValue(3)
    assert panel.tabText(1) == "Behöver ringas (0)"
    assert not panel.calls.empty.isHidden()
    assert (call_settings(database).misses, call_settings(database).count_notified) == (3, False)
