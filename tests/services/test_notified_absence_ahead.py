"""A notified absence recorded ahead: a parent calls on Monday about Thursday. Only that mark may be made for a
session still to come, it does not make the session held, and the session's printed sheet shows it."""

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from biv_desktop.domain.enums import Mark, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.reshaping import Way
from biv_desktop.reports.sheets import write_session_sheet
from biv_desktop.services import attendance, printing
from biv_desktop.store.database import Database
from support import factories

START = dt.date(2026, 2, 5)  # a Thursday
MONDAY_BEFORE = dt.date(2026, 2, 2)


@pytest.fixture
def group(database: Database) -> tuple[int, dict[str, int]]:
    ryd = factories.premises(database)
    group = factories.group(database, premises_id=ryd, start=START, running=True)
    return group.id, factories.participants_in(database, group.id, ["Hodan", "Samir"])


def test_a_notified_absence_can_be_recorded_ahead_without_holding_the_session(
    database: Database, group: tuple[int, dict[str, int]]
) -> None:
    group_id, people = group
    thursday = factories.session_ids(database, group_id)[1]

    change = attendance.mark(database, thursday, people["Hodan"], Mark.NOTIFIED_ABSENCE, today=MONDAY_BEFORE)

    assert change.attendee.mark is Mark.NOTIFIED_ABSENCE
    assert change.session.status is SessionStatus.PLANNED
    assert change.session.notice_ahead
    grid = attendance.grid(database, group_id, today=MONDAY_BEFORE)
    assert grid.row_for(people["Hodan"]).mark_at(thursday) is Mark.NOTIFIED_ABSENCE  # type: ignore[union-attr]
    assert grid.held_sessions == 0


@pytest.mark.parametrize("value", [Mark.PRESENT, Mark.ABSENT])
def test_present_and_absent_wait_for_the_sessions_day(
    database: Database, group: tuple[int, dict[str, int]], value: Mark
) -> None:
    group_id, people = group
    thursday = factories.session_ids(database, group_id)[1]

    with pytest.raises(ValidationError, match="bara anmäld frånvaro"):
        attendance.mark(database, thursday, people["Samir"], value, today=MONDAY_BEFORE)


def test_a_notice_ahead_can_be_withdrawn_and_on_the_day_becomes_a_counted_mark(
    database: Database, group: tuple[int, dict[str, int]]
) -> None:
    group_id, people = group
    thursday = factories.session_ids(database, group_id)[1]
    attendance.mark(database, thursday, people["Hodan"], Mark.NOTIFIED_ABSENCE, today=MONDAY_BEFORE)
    withdrawn = attendance.mark(database, thursday, people["Hodan"], None, today=MONDAY_BEFORE)
    assert withdrawn.attendee.mark is None

    attendance.mark(database, thursday, people["Hodan"], Mark.NOTIFIED_ABSENCE, today=MONDAY_BEFORE)
    on_the_day = attendance.mark_all_present(database, thursday, today=START)

    marks = {row.participant_id: row.mark for row in on_the_day.rows}
    assert marks == {people["Hodan"]: Mark.NOTIFIED_ABSENCE, people["Samir"]: Mark.PRESENT}
    assert on_the_day.status is SessionStatus.HELD
    assert on_the_day.totals.notified == 1


def test_a_cancelled_session_takes_no_notice_ahead(
    database: Database, group: tuple[int, dict[str, int]]
) -> None:
    from biv_desktop.services.schedule import cancel_session

    group_id, people = group
    later = factories.session_ids(database, group_id)[2]
    cancel_session(database, later, way=Way.ONLY_THIS, override=True)

    with pytest.raises(ValidationError, match="inställd"):
        attendance.mark(database, later, people["Hodan"], Mark.NOTIFIED_ABSENCE, today=MONDAY_BEFORE)


def test_the_session_sheet_prints_the_notified_absence(
    database: Database, group: tuple[int, dict[str, int]], tmp_path: Path
) -> None:
    group_id, people = group
    thursday = factories.session_ids(database, group_id)[1]
    attendance.mark(database, thursday, people["Hodan"], Mark.NOTIFIED_ABSENCE, today=MONDAY_BEFORE)

    sheet = printing.session_sheet(database, thursday)
    assert sheet.notified_absent == frozenset({people["Hodan"]})
    text = (
        PdfReader(write_session_sheet(tmp_path / "lista.pdf", sheet, MONDAY_BEFORE)).pages[0].extract_text()
    )

    assert text.count("Frånvaro anmäld i förväg") == 1
