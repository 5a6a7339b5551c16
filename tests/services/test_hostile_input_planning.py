"""Hostile input to the planning services (groups, the schedule, attendance, reading by period, backups to a
file the user names): each call succeeds or is refused with a Swedish ValidationError (a StoreError for the
file), a refusal leaves every table as it was, and the database stays whole either way. The values and the
checks are conftest.py's ``hostile``.
"""

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biv_desktop.domain.enums import Gender, GroupKind, Mark, Programme
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.reshaping import Way
from biv_desktop.services.attendance import marking as attendance
from biv_desktop.services.attendance.marking import StaffSlot
from biv_desktop.services.attendance.read_models import StaffPresence
from biv_desktop.services.attendance.walk_in import add_walk_in
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.services.groups import status as group_status
from biv_desktop.services.groups.changes import update_group
from biv_desktop.services.groups.creation import create_group
from biv_desktop.services.groups.drafts import GroupDraft
from biv_desktop.services.printing.sheets import print_pack
from biv_desktop.services.register.backup import backup_to
from biv_desktop.services.schedule import SessionChange
from biv_desktop.services.schedule.editing import cancel_session, restore_session, update_session
from biv_desktop.services.schedule.period import filter_choices, sessions_between
from biv_desktop.store.errors import StoreError

HOSTILE = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@HOSTILE
@given(data=st.data())
def test_creating_and_changing_groups(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    ids = h.ids
    valid = GroupDraft(
        programme=Programme.BIV, kind=GroupKind.CHILDREN, language_id=ids["language"], premises_id=ids["premises"],
        start_date=dt.date(2027, 8, 17), weekday=1, start_time=dt.time(17), length_minutes=120, age_min=7,
        age_max=9, leader1_id=ids["leader"], leader2_id=ids["leader2"], interpreter_id=ids["interpreter"],
        capacity=6, theme_plan_id=ids["theme_plan"], name="",
    )  # fmt: skip
    references = ("language_id", "premises_id", "leader1_id", "leader2_id", "interpreter_id", "theme_plan_id")
    draft = data.draw(
        h.vary(
            valid,
            {
                **dict.fromkeys(references, h.maybe_missing()),
                **dict.fromkeys(("weekday", "length_minutes", "age_min", "age_max", "capacity"), h.numbers),
                "start_date": h.dates,
                "start_time": h.times,
                "name": h.text,
                "kind": st.sampled_from(GroupKind),
                "programme": st.sampled_from(Programme),
            },
        )
    )
    h.attempt(lambda: create_group(h.database, draft, override=True))
    group = data.draw(h.id_of("planned_group"))
    h.attempt(lambda: update_group(h.database, group, draft, override=True, today=h.today))


@HOSTILE
@given(data=st.data())
def test_finishing_and_cancelling_groups(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    running, planned = data.draw(h.id_of("running_group")), data.draw(h.id_of("planned_group"))
    h.attempt(lambda: group_status.finish_group(h.database, running, override=True, today=h.today))
    h.attempt(lambda: group_status.cancel_group(h.database, planned))


def _stored_session(path: Path, session_id: int) -> SessionChange:
    """A session as it is stored: the form's starting point."""
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute(
            "SELECT date, start_time, end_time, premises_id, theme_title, theme_description, leader1_id, "
            "leader2_id, interpreter_id, note FROM group_session WHERE id = ?",
            (session_id,),
        ).fetchone()
    day, start, end, *rest = row
    return SessionChange(
        dt.date.fromisoformat(day), dt.time.fromisoformat(start), dt.time.fromisoformat(end), *rest
    )


@HOSTILE
@given(data=st.data())
def test_changing_a_session(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    stored = _stored_session(h.database.path, h.ids["planned_session"])
    change = data.draw(
        h.vary(
            stored,
            {
                **dict.fromkeys(("theme_title", "theme_description", "note"), h.text),
                **dict.fromkeys(
                    ("premises_id", "leader1_id", "leader2_id", "interpreter_id"), h.maybe_missing()
                ),
                "date": h.dates,
                "start_time": h.times,
                "end_time": h.times,
            },
        )
    )
    session_id = data.draw(h.id_of("planned_session"))
    h.attempt(lambda: update_session(h.database, session_id, change, override=True))
    way = data.draw(st.sampled_from(Way))
    h.attempt(lambda: cancel_session(h.database, session_id, way=way, override=True))
    h.attempt(lambda: restore_session(h.database, data.draw(h.id_of("planned_session")), override=True))


@HOSTILE
@given(data=st.data())
def test_taking_attendance(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    session_id, participant = data.draw(h.id_of("held_session")), data.draw(h.id_of("attendee"))
    mark = data.draw(st.one_of(st.none(), st.sampled_from(Mark)))
    h.attempt(lambda: attendance.mark(h.database, session_id, participant, mark, today=h.today))
    slot, present = data.draw(st.sampled_from(StaffSlot)), data.draw(st.one_of(st.none(), st.booleans()))
    h.attempt(lambda: attendance.set_staff_presence(h.database, session_id, slot, present, today=h.today))
    presence = StaffPresence(present, not present, None)
    h.attempt(
        lambda: attendance.save_session_attendance(
            h.database, session_id, presence, override=True, today=h.today
        )
    )
    first, last, year = data.draw(
        st.one_of(
            st.tuples(h.text, st.just("Berg"), st.just(2016)),
            st.tuples(st.just("Gäst"), h.text, st.just(2016)),
            st.tuples(st.just("Gäst"), st.just("Berg"), h.numbers),
        )
    )
    gender = data.draw(st.sampled_from(Gender))
    h.attempt(
        lambda: add_walk_in(h.database, session_id, first, year, gender, last, override=True, today=h.today)
    )


@HOSTILE
@given(data=st.data())
def test_reading_by_period(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    first, last = data.draw(
        st.one_of(
            st.tuples(h.dates, st.just(h.today)),
            st.tuples(st.just(dt.date(2026, 7, 1)), h.dates),
            st.tuples(h.dates, h.dates),
        )
    )
    h.attempt(lambda: follow_up_figures(h.database, first, last, today=h.today))
    premises = data.draw(st.one_of(st.none(), h.id_of("premises")))
    h.attempt(lambda: sessions_between(h.database, first, last, premises_id=premises))
    h.attempt(lambda: filter_choices(h.database, first, last))
    h.attempt(lambda: print_pack(h.database, first, last, premises))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_backing_up_to_a_file_the_user_names(hostile: Any, tmp_path: Path, data: st.DataObject) -> None:
    h = hostile
    name = data.draw(h.text)
    folder = tmp_path / "usb"
    folder.mkdir(exist_ok=True)
    h.attempt(lambda: backup_to(h.database.path, folder / name), (StoreError,))


@pytest.mark.parametrize(
    "name", ["\x00", "A" * 5000, "ä" * 200], ids=["nul-byte", "5000-characters", "400-bytes"]
)
def test_a_file_name_the_file_system_refuses_is_told_in_swedish(
    hostile: Any, tmp_path: Path, name: str
) -> None:
    with pytest.raises((ValidationError, StoreError)) as refused:
        backup_to(hostile.database.path, tmp_path / name)
    assert str(refused.value).strip()
