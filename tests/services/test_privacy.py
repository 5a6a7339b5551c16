"""Gallring: who is due, what anonymising removes and keeps, deleting on request, and the files afterwards.

The fictional register, on TODAY (Wednesday 25 November 2026), retention 12 months:
- Amina Farah (child, family Farah) was in the Arabic spring 2025 group, which ended 2025-05-20: due
  since 2026-05-20. Her mother Hodan Farah was never in a group: due with the family.
- Bilal Noor left the same group on 2025-03-04 ("Flyttade till Norrköping"): due since 2026-03-04.
- Celine Ekberg was in a group that ended 2026-02-10: not due until 2027-02-10.
- Dawit Tesfay is in the running autumn group; Elif Yilmaz, in the spring 2025 group too, waits for a new
  place: neither is ever due.
- Faisal Omar was registered but never in a group, has no family and does not wait: due, no date.
- Leaders: Olle Berg inactive since 2025-09-01 (due), Greta Sund since 2026-01-15 (not yet), Nils Ek since
  2024-05-01 but booked ahead (not due), Karin Holmgren active. Interpreter Yusuf Warsame inactive since
  2025-06-01 (due).
"""

import datetime as dt
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind, GroupStatus, Mark, Programme, Role, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup.meetings import MeetingDraft, save_meeting
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.services.privacy.clean_up import (
    PersonKey,
    PersonKind,
    anonymise,
    delete_participant,
    due_counts,
    due_for_clean_up,
)
from biv_desktop.services.privacy.files import remove_older_backups, remove_traces
from biv_desktop.services.register import switch_encryption_on
from biv_desktop.services.register.backup import backups_folder
from biv_desktop.store import cipher
from biv_desktop.store.backup import backup_file, backup_name
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Family,
    FollowUpMeeting,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Participant,
    Premises,
    WaitingListEntry,
)

TODAY = dt.date(2026, 11, 25)
REGISTER_KEY = "Påhittad fras för gallringen"
ANONYMISED_NAMES = (
    "Amina",
    "Farah",
    "أمينة",
    "Hodan",
    "Bilal",
    "Noor",
    "Norrköping",
    "Olle",
    "Berg",
    "Yusuf",
)


@dataclass(frozen=True)
class Register:
    database: Database
    ids: dict[str, int]

    def key(self, name: str) -> PersonKey:
        kind = dict.fromkeys(("Karin", "Olle", "Greta", "Nils"), PersonKind.LEADER).get(
            name, PersonKind.INTERPRETER if name == "Yusuf" else PersonKind.PARTICIPANT
        )
        return PersonKey(kind, self.ids[name])


def _group(session, name: str, status: GroupStatus, start: dt.date, weeks: int, **staff: int) -> Group:  # type: ignore[no-untyped-def]
    arabic = session.scalars(select(Language).where(Language.iso_code == "ar")).one()
    premises = session.scalars(select(Premises)).first() or Premises(name="Ryds kyrka", district="Ryd")
    group = Group(
        name=name,
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        language=arabic,
        age_min=7,
        age_max=12,
        premises=premises,
        start_date=start,
        weekday=start.weekday(),
        start_time=dt.time(17),
        end_time=dt.time(19),
        status=status,
        **staff,
    )
    for number in range(1, weeks + 1):
        day = start + dt.timedelta(weeks=number - 1)
        group.sessions.append(
            GroupSession(
                number=number,
                date=day,
                start_time=dt.time(17),
                end_time=dt.time(19),
                theme_title=f"Tema {number}",
                status=SessionStatus.HELD if day < TODAY else SessionStatus.PLANNED,
                **staff,
            )
        )
    session.add(group)
    session.flush()
    return group


def _place(
    session: Session, group: Group, person: Participant, left_on: dt.date | None = None, reason: str = ""
) -> None:
    session.add(
        Enrollment(
            participant=person, group=group, joined_on=group.start_date, left_on=left_on, leave_reason=reason
        )
    )
    for row in group.sessions:
        if row.status is SessionStatus.HELD and (left_on is None or row.date <= left_on):
            session.add(AttendanceMark(session=row, participant=person, mark=Mark.PRESENT))


