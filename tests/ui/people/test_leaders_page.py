"""The group leaders page: listed, searched, opened with Enter, edited in the dialog, sessions ahead below."""

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.services.staff.leaders import list_leaders
from biv_desktop.services.staff.people import list_languages
from biv_desktop.ui.people.leader_dialog import LeaderDialog
from biv_desktop.ui.people.leaders_page import LeadersPage
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> LeadersPage:
    return shown(qtbot, LeadersPage(register.database, register.today))


def names(page: LeadersPage) -> list[str]:
    return [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]


def save_button(dialog: LeaderDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_the_leaders_are_listed_by_name_with_their_sessions_ahead(
    page: LeadersPage, qtmodeltester: Any
) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert names(page) == ["Anders Bergvik", "Johan Ekdal", "Karin Holmgren", "Leyla Samadi"]
    assert page.count_label.text() == "Visar 4 av 4 gruppledare"

    page.select_where(lambda row: row.first_name == "Leyla")

    assert page.details.name.text() == "Leyla Samadi"
    # Leyla leads the Somali parents (sessions 6–14 ahead) and the Dari children (7–14).
    assert page.details.ahead_heading.text() == "Kommande träffar (17)"
    first = [page.details.upcoming.model.index(0, column).data() for column in range(6)]
    assert first == ["2026-03-11", "onsdag 11 mars", "17:00–19:00", "BIS Dari 13–15 år, Skäggetorp, vt 2026", "7",
                     "Skäggetorps kyrkcenter"]  # fmt: skip


def test_enter_opens_the_chosen_leader_and_the_edit_is_saved(
    qtbot: QtBot,
    page: LeadersPage,
    monkeypatch: pytest.MonkeyPatch,
    type_text: Callable[[QWidget, str], None],
) -> None:
    somali = next(language.id for language in list_languages(page.database) if language.name == "somaliska")

    def fill_in(dialog: LeaderDialog) -> int:
        assert dialog.first_name.text() == "Karin"
        dialog.phone.setText("070-174 06 21")
        type_text(dialog.email, "karin.holmgren@example.se")
        dialog.languages.set_checked({somali})
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(LeaderDialog, "exec", fill_in)
    page.select_where(lambda row: row.first_name == "Karin")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    karin = next(row for row in list_leaders(page.database, page.today) if row.first_name == "Karin")
    assert (karin.phone, karin.email, karin.language_names) == (
        "070-174 06 21",
        "karin.holmgren@example.se",
        ("somaliska",),
    )
    assert page.current_row() == karin
    assert page.details.values["Språk"].text() == "somaliska"


def test_a_bad_email_is_explained_beside_the_field_and_the_text_stays(
    qtbot: QtBot, page: LeadersPage
) -> None:
    karin = next(row for row in page.model.rows() if row.first_name == "Karin")
    dialog = LeaderDialog(page.database, list_languages(page.database), karin, page.today, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.email.setText("karin.example.se")

    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.saved is None
    assert dialog.errors.message_for("email") == "E-post ser inte ut som en e-postadress (namn@exempel.se)."
    assert dialog.email.text() == "karin.example.se"
    qtbot.waitUntil(dialog.email.hasFocus)
    assert list_leaders(page.database, page.today) == page.model.rows()


def test_ctrl_n_adds_a_leader(qtbot: QtBot, page: LeadersPage, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_in(dialog: LeaderDialog) -> int:
        assert dialog.windowTitle() == "Ny gruppledare"
        dialog.first_name.setText("Mira")
        dialog.last_name.setText("Lindqvist")
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(LeaderDialog, "exec", fill_in)
    page.activateWindow()
    qtbot.waitActive(page)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert "Mira Lindqvist" in names(page)
    assert page.current_row() is not None and page.current_row().full_name == "Mira Lindqvist"  # type: ignore[union-attr]


def test_deactivating_a_booked_leader_asks_first_and_the_list_then_shows_inactive_ones(
    qtbot: QtBot, page: LeadersPage, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    def deactivate(dialog: LeaderDialog) -> int:
        dialog.active.setChecked(False)
        assert dialog.active_note.text() == "Blir inaktiv från och med i dag, 2026-03-10."
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(LeaderDialog, "exec", deactivate)
    message_boxes.presses = ["Spara ändå"]
    page.select_where(lambda row: row.first_name == "Johan")
    page.open_current()

    [box] = message_boxes.shown
    assert box["informative"] == (
        "• Johan Ekdal är bokad på 9 träffar framöver. Bokningarna ligger kvar tills du byter gruppledare i schemat."
    )
    assert page.show_inactive.isChecked()
    assert page.details.values["Status"].text() == "Inaktiv sedan 2026-03-10"

    page.show_inactive.setChecked(False)
    assert "Johan Ekdal" not in names(page)
    assert page.count_label.text() == "Visar 3 av 4 gruppledare"


def test_typing_in_the_search_field_narrows_the_list(
    page: LeadersPage, type_text: Callable[[QWidget, str], None]
) -> None:
    type_text(page.search, "samadi")
    assert names(page) == ["Leyla Samadi"]
