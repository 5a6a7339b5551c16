"""The overview's figures: the agreement year, running groups, enrolled participants, the week, training."""

import datetime as dt
import itertools

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind, GroupStatus, Organisation, Programme, SessionStatus
from biv_desktop.services.followup.overview import agreement_year, load_overview
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Agreement,
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Participant,
    Premises,
    Trainee,
    TrainingCourse,
)

TODAY = dt.date(2026, 3, 10)  # a Tuesday in week 11
_names = itertools.count(1)


def add_agreement(
    session: Session, starts_on: dt.date, ends_on: dt.date, name: str = "IOP", **extra: int
) -> None:
    session.add(
        Agreement(
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            public_party="Kommunen",
            nonprofit_party="Pastoratet",
            municipal_amount_sek=300_500,
            parish_amount_per_year_sek=160_000,
            **extra,
        )
    )


def add_group(
    session: Session,
    start: dt.date,
    status: GroupStatus = GroupStatus.RUNNING,
    kind: GroupKind = GroupKind.CHILDREN,
    language: str = "so",
) -> Group:
    premises = session.scalars(select(Premises)).first()
    if premises is None:
        premises = Premises(name="Berga kyrka", district="Berga")
        session.add(premises)
        session.flush()
    group = Group(
        name=f"Grupp {next(_names)}",
        programme=Programme.BIV,
        kind=kind,
        language_id=session.scalars(select(Language.id).where(Language.iso_code == language)).one(),
        premises_id=premises.id,
        start_date=start,
        weekday=start.weekday(),
        start_time=dt.time(17),
        end_time=dt.time(19),
        status=status,
    )
    session.add(group)
    session.flush()
    return group


def add_person(
    session: Session, model: type[GroupLeader] | type[Interpreter], first_name: str, **fields: object
) -> int:
    person = model(first_name=first_name, last_name="Testsson", **fields)
    session.add(person)
    session.flush()
    return person.id


def enrol(session: Session, group: Group, joined: dt.date, left: dt.date | None = None) -> Participant:
    participant = Participant(first_name=f"Barn {next(_names)}", birth_year=2015)
    session.add(participant)
    session.flush()
    session.add(Enrollment(participant_id=participant.id, group_id=group.id, joined_on=joined, left_on=left))
    return participant


def test_without_an_agreement_the_year_is_not_counted(database: Database) -> None:
    with database.transaction() as session:
        add_group(session, dt.date(2026, 2, 3))
    overview = load_overview(database, TODAY)
    assert overview.agreement is None
    assert overview.groups_started == 0
    assert overview.training_places_used == 0
    assert overview.running_groups == 1


def test_groups_count_toward_the_agreement_year_when_started_in_it_and_not_cancelled(
    database: Database,
) -> None:
    with database.transaction() as session:
        add_agreement(session, dt.date(2025, 4, 1), dt.date(2026, 3, 31), min_groups_per_year=6)
        add_group(session, dt.date(2025, 4, 1), GroupStatus.FINISHED)  # first day of the year
        add_group(session, dt.date(2025, 9, 1), GroupStatus.FINISHED)
        add_group(session, dt.date(2026, 2, 5), GroupStatus.RUNNING, GroupKind.PARENTS)
        add_group(session, TODAY, GroupStatus.RUNNING)  # starts today
        add_group(session, dt.date(2025, 10, 6), GroupStatus.CANCELLED)
        add_group(session, dt.date(2025, 3, 31), GroupStatus.FINISHED)  # the year before
        add_group(session, dt.date(2026, 3, 24), GroupStatus.PLANNED)  # later this year
        add_group(session, dt.date(2026, 4, 7), GroupStatus.PLANNED)  # next year
    overview = load_overview(database, TODAY)
    assert overview.agreement is not None
    assert overview.agreement.min_groups_per_year == 6
    assert (overview.children_groups_started, overview.parents_groups_started) == (3, 1)
    assert overview.groups_started == 4
    assert overview.groups_planned == 1
    assert overview.running_groups == 2


