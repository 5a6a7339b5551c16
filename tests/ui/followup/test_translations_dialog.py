"""Översättningar: a questionnaire's texts translated per language in a table, saved or asked about; and the
group's evaluation form printed from the Återkoppling tab with its translation."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableWidgetItem
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import GroupKind
from biv_desktop.services.followup import (
    QuestionnaireDetail,
    TranslationDraft,
    evaluation_form,
    get_translation,
    list_questionnaires,
    save_translation,
)
from biv_desktop.ui.followup.page import FollowUpPage
from biv_desktop.ui.followup.translations_dialog import TRANSLATION, TranslationsDialog
from biv_desktop.ui.printing.preview import SheetPreviewDialog
from biv_desktop.ui.settings.page import SettingsPage
from support.register import language_id

FINISHED = "BIV Arabiska 7–9 år, Ryd, ht 2025"
# Fictional translations, written for these tests.
ARABIC_QUESTION = "كيف كان شعورك في المجموعة؟"
UKRAINIAN_OPTION = "Дуже добре"


def children(register: Any) -> QuestionnaireDetail:
    return next(q for q in list_questionnaires(register.database) if q.kind is GroupKind.CHILDREN)


def dialog_for(qtbot: QtBot, register: Any, language: str) -> TranslationsDialog:
    questionnaire = children(register)
    dialog = TranslationsDialog(register.database, questionnaire.id, questionnaire.name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    choose(dialog, language)
    return dialog


def choose(dialog: TranslationsDialog, language: str) -> None:
    """Pick the language as a user does, from the list."""
    index = next(
        i for i in range(dialog.language.count()) if dialog.language.itemText(i).startswith(language)
    )
    dialog.language.setCurrentIndex(index)
    dialog.language.activated.emit(index)


def cell(dialog: TranslationsDialog, row: int) -> QTableWidgetItem:
    item = dialog.table.item(row, TRANSLATION)
    assert item is not None
    return item


def type_into_cell(dialog: TranslationsDialog, row: int, text: str, type_text: Any) -> QLineEdit:
    item = cell(dialog, row)
    dialog.table.setCurrentItem(item)
    dialog.table.editItem(item)
    editor = dialog.table.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    type_text(editor, text)
    return editor


def test_an_arabic_translation_is_typed_right_to_left_and_saved(
    qtbot: QtBot, register: Any, type_text: Any
) -> None:
    dialog = dialog_for(qtbot, register, "arabiska")
    assert dialog.table.rowCount() == 18  # four questions with fourteen options
    assert dialog.table.item(0, 1).text() == "Hur har du trivts i gruppen?"  # type: ignore[union-attr]
    assert dialog.table.item(1, 1).text().strip() == "Mycket bra"  # type: ignore[union-attr]
    assert dialog.table.horizontalHeaderItem(TRANSLATION).text() == "Översättning till arabiska"  # type: ignore[union-attr]
    editor = type_into_cell(dialog, 0, ARABIC_QUESTION, type_text)
    assert editor.layoutDirection() is Qt.LayoutDirection.RightToLeft
    assert editor.maxLength() == 400
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = get_translation(register.database, children(register).id, language_id(register.database, "ar"))
    assert saved.texts[0].translation == ARABIC_QUESTION
    assert saved.language.translated == 1


def test_a_left_to_right_language_is_edited_from_the_left(
    qtbot: QtBot, register: Any, type_text: Any
) -> None:
    dialog = dialog_for(qtbot, register, "ukrainska")
    editor = type_into_cell(dialog, 1, UKRAINIAN_OPTION, type_text)
    assert editor.layoutDirection() is Qt.LayoutDirection.LeftToRight
    assert editor.maxLength() == 160  # an option's translation


def test_leaving_or_changing_language_with_edits_asks_first(
    qtbot: QtBot, register: Any, message_boxes: Any
) -> None:
    dialog = dialog_for(qtbot, register, "ukrainska")
    cell(dialog, 1).setText(UKRAINIAN_OPTION)

    message_boxes.presses = ["Avbryt"]
    choose(dialog, "arabiska")
    assert message_boxes.shown[-1]["text"] == "Vill du spara ändringarna?"
    assert "översättningen till ukrainska" in message_boxes.shown[-1]["informative"]
    assert dialog.loaded is not None and dialog.loaded.language.name == "ukrainska"  # stayed, edit kept
    assert cell(dialog, 1).text() == UKRAINIAN_OPTION

    message_boxes.presses = ["Spara"]
    choose(dialog, "arabiska")
    assert dialog.loaded is not None and dialog.loaded.language.name == "arabiska"
    ukrainian = language_id(register.database, "uk")
    assert get_translation(register.database, children(register).id, ukrainian).texts[1].translation == (
        UKRAINIAN_OPTION
    )

    cell(dialog, 0).setText(ARABIC_QUESTION)
    message_boxes.presses = ["Spara inte"]
    dialog.reject()
    assert not dialog.isVisible()
    arabic = language_id(register.database, "ar")
    assert get_translation(register.database, children(register).id, arabic).language.translated == 0


def test_a_refused_text_keeps_the_dialog_open_with_the_reason_and_the_cell_chosen(
    qtbot: QtBot, register: Any
) -> None:
    dialog = dialog_for(qtbot, register, "arabiska")
    cell(dialog, 5).setText("سؤال\x07")  # a control character pasted in
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text().startswith("Översättningen av fråga 2 innehåller osynliga styrtecken")
    assert dialog.table.currentRow() == 5
    assert cell(dialog, 5).text() == "سؤال\x07"  # what was typed is kept


def test_the_dialog_fits_a_laptop_screen(qtbot: QtBot, register: Any) -> None:
    dialog = dialog_for(qtbot, register, "arabiska")
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 720
    dialog.resize(1366, 720)
    assert dialog.save_button.isVisible() and dialog.cancel_button.isVisible()


def test_the_questionnaire_tab_opens_the_translations_after_asking_about_its_own_edits(
    qtbot: QtBot, register: Any, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    page = SettingsPage(register.database, register.today)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    editor = page.questionnaires
    opened: list[str] = []

    def record(dialog: TranslationsDialog) -> int:
        opened.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(TranslationsDialog, "exec", record)

    editor.name.setText("Utvärdering för barnen")
    message_boxes.presses = ["Avbryt"]
    editor.translations_button.click()
    assert opened == [] and message_boxes.shown[-1]["text"] == "Vill du spara ändringarna?"

    message_boxes.presses = ["Spara"]
    editor.translations_button.click()
    assert opened == ["Översättningar – Utvärdering för barnen"]
    assert not editor.has_unsaved_changes()


def test_the_feedback_tab_prints_the_groups_form_one_per_participant(
    qtbot: QtBot, page: FollowUpPage, register: Any
) -> None:
    questionnaire = children(register)
    first = questionnaire.questions[0]
    save_translation(
        register.database,
        questionnaire.id,
        language_id(register.database, "ar"),
        TranslationDraft({first.id: ARABIC_QUESTION}),
    )
    page.tabs.setCurrentWidget(page.feedback)
    tab = page.feedback
    group_id = next(row.id for row in tab.model.rows() if row.name == FINISHED)
    form = evaluation_form(register.database, group_id)
    assert form.participants == 4  # the four children still in the group at its end
    tab.select_id(group_id)
    assert tab.print_button.isEnabled()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    (preview,) = tab.findChildren(SheetPreviewDialog)
    qtbot.addWidget(preview)
    assert preview.windowTitle() == f"Utvärdering att dela ut – {FINISHED}"
    assert len(preview.page_labels) == 4  # one page each
    assert preview.choice.itemText(0) == "En per deltagare (4 st)"
    assert preview.choice.itemText(1) == "Ett exemplar att kopiera"
    assert preview.status.text().startswith("17 av 18 texter saknar översättning till arabiska")
    assert preview.current().default_file_name == f"utvardering-grupp-{group_id}.pdf"  # no names in it


def test_the_dialog_opens_on_the_language_furthest_translated(qtbot: QtBot, register: Any) -> None:
    questionnaire = children(register)
    first = questionnaire.questions[0]
    somali = language_id(register.database, "so")
    save_translation(
        register.database,
        questionnaire.id,
        somali,
        TranslationDraft({first.id: "Sidee ayaad kooxda ugu faraxsanayd?"}),
    )
    dialog = TranslationsDialog(register.database, questionnaire.id, questionnaire.name)
    qtbot.addWidget(dialog)
    assert dialog.language.currentText() == "somaliska – 1 av 18 översatta"
    assert dialog.loaded is not None and dialog.loaded.language.id == somali
    assert cell(dialog, 0).text() == "Sidee ayaad kooxda ugu faraxsanayd?"
