"""What the attendance sheets are drawn from: who belongs on a session, "Träff n av m", the session's own
staffing and place, the course's columns and marks, and the print pack's sessions in order."""

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Mark, Programme, Role, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.groups import finding as lookup
from biv_desktop.services.printing import sheets
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Participant,
    Premises,
)

START = dt.date(2026, 1, 28)  # a Wednesday


@dataclass(frozen=True)
class Register:
    """Ids of the fixture's rows, by what the tests call them."""

    group_id: int
    group_uuid: str
    other_group_id: int
    sessions: dict[int, int]  # number -> session id
    people: dict[str, int]  # first name -> participant id
    ryd_id: int
    berga_id: int


def _date(number: int) -> dt.date:
    return START + dt.timedelta(weeks=number - 1)


@pytest.fixture
def register(database: Database) -> Register:
    """A Dari children's group at Ryd on Wednesdays: sessions 1–14, session 6 cancelled and made up for by
    session 15 at the end; session 9 with a substitute leader; session 10 held at Berga. Five children:
    Nilofar joins at session 3, Omid leaves after session 8, and Parisa belongs to another group. A cancelled
    group meets the same day at Berga, and a parents' group at Berga starts earlier on Wednesdays."""
    with database.transaction() as session:
        dari = session.scalars(select(Language).where(Language.iso_code == "prs")).one()
        ryd = Premises(name="Ryds kyrka", district="Ryd", address="Rydsvägen 1")
        berga = Premises(name="Berga kyrka", district="Berga", address="Bergavägen 2")
        karin = GroupLeader(first_name="Karin", last_name="Holmgren")
        anders = GroupLeader(first_name="Anders", last_name="Bergvik")
        leyla = GroupLeader(first_name="Leyla", last_name="Samadi")
        tolk = Interpreter(first_name="Farid", last_name="Nazari")

        def group(name: str, premises: Premises, start: dt.time, status: GroupStatus) -> Group:
            return Group(
                name=name,
                programme=Programme.BIS,
                kind=GroupKind.CHILDREN,
                language=dari,
                age_min=10,
                age_max=12,
                premises=premises,
                leader1=karin,
                leader2=anders,
                interpreter=tolk,
                start_date=START,
                weekday=2,
                start_time=start,
                end_time=dt.time(start.hour + 2, 0),
                status=status,
            )

        main = group("BIS Dari 10–12 år, Ryd, vt 2026", ryd, dt.time(17, 0), GroupStatus.RUNNING)
        other = group("BIS Dari 13–15 år, Berga, vt 2026", berga, dt.time(15, 0), GroupStatus.RUNNING)
        called_off = group("BIS Dari inställd, Berga, vt 2026", berga, dt.time(17, 0), GroupStatus.CANCELLED)
        session.add_all([main, other, called_off])
        for number in range(1, 16):
            day = _date(number) if number < 15 else _date(16)
            row = GroupSession(
                number=number,
                date=day,
                start_time=main.start_time,
                end_time=main.end_time,
                theme_title=f"Tema {number}",
                theme_description="Vi ritar och berättar." if number == 5 else "",
                status=SessionStatus.CANCELLED if number == 6 else SessionStatus.PLANNED,
                leader1=karin,
                leader2=leyla if number == 9 else anders,
                interpreter=tolk,
                premises=berga if number == 10 else None,
            )
            main.sessions.append(row)
        for target in (other, called_off):
            for number in range(1, 15):
                target.sessions.append(
                    GroupSession(
                        number=number,
                        date=_date(number),
                        start_time=target.start_time,
                        end_time=target.end_time,
                        theme_title=f"Tema {number}",
                        status=SessionStatus.CANCELLED if target is called_off else SessionStatus.PLANNED,
                        # No staffing copied: the group's leaders stand in.
                    )
                )
        children = {
            "Omid": (2014, START, _date(8)),
            "Nilofar": (2015, _date(3), None),
            "Jawid": (2014, START, None),
            "Ömer": (2013, START, None),
        }
        people: dict[str, Participant] = {}
        for first_name, (born, joined, left) in children.items():
            child = Participant(
                first_name=first_name,
                last_name="Testsson",
                native_name="جاوید" if first_name == "Jawid" else "",
                birth_year=born,
                role=Role.CHILD,
            )
            people[first_name] = child
            session.add(Enrollment(participant=child, group=main, joined_on=joined, left_on=left))
        parisa = Participant(first_name="Parisa", last_name="Testsson", birth_year=2012, role=Role.CHILD)
        people["Parisa"] = parisa
        session.add(Enrollment(participant=parisa, group=other, joined_on=START))
        session.flush()
        by_number = {row.number: row for row in main.sessions}
        for number in (1, 2):
            for name in ("Omid", "Jawid", "Ömer"):
                mark = Mark.PRESENT if (name, number) != ("Jawid", 2) else Mark.NOTIFIED_ABSENCE
                session.add(AttendanceMark(session=by_number[number], participant=people[name], mark=mark))
        session.add(AttendanceMark(session=by_number[3], participant=people["Ömer"], mark=Mark.ABSENT))
        session.flush()
        return Register(
            group_id=main.id,
            group_uuid=main.uuid,
            other_group_id=other.id,
            sessions={row.number: row.id for row in main.sessions},
            people={name: person.id for name, person in people.items()},
            ryd_id=ryd.id,
            berga_id=berga.id,
        )


