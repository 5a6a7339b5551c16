"""The family view (guardians and children together, each with their groups) and the waiting list tab."""

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from biv_desktop.services.participants.enrolment import enrol, leave_group
from biv_desktop.services.participants.families import get_family
from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.families_tab import FamiliesTab
from biv_desktop.ui.participants.family_panel import ChooseParticipantDialog
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.participants.participant_dialog import ParticipantDialog
from biv_desktop.ui.participants.waiting_tab import WaitingTab


def members(page: ParticipantsPage, column: int) -> list[str]:
    model = page.families.panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_family_view_shows_guardians_and_children_with_their_groups(
    page: ParticipantsPage, people: Any
) -> None:
    database = people.database
    enrol(database, people.participants["Ahmad"], people.groups["13-15"], dt.date(2026, 2, 3))
    place = enrol(database, people.participants["Amal"], people.groups["parents"], dt.date(2026, 2, 3))
    leave_group(database, place.enrollment_id, dt.date(2026, 2, 24), "Har fått arbete på eftermiddagarna")
    page.refresh()
    page.register.select(people.participants["Rana"])
    page.register.family_button.click()  # Visa familj

    assert page.tabs.currentWidget() is page.families
    panel = page.families.panel
    assert panel.title.text() == "Haddad"
    assert panel.summary.text() == "1 vuxen och 2 barn. Grupperna står under varje person."
    assert members(page, cols.M_ROLE) == ["Förälder", "Barn", "Barn"]
    assert members(page, cols.M_NAME) == ["Amal Haddad", "Ahmad Haddad", "Rana Haddad"]
    assert members(page, cols.M_NATIVE) == ["أمل حداد", "أحمد حداد", "رنا حداد"]
    assert members(page, cols.M_GROUPS) == [
        "BIV Arabiska föräldrar, Ryd, vt 2026 (slutade 2026-02-24)",
        "BIV Arabiska 13–15 år, Ryd, vt 2026 (pågår)",
        "Inga grupper ännu",
    ]
    assert members(page, cols.M_CONSENT) == ["Ja", "Saknas", "Ja"]


def test_a_member_is_taken_out_and_another_moved_in(
    page: ParticipantsPage, people: Any, message_boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.show_family(people.families["Haddad"])
    panel = page.families.panel
    panel.table.selectRow(members(page, cols.M_NAME).index("Ahmad Haddad"))
    panel.remove_button.click()
    assert message_boxes.shown == ["Ta Ahmad Haddad ur familjen Haddad?\nPersonen finns kvar i registret."]
    assert members(page, cols.M_NAME) == ["Amal Haddad", "Rana Haddad"]

    def choose_parisa(dialog: ChooseParticipantDialog) -> int:
        dialog.search.setText("پریسا")
        dialog.table.selectRow(0)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ChooseParticipantDialog, "exec", choose_parisa)
    panel.move_button.click()
    assert members(page, cols.M_NAME) == ["Amal Haddad", "Parisa Noori", "Rana Haddad"]
    assert get_family(people.database, people.families["Noori"], people.today).members == ()
    families = page.families.model.rows()
    assert [(f.name, f.child_count) for f in families] == [("Haddad", 2), ("Noori", 0)]


def test_the_families_list_searches_members_names(page: ParticipantsPage) -> None:
    page.tabs.setCurrentWidget(page.families)
    page.families.search.setText("پریسا")
    proxy = page.families.proxy
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == ["Noori"]


def waiting(page: ParticipantsPage, column: int) -> list[str]:
    proxy = page.waiting.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_the_waiting_list_puts_the_longest_waiting_first(page: ParticipantsPage) -> None:
    page.tabs.setCurrentWidget(page.waiting)
    assert waiting(page, cols.W_NAME) == ["Parisa Noori", "Rana Haddad"]
    assert waiting(page, cols.W_SINCE) == ["2025-11-02", "2026-01-20"]
    assert waiting(page, cols.W_DAYS) == ["128", "49"]
    assert waiting(page, cols.W_LANGUAGE) == ["dari", "arabiska"]
    assert page.waiting.count_label.text() == "Visar 2 av 2 som väntar"
    page.waiting.language_filter.setCurrentIndex(page.waiting.language_filter.findText("arabiska"))
    assert waiting(page, cols.W_NAME) == ["Rana Haddad"]
    page.waiting.language_filter.setCurrentIndex(0)
    page.waiting.band_filter.setCurrentIndex(page.waiting.band_filter.findText("13–15 år"))
    assert waiting(page, cols.W_NAME) == ["Parisa Noori"]


def test_the_waiting_list_takes_someone_off(page: ParticipantsPage, message_boxes: Any) -> None:
    page.tabs.setCurrentWidget(page.waiting)
    page.waiting.table.selectRow(0)
    page.waiting.remove_button.click()
    assert message_boxes.shown == ["Ta bort Parisa Noori från väntelistan?\n"]
    assert waiting(page, cols.W_NAME) == ["Rana Haddad"]
    # The register, shown next, knows.
    page.tabs.setCurrentWidget(page.register)
    parisa = next(row for row in page.register.model.rows() if row.first_name == "Parisa")
    assert parisa.waiting_since is None


def test_a_new_family_member_is_registered_into_the_family(
    page: ParticipantsPage, people: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_in(dialog: ParticipantDialog) -> int:
        dialog.first_name.setText("Sami")
        dialog.birth_year.setValue(2017)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ParticipantDialog, "exec", fill_in)
    page.show_family(people.families["Noori"])
    page.families.panel.add_button.click()
    assert members(page, cols.M_NAME) == ["Parisa Noori", "Sami"]


def test_the_waiting_list_shows_the_demand_per_language_and_age(page: ParticipantsPage) -> None:
    page.tabs.setCurrentWidget(page.waiting)
    text = page.waiting.demand_label.text()
    assert text.startswith("Väntar per språk och ålder: ")
    assert "dari " in text and "arabiska " in text


def test_the_families_and_waiting_tabs_are_built_when_first_shown_and_read_the_register_then(
    qtbot: QtBot, page: ParticipantsPage, people: Any
) -> None:
    tabs = page.tabs
    assert [tabs.tabText(index) for index in range(tabs.count())] == [
        "&Deltagare",
        "Famil&jer",
        "Vän&telista",
    ]
    # Opened on the register, the page has built nothing for the other two tabs yet.
    assert not isinstance(tabs.widget(1), FamiliesTab) and not isinstance(tabs.widget(2), WaitingTab)

    page.activateWindow()
    qtbot.waitActive(page)
    page.register.table.setFocus()
    qtbot.keyClick(page.register.table, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)  # Famil&jer
    assert tabs.currentIndex() == 1 and tabs.currentWidget() is page.families
    assert isinstance(tabs.widget(1), FamiliesTab) and not isinstance(tabs.widget(2), WaitingTab)
    proxy = page.families.proxy
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == ["Haddad", "Noori"]
    assert [tabs.tabText(index) for index in range(tabs.count())] == [
        "&Deltagare",
        "Famil&jer",
        "Vän&telista",
    ]

    tabs.setCurrentIndex(2)
    assert tabs.currentWidget() is page.waiting and page.waiting.proxy.rowCount() == 2
    assert page.search_field() is page.waiting.search
