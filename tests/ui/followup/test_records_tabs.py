"""The Kommunikation and Avtal tabs: efforts and agreements added, edited and removed through their editors."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Channel, Party
from biv_desktop.services.followup.agreements import list_agreements
from biv_desktop.services.followup.communication import list_efforts
from biv_desktop.ui.followup.agreement_dialog import AgreementDialog
from biv_desktop.ui.followup.communication_tab import EffortDialog
from biv_desktop.ui.followup.page import FollowUpPage


def save(qtbot: QtBot, dialog: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_an_effort_is_added_listed_and_removed(
    qtbot: QtBot,
    page: FollowUpPage,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
    type_text: Callable[[QWidget, str], None],
    register: Any,
    qtmodeltester: Any,
) -> None:
    page.tabs.setCurrentWidget(page.communication)
    tab = page.communication
    assert tab.count_label.text() == "Inga kommunikationsinsatser är registrerade ännu."
    errors: list[str] = []

    def fill_in(dialog: EffortDialog) -> int:
        save(qtbot, dialog)  # no description yet: refused beside the field
        errors.append(dialog.errors.message_for("description"))
        dialog.date.setDate(QDate(2026, 2, 12))
        dialog.party.setCurrentIndex(dialog.party.findData(Party.MUNICIPALITY.value))
        dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.MEETING.value))
        type_text(dialog.audience, "Socialsekreterare")
        type_text(dialog.description, "Informerade på enhetsmötet om grupperna på dari och somaliska.")
        save(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(EffortDialog, "exec", fill_in)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)

    assert errors == ["Beskriv kort vad som gjordes, t.ex. ”Informerade på APT”."]
    (effort,) = list_efforts(register.database)
    assert (effort.date, effort.party, effort.channel, effort.audience) == (
        dt.date(2026, 2, 12),
        Party.MUNICIPALITY,
        Channel.MEETING,
        "Socialsekreterare",
    )
    qtmodeltester.check(tab.proxy)
    assert [tab.proxy.index(0, column).data() for column in range(4)] == [
        "2026-02-12",
        "Kommunen",
        "Möte",
        "Socialsekreterare",
    ]
    tab.search.setText("somaliska")
    assert tab.proxy.rowCount() == 1
    tab.search.setText("webbplats")
    assert tab.proxy.rowCount() == 0
    tab.search.clear()

    message_boxes.presses = ["Ta bort"]
    tab.select_id(effort.id)
    tab.table.setFocus()
    tab.delete_current()
    assert list_efforts(register.database) == []


def test_a_new_agreement_continues_the_latest_and_asks_about_parts_that_do_not_add_up(
    qtbot: QtBot,
    page: FollowUpPage,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
    register: Any,
    qtmodeltester: Any,
) -> None:
    page.tabs.setCurrentWidget(page.agreements)
    tab = page.agreements
    assert tab.count_label.text() == (
        "I dag gäller IOP Barn i väntan/Barn i start 2025–2026. Avtalsåret: 2025-04-01 – 2026-03-31."
    )
    assert tab.proxy.index(0, 7).data() == "Ja"
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)

    def fill_in(dialog: AgreementDialog) -> int:
        assert dialog.name.text() == "IOP Barn i väntan/Barn i start 2026/2027"
        assert (dialog.starts_on.date(), dialog.ends_on.date()) == (QDate(2026, 4, 1), QDate(2027, 3, 31))
        assert dialog.municipal_amount.value() == 300_500
        dialog.funding.add_part("Avdelningens budget", 100_000)
        dialog.funding.add_part("Statsbidrag för föräldraskapsstöd", 190_000)
        assert dialog.funding.total.text() == "Summa: 290 000 kr – skiljer sig från kommunens belopp"
        save(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(AgreementDialog, "exec", fill_in)
    message_boxes.presses = ["Spara ändå"]
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)

    assert message_boxes.shown[0]["informative"] == (
        "• Delarna av kommunens belopp blir tillsammans 290 000 kr, men kommunens belopp är 300 500 kr."
    )
    latest = list_agreements(register.database)[0]
    assert (latest.starts_on, latest.parts_total_sek) == (dt.date(2026, 4, 1), 290_000)
    assert tab.current_row() == latest
    assert tab.proxy.rowCount() == 2


def test_an_agreement_that_ends_before_it_starts_stays_open_with_the_reason(
    qtbot: QtBot, page: FollowUpPage, monkeypatch: pytest.MonkeyPatch, register: Any
) -> None:
    page.tabs.setCurrentWidget(page.agreements)
    seen: list[str] = []

    def fill_in(dialog: AgreementDialog) -> int:
        dialog.ends_on.setDate(QDate(2025, 1, 1))
        save(qtbot, dialog)
        seen.append(dialog.errors.message_for("ends_on"))
        return dialog.result()

    monkeypatch.setattr(AgreementDialog, "exec", fill_in)
    page.agreements.select_id(list_agreements(register.database)[0].id)
    page.agreements.open_current()
    assert seen == ["Avtalets sista dag (2025-01-01) måste ligga efter dess första dag (2025-04-01)."]
    assert list_agreements(register.database)[0].ends_on == dt.date(2026, 3, 31)
