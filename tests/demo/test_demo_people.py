"""The demo's people: fictional families written in their own scripts, safe phone numbers, trained staff."""

import itertools
import re
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from biv_desktop.domain.ages import age_on
from biv_desktop.domain.enums import Mark, Organisation, ProgrammeStatus, Role, SessionStatus
from biv_desktop.store.models import (
    AttendanceMark,
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    InterpreterLanguage,
    Language,
    Participant,
    Trainee,
    TrainingCourse,
    WaitingListEntry,
)

SCRIPTS = {
    "ar": re.compile(r"^[\u0600-\u06ff\u0750-\u077f ]+$"),
    "prs": re.compile(r"^[\u0600-\u06ff\u0750-\u077f ]+$"),
    "ti": re.compile(r"^[\u1200-\u139f ]+$"),
    "uk": re.compile(r"^[\u0400-\u04ff \-]+$"),
}


def _participants(built: Any) -> list[Participant]:
    with built.database.transaction() as session:
        return list(
            session.scalars(
                select(Participant).options(joinedload(Participant.mother_tongue)).order_by(Participant.id)
            )
        )


def test_native_names_are_written_in_the_languages_own_script(built: Any) -> None:
    by_language: dict[str, list[Participant]] = defaultdict(list)
    for participant in _participants(built):
        assert participant.mother_tongue is not None
        by_language[participant.mother_tongue.iso_code].append(participant)

    for iso_code, script in SCRIPTS.items():
        native = [person.native_name for person in by_language[iso_code] if person.native_name]
        assert len(native) * 3 >= len(by_language[iso_code]), f"too few native {iso_code} names"
        assert all(script.match(name) for name in native), iso_code
    assert by_language["so"], "Somali families belong in the demo"
    assert not [person for person in by_language["so"] if person.native_name], (
        "Somali is written in Latin letters"
    )


def test_some_names_are_long_enough_to_stress_layouts(built: Any) -> None:
    assert any(len(person.full_name) >= 30 for person in _participants(built))


def test_every_phone_number_is_in_the_range_reserved_for_fiction(built: Any) -> None:
    with built.database.transaction() as session:
        numbers = [person.guardian_phone for person in session.scalars(select(Participant))]
        numbers += [leader.phone for leader in session.scalars(select(GroupLeader))]
        numbers += [interpreter.phone for interpreter in session.scalars(select(Interpreter))]

    assert all(numbers)
    for number in numbers:
        digits = re.sub(r"\D", "", number)
        assert len(digits) == 10 and digits.startswith("07017406"), number
        assert 5 <= int(digits[-2:]) <= 99, number


def test_families_have_one_or_two_guardians_and_one_to_four_children(built: Any) -> None:
    families: dict[int | None, list[Participant]] = defaultdict(list)
    for participant in _participants(built):
        families[participant.family_id].append(participant)

    assert None not in families
    for members in families.values():
        guardians = [person for person in members if person.role is Role.GUARDIAN]
        children = [person for person in members if person.role is Role.CHILD]
        assert 1 <= len(guardians) <= 2
        assert 1 <= len(children) <= 4
        assert len({person.first_name for person in members}) == len(members), "siblings share a first name"


def test_status_changes_are_dated_and_lead_to_a_residence_permit(built: Any) -> None:
    changed = [person for person in _participants(built) if person.status_changed_on is not None]

    assert changed
    assert all(person.programme_status is ProgrammeStatus.RESIDENCE_PERMIT for person in changed)
    assert all(person.status_changed_on <= built.today for person in changed if person.status_changed_on)


