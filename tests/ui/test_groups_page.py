"""The groups page: the fixture's groups in a table that searches, filters and sorts as a user expects."""

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.store.models import Group, Language, Premises
from biv_desktop.ui.groups import table_model as columns
from biv_desktop.ui.groups.page import MAX_COLUMN_WIDTH, GroupsPage
from biv_desktop.ui.main_window import MainWindow


@pytest.fixture
def page(window: MainWindow) -> GroupsPage:
    window.navigation.setCurrentRow(1)
    groups_page = window.current_page()
    assert isinstance(groups_page, GroupsPage)
    return groups_page


def shown(page: GroupsPage, column: int) -> list[str]:
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def choose(combo: object, text: str) -> None:
    index = combo.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_the_page_lists_every_group_newest_first(page: GroupsPage, register: object) -> None:
    assert sorted(shown(page, columns.NAME)) == sorted(register.group_names)  # type: ignore[attr-defined]
    assert page.count_label.text() == "Visar 5 av 5 grupper"
    assert shown(page, columns.START) == [
        "2026-03-24",
        "2026-02-05",
        "2026-02-03",
        "2026-01-28",
        "2025-09-01",
    ]


def test_a_row_shows_the_group_as_the_coordinator_reads_it(page: GroupsPage) -> None:
    row = shown(page, columns.NAME).index("BIS Dari 13–15 år, Skäggetorp, vt 2026")
    values = [page.proxy.index(row, column).data() for column in range(page.proxy.columnCount())]
    assert values == [
        "BIS Dari 13–15 år, Skäggetorp, vt 2026",
        "BIS",
        "Barngrupp",
        "dari",
        "13–15 år",
        "Skäggetorps kyrkcenter",
        "2026-01-28",
        "ons 17:00–19:00",
        "Pågår",
        "Leyla Samadi",
        "",
        "4/6",
    ]
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert headers == ["Namn", "Program", "Typ", "Språk", "Ålder", "Lokal", "Start", "Dag och tid", "Status",
                       "Gruppledare", "Tolk", "Deltagare"]  # fmt: skip


def test_typing_in_the_search_field_narrows_the_list(
    qtbot: QtBot, page: GroupsPage, type_text: Callable[[QWidget, str], None]
) -> None:
    type_text(page.search, "skäggetorp")
    assert page.count_label.text() == "Visar 1 av 5 grupper"
    assert shown(page, columns.NAME) == ["BIS Dari 13–15 år, Skäggetorp, vt 2026"]

    page.search.clear()
    qtbot.keyClicks(page.search, "WARSAME")  # the interpreter, in any case
    assert page.count_label.text() == "Visar 2 av 5 grupper"

    page.search.clear()
    qtbot.keyClicks(page.search, "ekdal ryd")  # every word must match: a leader and the premises
    assert sorted(shown(page, columns.NAME)) == [
        "BIS Arabiska föräldrar, Ryd, vt 2026",
        "BIV Arabiska 7–9 år, Ryd, ht 2025",
    ]

    page.search.clear()
    qtbot.keyClicks(page.search, "tigrinja")
    assert page.count_label.text() == "Visar 0 av 5 grupper"


def test_the_filters_narrow_by_programme_kind_and_status(page: GroupsPage) -> None:
    choose(page.programme_filter, "BIS")
    assert page.count_label.text() == "Visar 2 av 5 grupper"
    assert set(shown(page, columns.PROGRAMME)) == {"BIS"}

    choose(page.kind_filter, "Barngrupp")
    assert shown(page, columns.NAME) == ["BIS Dari 13–15 år, Skäggetorp, vt 2026"]

    choose(page.programme_filter, "Alla")
    choose(page.kind_filter, "Alla")
    choose(page.status_filter, "Pågår")
    assert page.count_label.text() == "Visar 3 av 5 grupper"
    assert set(shown(page, columns.STATUS)) == {"Pågår"}

    choose(page.status_filter, "Avslutad")
    assert shown(page, columns.NAME) == ["BIV Arabiska 7–9 år, Ryd, ht 2025"]


def test_clicking_the_start_header_sorts_by_date(qtbot: QtBot, page: GroupsPage) -> None:
    header = page.table.horizontalHeader()
    position = header.sectionViewportPosition(columns.START) + header.sectionSize(columns.START) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, 5))
    dates = shown(page, columns.START)
    assert dates == sorted(dates)
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_participants_sort_as_numbers_and_days_in_week_order(page: GroupsPage) -> None:
    page.table.sortByColumn(columns.DAY_AND_TIME, Qt.SortOrder.AscendingOrder)
    assert [text.split()[0] for text in shown(page, columns.DAY_AND_TIME)] == [
        "mån",
        "tis",
        "tis",
        "ons",
        "tors",
    ]
    page.table.sortByColumn(columns.PARTICIPANTS, Qt.SortOrder.DescendingOrder)
    assert shown(page, columns.PARTICIPANTS)[0] == "5/6"
    assert shown(page, columns.PARTICIPANTS)[-1] == "0/6"


def test_f5_shows_a_group_added_since_the_page_opened(
    qtbot: QtBot, window: MainWindow, page: GroupsPage
) -> None:
    with page.database.transaction() as session:
        session.add(
            Group(
                name="BIV Tigrinja 16–20 år, Berga, ht 2026",
                programme=Programme.BIV,
                kind=GroupKind.CHILDREN,
                language_id=session.scalars(select(Language.id).where(Language.iso_code == "ti")).one(),
                age_min=16,
                age_max=20,
                premises_id=session.scalars(select(Premises.id).where(Premises.name == "Berga kyrka")).one(),
                start_date=dt.date(2026, 8, 24),
                weekday=0,
                start_time=dt.time(16, 0),
                end_time=dt.time(18, 0),
                status=GroupStatus.PLANNED,
            )
        )
    assert page.count_label.text() == "Visar 5 av 5 grupper"
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    assert page.count_label.text() == "Visar 6 av 6 grupper"
    assert shown(page, columns.NAME)[0] == "BIV Tigrinja 16–20 år, Berga, ht 2026"


def test_arrow_down_in_the_search_moves_into_the_results(
    qtbot: QtBot, page: GroupsPage, type_text: Callable[[QWidget, str], None]
) -> None:
    page.search.setFocus()
    type_text(page.search, "Somaliska")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or QApplication.focusWidget() is page.table
    row = page.selected_row()
    assert row is not None and "Somaliska" in row.name


def test_each_column_is_as_wide_as_its_widest_text_up_to_its_cap(page: GroupsPage) -> None:
    # At least as wide as Qt's own measure of the contents, so nothing is cut short but in the capped
    # columns, which wrap; the name takes the rest.

    table = page.table
    for column in range(page.model.columnCount()):
        if column == columns.NAME:
            continue
        contents = table.sizeHintForColumn(column)
        assert table.columnWidth(column) >= min(contents, MAX_COLUMN_WIDTH.get(column, contents)), column
