"""Naming what someone on the waiting list waits for: a group (which locks its language and ages), or a
language and an age band, by keyboard, shown in the list's Grupp / Språk / Åldersgrupp columns."""

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.family_panel import ChooseParticipantDialog
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.participants.waiting_dialog import WaitingWishDialog

from .conftest import ARABIC_13_15


def shown(page: ParticipantsPage, column: int) -> list[str]:
    proxy = page.waiting.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def select(page: ParticipantsPage, name: str) -> None:
    page.tabs.setCurrentWidget(page.waiting)
    page.waiting.table.selectRow(shown(page, cols.W_NAME).index(name))


def choosing(name: str) -> Callable[[ChooseParticipantDialog], int]:
    """Stands in for the participant chooser's exec: searches for ``name`` and takes the first row."""

    def choose(dialog: ChooseParticipantDialog) -> int:
        dialog.search.setText(name)
        dialog.table.selectRow(0)
        dialog.accept()
        return int(dialog.result())

    return choose


def test_choosing_a_group_by_keyboard_locks_its_language_and_ages(
    qtbot: QtBot, page: ParticipantsPage, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    seen: dict[str, Any] = {}

    def by_keyboard(dialog: WaitingWishDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= 1366 and dialog.frameGeometry().height() <= 720
        seen["before"] = (dialog.language.isEnabled(), dialog.band.isEnabled(), dialog.group.currentText())
        dialog.group.setFocus()
        order = []
        for _field in range(2):  # Tab goes group → language → age band
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
            order.append(dialog.focusWidget())
        seen["order"] = order == [dialog.language, dialog.band]
        dialog.group.setFocus()
        qtbot.keyClick(dialog.group, Qt.Key.Key_Down)  # the first open children's group: Arabiska 13–15
        seen["after"] = (dialog.language.isEnabled(), dialog.band.isEnabled(), dialog.hint.text())
        qtbot.keyClick(dialog.group, Qt.Key.Key_Return)  # Spara, the default button
        return int(dialog.result())

    monkeypatch.setattr(WaitingWishDialog, "exec", by_keyboard)
    select(page, "Rana Haddad")
    page.waiting.wish_button.click()

    assert seen["before"] == (True, True, "Ingen särskild grupp")
    assert seen["after"] == (False, False, "Gruppen bestämmer språk och ålder: arabiska, 13–15 år.")
    assert seen["order"]
    # Rana is 11: the group's ages were asked about before she was put down for it.
    assert message_boxes.shown == [
        "Kontrollera innan du sparar:\n• Deltagaren är 11 år, gruppen är för 13–15 år."
    ]
    row = shown(page, cols.W_NAME).index("Rana Haddad")
    assert (
        shown(page, cols.W_GROUP)[row],
        shown(page, cols.W_LANGUAGE)[row],
        shown(page, cols.W_BAND)[row],
    ) == (ARABIC_13_15, "arabiska", "13–15 år")
    # Rana is 11: by her own age she would count under 10–12 år; now the group's band counts.
    assert "arabiska 13–15 år: 1" in page.waiting.demand_label.text()
    assert "arabiska 10–12 år" not in page.waiting.demand_label.text()


def test_a_new_entry_can_name_a_language_and_an_age_band(
    page: ParticipantsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def swedish_7_to_9(dialog: WaitingWishDialog) -> int:
        assert dialog.windowTitle() == "Sätt upp en deltagare på väntelistan"
        assert dialog.language.itemText(0) == "Deltagarens modersmål (arabiska)"
        dialog.language.setCurrentIndex(dialog.language.findText("svenska"))
        dialog.band.setCurrentIndex(dialog.band.findText("7–9 år"))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ChooseParticipantDialog, "exec", choosing("Ahmad"))
    monkeypatch.setattr(WaitingWishDialog, "exec", swedish_7_to_9)
    page.tabs.setCurrentWidget(page.waiting)
    page.waiting.add_button.click()

    row = shown(page, cols.W_NAME).index("Ahmad Haddad")
    assert (
        shown(page, cols.W_GROUP)[row],
        shown(page, cols.W_LANGUAGE)[row],
        shown(page, cols.W_BAND)[row],
    ) == (
        "",
        "svenska",
        "7–9 år",
    )
    language_tip = page.waiting.proxy.index(row, cols.W_LANGUAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert language_tip == "Valt på väntelistan"
    # The filters go by what he waits for, not by his own language and age.
    page.waiting.language_filter.setCurrentIndex(page.waiting.language_filter.findText("svenska"))
    page.waiting.band_filter.setCurrentIndex(page.waiting.band_filter.findText("7–9 år"))
    assert shown(page, cols.W_NAME) == ["Ahmad Haddad"]


def test_a_guardian_waits_for_a_parents_group(
    page: ParticipantsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def look(dialog: WaitingWishDialog) -> int:
        seen["groups"] = [dialog.group.itemText(i) for i in range(dialog.group.count())]
        seen["band"] = (dialog.band.isEnabled(), dialog.band.currentText())
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ChooseParticipantDialog, "exec", choosing("Amal"))
    monkeypatch.setattr(WaitingWishDialog, "exec", look)
    page.tabs.setCurrentWidget(page.waiting)
    page.waiting.add_button.click()

    assert len(seen["groups"]) == 2 and seen["groups"][1].startswith("BIV Arabiska föräldrar")
    assert seen["band"] == (False, "Föräldragrupp")
    row = shown(page, cols.W_NAME).index("Amal Haddad")
    assert shown(page, cols.W_BAND)[row] == "föräldragrupp"
