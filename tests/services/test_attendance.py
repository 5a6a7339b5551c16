"""Taking attendance: the session sheet, marks, all present, the staff, saving, walk-ins and the grid."""

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from biv_desktop.domain.attendance_rules import Tally
from biv_desktop.domain.enums import (
    Gender,
    GroupKind,
    GroupStatus,
    Mark,
    Programme,
    ProgrammeStatus,
    Role,
    SessionStatus,
)
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.attendance import (
    StaffPresence,
    StaffSlot,
    check_session_attendance,
    grid,
    mark,
    mark_all_present,
    save_session_attendance,
    session_attendance,
    set_staff_presence,
)
from biv_desktop.services.attendance.walk_in import add_walk_in, check_walk_in
from biv_desktop.services.participants.register import get_participant, list_participants
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Participant,
    Premises,
)

TODAY = dt.date(2026, 3, 10)  # a Tuesday: session 6 of the Somali group is today
P, F, A = Mark.PRESENT, Mark.ABSENT, Mark.NOTIFIED_ABSENCE


@dataclass(frozen=True)
class Fixture:
    """A Somali children's group with fourteen weekly sessions from 2026-02-03 (the fourth cancelled and
    made up by a fifteenth), and the ids the tests use."""

    database: Database
    group_id: int
    parents_group_id: int
    parents_session_id: int
    bis_session_id: int
    session: dict[int, int]  # number -> session id
    person: dict[str, int]  # first name -> participant id

    def sid(self, number: int) -> int:
        return self.session[number]


def _group(session: object, name: str, kind: GroupKind, programme: Programme, **values: object) -> Group:
    group = Group(
        name=name,
        kind=kind,
        programme=programme,
        start_date=dt.date(2026, 2, 3),
        weekday=1,
        start_time=dt.time(17),
        end_time=dt.time(19),
        status=GroupStatus.RUNNING,
        **values,
    )
    session.add(group)  # type: ignore[attr-defined]
    return group


@pytest.fixture
def fx(database: Database) -> Fixture:
    with database.transaction() as session:
        language = {row.iso_code: row for row in session.scalars(select(Language))}
        berga = Premises(name="Berga kyrka", district="Berga", address="Bergavägen 1")
        hall = Premises(name="Församlingshemmet", district="Berga", address="Kyrkogatan 4")
        karin = GroupLeader(first_name="Karin", last_name="Holmgren")
        anders = GroupLeader(first_name="Anders", last_name="Bergvik")
        yusuf = Interpreter(first_name="Yusuf", last_name="Warsame")
        session.add_all([berga, hall, karin, anders, yusuf])
        session.flush()
        group = _group(
            session, "BIV Somaliska 10–12 år, Berga, vt 2026", GroupKind.CHILDREN, Programme.BIV,
            language_id=language["so"].id, age_min=10, age_max=12, premises_id=berga.id,
            leader1_id=karin.id, leader2_id=anders.id, interpreter_id=yusuf.id,
        )  # fmt: skip
        parents = _group(
            session, "BIV Somaliska föräldrar, Berga, vt 2026", GroupKind.PARENTS, Programme.BIV,
            language_id=language["so"].id, premises_id=berga.id,
        )  # fmt: skip
        bis = _group(
            session, "BIS Dari 13–15 år, Berga, vt 2026", GroupKind.CHILDREN, Programme.BIS,
            language_id=language["prs"].id, age_min=13, age_max=15, premises_id=berga.id,
        )  # fmt: skip
        for number in range(1, 16):
            day = dt.date(2026, 2, 3) + dt.timedelta(weeks=number - 1)
            group.sessions.append(
                GroupSession(
                    number=number,
                    date=day,
                    start_time=dt.time(17),
                    end_time=dt.time(19),
                    theme_title=f"Tema {number}",
                    status=SessionStatus.CANCELLED if number == 4 else SessionStatus.PLANNED,
                    premises_id=hall.id if number == 2 else None,
                    leader1_id=karin.id,
                    leader2_id=None if number == 3 else anders.id,
                    interpreter_id=yusuf.id,
                )
            )
        for other in (parents, bis):
            other.sessions.append(
                GroupSession(number=1, date=dt.date(2026, 2, 3), start_time=dt.time(17), end_time=dt.time(19))
            )
        session.flush()
        people = {}
        for first, born, gender, joined, left in (
            ("Hodan", 2015, Gender.FEMALE, dt.date(2026, 1, 20), None),
            ("Abdi", 2014, Gender.MALE, dt.date(2026, 1, 20), None),
            ("Ayaan", 2015, Gender.FEMALE, dt.date(2026, 2, 17), None),  # from session 3
            ("Khadar", 2014, Gender.MALE, dt.date(2026, 1, 20), dt.date(2026, 2, 24)),  # after session 4
        ):
            person = Participant(
                first_name=first, last_name="Testsson", native_name="", birth_year=born, gender=gender
            )
            session.add(person)
            session.flush()
            session.add(
                Enrollment(participant_id=person.id, group_id=group.id, joined_on=joined, left_on=left)
            )
            people[first] = person.id
        return Fixture(
            database=database,
            group_id=group.id,
            parents_group_id=parents.id,
            parents_session_id=parents.sessions[0].id,
            bis_session_id=bis.sessions[0].id,
            session={s.number: s.id for s in group.sessions},
            person=people,
        )


