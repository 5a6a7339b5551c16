"""The window moves the groups' statuses on by the calendar before it shows a page: nobody has to click."""

import datetime as dt

from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import GroupStatus
from biv_desktop.services.groups import list_groups
from biv_desktop.ui.main_window import MainWindow
from support import FixtureRegister


def test_on_a_day_after_every_spring_session_the_overview_counts_no_running_group(
    qtbot: QtBot, register: FixtureRegister
) -> None:
    running_before = [row.name for row in list_groups(register.database) if row.status is GroupStatus.RUNNING]
    assert running_before  # the fixture's spring groups are running

    window = MainWindow(register.database, today=dt.date(2027, 1, 15))
    qtbot.addWidget(window)

    overview = window.stack.page(0)
    assert overview.running_card.value_label.text() == "0"  # type: ignore[attr-defined]
    statuses = {row.name: row.status for row in list_groups(register.database)}
    assert all(statuses[name] is GroupStatus.FINISHED for name in running_before)