@pytest.fixture
def register(database: Database) -> Register:
    with database.transaction() as session:
        farah = Family(name="Farah")
        child = {"role": Role.CHILD, "birth_year": 2015}
        people = {
            "Amina": Participant(
                first_name="Amina",
                last_name="Farah",
                native_name="أمينة فارح",
                birth_date=dt.date(2015, 4, 2),
                family=farah,
                guardian_phone="070-123 45 67",
                consent_on=dt.date(2025, 1, 15),
                consent_by="vårdnadshavare",
                district="Skäggetorp",
                **child,
            ),
            "Hodan": Participant(
                first_name="Hodan", last_name="Farah", role=Role.GUARDIAN, birth_year=1988, family=farah
            ),
            "Bilal": Participant(first_name="Bilal", last_name="Noor", **child),
            "Celine": Participant(first_name="Celine", last_name="Ekberg", **child),
            "Dawit": Participant(first_name="Dawit", last_name="Tesfay", **child),
            "Elif": Participant(first_name="Elif", last_name="Yilmaz", **child),
            "Faisal": Participant(first_name="Faisal", last_name="Omar", **child),
        }
        staff = {
            "Karin": GroupLeader(first_name="Karin", last_name="Holmgren"),
            "Olle": GroupLeader(
                first_name="Olle",
                last_name="Berg",
                phone="013-12 34 56",
                email="olle@example.se",
                active=False,
                inactive_since=dt.date(2025, 9, 1),
            ),
            "Greta": GroupLeader(
                first_name="Greta", last_name="Sund", active=False, inactive_since=dt.date(2026, 1, 15)
            ),
            "Nils": GroupLeader(
                first_name="Nils", last_name="Ek", active=False, inactive_since=dt.date(2024, 5, 1)
            ),
            "Yusuf": Interpreter(
                first_name="Yusuf", last_name="Warsame", active=False, inactive_since=dt.date(2025, 6, 1)
            ),
        }
        session.add_all([*people.values(), *staff.values()])
        session.flush()
        spring = _group(
            session,
            "BIV Arabiska 7–12, vt 2025",
            GroupStatus.FINISHED,
            dt.date(2025, 2, 11),
            15,
            leader1_id=staff["Olle"].id,
            interpreter_id=staff["Yusuf"].id,
        )
        _place(session, spring, people["Amina"])
        _place(session, spring, people["Bilal"], dt.date(2025, 3, 4), "Flyttade till Norrköping")
        _place(session, spring, people["Elif"])
        session.add(WaitingListEntry(participant=people["Elif"], added_on=dt.date(2025, 8, 1)))
        winter = _group(session, "BIV Arabiska 7–12, ht 2025", GroupStatus.FINISHED, dt.date(2025, 11, 4), 15)
        _place(session, winter, people["Celine"])
        autumn = _group(
            session,
            "BIV Arabiska 7–12, ht 2026",
            GroupStatus.RUNNING,
            dt.date(2026, 10, 6),
            14,
            leader1_id=staff["Karin"].id,
            leader2_id=staff["Nils"].id,
        )
        _place(session, autumn, people["Dawit"])
        ids = {name: row.id for name, row in {**people, **staff}.items()}
        ids["Farah family"] = farah.id
    return Register(database, ids)


def test_the_view_lists_who_is_due_longest_due_first(register: Register) -> None:
    due = due_for_clean_up(register.database, TODAY)
    assert [(person.name, person.role, person.due_since) for person in due] == [
        ("Bilal Noor", "Barn", dt.date(2026, 3, 4)),
        ("Amina Farah", "Barn", dt.date(2026, 5, 20)),
        ("Hodan Farah", "Förälder/vårdnadshavare", dt.date(2026, 5, 20)),
        ("Yusuf Warsame", "Tolk", dt.date(2026, 6, 1)),
        ("Olle Berg", "Gruppledare", dt.date(2026, 9, 1)),
        ("Faisal Omar", "Barn", None),
    ]
    assert due[1].ended_on == dt.date(2025, 5, 20)


def test_the_overview_counts_by_role_whom_the_view_lists(register: Register) -> None:
    counts = due_counts(register.database, TODAY)
    assert counts == {"Barn": 3, "Förälder/vårdnadshavare": 1, "Tolk": 1, "Gruppledare": 1}
    assert counts == Counter(person.role for person in due_for_clean_up(register.database, TODAY))


def test_a_longer_retention_period_makes_fewer_people_due(register: Register) -> None:
    with register.database.transaction() as session:
        from biv_desktop.store.models import Setting

        for row in session.scalars(select(Setting).where(Setting.key.like("retention_months_%"))):
            row.value = "19"
    names = [person.name for person in due_for_clean_up(register.database, TODAY)]
    assert names == ["Bilal Noor", "Faisal Omar"]