def put(fx: Fixture, number: int, first_name: str, value: Mark | None) -> None:
    mark(fx.database, fx.sid(number), fx.person[first_name], value, today=TODAY)


def names(fx: Fixture, number: int) -> list[str]:
    return [row.first_name for row in session_attendance(fx.database, fx.sid(number), TODAY).rows]


# The session sheet --------------------------------------------------------------------------------------


def test_the_sheet_tells_the_room_what_session_it_is(fx: Fixture) -> None:
    sheet = session_attendance(fx.database, fx.sid(2), TODAY)
    assert sheet.group_name == "BIV Somaliska 10–12 år, Berga, vt 2026"
    assert (sheet.programme, sheet.language) == (Programme.BIV, "somaliska")
    # Session 2 meets elsewhere than the group usually does: the sheet gives the session's premises.
    assert (sheet.premises, sheet.premises_address) == ("Församlingshemmet", "Kyrkogatan 4")
    assert (sheet.date, sheet.start_time, sheet.end_time) == (dt.date(2026, 2, 10), dt.time(17), dt.time(19))
    assert (sheet.label, sheet.theme) == ("Träff 2 av 15", "Tema 2")
    assert [(m.role_label, m.name, m.present) for m in sheet.staff] == [
        ("Gruppledare", "Karin Holmgren", None),
        ("Gruppledare", "Anders Bergvik", None),
        ("Tolk", "Yusuf Warsame", None),
    ]
    assert sheet.open_for_marks
    assert session_attendance(fx.database, fx.sid(1), TODAY).premises == "Berga kyrka"


def test_a_session_keeps_its_number_in_the_plan_past_a_cancelled_one(fx: Fixture) -> None:
    """Session 4 is cancelled and 15 replaces it: the others keep their numbers, the count is the plan's."""
    after = session_attendance(fx.database, fx.sid(5), TODAY)
    assert (after.number, after.plan_length, after.label) == (5, 15, "Träff 5 av 15")
    assert session_attendance(fx.database, fx.sid(15), TODAY).label == "Träff 15 av 15"
    assert session_attendance(fx.database, fx.sid(4), TODAY).label == "Träff 4 av 15 – inställd"


def test_the_sheet_lists_who_was_enrolled_that_day(fx: Fixture) -> None:
    assert names(fx, 1) == ["Abdi", "Hodan", "Khadar"]  # Ayaan joined for session 3
    assert names(fx, 3) == ["Abdi", "Ayaan", "Hodan", "Khadar"]
    assert names(fx, 5) == ["Abdi", "Ayaan", "Hodan"]  # Khadar left on 2026-02-24
    row = session_attendance(fx.database, fx.sid(1), TODAY).rows[1]
    assert (row.name, row.birth_year, row.gender_label, row.mark) == ("Hodan Testsson", 2015, "Flicka", None)


def test_an_unbooked_leader_has_no_presence(fx: Fixture) -> None:
    leader2 = session_attendance(fx.database, fx.sid(3), TODAY).leader2
    assert (leader2.booked, leader2.name, leader2.present) == (False, "", None)


# Marks --------------------------------------------------------------------------------------------------


