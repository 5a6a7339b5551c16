"""The window on a demo register: a newcomer sees the demo's groups on the groups page and can narrow them."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.enums import Programme
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.store.register import open_register
from biv_desktop.ui.groups.page import GroupsPage
from biv_desktop.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def demo_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    path = tmp_path / "demo.sqlite"
    write_demo_database(path, years=2, seed=7, today=TODAY)
    database = open_register(path)
    window = MainWindow(database, demo=True, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_groups_page_shows_every_demo_group_and_filters_them(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    groups = list_groups(demo_window.database)
    assert len(groups) >= 12  # two agreement years of at least six groups each
    qtbot.keyClick(demo_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = demo_window.current_page()
    assert isinstance(page, GroupsPage)
    names = {page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())}
    assert names == {group.name for group in groups}
    assert page.count_label.text() == f"Visar {len(groups)} av {len(groups)} grupper"

    bis = [group for group in groups if group.programme is Programme.BIS]
    page.programme_filter.setCurrentIndex(page.programme_filter.findText("BIS"))
    assert page.proxy.rowCount() == len(bis)

    page.programme_filter.setCurrentIndex(0)
    somali = [group for group in groups if group.language == "somaliska"]
    page.search_field().setText("somaliska")
    assert page.proxy.rowCount() == len(somali) > 0
    assert page.count_label.text() == f"Visar {len(somali)} av {len(groups)} grupper"


def test_the_window_title_says_demo_data(demo_window: MainWindow) -> None:
    assert demo_window.windowTitle() == "BIV Desktop – demodata"
