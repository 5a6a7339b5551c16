"""The Frågeformulär tab of the settings: questions and options added, moved, edited and deleted, then saved."""

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from biv_desktop.services.followup.feedback import feedback_form, feedback_groups, save_feedback
from biv_desktop.services.followup.questionnaires import list_questionnaires
from biv_desktop.ui.settings.page import SettingsPage


def settings(qtbot: QtBot, register: Any) -> SettingsPage:
    page = SettingsPage(register.database, register.today)
    qtbot.addWidget(page)
    page.resize(1130, 760)
    page.show()
    page.refresh()
    page.tabs.setCurrentWidget(page.questionnaires)
    return page


def top(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    """The tree's item at ``row`` (a question), which must be there."""
    item = tree.topLevelItem(row)
    assert item is not None, row
    return item


def child(item: QTreeWidgetItem, row: int) -> QTreeWidgetItem:
    """The item's child at ``row`` (an option), which must be there."""
    found = item.child(row)
    assert found is not None, row
    return found


def texts(page: SettingsPage) -> list[str]:
    tree = page.questionnaires.tree
    return [top(tree, row).text(0) for row in range(tree.topLevelItemCount())]


def test_questions_are_added_moved_edited_and_saved(qtbot: QtBot, register: Any) -> None:
    page = settings(qtbot, register)
    editor = page.questionnaires
    assert page.tabs.tabText(page.tabs.currentIndex()) == "&Frågeformulär"
    assert editor.name.text() == "Utvärdering barngrupp"
    assert not editor.has_unsaved_changes()

    editor.tree.setCurrentItem(top(editor.tree, 3))
    question = editor.add_question()
    question.setText(0, "Vad var roligast?")
    child(question, 0).setText(0, "Att måla")
    child(question, 1).setText(0, "Att leka")
    option = editor.add_option()
    assert option is not None
    option.setText(0, "Att prata")
    editor.tree.setCurrentItem(question)
    editor.move_current(-1)
    editor.tree.setCurrentItem(top(editor.tree, 0))
    editor.delete_current()
    assert editor.has_unsaved_changes()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    children = list_questionnaires(register.database)[0]
    assert [q.text for q in children.questions] == [
        "Har du fått prata om det du ville?",
        "Känner du dig tryggare nu än när gruppen började?",
        "Vad var roligast?",
        "Skulle du tipsa en kompis om gruppen?",
    ]
    assert [o.label for o in children.questions[2].options] == ["Att måla", "Att leka", "Att prata"]
    assert texts(page) == [q.text for q in children.questions]
    assert not editor.has_unsaved_changes()


def test_a_question_with_one_option_is_refused_and_shown(qtbot: QtBot, register: Any) -> None:
    page = settings(qtbot, register)
    editor = page.questionnaires
    first = top(editor.tree, 0)
    for _ in range(3):
        editor.tree.setCurrentItem(child(first, 0))
        editor.delete_current()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error.text() == "Fråga 1 behöver mellan 2 och 10 svarsalternativ."
    assert editor.tree.currentItem() is first
    assert len(list_questionnaires(register.database)[0].questions[0].options) == 4


def test_deleting_an_answered_option_asks_and_can_be_cancelled(
    qtbot: QtBot, register: Any, message_boxes: Any
) -> None:
    group = next(
        row.id
        for row in feedback_groups(register.database)
        if row.name == "BIV Arabiska 7–9 år, Ryd, ht 2025"
    )
    entry = feedback_form(register.database, group)
    save_feedback(
        register.database, group, dt.date(2025, 12, 1), 4, {entry.questions[0].options[0].id: 4}, []
    )
    page = settings(qtbot, register)
    editor = page.questionnaires
    first = top(editor.tree, 0)
    assert (child(first, 0).text(0), child(first, 0).text(1)) == ("Mycket bra", "4")
    editor.tree.setCurrentItem(child(first, 0))
    editor.delete_current()
    message_boxes.presses = ["Avbryt"]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert message_boxes.shown[0]["informative"] == (
        "• När alternativet ”Mycket bra” i frågan ”Hur har du trivts i gruppen?” tas bort försvinner 4 "
        "inmatade svar ur utvärderingarna."
    )
    assert feedback_form(register.database, group).questions[0].answered == 4
    assert editor.has_unsaved_changes()  # what the user did stays in the editor