def test_a_mark_is_saved_returned_and_makes_the_session_held(fx: Fixture) -> None:
    change = mark(fx.database, fx.sid(1), fx.person["Hodan"], P, today=TODAY)
    assert change.attendee.mark is P
    assert change.row.mark_at(fx.sid(1)) is P
    assert change.session.status is SessionStatus.HELD
    assert change.session.totals == Tally(present=1, unmarked=2)
    assert change.row.totals == Tally(present=1)
    assert session_attendance(fx.database, fx.sid(1), TODAY).status is SessionStatus.HELD


def test_a_mark_can_be_changed_and_cleared(fx: Fixture) -> None:
    put(fx, 1, "Hodan", P)
    put(fx, 1, "Hodan", A)
    assert session_attendance(fx.database, fx.sid(1), TODAY).row_for(fx.person["Hodan"]).mark is A  # type: ignore[union-attr]
    change = mark(fx.database, fx.sid(1), fx.person["Hodan"], None, today=TODAY)
    assert change.attendee.mark is None
    assert change.session.totals == Tally(unmarked=3)
    assert change.session.status is SessionStatus.HELD  # clearing a mark does not undo that it was held


def test_a_session_still_to_come_is_refused_and_today_is_allowed(fx: Fixture) -> None:
    with pytest.raises(ValidationError) as error:
        mark(fx.database, fx.sid(7), fx.person["Hodan"], P, today=TODAY)
    assert error.value.message.startswith("Träffen har inte varit än: före träffen kan bara anmäld frånvaro")
    assert mark(fx.database, fx.sid(6), fx.person["Hodan"], P, today=TODAY).attendee.mark is P


def test_a_cancelled_session_is_refused(fx: Fixture) -> None:
    with pytest.raises(ValidationError, match="Träffen är inställd"):
        put(fx, 4, "Hodan", P)
    with pytest.raises(ValidationError, match="Träffen är inställd"):
        mark_all_present(fx.database, fx.sid(4), today=TODAY)


def test_someone_not_in_the_group_that_day_is_refused(fx: Fixture) -> None:
    with pytest.raises(ValidationError) as error:
        put(fx, 1, "Ayaan", P)
    assert error.value.field == "participant_id"
    assert "började i gruppen 2026-02-17" in error.value.message
    with pytest.raises(ValidationError, match="slutade i gruppen 2026-02-24"):
        put(fx, 5, "Khadar", P)


def test_a_missing_session_or_participant_is_explained(fx: Fixture) -> None:
    with pytest.raises(ValidationError, match="Träffen finns inte längre"):
        mark(fx.database, 9999, fx.person["Hodan"], P, today=TODAY)
    with pytest.raises(ValidationError, match="Deltagaren finns inte längre"):
        mark(fx.database, fx.sid(1), 9999, P, today=TODAY)


def test_all_present_marks_those_not_yet_marked_and_keeps_a_notified_absence(fx: Fixture) -> None:
    put(fx, 3, "Abdi", A)
    sheet = mark_all_present(fx.database, fx.sid(3), today=TODAY)
    assert [(row.first_name, row.mark) for row in sheet.rows] == [
        ("Abdi", A),
        ("Ayaan", P),
        ("Hodan", P),
        ("Khadar", P),
    ]
    assert sheet.status is SessionStatus.HELD


# Staff and saving ---------------------------------------------------------------------------------------


def test_staff_presence_is_recorded_one_person_at_a_time(fx: Fixture) -> None:
    member = set_staff_presence(fx.database, fx.sid(2), StaffSlot.INTERPRETER, True, today=TODAY)
    assert (member.name, member.present) == ("Yusuf Warsame", True)
    assert [m.present for m in session_attendance(fx.database, fx.sid(2), TODAY).staff] == [None, None, True]
    with pytest.raises(ValidationError, match="Gruppledare 2 är inte bokad"):
        set_staff_presence(fx.database, fx.sid(3), StaffSlot.LEADER2, True, today=TODAY)


