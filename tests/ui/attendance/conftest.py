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
from sqlalchemy import select

from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Group, GroupSession
from biv_desktop.ui.attendance.grid_widget import AttendanceGridWidget
from biv_desktop.ui.attendance.session_dialog import SessionAttendanceDialog

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
def somali(register: object) -> SomaliGroup:
    database: Database = register.database  # type: ignore[attr-defined]
    with database.transaction() as session:
        group = session.scalars(select(Group).where(Group.name == SOMALI_CHILDREN)).one()
        numbers = {
            row.number: row.id
            for row in session.scalars(select(GroupSession).where(GroupSession.group_id == group.id))
        }
        enrollments = session.scalars(select(Enrollment).where(Enrollment.group_id == group.id)).all()
        people = {enrollment.participant.first_name: enrollment.participant_id for enrollment in enrollments}
        return SomaliGroup(database, register.today, group.id, numbers, people)  # type: ignore[attr-defined]


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