def test_anonymising_removes_what_identifies_and_keeps_what_the_reports_count(register: Register) -> None:
    result = anonymise(register.database, [register.key("Amina"), register.key("Hodan")], TODAY)
    assert (result.participants, result.families_removed) == (2, 1)
    with register.database.transaction() as session:
        amina = session.get(Participant, register.ids["Amina"])
        assert amina is not None
        assert (amina.first_name, amina.last_name, amina.native_name, amina.guardian_phone) == (
            "",
            "",
            "",
            "",
        )
        assert (amina.birth_date, amina.consent_on, amina.consent_by, amina.family_id) == (
            None,
            None,
            "",
            None,
        )
        assert amina.anonymised_on == TODAY
        assert (amina.birth_year, amina.role, amina.district) == (2015, Role.CHILD, "Skäggetorp")
        marks = session.scalar(select(func.count()).where(AttendanceMark.participant_id == amina.id))
        assert marks == 15
        assert session.get(Family, register.ids["Farah family"]) is None
    names = [person.name for person in due_for_clean_up(register.database, TODAY)]
    assert "Amina Farah" not in names and "Hodan Farah" not in names


def test_anonymised_staff_keep_the_sessions_they_led(register: Register) -> None:
    anonymise(register.database, [register.key("Olle"), register.key("Yusuf")], TODAY)
    with register.database.transaction() as session:
        olle = session.get(GroupLeader, register.ids["Olle"])
        assert olle is not None
        assert (olle.full_name, olle.phone, olle.email) == ("Anonymiserad gruppledare", "", "")
        led = session.scalar(select(func.count()).where(GroupSession.leader1_id == olle.id))
        assert led == 15
        yusuf = session.get(Interpreter, register.ids["Yusuf"])
        assert yusuf is not None and yusuf.full_name == "Anonymiserad tolk"
    assert [person.name for person in due_for_clean_up(register.database, TODAY)] == [
        "Bilal Noor",
        "Amina Farah",
        "Hodan Farah",
        "Faisal Omar",
    ]


@pytest.mark.parametrize("name", ["Dawit", "Elif", "Karin"])
def test_someone_still_active_is_refused_and_nothing_changes(register: Register, name: str) -> None:
    with pytest.raises(ValidationError, match=r"Ta bort hen|Markera hen som inaktiv"):
        anonymise(register.database, [register.key("Amina"), register.key(name)], TODAY)
    with register.database.transaction() as session:
        amina = session.get(Participant, register.ids["Amina"])
        assert amina is not None and amina.first_name == "Amina"


def test_anonymising_twice_or_nobody_is_refused(register: Register) -> None:
    anonymise(register.database, [register.key("Bilal")], TODAY)
    with pytest.raises(ValidationError, match="finns inte längre"):
        anonymise(register.database, [register.key("Bilal")], TODAY)
    with pytest.raises(ValidationError, match="Markera minst en"):
        anonymise(register.database, [], TODAY)


def test_a_removed_name_still_written_in_a_note_is_pointed_out(register: Register) -> None:
    with register.database.transaction() as session:
        row = session.scalars(select(GroupSession).where(GroupSession.number == 3)).first()
        assert row is not None
        row.note = "Amina hade ont i magen och gick hem tidigt."
    result = anonymise(register.database, [register.key("Amina")], TODAY)
    assert [mention.place for mention in result.mentions] == [
        "Anteckningen för träff 3 (2025-02-25) i gruppen BIV Arabiska 7–12, vt 2025"
    ]
    assert all("Amina" not in mention.place for mention in result.mentions)


def test_deleting_on_request_removes_the_person_and_keeps_documented_figures(register: Register) -> None:
    figures = follow_up_figures(register.database, dt.date(2025, 1, 1), dt.date(2025, 6, 30), today=TODAY)
    # The meeting records the report it discussed, as the follow-up page does.
    draft = MeetingDraft(
        dt.date(2025, 9, 10), period_from=dt.date(2025, 1, 1), period_to=dt.date(2025, 6, 30)
    )
    save_meeting(register.database, draft, with_report=True, today=TODAY)
    with register.database.transaction() as session:
        stored = session.scalars(select(FollowUpMeeting)).one().report_json
    assert stored == figures.to_json()
    result = delete_participant(register.database, register.ids["Bilal"])
    assert result.participants == 1
    with register.database.transaction() as session:
        assert session.get(Participant, register.ids["Bilal"]) is None
        left = session.scalar(select(func.count()).where(Enrollment.participant_id == register.ids["Bilal"]))
        marks = session.scalar(
            select(func.count()).where(AttendanceMark.participant_id == register.ids["Bilal"])
        )
        assert (left, marks) == (0, 0)
        meeting = session.scalars(select(FollowUpMeeting)).one()
        assert meeting.report_json == stored
    after = follow_up_figures(register.database, dt.date(2025, 1, 1), dt.date(2025, 6, 30), today=TODAY)
    assert after.participants.total.unique_participants == figures.participants.total.unique_participants - 1
    assert type(figures).from_json(stored) == figures


