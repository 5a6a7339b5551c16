"""The Somali children's group of the fixture register, seen by the attendance screens.

On TODAY (Tuesday 10 March 2026) its sessions 1–5 are held without marks, session 6 is today (planned)
and 7–14 are still to come. Five children are enrolled: Abdi, Ayaan, Hodan, Khadar and Sagal Testsson
(in the order the screens list them). Two leaders and the interpreter Yusuf Warsame are booked.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from biv_desktop.services.groups import list_groups
from biv_desktop.services.participants import roster
from biv_desktop.store.database import Database
from biv_desktop.ui.attendance.grid_widget import AttendanceGridWidget
from biv_desktop.ui.attendance.session_dialog import SessionAttendanceDialog
from support import FixtureRegister, factories

SOMALI_CHILDREN = "BIV Somaliska 10–12 år, Berga, vt 2026"
LISTED = ["Abdi", "Ayaan", "Hodan", "Khadar", "Sagal"]


@dataclass(frozen=True)
class SomaliGroup:
    database: Database
    today: dt.date
    group_id: int
    session: dict[int, int]  # number -> session id
    person: dict[str, int]  # first name -> participant id


@pytest.fixture
def somali(register: FixtureRegister) -> SomaliGroup:
    database = register.database
    group_id = next(row.id for row in list_groups(database) if row.name == SOMALI_CHILDREN)
    people = {row.name.split()[0]: row.participant_id for row in roster(database, group_id)}
    return SomaliGroup(database, register.today, group_id, factories.session_ids(database, group_id), people)


@pytest.fixture
def room(qtbot: QtBot, somali: SomaliGroup) -> Iterator[SessionAttendanceDialog]:
    """The room view of today's session, shown at the size the screenshots use."""
    dialog = SessionAttendanceDialog(somali.database, somali.session[6], today=somali.today)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Shortcuts (Ctrl+A, Ctrl+N, Ctrl+S) only reach the active window.
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    yield dialog


@pytest.fixture
def grid_widget(qtbot: QtBot, somali: SomaliGroup) -> Iterator[AttendanceGridWidget]:
    """The group's attendance grid, shown."""
    widget = AttendanceGridWidget(somali.database, somali.group_id, today=somali.today)
    qtbot.addWidget(widget)
    widget.resize(1130, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
