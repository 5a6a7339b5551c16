"""The schedule page on the window's fixture register (see tests/ui/conftest.py), and ways to reach its rows.

In week 11 of 2026 the register has three sessions: the Somali children on Tuesday 10 March 17–19 (Karin
and Anders, Yusuf), the Dari group on Wednesday 11 March 17–19 (Leyla alone, no interpreter) and the Somali
parents on Thursday 12 March 18–20 (Leyla and Johan, Yusuf).
"""

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from biv_desktop.services.schedule import ScheduleRow
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.schedule.page import SchedulePage
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> SchedulePage:
    return shown(qtbot, SchedulePage(register.database, register.today), (1130, 800))


@pytest.fixture
def index_of(page: SchedulePage) -> Callable[..., QModelIndex]:
    """The table index of a group's session (by number) in the chosen column, as the view shows it."""

    def find(group: str, number: int, column: int = 0) -> QModelIndex:
        for position in range(page.proxy.rowCount()):
            line = page.proxy.index(position, 0).data(ROW_ROLE)
            if isinstance(line, ScheduleRow) and (line.group_name, line.number) == (group, number):
                return page.proxy.index(position, column)
        raise AssertionError(f"{group} träff {number} visas inte")

    return find