def test_deleting_the_last_member_of_a_family_removes_the_family(register: Register) -> None:
    delete_participant(register.database, register.ids["Amina"])
    with register.database.transaction() as session:
        assert session.get(Family, register.ids["Farah family"]) is not None
    delete_participant(register.database, register.ids["Hodan"])
    with register.database.transaction() as session:
        assert session.get(Family, register.ids["Farah family"]) is None
    with pytest.raises(ValidationError, match="finns inte längre"):
        delete_participant(register.database, register.ids["Hodan"])


def _file_holds(path: Path, names: tuple[str, ...]) -> list[str]:
    data = path.read_bytes() if path.exists() else b""
    return [name for name in names if name.encode("utf-8") in data]


def _content_holds(path: Path, names: tuple[str, ...]) -> list[str]:
    """The names a reader with the register's key finds in any row of any table (for an encrypted file)."""
    with closing(cipher.connect(path, read_only=True)) as raw:
        tables = [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        text = " ".join(
            str(value) for table in tables for row in raw.execute(f'SELECT * FROM "{table}"') for value in row
        )
    return [name for name in names if name in text]


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_after_the_clean_up_the_names_are_gone_from_the_files_and_the_newest_backup(
    register: Register, tmp_path: Path, encrypted: bool
) -> None:
    database, backups = register.database, tmp_path / "backups"
    if encrypted:
        switch_encryption_on(database, REGISTER_KEY, backups, again=REGISTER_KEY)
    older = backup_file(
        database.path,
        backups_folder(database.path, backups)
        / backup_name(database.path, "start", dt.datetime(2026, 11, 2, 9)),
    )
    holds = _content_holds if encrypted else _file_holds
    assert holds(older, ANONYMISED_NAMES) == list(ANONYMISED_NAMES)
    wal = database.path.with_name(database.path.name + "-wal")
    keys = [register.key(name) for name in ("Amina", "Hodan", "Bilal", "Olle", "Yusuf")]
    anonymise(database, keys, TODAY)
    report = remove_traces(database, backups, now=dt.datetime(2026, 11, 25, 14, 30))
    for path in (database.path, wal, report.fresh_backup):
        assert _file_holds(path, ANONYMISED_NAMES) == [], path.name
    if encrypted:
        # Nothing is readable in an encrypted file's bytes; with the key, the removed names are gone too,
        # and SQLite's secure delete (which zeroes what is removed, before the page is encrypted) is on.
        assert _file_holds(database.path, ("Celine", "Dawit")) == []
        assert _content_holds(report.fresh_backup, ANONYMISED_NAMES) == []
        assert _content_holds(database.path, ("Celine", "Dawit")) == ["Celine", "Dawit"]
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    else:
        # Those not anonymised are still there, so the search itself finds what is in the files.
        assert _file_holds(database.path, ("Celine", "Dawit")) == ["Celine", "Dawit"]
    assert [backup.path for backup in report.older] == [older]
    assert report.latest_expiry == dt.date(2027, 11, 1)
    assert remove_older_backups(report) == 1
    assert not older.exists() and report.fresh_backup.exists()
    with closing(cipher.connect(report.fresh_backup)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            copy.execute("SELECT count(*) FROM participant WHERE anonymised_on IS NOT NULL").fetchone()[0]
            == 3
        )


def test_the_database_and_the_fresh_backup_are_readable_by_the_user_alone(
    register: Register, tmp_path: Path
) -> None:
    anonymise(register.database, [register.key("Bilal")], TODAY)
    report = remove_traces(register.database, tmp_path / "backups", now=dt.datetime(2026, 11, 25, 14, 30))
    assert report.fresh_backup.name == "register-2026-11-25T143000-efter-gallring.sqlite"
    for path in (register.database.path, report.fresh_backup):
        assert path.stat().st_mode & 0o077 == 0, path.name


def test_the_clean_up_logs_no_names(
    register: Register, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    anonymise(register.database, [register.key("Amina"), register.key("Olle")], TODAY)
    remove_traces(register.database, tmp_path / "backups", now=dt.datetime(2026, 11, 25, 14, 30))
    assert caplog.records, "the clean-up says what it did"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not [name for name in ANONYMISED_NAMES if name in logged]


def test_a_family_left_with_only_anonymised_members_loses_its_name(register: Register) -> None:
    # Hodan was anonymised elsewhere (an imported register, say) but still belongs to the family.
    with register.database.transaction() as session:
        hodan = session.get(Participant, register.ids["Hodan"])
        assert hodan is not None
        hodan.first_name, hodan.last_name, hodan.anonymised_on = "", "", dt.date(2026, 6, 1)
    anonymise(register.database, [register.key("Amina")], TODAY)
    with register.database.transaction() as session:
        assert session.get(Family, register.ids["Farah family"]) is None
        assert session.scalar(select(func.count()).where(Participant.family_id.is_not(None))) == 0
