"""The Återkoppling tab: groups with and without feedback, and entering a group's counts and quotes."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.services.followup.feedback import feedback_form, groups_missing_feedback
from biv_desktop.ui.followup.feedback_dialog import FeedbackDialog
from biv_desktop.ui.followup.page import FollowUpPage

FINISHED = "BIV Arabiska 7–9 år, Ryd, ht 2025"


@pytest.fixture
def feedback(page: FollowUpPage) -> FollowUpPage:
    page.tabs.setCurrentWidget(page.feedback)
    return page


def rows(page: FollowUpPage) -> dict[str, str]:
    proxy = page.feedback.proxy
    return {proxy.index(row, 0).data(): proxy.index(row, 4).data() for row in range(proxy.rowCount())}


def save_button(dialog: FeedbackDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_the_groups_are_listed_with_the_finished_one_missing_feedback(
    feedback: FollowUpPage, qtmodeltester: Any
) -> None:
    tab = feedback.feedback
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    assert rows(feedback)[FINISHED] == "Saknas"
    assert "BIS Arabiska föräldrar, Ryd, vt 2026" not in rows(feedback)  # planned: nothing to evaluate
    assert tab.count_label.text() == "1 grupp som avslutats under avtalsåret saknar återkoppling."
    tab.show_which.setCurrentIndex(2)  # only groups with feedback
    assert rows(feedback) == {}


def test_entering_counts_for_a_group_saves_them(
    qtbot: QtBot, feedback: FollowUpPage, monkeypatch: pytest.MonkeyPatch, register: Any
) -> None:
    tab = feedback.feedback

    def fill_in(dialog: FeedbackDialog) -> int:
        assert dialog.respondents.value() == 4  # the four children still in the group at its end
        first, second = dialog.questions[0], dialog.questions[1]
        spins = list(first.spins.values())
        spins[0].setValue(3)
        spins[1].setValue(1)
        next(iter(second.spins.values())).setValue(4)
        assert first.answered.text() == "4 av 4 har svarat på frågan"
        dialog.add_quote("Jag lärde mig att prata om det som är svårt.", edit=False)
        dialog.add_quote("=) Bäst var att måla", edit=False)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(FeedbackDialog, "exec", fill_in)
    tab.select_id(next(row.id for row in tab.model.rows() if row.name == FINISHED))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)

    current = tab.current_row()
    assert current is not None
    group_id = current.id
    entry = feedback_form(register.database, group_id)
    assert entry.saved and entry.respondents == 4
    assert [option.count for option in entry.questions[0].options] == [3, 1, 0, 0]
    assert entry.questions[1].answered == 4
    assert entry.quotes == ("Jag lärde mig att prata om det som är svårt.", "=) Bäst var att måla")
    assert rows(feedback)[FINISHED] == "2025-12-01, 4 svarande"
    assert groups_missing_feedback(register.database, register.today) == ()
    assert tab.count_label.text() == "Alla grupper som avslutats under avtalsåret har sin återkoppling."


def test_more_answers_than_respondents_keep_the_form_open_with_the_reason_beside_the_question(
    qtbot: QtBot, feedback: FollowUpPage, monkeypatch: pytest.MonkeyPatch, register: Any
) -> None:
    tab = feedback.feedback
    seen: dict[str, Any] = {}

    def fill_in(dialog: FeedbackDialog) -> int:
        dialog.respondents.setValue(2)
        question = dialog.questions[2]
        for spin in question.spins.values():
            spin.setValue(1)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        seen["result"] = dialog.result()
        seen["error"] = question.error.text() if question.error.isVisibleTo(dialog) else ""
        seen["kept"] = [spin.value() for spin in question.spins.values()]
        return dialog.result()

    monkeypatch.setattr(FeedbackDialog, "exec", fill_in)
    tab.select_id(next(row.id for row in tab.model.rows() if row.name == FINISHED))
    tab.open_current()

    assert seen["result"] == 0
    assert seen["error"].startswith("Fråga 3 har 4 svar men bara 2 svarade på utvärderingen.")
    assert seen["kept"] == [1, 1, 1, 1]
    current = tab.current_row()
    assert current is not None
    assert feedback_form(register.database, current.id).saved is False


def test_removing_feedback_asks_first(
    qtbot: QtBot, feedback: FollowUpPage, monkeypatch: pytest.MonkeyPatch, message_boxes: Any, register: Any
) -> None:
    tab = feedback.feedback
    monkeypatch.setattr(FeedbackDialog, "exec", lambda dialog: (dialog.accept(), dialog.result())[1])
    tab.select_id(next(row.id for row in tab.model.rows() if row.name == FINISHED))
    tab.open_current()
    assert rows(feedback)[FINISHED] != "Saknas"
    message_boxes.presses = ["Ta bort"]
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown[0]["text"] == f"Ta bort återkopplingen för {FINISHED}?"
    assert rows(feedback)[FINISHED] == "Saknas"


def test_a_quote_naming_a_leader_is_refused_and_opened_for_change(
    qtbot: QtBot, feedback: FollowUpPage, monkeypatch: pytest.MonkeyPatch, register: Any
) -> None:
    tab = feedback.feedback
    seen: dict[str, Any] = {}

    def fill_in(dialog: FeedbackDialog) -> int:
        dialog.add_quote("Bäst var att måla", edit=False)
        dialog.add_quote("Karin var snäll mot oss", edit=False)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        seen["result"] = dialog.result()
        seen["error"] = dialog.quotes_error.text() if dialog.quotes_error.isVisibleTo(dialog) else ""
        seen["current"] = dialog.quotes.currentRow()
        return dialog.result()

    monkeypatch.setattr(FeedbackDialog, "exec", fill_in)
    tab.select_id(next(row.id for row in tab.model.rows() if row.name == FINISHED))
    tab.open_current()

    assert seen["result"] == 0
    assert seen["error"].startswith("Citat 2 innehåller ett namn som finns i registret: ”Karin”")
    assert "⟦Karin⟧ var snäll" in seen["error"]
    assert seen["current"] == 1
    current = tab.current_row()
    assert current is not None
    assert feedback_form(register.database, current.id).saved is False
