"""Personal schedules: a leader's, an interpreter's and a group's sessions, read the one way a session is read,
with cancelled sessions listed and marked, and the session's revision rising when its calendar facts change."""

import dataclasses
import datetime as dt

import pytest

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.reshaping import Way
from biv_desktop.services import schedule
from biv_desktop.store.database import Database
from support import factories

START = dt.date(2026, 2, 3)  # a Tuesday


@pytest.fixture
def staffed(database: Database) -> dict[str, int]:
    ryd = factories.premises(database, "Ryds kyrka", "Ryd", address="Rydsvägen 1")
    karin = factories.leader(database, "Karin", "Holmgren")
    lars = factories.leader(database, "Lars", "Berg")
    eva = factories.leader(database, "Eva", "Ek")
    yusuf = factories.interpreter(database, "Yusuf", "Warsame", languages=("ar",))
    first = factories.group(
        database, premises_id=ryd, leader_ids=(karin, lars), interpreter_id=yusuf, name="Arabiska 10–12"
    )
    second = factories.group(
        database,
        premises_id=ryd,
        leader_ids=(eva, karin),
        start=dt.date(2026, 2, 5),
        name="Arabiska 7–9",
    )
    return {"karin": karin, "lars": lars, "eva": eva, "yusuf": yusuf, "first": first.id, "second": second.id}


def test_a_leaders_schedule_has_every_session_of_theirs_in_the_period_in_date_order(
    database: Database, staffed: dict[str, int]
) -> None:
    plan = schedule.leader_schedule(database, staffed["karin"], START, dt.date(2026, 2, 28))

    days = [entry.session.date for entry in plan.entries]
    assert days == sorted(days)
    assert {entry.session.group_name for entry in plan.entries} == {"Arabiska 10–12", "Arabiska 7–9"}
    assert len(plan.entries) == 8  # four Tuesdays and four Thursdays in February from the 3rd
    first = plan.entries[0]
    assert first.weekday == "tisdag"
    assert first.times == "17:00–19:00"
    assert first.place == "Ryds kyrka, Rydsvägen 1"
    assert first.colleagues == ("Lars Berg", "Yusuf Warsame (tolk)")
    assert plan.title == "Schema för Karin Holmgren, gruppledare"
    assert "Karin" not in plan.neutral_title


def test_an_interpreters_schedule_lists_only_their_bookings(
    database: Database, staffed: dict[str, int]
) -> None:
    plan = schedule.interpreter_schedule(database, staffed["yusuf"], START, dt.date(2026, 12, 31))

    assert len(plan.entries) == 14
    assert {entry.session.group_name for entry in plan.entries} == {"Arabiska 10–12"}
    assert plan.entries[0].colleagues == ("Karin Holmgren", "Lars Berg")


def test_a_groups_schedule_is_its_whole_plan_and_keeps_a_cancelled_session_marked(
    database: Database, staffed: dict[str, int]
) -> None:
    third = factories.session_ids(database, staffed["first"])[3]
    schedule.cancel_session(database, third, way=Way.ONLY_THIS, override=True)

    plan = schedule.group_schedule(database, staffed["first"])

    assert len(plan.entries) == 14
    cancelled = [entry for entry in plan.entries if not entry.session.takes_place]
    assert [entry.session.id for entry in cancelled] == [third]
    assert cancelled[0].session.status is SessionStatus.CANCELLED
    assert plan.taking_place == 13


def test_moving_a_session_raises_its_revision_and_a_note_does_not(
    database: Database, staffed: dict[str, int]
) -> None:
    session_id = factories.session_ids(database, staffed["first"])[2]
    before = schedule.group_schedule(database, staffed["first"]).entries[1].session.revision

    detail = schedule.get_session(database, session_id)
    schedule.update_session(database, session_id, dataclasses.replace(detail.change(), note="Ta med kritor"))
    after_note = schedule.group_schedule(database, staffed["first"]).entries[1].session.revision
    moved = dataclasses.replace(detail.change(), start_time=dt.time(16, 0), end_time=dt.time(18, 0))
    schedule.update_session(database, session_id, moved, override=True)
    after_move = schedule.group_schedule(database, staffed["first"]).entries[1].session.revision

    assert after_note == before
    assert after_move == before + 1


def test_a_reversed_period_is_refused_in_swedish(database: Database, staffed: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="Sista dagen"):
        schedule.leader_schedule(database, staffed["karin"], dt.date(2026, 3, 1), dt.date(2026, 2, 1))