def test_saving_asks_about_participants_without_a_mark(fx: Fixture) -> None:
    put(fx, 5, "Hodan", P)
    expected = "Abdi Testsson och Ayaan Testsson är inte markerade och räknas inte som närvarande."
    assert check_session_attendance(fx.database, fx.sid(5), TODAY) == (expected,)
    with pytest.raises(NeedsConfirmation) as asked:
        save_session_attendance(fx.database, fx.sid(5), StaffPresence(True, False, True), today=TODAY)
    assert asked.value.warnings == (expected,)
    assert [m.present for m in session_attendance(fx.database, fx.sid(5), TODAY).staff] == [None, None, None]


def test_saving_records_the_staff_and_marks_the_session_held(fx: Fixture) -> None:
    mark_all_present(fx.database, fx.sid(6), today=TODAY)
    sheet = save_session_attendance(fx.database, fx.sid(6), StaffPresence(True, False, True), today=TODAY)
    assert sheet.status is SessionStatus.HELD
    assert [m.present for m in sheet.staff] == [True, False, True]
    unmarked = save_session_attendance(
        fx.database, fx.sid(2), StaffPresence(True, True, None), override=True, today=TODAY
    )
    assert unmarked.status is SessionStatus.HELD
    assert unmarked.totals == Tally(unmarked=3)


# Walk-ins -----------------------------------------------------------------------------------------------


def test_a_walk_in_becomes_a_participant_enrolled_from_that_day_and_present(fx: Fixture) -> None:
    change = add_walk_in(fx.database, fx.sid(5), " Sagal ", 2015, Gender.FEMALE, today=TODAY)
    assert (change.attendee.name, change.attendee.mark, change.attendee.gender_label) == (
        "Sagal",
        P,
        "Flicka",
    )
    assert change.session.status is SessionStatus.HELD
    detail = get_participant(fx.database, change.attendee.participant_id, TODAY)
    assert detail.draft.role is Role.CHILD
    assert detail.language == "somaliska"
    assert detail.draft.programme_status is ProgrammeStatus.ASYLUM_SEEKING
    assert detail.family_name == ""
    assert [(e.group_id, e.joined_on) for e in detail.enrollments] == [(fx.group_id, dt.date(2026, 3, 3))]
    assert "Sagal" in names(fx, 6)  # and on the sessions after
    assert "Sagal" not in names(fx, 3)


def test_a_walk_in_takes_the_programme_and_role_from_the_group(fx: Fixture) -> None:
    bis = add_walk_in(fx.database, fx.bis_session_id, "Parisa", 2012, Gender.FEMALE, "Testsson", today=TODAY)
    assert get_participant(fx.database, bis.attendee.participant_id).draft.programme_status is (
        ProgrammeStatus.RESIDENCE_PERMIT
    )
    parent = add_walk_in(fx.database, fx.parents_session_id, "Faadumo", 1985, Gender.FEMALE, today=TODAY)
    assert (parent.attendee.role, parent.attendee.gender_label) == (Role.GUARDIAN, "Kvinna")


