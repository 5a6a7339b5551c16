"""The overview page shows the fixture register's figures for its fixed day."""

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from biv_desktop.store.database import Database
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.overview import week_table
from biv_desktop.ui.overview.page import OverviewPage

TODAY = dt.date(2026, 3, 10)


def overview_page(window: MainWindow) -> OverviewPage:
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    return page


def test_cards_show_the_agreement_year_against_its_obligations(window: MainWindow) -> None:
    page = overview_page(window)
    assert page.date_label.text() == "I dag är det tisdag 10 mars 2026, vecka 11."
    assert "IOP Barn i väntan/Barn i start 2025–2026, 2025-04-01 – 2026-03-31" in page.agreement_label.text()
    assert (page.groups_card.value_label.text(), page.groups_card.of_label.text()) == ("4", "av 6")
    assert page.groups_card.detail_label.text() == "3 barngrupper, 1 föräldragrupp\n1 grupp till är planerad"
    assert page.running_card.value_label.text() == "3"
    assert page.participants_card.value_label.text() == "12"
    assert (page.training_card.value_label.text(), page.training_card.of_label.text()) == ("2", "av 4")


def test_this_weeks_sessions_are_listed_in_order_with_the_understaffed_one_flagged(
    window: MainWindow,
) -> None:
    page = overview_page(window)
    model = page.week_model
    rows = [
        [model.index(row, column).data() for column in (week_table.DAY, week_table.TIME, week_table.GROUP,
                                                          week_table.NUMBER, week_table.STAFFING)]
        for row in range(model.rowCount())
    ]  # fmt: skip
    assert rows == [
        ["tisdag 10 mars", "17:00–19:00", "BIV Somaliska 10–12 år, Berga, vt 2026", "6", "Bemannad"],
        ["onsdag 11 mars", "17:00–19:00", "BIS Dari 13–15 år, Skäggetorp, vt 2026", "7",
         "Saknar en gruppledare och tolk"],
        ["torsdag 12 mars", "18:00–20:00", "BIV Somaliska föräldrar, Berga, vt 2026", "6", "Bemannad"],
    ]  # fmt: skip
    assert model.index(1, week_table.STAFFING).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, week_table.LEADERS).data() == "Karin Holmgren\nAnders Bergvik"
    assert page.staffing_label.text() == "1 träff saknar gruppledare eller tolk."
    assert page.week_heading.text() == "Veckans gruppträffar, vecka 11 (måndag 9 mars – söndag 15 mars)"
    assert page.week_stack.currentWidget() is page.week_table


def test_an_empty_register_says_there_is_no_agreement_and_no_sessions(
    qtbot: QtBot, database: Database
) -> None:
    page = OverviewPage(database, today=TODAY)
    qtbot.addWidget(page)
    page.refresh()
    assert page.agreement_label.text().startswith("Inget avtal gäller i dag.")
    assert page.groups_card.value_label.text() == "–"
    assert page.training_card.detail_label.text() == "inget avtal i dag"
    assert page.running_card.value_label.text() == "0"
    assert page.week_stack.currentWidget() is page.no_sessions_label
    assert page.no_sessions_label.text() == "Inga gruppträffar den här veckan."
