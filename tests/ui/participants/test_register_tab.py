"""The register tab: searching in either script or by age, the filters, and who lacks consent."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.participants.participant_dialog import ParticipantDialog


def shown(page: ParticipantsPage, column: int = cols.NAME) -> list[str]:
    proxy = page.register.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_the_register_lists_everyone_with_what_the_coordinator_needs(page: ParticipantsPage) -> None:
    assert shown(page) == ["Ahmad Haddad", "Amal Haddad", "Rana Haddad", "Parisa Noori"]
    assert page.register.count_label.text() == "Visar 4 av 4 deltagare · 1 saknar samtycke"
    proxy = page.register.proxy
    rana = shown(page).index("Rana Haddad")
    values = [proxy.index(rana, column).data() for column in range(proxy.columnCount())]
    assert values == [
        "Rana Haddad",
        "رنا حداد",
        "Haddad",
        "11 (2015)",
        "Flicka",
        "arabiska",
        "BIV",
        "Skäggetorp",
        "Ja",
        "2026-01-20",
        "",
    ]
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    assert headers == [
        "Namn",
        "Namn på eget språk",
        "Familj",
        "Ålder (född)",
        "Kön",
        "Språk",
        "Program",
        "Område",
        "Samtycke",
        "Väntar",
        "Grupp nu",
    ]


def test_a_name_in_arabic_script_finds_the_participant(
    page: ParticipantsPage, type_text: Callable[[QWidget, str], None]
) -> None:
    page.register.search.setFocus()
    type_text(page.register.search, "رنا")
    assert page.register.search.text() == "رنا"
    assert shown(page) == ["Rana Haddad"]

    page.register.search.setText("حداد")
    assert shown(page) == ["Ahmad Haddad", "Amal Haddad", "Rana Haddad"]
    # Typed without the hamza, as most keyboards leave it out.
    page.register.search.setText("احمد")
    assert shown(page) == ["Ahmad Haddad"]


def test_a_number_finds_the_age_or_the_birth_year(qtbot: QtBot, page: ParticipantsPage) -> None:
    qtbot.keyClicks(page.register.search, "11")
    assert shown(page) == ["Rana Haddad"]
    page.register.search.clear()
    qtbot.keyClicks(page.register.search, "2013")
    assert shown(page) == ["Parisa Noori"]
    page.register.search.clear()
    qtbot.keyClicks(page.register.search, "dari")
    assert shown(page) == ["Parisa Noori"]
    page.register.search.clear()
    qtbot.keyClicks(page.register.search, "haddad 13-15")
    assert shown(page) == ["Ahmad Haddad"]


def test_the_filters_and_who_lacks_consent(page: ParticipantsPage) -> None:
    choose(page.register.consent_filter, "Saknar samtycke")
    assert shown(page) == ["Ahmad Haddad"]
    assert shown(page, cols.CONSENT) == ["Saknas"]
    assert page.register.proxy.index(0, cols.CONSENT).data(Qt.ItemDataRole.ForegroundRole) is not None
    choose(page.register.consent_filter, "Alla")
    choose(page.register.role_filter, "Förälder")
    assert shown(page) == ["Amal Haddad"]
    choose(page.register.role_filter, "Alla")
    choose(page.register.programme_filter, "BIS")
    assert shown(page) == ["Parisa Noori"]
    choose(page.register.programme_filter, "Alla")
    choose(page.register.language_filter, "arabiska")
    assert page.register.count_label.text() == "Visar 3 av 4 deltagare · 1 saknar samtycke"


def test_sorting_by_age_puts_the_youngest_first(page: ParticipantsPage) -> None:
    page.register.table.sortByColumn(cols.AGE, Qt.SortOrder.AscendingOrder)
    assert shown(page, cols.AGE) == ["11 (2015)", "13 (2013)", "14 (2012)", "40 (1986)"]


def test_the_waiting_button_puts_on_and_takes_off(
    page: ParticipantsPage, people: Any, message_boxes: Any
) -> None:
    register = page.register
    register.select(page.register.model.rows()[0].id)  # Ahmad, not waiting
    assert register.waiting_button.text() == "Sätt på &väntelistan"
    register.waiting_button.click()
    assert register.current() is not None
    assert register.current().waiting_since == people.today  # type: ignore[union-attr]
    assert register.waiting_button.text() == "Ta bort från &väntelistan"
    register.waiting_button.click()
    assert message_boxes.shown == ["Ta bort Ahmad Haddad från väntelistan?\n"]
    assert register.current().waiting_since is None  # type: ignore[union-attr]


def test_enter_opens_the_chosen_participant_and_ctrl_n_registers_a_new_one(
    qtbot: QtBot, page: ParticipantsPage, people: Any, monkeypatch: Any
) -> None:
    opened: list[str] = []

    def record(dialog: ParticipantDialog) -> int:
        opened.append(dialog.windowTitle())
        if dialog.windowTitle() == "Ny deltagare":
            dialog.first_name.setText("Sami")
            dialog.last_name.setText("Noori")
            dialog.birth_year.setValue(2017)
            dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ParticipantDialog, "exec", record)
    page.activateWindow()
    qtbot.waitActive(page)
    page.register.search.setText("parisa")
    page.register.table.setFocus()
    page.register.table.selectRow(0)
    qtbot.keyClick(page.register.table, Qt.Key.Key_Return)
    assert opened == ["Parisa Noori"]

    qtbot.keyClick(page.register.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Parisa Noori", "Ny deltagare"]
    # The new participant is chosen, the search that hid her cleared.
    assert page.register.search.text() == ""
    current = page.register.current()
    assert current is not None and current.name == "Sami Noori"


def test_register_extract_and_deletion_on_request_act_on_the_chosen_participant(
    qtbot: QtBot, page: ParticipantsPage, monkeypatch: Any
) -> None:
    from biv_desktop.ui.participants import register_tab

    calls: list[tuple[str, int]] = []

    def delete_on_request(_parent: object, _database: object, participant_id: int, **_kwargs: object) -> bool:
        calls.append(("delete", participant_id))
        return False

    monkeypatch.setattr(
        register_tab,
        "export_register_extract",
        lambda _parent, _database, participant_id=None, **_kwargs: calls.append(("extract", participant_id)),
    )
    monkeypatch.setattr(register_tab, "delete_participant_on_request", delete_on_request)
    tab = page.register
    tab.table.clearSelection()
    tab.table.setCurrentIndex(tab.table.model().index(-1, 0))
    rana = shown(page).index("Rana Haddad")
    tab.table.selectRow(rana)
    chosen = tab.current()
    assert chosen is not None and chosen.name == "Rana Haddad"
    assert tab.extract_button.isEnabled() and tab.delete_button.isEnabled()
    qtbot.mouseClick(tab.extract_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert calls == [("extract", chosen.id), ("delete", chosen.id)]


def test_arrow_down_from_the_search_reaches_the_first_participant_found(
    qtbot: QtBot, page: ParticipantsPage
) -> None:
    tab = page.register
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "Parisa")
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is tab.table
    current = tab.current()
    assert current is not None and current.name.startswith("Parisa")


def test_the_chosen_participant_stays_chosen_while_the_search_still_shows_them(
    qtbot: QtBot, page: ParticipantsPage, people: Any
) -> None:
    register = page.register
    register.select(people.participants["Rana"])
    qtbot.keyClicks(register.search, "had")
    assert shown(page) == ["Ahmad Haddad", "Amal Haddad", "Rana Haddad"]
    assert register.current() is not None and register.current().name == "Rana Haddad"  # type: ignore[union-attr]
    assert register.edit_button.isEnabled()
    qtbot.keyClicks(register.search, "dad noori")  # "haddad noori": nobody
    assert shown(page) == []
    assert register.current() is None
    assert not register.edit_button.isEnabled() and not register.family_button.isEnabled()
    register.search.clear()
    assert shown(page) == ["Ahmad Haddad", "Amal Haddad", "Rana Haddad", "Parisa Noori"]
    assert register.current() is None and not register.edit_button.isEnabled()


def test_a_search_keeps_the_order_the_header_chose(qtbot: QtBot, page: ParticipantsPage) -> None:
    page.register.table.sortByColumn(cols.AGE, Qt.SortOrder.DescendingOrder)
    assert shown(page) == ["Amal Haddad", "Ahmad Haddad", "Parisa Noori", "Rana Haddad"]
    qtbot.keyClicks(page.register.search, "haddad")
    assert shown(page) == ["Amal Haddad", "Ahmad Haddad", "Rana Haddad"]
    for _char in "haddad":
        qtbot.keyClick(page.register.search, Qt.Key.Key_Backspace)
    assert shown(page) == ["Amal Haddad", "Ahmad Haddad", "Parisa Noori", "Rana Haddad"]
    page.register.table.sortByColumn(cols.NAME, Qt.SortOrder.DescendingOrder)
    assert shown(page) == ["Parisa Noori", "Rana Haddad", "Amal Haddad", "Ahmad Haddad"]