def names(sheet: sheets.SessionSheet) -> list[str]:
    return [person.name for person in sheet.participants]


def test_session_sheet_carries_everything_the_page_prints(database: Database, register: Register) -> None:
    sheet = sheets.session_sheet(database, register.sessions[5])
    session = sheet.session
    assert (session.number, session.plan_length, session.label) == (5, 15, "Träff 5 av 15")
    assert session.date == dt.date(2026, 2, 25)
    assert (session.start_time, session.end_time) == (dt.time(17, 0), dt.time(19, 0))
    assert (session.theme, session.theme_description) == ("Tema 5", "Vi ritar och berättar.")
    assert (session.premises, session.premises_address) == ("Ryds kyrka", "Rydsvägen 1")
    assert session.leader_names == ("Karin Holmgren", "Anders Bergvik")
    assert session.interpreter_name == "Farid Nazari"
    assert session.takes_place
    group = sheet.group
    assert (group.name, group.programme, group.language, group.age_band_label) == (
        "BIS Dari 10–12 år, Ryd, vt 2026",
        Programme.BIS,
        "dari",
        "10–12 år",
    )
    # Swedish alphabetical order: Ö after the rest.
    assert names(sheet) == ["Jawid Testsson", "Nilofar Testsson", "Omid Testsson", "Ömer Testsson"]
    jawid = sheet.participants[0]
    assert (jawid.native_name, jawid.birth_year) == ("جاوید", 2014)


def test_only_those_enrolled_on_the_day_are_listed(database: Database, register: Register) -> None:
    # Nilofar joins on session 3's date and Omid leaves on session 8's: both days count as theirs.
    assert "Nilofar Testsson" not in names(sheets.session_sheet(database, register.sessions[2]))
    assert "Nilofar Testsson" in names(sheets.session_sheet(database, register.sessions[3]))
    assert "Omid Testsson" in names(sheets.session_sheet(database, register.sessions[8]))
    assert "Omid Testsson" not in names(sheets.session_sheet(database, register.sessions[9]))
    assert "Parisa Testsson" not in names(sheets.session_sheet(database, register.sessions[1]))


def test_every_session_keeps_its_number_in_the_plan_cancelled_or_replaced(
    database: Database, register: Register
) -> None:
    cancelled = sheets.session_sheet(database, register.sessions[6]).session
    assert not cancelled.takes_place
    assert cancelled.label == "Träff 6 av 15 – inställd"
    assert sheets.session_sheet(database, register.sessions[7]).session.label == "Träff 7 av 15"
    assert sheets.session_sheet(database, register.sessions[15]).session.label == "Träff 15 av 15"


def test_the_sessions_own_staffing_and_place_come_first(database: Database, register: Register) -> None:
    substitute = sheets.session_sheet(database, register.sessions[9]).session
    assert substitute.leader_names == ("Karin Holmgren", "Leyla Samadi")
    moved = sheets.session_sheet(database, register.sessions[10]).session
    assert (moved.premises, moved.premises_address) == ("Berga kyrka", "Bergavägen 2")
    # A session with nobody booked says so, whoever leads the group: the sheet never fills in the group's staff.
    other = sheets.session_sheet_by_number(database, register.other_group_id, 1)
    assert other.session.leader_names == ()
    assert other.session.interpreter_name == ""
    assert other.group.leader_names == ("Karin Holmgren", "Anders Bergvik")
    assert names(other) == ["Parisa Testsson"]


def test_session_by_number_and_its_errors(database: Database, register: Register) -> None:
    assert sheets.session_sheet_by_number(database, register.group_id, 5).session.id == register.sessions[5]
    with pytest.raises(ValidationError) as missing:
        sheets.session_sheet_by_number(database, register.group_id, 16)
    assert missing.value.message == (
        "Gruppen ”BIS Dari 10–12 år, Ryd, vt 2026” har ingen träff nummer 16; träffarna är numrerade 1–15."
    )
    with pytest.raises(ValidationError, match="Gruppen finns inte längre"):
        sheets.session_sheet_by_number(database, 9999, 1)
    with pytest.raises(ValidationError, match="Träffen finns inte längre"):
        sheets.session_sheet(database, 9999)


