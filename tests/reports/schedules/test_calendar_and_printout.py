"""The schedule's .ics file parses back as RFC 5545 with one VEVENT per session in Stockholm time, a UID that
survives a move while SEQUENCE rises, cancelled sessions marked cancelled; neither the calendar nor the
printed schedule names a participant."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from biv_desktop.domain.schedule.reshaping import Way
from biv_desktop.reports.schedules import write_calendar, write_schedule
from biv_desktop.services import schedule
from biv_desktop.store.database import Database
from support import factories

NOW = dt.datetime(2026, 1, 20, 9, 0, tzinfo=dt.UTC)
PARTICIPANTS = {"Hodan": "Abdi", "Zahra": "Rahimi", "Omar": "Nuur"}
NATIVE = "زهرة رحيمي"


@pytest.fixture
def group_id(database: Database) -> int:
    ryd = factories.premises(database, "Ryds kyrka", "Ryd", address="Rydsvägen 1")
    karin = factories.leader(database, "Karin", "Holmgren")
    lars = factories.leader(database, "Lars", "Berg")
    yusuf = factories.interpreter(database, "Yusuf", "Warsame", languages=("ar",))
    group = factories.group(database, premises_id=ryd, leader_ids=(karin, lars), interpreter_id=yusuf)
    for first, last in PARTICIPANTS.items():
        person = factories.participant(
            database, first, last_name=last, native_name=NATIVE if first == "Zahra" else ""
        )
        factories.enrol(database, person, group.id)
    return group.id


def parsed(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events(calendar: Calendar) -> list[object]:
    return list(calendar.walk("VEVENT"))


def test_the_calendar_has_one_event_per_session_in_stockholm_time(
    database: Database, group_id: int, tmp_path: Path
) -> None:
    plan = schedule.group_schedule(database, group_id)
    path = write_calendar(tmp_path / "schema.ics", plan, NOW)

    calendar = parsed(path)
    found = events(calendar)
    assert len(found) == len(plan.entries) == 14
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    first = found[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Stockholm"  # type: ignore[index]
    assert first["DTEND"].params["TZID"] == "Europe/Stockholm"  # type: ignore[index]
    start = first["DTSTART"].dt  # type: ignore[index]
    assert (start.date(), start.time()) == (dt.date(2026, 2, 3), dt.time(17, 0))
    assert start.utcoffset() == dt.timedelta(hours=1)  # winter time in February
    assert len({str(event["UID"]) for event in found}) == 14  # type: ignore[index]
    assert all(str(event["STATUS"]) == "CONFIRMED" for event in found)  # type: ignore[index]
    assert "Rydsvägen 1" in str(first["LOCATION"])  # type: ignore[index]
    summer = found[-1]["DTSTART"].dt  # type: ignore[index]
    assert summer.utcoffset() == dt.timedelta(hours=2)  # May is summer time


def test_a_moved_session_keeps_its_uid_with_a_higher_sequence(
    database: Database, group_id: int, tmp_path: Path
) -> None:
    session_id = factories.session_ids(database, group_id)[4]
    before = {
        str(event["UID"]): event  # type: ignore[index]
        for event in events(
            parsed(write_calendar(tmp_path / "före.ics", schedule.group_schedule(database, group_id), NOW))
        )
    }
    detail = schedule.get_session(database, session_id)
    moved = dataclasses.replace(detail.change(), date=detail.row.date + dt.timedelta(days=1))
    schedule.update_session(database, session_id, moved, override=True)

    after_plan = schedule.group_schedule(database, group_id)
    after = {
        str(event["UID"]): event  # type: ignore[index]
        for event in events(parsed(write_calendar(tmp_path / "efter.ics", after_plan, NOW)))
    }

    assert before.keys() == after.keys()
    moved_uid = next(uid for uid in after if uid.endswith(f"-session-{session_id}@biv-desktop"))
    assert int(after[moved_uid]["SEQUENCE"]) > int(before[moved_uid]["SEQUENCE"])  # type: ignore[index]
    assert after[moved_uid]["DTSTART"].dt.date() == moved.date  # type: ignore[index]
    unchanged = [uid for uid in after if uid != moved_uid]
    assert all(int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) for uid in unchanged)  # type: ignore[index]


def test_a_cancelled_session_is_marked_cancelled_with_a_higher_sequence(
    database: Database, group_id: int, tmp_path: Path
) -> None:
    session_id = factories.session_ids(database, group_id)[6]
    schedule.cancel_session(database, session_id, way=Way.ONLY_THIS, override=True)

    found = events(
        parsed(write_calendar(tmp_path / "s.ics", schedule.group_schedule(database, group_id), NOW))
    )

    cancelled = [event for event in found if str(event["STATUS"]) == "CANCELLED"]  # type: ignore[index]
    assert len(cancelled) == 1
    assert str(cancelled[0]["UID"]).endswith(f"-session-{session_id}@biv-desktop")  # type: ignore[index]
    assert int(cancelled[0]["SEQUENCE"]) >= 1  # type: ignore[index]


def test_the_uid_is_made_from_the_register_and_the_session_not_from_names(
    database: Database, group_id: int, tmp_path: Path
) -> None:
    plan = schedule.group_schedule(database, group_id)
    found = events(parsed(write_calendar(tmp_path / "s.ics", plan, NOW)))

    uid = str(found[0]["UID"])  # type: ignore[index]
    assert uid == f"{plan.register_id}-session-{plan.entries[0].session.id}@biv-desktop"
    assert len(plan.register_id) == 32


def test_no_participant_is_named_in_the_calendar_or_the_printout(
    database: Database, group_id: int, tmp_path: Path
) -> None:
    karin = schedule.group_schedule(database, group_id)
    leader_id = karin.entries[0].session.leaders[0].id
    plans = [karin, schedule.leader_schedule(database, leader_id, dt.date(2026, 1, 1), dt.date(2026, 12, 31))]
    for index, plan in enumerate(plans):
        calendar_text = write_calendar(tmp_path / f"{index}.ics", plan, NOW).read_text("utf-8")
        pdf = write_schedule(tmp_path / f"{index}.pdf", plan, dt.date(2026, 1, 20))
        pdf_text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
        unfolded = calendar_text.replace("\r\n ", "")
        assert "Karin Holmgren" in pdf_text or "Lars Berg" in pdf_text  # the file does carry names: staff
        for first, last in PARTICIPANTS.items():
            for name in (first, last):
                assert name not in unfolded
                assert name not in pdf_text
        assert NATIVE not in unfolded
        assert "رحيمي" not in pdf_text
