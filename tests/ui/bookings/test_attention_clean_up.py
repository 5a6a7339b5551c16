"""The overview's 'Gallring' tab: how many people are due for clean-up, by role, and the way into the view."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from biv_desktop.services.privacy import due_for_clean_up
from biv_desktop.store.database import Database
from biv_desktop.ui.overview.attention import AttentionPanel
from biv_desktop.ui.privacy import clean_up_dialog
from support import factories

TODAY = dt.date(2027, 6, 1)


@pytest.fixture
def panel(qtbot: QtBot, database: Database) -> AttentionPanel:
    group = factories.group(database, premises_id=factories.premises(database), running=True)
    factories.participants_in(database, group.id, ["Hodan", "Samir"])
    factories.finish(database, group.id, dt.date(2026, 5, 5))
    widget = AttentionPanel(database)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh(TODAY)
    return widget


def test_the_tab_says_how_many_are_due(panel: AttentionPanel, database: Database) -> None:
    due = due_for_clean_up(database, TODAY)
    assert len(due) == 2
    assert panel.tabText(2) == "Gallring (2)"
    assert panel.clean_up.summary.text() == "2 personer ska gallras: deras uppgifter behövs inte längre."
    assert panel.clean_up.detail.text().startswith("2 barn. Gallringen anonymiserar")
    assert panel.clean_up.open_button.isEnabled()


def test_the_button_opens_the_clean_up_view(panel: AttentionPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[clean_up_dialog.CleanUpDialog] = []

    def shown(dialog: clean_up_dialog.CleanUpDialog) -> int:
        opened.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(clean_up_dialog.CleanUpDialog, "exec", shown)
    panel.clean_up.open_button.click()

    assert len(opened) == 1
    assert opened[0].windowTitle() == "Gallring av personuppgifter"