def test_attendance_is_taken_for_held_sessions_of_enrolled_participants(built: Any) -> None:
    with built.database.transaction() as session:
        enrolled = {
            (row.group_id, row.participant_id): (row.joined_on, row.left_on)
            for row in session.scalars(select(Enrollment))
        }
        rows = session.execute(
            select(
                AttendanceMark.participant_id, AttendanceMark.mark, GroupSession.group_id, GroupSession.date
            )
            .join(AttendanceMark.session)
            .where(GroupSession.status != SessionStatus.HELD)
        ).all()
        assert rows == [], "marks only for held sessions"
        marks = session.execute(
            select(
                AttendanceMark.participant_id, AttendanceMark.mark, GroupSession.group_id, GroupSession.date
            ).join(AttendanceMark.session)
        ).all()
        leavers = session.scalars(select(Enrollment).where(Enrollment.left_on.is_not(None))).all()

    assert {mark for _participant, mark, _group, _day in marks} == set(Mark)
    present = sum(1 for _participant, mark, _group, _day in marks if mark is Mark.PRESENT)
    assert present > 0.75 * len(marks)
    for participant_id, _mark, group_id, day in marks:
        joined_on, left_on = enrolled[group_id, participant_id]
        assert joined_on <= day and (left_on is None or day < left_on)
    assert leavers and all(enrollment.leave_reason for enrollment in leavers)


def test_someone_misses_two_sessions_in_a_row(built: Any) -> None:
    with built.database.transaction() as session:
        rows = session.execute(
            select(
                GroupSession.group_id, GroupSession.number, AttendanceMark.participant_id, AttendanceMark.mark
            )
            .join(AttendanceMark.session)
            .order_by(GroupSession.group_id, AttendanceMark.participant_id, GroupSession.number)
        ).all()
    history: dict[tuple[int, int], list[Mark]] = defaultdict(list)
    for group_id, _number, participant_id, mark in rows:
        history[group_id, participant_id].append(mark)

    assert any(
        first is not Mark.PRESENT and second is not Mark.PRESENT
        for marks in history.values()
        for first, second in itertools.pairwise(marks)
    )


def test_children_on_the_waiting_list_are_in_no_group(built: Any) -> None:
    with built.database.transaction() as session:
        entries = session.scalars(
            select(WaitingListEntry).options(joinedload(WaitingListEntry.participant))
        ).all()
        enrolled = set(session.scalars(select(Enrollment.participant_id)))

    assert entries
    for entry in entries:
        child = entry.participant
        assert child.role is Role.CHILD
        assert child.id not in enrolled
        assert entry.added_on <= built.today
        assert 7 <= age_on(child.birth_year, built.today, child.birth_date) <= 20


def test_leaders_are_trained_on_the_courses_and_some_are_not_yet(built: Any) -> None:
    with built.database.transaction() as session:
        leaders = session.scalars(select(GroupLeader)).all()
        places = session.scalars(select(Trainee).options(joinedload(Trainee.course))).all()

    completed = {(place.leader_id, place.completed_on) for place in places if place.completed}
    for leader in leaders:
        if leader.trained:
            assert (leader.id, leader.trained_on) in completed, leader.full_name
    assert any(not leader.trained for leader in leaders)
    assert any(leader.organisation is Organisation.MUNICIPALITY for leader in leaders)
    assert sum(1 for leader in leaders if leader.organisation is Organisation.PARISH) > len(leaders) / 2
    external = [place for place in places if place.leader_id is None]
    assert external and all(
        place.external_name and place.organisation is Organisation.MUNICIPALITY for place in external
    )
    for place in places:
        assert place.completed == (place.completed_on is not None)
        if place.completed:
            assert place.course.ends_on < built.today


def test_courses_are_held_once_or_twice_a_year(built: Any) -> None:
    with built.database.transaction() as session:
        courses = session.scalars(select(TrainingCourse)).all()
    per_year: dict[int, int] = defaultdict(int)
    for course in courses:
        per_year[course.starts_on.year if course.starts_on.month >= 4 else course.starts_on.year - 1] += 1

    assert all(1 <= count <= 2 for count in per_year.values())


def test_interpreters_speak_the_language_of_their_groups(built: Any) -> None:
    with built.database.transaction() as session:
        spoken = set(
            session.execute(select(InterpreterLanguage.interpreter_id, InterpreterLanguage.language_id))
        )
        groups = session.execute(select(Group.interpreter_id, Group.language_id)).all()
        codes = set(session.scalars(select(Language.iso_code).join(Group, Group.language_id == Language.id)))

    assert codes <= {"ar", "so", "prs", "ti", "uk"} and len(codes) >= 4
    for interpreter_id, language_id in groups:
        assert interpreter_id is not None
        assert (interpreter_id, language_id) in spoken
