"""Every screen and every printout names a session the same way: number, date, theme and staff agree.

On a demo register, one group's plan is disturbed the way real life does it, through the services the window
uses: a session moved a week with the later ones, a session whose second leader and interpreter dropped out,
a session cancelled with its theme dropped, one cancelled with the themes moving up, and a former
participant anonymised.
Then the schedule, the room view, the attendance grid, the session sheet, the course sheet, the print pack
and the printed PDF are read side by side.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.enums import GroupKind, GroupStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.retention import ANONYMISED_NAME
from biv_desktop.reports.sheets import write_session_sheet
from biv_desktop.services.attendance import grid, session_attendance
from biv_desktop.services.groups import list_groups
from biv_desktop.services.printing import course_sheet, print_pack
from biv_desktop.services.printing import session_sheet as printed_sheet
from biv_desktop.services.privacy import PersonKind, anonymise, due_for_clean_up
from biv_desktop.services.schedule import (
    ScheduleRow,
    SessionChange,
    SessionDetail,
    Way,
    cancel_session,
    get_session,
    sessions_between,
    update_session,
)
from biv_desktop.store.database import Database
from biv_desktop.store.register import open_register

TODAY = dt.date(2026, 1, 12)


@pytest.fixture(scope="module")
def disturbed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, dict[str, int]]:
    """The demo register with one planned children's group disturbed; its id and the sessions touched."""
    path = tmp_path_factory.mktemp("reading") / "demo.sqlite"
    write_demo_database(path, years=2, seed=7, today=TODAY)
    database = open_register(path, None)
    try:
        group = next(
            row
            for row in list_groups(database)
            if row.kind is GroupKind.CHILDREN
            and row.status is GroupStatus.PLANNED
            and len(_schedule(database, row.id)) == 14
        )
        numbered = {row.number: row.id for row in _schedule(database, group.id)}
        moved = get_session(database, numbered[3])
        update_session(
            database,
            moved.id,
            _change(moved, date=moved.row.date + dt.timedelta(days=7)),
            way=Way.SHIFT_LATER,
            override=True,
        )
        dropped = get_session(database, numbered[5])
        update_session(
            database, dropped.id, _change(dropped, leader2_id=None, interpreter_id=None), override=True
        )
        cancel_session(database, numbered[7], way=Way.ONLY_THIS, override=True)
        shifted = cancel_session(database, numbered[9], way=Way.SHIFT_LATER, override=True)
        assert shifted.sessions
        due = next(
            person
            for person in due_for_clean_up(database, TODAY)
            if person.key.kind is PersonKind.PARTICIPANT and person.ended_on is not None
        )
        anonymise(database, [due.key], TODAY)
        return path, group.id, {"moved": numbered[3], "dropped": numbered[5], "anonymised": due.key.id}
    finally:
        database.close()


def _change(detail: SessionDetail, **changes: Any) -> SessionChange:
    row = detail.row
    change = SessionChange(
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        premises_id=detail.own_premises_id,
        theme_title=row.theme,
        theme_description=detail.theme_description,
        leader1_id=detail.leader1_id,
        leader2_id=detail.leader2_id,
        interpreter_id=row.interpreter_id,
        note=row.note,
    )
    return replace(change, **changes)


def _schedule(database: Database, group_id: int) -> list[ScheduleRow]:
    rows = sessions_between(database, dt.date(2020, 1, 1), dt.date(2035, 12, 31))
    return sorted((row for row in rows if row.group_id == group_id), key=lambda row: row.number)


@pytest.fixture
def database(disturbed: tuple[Path, int, dict[str, int]]) -> Iterator[Database]:
    opened = open_register(disturbed[0], None)
    yield opened
    opened.close()


def test_every_screen_and_printout_shows_the_same_number_date_theme_and_staff(
    database: Database, disturbed: tuple[Path, int, dict[str, int]]
) -> None:
    _path, group_id, _touched = disturbed
    schedule = _schedule(database, group_id)
    assert [row.number for row in schedule] == list(range(1, 15))  # 14, one of them cancelled
    columns = {column.id: column for column in grid(database, group_id, TODAY).sessions}
    course = {column.id: column for column in course_sheet(database, group_id).sessions}
    for row in schedule:
        room = session_attendance(database, row.id, TODAY)
        paper = printed_sheet(database, row.id).session
        facts = (row.number, row.date, row.theme, row.leader_names, row.interpreter_name)
        assert (room.number, room.date, room.theme) == facts[:3]
        room_leaders = tuple(member.name for member in (room.leader1, room.leader2) if member.booked)
        assert (room_leaders, room.interpreter.name) == (row.leader_names, row.interpreter_name)
        assert (paper.number, paper.date, paper.theme, paper.leader_names, paper.interpreter_name) == facts
        assert (columns[row.id].number, columns[row.id].date, columns[row.id].theme) == facts[:3]
        assert (course[row.id].number, course[row.id].date, course[row.id].theme) == facts[:3]
        assert (
            room.label
            == paper.label
            == f"Träff {row.number} av 14" + ("" if paper.takes_place else " – inställd")
        )
    cancelled = [row.number for row in schedule if row.status.value == "cancelled"]
    assert cancelled == [7]  # 9 was called off with its theme moved up: it is held a week later


def test_the_print_pack_and_the_pdf_say_what_the_schedule_says(
    database: Database, disturbed: tuple[Path, int, dict[str, int]], tmp_path: Path
) -> None:
    _path, group_id, touched = disturbed
    schedule = {row.id: row for row in _schedule(database, group_id)}
    moved, dropped = schedule[touched["moved"]], schedule[touched["dropped"]]
    pack = print_pack(database, moved.date, moved.date)
    sheet = next(sheet for sheet in pack.sheets if sheet.session.id == moved.id)
    assert (sheet.session.label, sheet.session.date) == ("Träff 3 av 14", moved.date)

    dropped_sheet = printed_sheet(database, dropped.id)
    assert dropped_sheet.session.interpreter_name == "" and len(dropped_sheet.session.leader_names) == 1
    pdf = write_session_sheet(tmp_path / "träff.pdf", dropped_sheet, TODAY)
    text = " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)
    assert "Träff 5 av 14" in " ".join(text.split())
    assert "ingen tolk bokad" in text
    for name in (*dropped_sheet.group.leader_names[1:], dropped_sheet.group.interpreter_name):
        if name and name not in dropped_sheet.session.leader_names:
            assert name not in text, name


def test_an_anonymised_participant_has_one_name_everywhere(
    database: Database, disturbed: tuple[Path, int, dict[str, int]]
) -> None:
    _path, _group_id, touched = disturbed
    person = touched["anonymised"]
    shown = []
    for group in list_groups(database):
        for line in grid(database, group.id, TODAY).rows:
            if line.participant_id == person:
                shown.append(line.first_name)
        try:
            course = course_sheet(database, group.id)
        except ValidationError:  # a group without sessions has no course sheet
            continue
        shown.extend(row.participant.name for row in course.rows if row.participant.id == person)
    assert shown and set(shown) == {ANONYMISED_NAME}