@pytest.mark.parametrize(
    ("first_name", "birth_year", "field", "message"),
    [
        ("  ", 2015, "first_name", "Förnamnet måste fyllas i."),
        ("Sagal", 1900, "birth_year", "Födelseåret måste ligga mellan 1916 och 2026."),
        ("Sagal", 2031, "birth_year", "Födelseåret måste ligga mellan 1916 och 2026."),
    ],
)
def test_a_walk_in_with_a_wrong_field_is_refused_by_name(
    fx: Fixture, first_name: str, birth_year: int, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        add_walk_in(fx.database, fx.sid(5), first_name, birth_year, Gender.FEMALE, today=TODAY)
    assert (error.value.field, error.value.message) == (field, message)
    assert names(fx, 5) == ["Abdi", "Ayaan", "Hodan"]


def test_a_child_cannot_walk_into_a_parents_group(fx: Fixture) -> None:
    with pytest.raises(ValidationError, match="föräldragruppen är för vuxna"):
        add_walk_in(fx.database, fx.parents_session_id, "Sagal", 2015, Gender.FEMALE, today=TODAY)


def test_a_walk_in_outside_the_age_band_or_already_registered_asks_first(fx: Fixture) -> None:
    warnings = check_walk_in(fx.database, fx.sid(5), "Hodan", 2015, Gender.FEMALE, today=TODAY)
    assert warnings == (
        "Det finns redan en deltagare som heter Hodan och är född 2015. Är det samma person, anmäl hen "
        "till gruppen i stället för att lägga till en ny.",
    )
    with pytest.raises(NeedsConfirmation) as asked:
        add_walk_in(fx.database, fx.sid(5), "Liban", 2018, Gender.MALE, today=TODAY)
    assert asked.value.warnings == ("Gästen är 8 år, gruppen är för 10–12 år.",)
    added = add_walk_in(fx.database, fx.sid(5), "Liban", 2018, Gender.MALE, override=True, today=TODAY)
    assert added.attendee.mark is P


def test_no_walk_in_at_a_session_still_to_come(fx: Fixture) -> None:
    with pytest.raises(ValidationError) as error:
        add_walk_in(fx.database, fx.sid(8), "Sagal", 2015, Gender.FEMALE, today=TODAY)
    assert error.value.message.startswith("Träffen har inte varit än: före träffen kan bara anmäld frånvaro")
    assert "Sagal" not in [row.first_name for row in list_participants(fx.database, TODAY)]


# The grid -----------------------------------------------------------------------------------------------


def test_the_grid_has_the_sessions_in_order_and_everyone_the_group_has_had(fx: Fixture) -> None:
    table = grid(fx.database, fx.group_id, TODAY)
    assert [s.number for s in table.sessions] == list(range(1, 16))
    assert [s.open_for_marks for s in table.sessions[:8]] == [
        True,
        True,
        True,
        False,
        True,
        True,
        False,
        False,
    ]
    assert [row.first_name for row in table.rows] == ["Abdi", "Ayaan", "Hodan", "Khadar"]
    ayaan = table.row_for(fx.person["Ayaan"])
    assert ayaan is not None and not ayaan.expects(fx.sid(2)) and ayaan.expects(fx.sid(3))


def test_the_grid_totals_count_held_sessions_and_leave_unmarked_ones_out_of_the_rate(fx: Fixture) -> None:
    marks_by_person: dict[str, list[Mark | None]] = {
        "Hodan": [P, P, P, P, P],
        "Abdi": [P, F, A, None, P],
        "Ayaan": [None, None, P, None, F],
        "Khadar": [P, F, F, None, None],
    }
    for first, marks in marks_by_person.items():
        for number, value in zip((1, 2, 3, 5, 6), marks, strict=True):
            if value is not None:
                put(fx, number, first, value)
    table = grid(fx.database, fx.group_id, TODAY)
    by_name = {row.first_name: row for row in table.rows}
    assert by_name["Abdi"].totals == Tally(present=2, absent=1, notified=1, unmarked=1)
    assert by_name["Abdi"].rate == pytest.approx(0.5)
    assert by_name["Ayaan"].totals == Tally(present=1, absent=1, unmarked=1)
    assert by_name["Khadar"].totals == Tally(present=1, absent=2)  # left before session 5
    session_5 = table.session(fx.sid(5))
    assert session_5.totals == Tally(present=1, unmarked=2)
    assert table.session(fx.sid(4)).totals == Tally()  # cancelled
    assert table.session(fx.sid(7)).totals == Tally()  # still planned
    assert table.totals == Tally(present=9, absent=4, notified=1, unmarked=2)
    assert table.rate == pytest.approx(9 / 14)


def test_the_grid_flags_two_missed_sessions_in_a_row_across_a_cancelled_one(fx: Fixture) -> None:
    put(fx, 1, "Abdi", P)
    put(fx, 3, "Abdi", F)
    put(fx, 5, "Abdi", A)  # session 4 was cancelled: 3 and 5 are in a row
    put(fx, 5, "Hodan", F)
    put(fx, 6, "Hodan", P)
    table = grid(fx.database, fx.group_id, TODAY)
    abdi = table.row_for(fx.person["Abdi"])
    assert abdi is not None and abdi.flagged
    assert abdi.missed_runs == ((fx.sid(3), fx.sid(5)),)
    assert abdi.misses_now == 2
    assert abdi.in_missed_run(fx.sid(5)) and not abdi.in_missed_run(fx.sid(1))
    assert [row.first_name for row in table.flagged_rows] == ["Abdi"]


def test_a_missing_group_is_explained(fx: Fixture) -> None:
    with pytest.raises(ValidationError, match="Gruppen finns inte längre"):
        grid(fx.database, 9999, TODAY)