def test_the_latest_agreement_in_force_is_the_current_one(database: Database) -> None:
    with database.transaction() as session:
        add_agreement(session, dt.date(2023, 4, 1), dt.date(2024, 3, 31), "Gammalt")
        add_agreement(
            session, dt.date(2025, 4, 1), dt.date(2026, 3, 31), "Förlängt", training_places_per_year=5
        )
        add_agreement(session, dt.date(2026, 1, 1), dt.date(2026, 12, 31), "Nytt")
    assert load_overview(database, dt.date(2025, 12, 31)).agreement.name == "Förlängt"  # type: ignore[union-attr]
    assert load_overview(database, TODAY).agreement.name == "Nytt"  # type: ignore[union-attr]
    assert load_overview(database, dt.date(2024, 6, 1)).agreement is None


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "today", "expected"),
    [
        ((2025, 4, 1), (2026, 3, 31), (2026, 3, 31), ((2025, 4, 1), (2026, 3, 31))),
        ((2024, 4, 1), (2027, 3, 31), (2025, 6, 1), ((2025, 4, 1), (2026, 3, 31))),
        ((2024, 4, 1), (2026, 9, 30), (2026, 5, 1), ((2026, 4, 1), (2026, 9, 30))),
        ((2024, 2, 29), (2027, 2, 27), (2025, 3, 1), ((2025, 2, 28), (2026, 2, 27))),
    ],
)
def test_a_longer_agreement_is_counted_year_by_year(
    starts_on: tuple[int, int, int],
    ends_on: tuple[int, int, int],
    today: tuple[int, int, int],
    expected: tuple[tuple[int, int, int], tuple[int, int, int]],
) -> None:
    year = agreement_year(dt.date(*starts_on), dt.date(*ends_on), dt.date(*today))
    assert year == (dt.date(*expected[0]), dt.date(*expected[1]))


def test_enrolled_participants_are_those_in_running_groups_today(database: Database) -> None:
    with database.transaction() as session:
        running = add_group(session, dt.date(2026, 2, 3))
        other_running = add_group(session, dt.date(2026, 2, 5), kind=GroupKind.PARENTS)
        finished = add_group(session, dt.date(2025, 9, 1), GroupStatus.FINISHED)
        enrol(session, running, dt.date(2026, 2, 1))
        enrol(session, running, dt.date(2026, 2, 1), left=dt.date(2026, 3, 20))  # still there today
        enrol(session, running, dt.date(2026, 2, 1), left=dt.date(2026, 2, 20))  # has left
        enrol(session, running, dt.date(2026, 3, 17))  # joins next week
        in_both = enrol(session, other_running, dt.date(2026, 2, 5))
        session.add(Enrollment(participant_id=in_both.id, group_id=running.id, joined_on=dt.date(2026, 2, 5)))
        enrol(session, finished, dt.date(2025, 9, 1))
    assert load_overview(database, TODAY).enrolled_participants == 3


def language(session: Session, iso_code: str) -> Language:
    return session.scalars(select(Language).where(Language.iso_code == iso_code)).one()


def test_the_week_lists_its_sessions_in_order_and_flags_missing_staff(database: Database) -> None:
    with database.transaction() as session:
        karin = add_person(session, GroupLeader, "Karin", trained=True)
        anders = add_person(session, GroupLeader, "Anders", trained=True)
        yusuf = add_person(session, Interpreter, "Yusuf", languages=[language(session, "so")])
        somali = add_group(session, dt.date(2026, 2, 3))
        swedish = add_group(session, dt.date(2026, 2, 4), language="sv")
        cancelled_group = add_group(session, dt.date(2026, 2, 4), GroupStatus.CANCELLED)
        ryd = Premises(name="Ryds kyrka", district="Ryd")
        session.add(ryd)
        session.flush()

        def add_session(group: Group, number: int, day: dt.date, *staff: int | None, **extra: object) -> None:
            leader1, leader2, interpreter = (*staff, None, None, None)[:3]
            session.add(
                GroupSession(
                    group_id=group.id,
                    number=number,
                    date=day,
                    start_time=dt.time(17),
                    end_time=dt.time(19),
                    theme_title=f"Tema {number}",
                    leader1_id=leader1,
                    leader2_id=leader2,
                    interpreter_id=interpreter,
                    **extra,
                )
            )

        add_session(somali, 5, dt.date(2026, 3, 3), karin, anders, yusuf)  # last week
        add_session(somali, 6, dt.date(2026, 3, 10), karin, anders, yusuf)
        add_session(somali, 7, dt.date(2026, 3, 15), karin, None, None, premises_id=ryd.id)  # Sunday
        add_session(swedish, 6, dt.date(2026, 3, 9), karin, anders)  # Monday, no interpreter needed
        add_session(swedish, 7, dt.date(2026, 3, 11), None, None, None, status=SessionStatus.CANCELLED)
        add_session(cancelled_group, 6, dt.date(2026, 3, 11), None, None, None)
        add_session(somali, 8, dt.date(2026, 3, 16), karin, anders, yusuf)  # next week

    overview = load_overview(database, TODAY)
    assert (overview.week_starts_on, overview.week_ends_on, overview.iso_week) == (
        dt.date(2026, 3, 9),
        dt.date(2026, 3, 15),
        11,
    )
    week = overview.week_sessions
    assert [(s.date.day, s.number) for s in week] == [(9, 6), (10, 6), (11, 7), (15, 7)]
    assert [s.understaffed for s in week] == [False, False, False, True]
    assert week[1].leader_names == ("Karin Testsson", "Anders Testsson")
    assert week[1].interpreter_name == "Yusuf Testsson"
    assert week[1].premises == "Berga kyrka"
    assert (week[3].missing_leaders, week[3].missing_interpreter, week[3].premises) == (1, True, "Ryds kyrka")
    assert week[2].status is SessionStatus.CANCELLED
    assert overview.understaffed_sessions == 1
    assert week[3].staffing_problems == ("Bara en gruppledare.", "Ingen tolk.")