def test_course_sheet_has_every_session_in_date_order_with_marks(
    database: Database, register: Register
) -> None:
    course = sheets.course_sheet(database, register.group_id)
    assert [column.number for column in course.sessions] == list(range(1, 16))
    assert [column.date for column in course.sessions][-1] == _date(16)
    assert [column.label for column in course.sessions][4:7] == [
        "Träff 5 av 15",
        "Träff 6 av 15 – inställd",
        "Träff 7 av 15",
    ]
    assert [column.takes_place for column in course.sessions].count(False) == 1
    rows = {row.participant.name: row for row in course.rows}
    assert list(rows) == ["Jawid Testsson", "Nilofar Testsson", "Omid Testsson", "Ömer Testsson"]
    assert rows["Jawid Testsson"].marks[:3] == (Mark.PRESENT, Mark.NOTIFIED_ABSENCE, None)
    assert rows["Ömer Testsson"].marks[:3] == (Mark.PRESENT, Mark.PRESENT, Mark.ABSENT)
    assert rows["Ömer Testsson"].present_count == 2
    assert rows["Nilofar Testsson"].enrolled[:3] == (False, False, True)
    assert rows["Omid Testsson"].enrolled[7:9] == (True, False)
    assert course.has_marks
    assert [course.present_at(index) for index in range(3)] == [3, 2, 0]
    assert [course.taken_at(index) for index in range(4)] == [True, True, True, False]


def test_a_course_without_sessions_is_refused(database: Database, register: Register) -> None:
    with database.transaction() as session:
        group = session.get(Group, register.group_id)
        assert group is not None
        group.sessions.clear()
    with pytest.raises(ValidationError, match="har inga träffar ännu"):
        sheets.course_sheet(database, register.group_id)


def test_print_pack_lists_the_periods_sessions_by_date_time_and_premises(
    database: Database, register: Register
) -> None:
    pack = sheets.print_pack(database, _date(5), _date(7))
    # Session 6 is cancelled, and the cancelled group's sessions never count.
    assert [(sheet.session.date, sheet.session.start_time, sheet.group.name) for sheet in pack.sheets] == [
        (_date(5), dt.time(15, 0), "BIS Dari 13–15 år, Berga, vt 2026"),
        (_date(5), dt.time(17, 0), "BIS Dari 10–12 år, Ryd, vt 2026"),
        (_date(6), dt.time(15, 0), "BIS Dari 13–15 år, Berga, vt 2026"),
        (_date(7), dt.time(15, 0), "BIS Dari 13–15 år, Berga, vt 2026"),
        (_date(7), dt.time(17, 0), "BIS Dari 10–12 år, Ryd, vt 2026"),
    ]
    assert pack.premises is None
    assert (pack.first, pack.last) == (_date(5), _date(7))


def test_print_pack_for_one_premises_follows_where_each_session_is_held(
    database: Database, register: Register
) -> None:
    # Session 10 of the Ryd group is held at Berga.
    at_berga = sheets.print_pack(database, _date(10), _date(10), register.berga_id)
    assert at_berga.premises == "Berga kyrka"
    assert sorted(sheet.group.name for sheet in at_berga.sheets) == [
        "BIS Dari 10–12 år, Ryd, vt 2026",
        "BIS Dari 13–15 år, Berga, vt 2026",
    ]
    assert sheets.print_pack(database, _date(10), _date(10), register.ryd_id).sheets == ()


def test_print_pack_refuses_a_backward_period(database: Database, register: Register) -> None:
    with pytest.raises(ValidationError) as backward:
        sheets.print_pack(database, _date(5), _date(4))
    assert backward.value.field == "last"
    assert sheets.print_pack(database, dt.date(2025, 7, 1), dt.date(2025, 7, 31)).sheets == ()


def test_groups_are_found_by_number_or_uuid(database: Database, register: Register) -> None:
    assert lookup.find_group_id(database, str(register.group_id)) == register.group_id
    assert lookup.find_group_id(database, register.group_uuid.upper()) == register.group_id
    with pytest.raises(ValidationError, match="Det finns ingen grupp med id 4711"):
        lookup.find_group_id(database, "4711")


def test_premises_are_found_by_name_in_any_case(database: Database, register: Register) -> None:
    assert lookup.find_premises_id(database, "  berga KYRKA ") == register.berga_id
    with pytest.raises(ValidationError) as unknown:
        lookup.find_premises_id(database, "Skäggetorp")
    assert unknown.value.message == (
        "Lokalen ”Skäggetorp” finns inte. Lokalerna som finns är: Berga kyrka, Ryds kyrka."
    )


def test_an_anonymised_participant_keeps_a_row_but_no_name(database: Database, register: Register) -> None:
    with database.transaction() as session:
        person = session.get(Participant, register.people["Jawid"])
        assert person is not None
        person.first_name, person.last_name, person.anonymised_on = "", "", dt.date(2026, 6, 1)
    sheet = sheets.session_sheet(database, register.sessions[5])
    assert "Anonymiserad deltagare" in names(sheet)
    assert all(person.native_name == "" for person in sheet.participants)


def test_people_on_a_sheet_sort_by_surname_as_on_screen(database: Database, register: Register) -> None:
    with database.transaction() as session:
        for first, last in (("Ahmad", "Zand"), ("Zahra", "Ahmadi"), ("Åsa", "Berg"), ("Anna", "Berg")):
            person = Participant(first_name=first, last_name=last, birth_year=2014, role=Role.CHILD)
            session.add(Enrollment(participant=person, group_id=register.other_group_id, joined_on=START))
    other = sheets.course_sheet(database, register.other_group_id)
    assert [row.participant.name for row in other.rows] == [
        "Zahra Ahmadi",
        "Anna Berg",
        "Åsa Berg",
        "Parisa Testsson",
        "Ahmad Zand",
    ]
