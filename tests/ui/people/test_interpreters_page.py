"""The interpreters page and the interpreter suggestions the group dialog uses."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.services.groups.listing import list_groups
from biv_desktop.services.staff.people import list_languages
from biv_desktop.ui.people.interpreter_dialog import InterpreterDialog
from biv_desktop.ui.people.interpreters_page import InterpretersPage
from biv_desktop.ui.people.suggestions import (
    InterpreterSuggestions,
    InterpreterSuggestionsDialog,
    choose_interpreter,
)
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> InterpretersPage:
    return shown(qtbot, InterpretersPage(register.database, register.today), None)


def group_id(register: Any, name_start: str) -> int:
    return next(group.id for group in list_groups(register.database) if group.name.startswith(name_start))


def test_the_interpreter_and_the_bookings_ahead_are_shown(page: InterpretersPage, qtmodeltester: Any) -> None:
    qtmodeltester.check(page.model)
    page.select_where(lambda row: True)
    row = [page.proxy.index(0, column).data() for column in range(page.proxy.columnCount())]
    assert row == ["Yusuf Warsame", "somaliska", "Tolkförmedling", "", "", "18", "2026-03-10", "Aktiv"]
    assert page.details.ahead_heading.text() == "Kommande bokningar (18)"
    qtmodeltester.check(page.details.upcoming.model)


def test_a_new_interpreter_without_a_language_is_refused_beside_the_languages(
    qtbot: QtBot, page: InterpretersPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    arabic = next(language.id for language in list_languages(page.database) if language.name == "arabiska")
    messages: list[str] = []

    def fill_in(dialog: InterpreterDialog) -> int:
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        dialog.first_name.setText("Rana")
        dialog.engagement.setCurrentIndex(dialog.engagement.findText("Frilans"))
        assert not dialog.agency_name.isEnabled()
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        messages.append(dialog.errors.message_for("language_ids"))
        dialog.languages.set_checked({arabic})
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(InterpreterDialog, "exec", fill_in)
    page.new_button.click()

    assert messages == ["Välj minst ett språk som tolken tolkar på."]
    rana = page.current_row()
    assert rana is not None
    assert (rana.full_name, rana.language_names, rana.engagement_label) == ("Rana", ("arabiska",), "Frilans")


def test_suggestions_for_a_group_list_who_speaks_its_language(
    qtbot: QtBot, register: Any, qtmodeltester: Any
) -> None:
    chosen: list[int] = []
    widget = InterpreterSuggestions(register.database, register.today)
    qtbot.addWidget(widget)
    widget.chosen.connect(chosen.append)
    widget.show()

    widget.show_for_group(group_id(register, "BIV Somaliska 10–12"))

    qtmodeltester.check(widget.model)
    [yusuf] = widget.suggestions()
    cells = [widget.model.index(0, column).data() for column in range(3)]
    assert cells == ["Yusuf Warsame (gruppens tolk nu)", "somaliska", "Ledig alla 9 träffar"]
    assert widget.message.text() == "1 av 1 kan alla gruppens träffar."
    widget.table.setFocus()
    qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    assert chosen == [yusuf.interpreter_id]

    widget.show_for_group(group_id(register, "BIS Dari"))
    assert widget.suggestions() == []
    assert widget.message.text() == (
        "Ingen aktiv tolk talar gruppens språk och är ledig då. Lägg till en tolk under Tolkar."
    )


def test_choose_interpreter_returns_the_pick_or_none(register: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    group = group_id(register, "BIV Somaliska föräldrar")

    def pick_first(dialog: InterpreterSuggestionsDialog) -> int:
        dialog.choose_button.click()
        return dialog.result()

    monkeypatch.setattr(InterpreterSuggestionsDialog, "exec", pick_first)
    picked = choose_interpreter(None, register.database, group, register.today)
    assert picked is not None

    monkeypatch.setattr(
        InterpreterSuggestionsDialog, "exec", lambda dialog: dialog.reject() or dialog.result()
    )
    assert choose_interpreter(None, register.database, group, register.today) is None