def test_an_untrained_leader_or_an_interpreter_without_the_language_leaves_a_session_understaffed(
    database: Database,
) -> None:
    with database.transaction() as session:
        karin = add_person(session, GroupLeader, "Karin", trained=True)
        anders = add_person(session, GroupLeader, "Anders", trained=True)
        nils = add_person(session, GroupLeader, "Nils")  # not trained yet
        yusuf = add_person(session, Interpreter, "Yusuf", languages=[language(session, "so")])
        amal = add_person(session, Interpreter, "Amal", languages=[language(session, "ar")])
        somali = add_group(session, dt.date(2026, 2, 3))
        for number, (leader2, interpreter) in enumerate(((nils, yusuf), (anders, amal), (anders, yusuf)), 1):
            session.add(
                GroupSession(
                    group_id=somali.id,
                    number=number,
                    date=TODAY + dt.timedelta(days=number - 1),
                    start_time=dt.time(17),
                    end_time=dt.time(19),
                    leader1_id=karin,
                    leader2_id=leader2,
                    interpreter_id=interpreter,
                )
            )

    untrained, wrong_language, staffed = load_overview(database, TODAY).week_sessions
    assert (untrained.missing_leaders, untrained.missing_interpreter) == (1, False)
    assert untrained.staffing_problems == ("Gruppledaren Nils Testsson är inte utbildad.",)
    assert (wrong_language.missing_leaders, wrong_language.missing_interpreter) == (0, True)
    assert wrong_language.staffing_problems == ("Tolken Amal Testsson talar inte somaliska.",)
    assert [s.understaffed for s in (untrained, wrong_language, staffed)] == [True, True, False]


def test_training_places_are_the_municipalitys_on_courses_starting_in_the_year(database: Database) -> None:
    with database.transaction() as session:
        add_agreement(session, dt.date(2025, 4, 1), dt.date(2026, 3, 31), training_places_per_year=4)
        leader = add_person(session, GroupLeader, "Johan")

        def course(starts_on: dt.date, *trainees: Trainee) -> None:
            session.add(
                TrainingCourse(
                    name=f"Kurs {starts_on}", starts_on=starts_on, ends_on=starts_on, trainees=list(trainees)
                )
            )

        municipal = Organisation.MUNICIPALITY
        course(
            dt.date(2025, 10, 4),
            Trainee(external_name="Eva Strandberg", organisation=municipal),
            Trainee(leader_id=leader, organisation=Organisation.PARISH),
        )
        course(dt.date(2026, 3, 31), Trainee(external_name="Lars Nyholm", organisation=municipal))
        course(dt.date(2025, 3, 30), Trainee(external_name="Per Ålander", organisation=municipal))
        course(dt.date(2026, 4, 1), Trainee(external_name="Siv Ekström", organisation=municipal))
    overview = load_overview(database, TODAY)
    assert overview.training_places_used == 2
    assert overview.agreement is not None
    assert overview.agreement.training_places_per_year == 4
