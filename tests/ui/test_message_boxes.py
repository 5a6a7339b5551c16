"""Message boxes show names as they were typed: a name pasted with something that looks like markup is
neither made bold nor a link, nor partly dropped."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.confirm import message_box
from biv_desktop.ui.common.unsaved import ask_to_save


def test_a_name_that_looks_like_markup_is_shown_as_typed(qtbot: QtBot) -> None:
    name = "<b>Fet</b> <i>Kursiv</i> ‹Ali> <a href='x'>länk</a>"
    box = message_box(None, QMessageBox.Icon.Question, "Ta bort", f"Ta bort {name}?", f"{name} finns kvar.")
    qtbot.addWidget(box)
    box.show()
    shown = [label for label in box.findChildren(QLabel) if name in label.text()]
    assert len(shown) == 2
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


def test_the_question_before_losing_edits_shows_a_plans_name_as_typed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Qt.TextFormat] = []

    def look(box: QMessageBox) -> int:
        seen.extend(label.textFormat() for label in box.findChildren(QLabel) if "<b>" in label.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    ask_to_save(None, "temaplanen ”<b>Vår</b>”")
    assert seen == [Qt.TextFormat.PlainText]
