"""The follow-up service: what it reads from the register, and the periods it offers first."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.demo import write_demo_database
from biv_desktop.domain import settings as keys
from biv_desktop.domain.enums import (
    Channel,
    Gender,
    GroupKind,
    GroupStatus,
    Mark,
    Organisation,
    Party,
    Programme,
    Role,
    SessionStatus,
)
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.followup.figures import Attendance, GroupTally
from biv_desktop.services.followup.report import default_periods, follow_up_figures
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Agreement,
    AttendanceMark,
    CommunicationEffort,
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuote,
    FundingPart,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Participant,
    Premises,
    Questionnaire,
    Setting,
    Trainee,
    TrainingCourse,
)
from biv_desktop.store.register import open_register

FIRST, LAST = dt.date(2024, 4, 1), dt.date(2024, 9, 30)


def _agreement(starts_on: dt.date, ends_on: dt.date, name: str) -> Agreement:
    return Agreement(
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        public_party="Kommunen",
        nonprofit_party="Pastoratet",
        municipal_amount_sek=300_500,
        parish_amount_per_year_sek=160_000,
        funding_parts=[FundingPart(source="Avdelningens budget", amount_sek=100_000)],
    )


def _group(session: Session, language: str, **fields: object) -> Group:
    premises = session.scalars(select(Premises)).first() or Premises(name="Bergagården", district="Berga")
    group = Group(
        name="Grupp",
        language_id=session.scalars(select(Language.id).where(Language.iso_code == language)).one(),
        premises=premises,
        weekday=0,
        start_time=dt.time(15, 30),
        end_time=dt.time(17, 30),
        **fields,
    )
    session.add(group)
    return group


def _session(
    group: Group, number: int, day: dt.date, status: SessionStatus, **fields: object
) -> GroupSession:
    row = GroupSession(
        group=group,
        number=number,
        date=day,
        start_time=dt.time(15, 30),
        end_time=dt.time(17, 30),
        status=status,
        **fields,
    )
    group.sessions.append(row)
    return row


def _fill(database: Database) -> None:
    """Two groups in the first half of 2024/2025, with settings of 2 of 3 sessions to complete a group."""
    with database.transaction() as session:
        for key, value in ((keys.COMPLETION_SESSIONS, "2"), (keys.SESSIONS_PER_GROUP, "3")):
            setting = session.scalars(select(Setting).where(Setting.key == key)).one_or_none()
            if setting is None:
                session.add(Setting(key=key, value=value))
            else:
                setting.value = value
        session.add_all(
            [
                _agreement(dt.date(2023, 4, 1), dt.date(2024, 3, 31), "IOP 2023/2024"),
                _agreement(dt.date(2024, 4, 1), dt.date(2025, 3, 31), "IOP 2024/2025"),
            ]
        )
        present = GroupLeader(
            first_name="Vera", last_name="Ledarsson", trained=True, trained_on=dt.date(2024, 6, 1)
        )
        away = GroupLeader(first_name="Åke", last_name="Borta", trained=True, trained_on=dt.date(2019, 1, 1))
        interpreter = Interpreter(first_name="Tove", last_name="Tolksson")
        children = _group(
            session,
            "ar",
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            status=GroupStatus.FINISHED,
            start_date=dt.date(2024, 4, 8),
        )
        held = [
            _session(
                children,
                number,
                dt.date(2024, 4, 1) + dt.timedelta(weeks=number),
                SessionStatus.HELD,
                leader1=present,
                leader1_present=True,
                leader2=away,
                leader2_present=False,
                interpreter=interpreter,
            )
            for number in (1, 2, 3)
        ]
        parents = _group(
            session,
            "so",
            programme=Programme.BIS,
            kind=GroupKind.PARENTS,
            status=GroupStatus.CANCELLED,
            start_date=dt.date(2024, 5, 6),
        )
        _session(parents, 1, dt.date(2024, 5, 6), SessionStatus.CANCELLED)
        girl = Participant(
            first_name="Amina", last_name="Provsdotter", birth_year=2012, gender=Gender.FEMALE, district="Ryd"
        )
        # Anonymised: the name is gone, the figures stay.
        boy = Participant(
            first_name="",
            birth_year=2014,
            gender=Gender.MALE,
            district="Berga",
            anonymised_on=dt.date(2024, 12, 1),
        )
        mother = Participant(
            first_name="Hodan", birth_year=1988, gender=Gender.FEMALE, role=Role.GUARDIAN, district="Ryd"
        )
        session.add_all([girl, boy, mother])
        session.flush()
        for index, row in enumerate(held):
            session.add(AttendanceMark(session_id=row.id, participant_id=girl.id, mark=Mark.PRESENT))
            session.add(
                AttendanceMark(
                    session_id=row.id, participant_id=boy.id, mark=Mark.PRESENT if index == 0 else Mark.ABSENT
                )
            )
        session.add(
            AttendanceMark(session_id=held[0].id, participant_id=mother.id, mark=Mark.NOTIFIED_ABSENCE)
        )
        session.add(AttendanceMark(session_id=held[1].id, participant_id=mother.id, mark=Mark.PRESENT))
        course = TrainingCourse(
            name="Gruppledarutbildning", starts_on=dt.date(2024, 5, 20), ends_on=dt.date(2024, 5, 22)
        )
        course.trainees.append(
            Trainee(external_name="Kim Kommunsson", organisation=Organisation.MUNICIPALITY, completed=True)
        )
        course.trainees.append(Trainee(leader=present, organisation=Organisation.PARISH, completed=True))
        session.add(course)
        questionnaire = session.scalars(
            select(Questionnaire).where(Questionnaire.kind == GroupKind.CHILDREN)
        ).first()
        assert questionnaire is not None
        form = FeedbackForm(
            group=children, questionnaire=questionnaire, collected_on=dt.date(2024, 4, 22), respondents=2
        )
        first_question = questionnaire.questions[0]
        form.answers.append(FeedbackAnswer(option=first_question.options[0], count=2))
        form.quotes.append(FeedbackQuote(text="Jag fick nya vänner."))
        session.add(form)
        session.add(
            CommunicationEffort(
                date=dt.date(2024, 5, 2),
                party=Party.MUNICIPALITY,
                channel=Channel.MEETING,
                audience="Socialtjänsten",
                description="Information på APT",
            )
        )
        session.add(
            CommunicationEffort(date=dt.date(2024, 10, 2), party=Party.PARISH, channel=Channel.WEBSITE)
        )


@pytest.fixture
def filled(database: Database) -> Database:
    _fill(database)
    return database


def test_the_figures_come_from_the_register(filled: Database) -> None:
    figures = follow_up_figures(filled, FIRST, LAST, today=dt.date(2024, 10, 10))
    assert figures.compiled_on == dt.date(2024, 10, 10)
    # The parents' group was cancelled before it started: its one session is not a cancelled session.
    assert figures.groups.total == GroupTally(
        started=1, held=1, finished=1, cancelled=1, cancelled_before_start=1
    )
    assert [row.name for row in figures.groups.by_language] == ["arabiska", "somaliska"]
    assert (figures.sessions.held, figures.sessions.cancelled, figures.sessions.of_cancelled_groups) == (
        3,
        0,
        1,
    )
    # The anonymised boy still counts, by his birth year, gender and district.
    assert figures.participants.total == Attendance(unique_participants=3, participant_sessions=5, marks=8)
    assert [
        (cell.gender, cell.attendance.unique_participants) for cell in figures.participants.by_gender
    ] == [
        (Gender.FEMALE, 2),
        (Gender.MALE, 1),
        (Gender.OTHER, 0),
        (Gender.NOT_STATED, 0),
    ]
    assert [row.name for row in figures.participants.by_district] == ["Berga", "Ryd"]


def test_the_coordinators_completion_setting_is_used(filled: Database) -> None:
    completion = follow_up_figures(filled, FIRST, LAST).participants.completion
    # 2 of 3: the girl (3) completed; the boy and the mother (1 each) did not.
    assert (completion.completion_sessions, completion.sessions_per_group) == (2, 3)
    assert (completion.groups_finished, completion.participants, completion.completed) == (1, 3, 1)


def test_staff_presence_training_feedback_and_efforts_are_read(filled: Database) -> None:
    figures = follow_up_figures(filled, FIRST, LAST)
    staff = figures.staff
    # The second leader was recorded absent every time; the interpreter's presence was never taken.
    assert (staff.leaders_engaged, staff.interpreters_engaged, staff.sessions_with_interpreter) == (1, 1, 3)
    assert staff.trained_leaders_added == 1
    assert (staff.places_taken, staff.municipality_places_taken, staff.municipality_places_completed) == (
        2,
        1,
        1,
    )
    (summary,) = figures.feedback
    assert (summary.kind, summary.forms, summary.respondents, summary.quotes) == (
        GroupKind.CHILDREN,
        1,
        2,
        ("Jag fick nya vänner.",),
    )
    assert summary.questions[0].options[0].count == 2
    assert [effort.description for effort in figures.communication.efforts] == ["Information på APT"]
    (agreement,) = figures.agreements
    assert agreement.name == "IOP 2024/2025"
    assert [part.source for part in agreement.funding_parts] == ["Avdelningens budget"]
    assert agreement.municipality_places_taken_so_far == 1
    assert figures.min_groups_for_period == pytest.approx(6 * 183 / 365)


def test_a_period_that_ends_before_it_begins_is_refused(filled: Database) -> None:
    with pytest.raises(ValidationError, match="efter"):
        follow_up_figures(filled, LAST, FIRST)


def test_an_empty_period_gives_zeros_not_errors(filled: Database) -> None:
    figures = follow_up_figures(filled, dt.date(2030, 1, 1), dt.date(2030, 6, 30))
    assert figures.groups.total == GroupTally()
    assert figures.participants.total == Attendance()
    assert figures.participants.total.rate is None
    assert figures.agreements == ()
    assert figures.feedback == ()


def test_default_periods_are_the_halves_of_the_current_agreement_year(filled: Database) -> None:
    assert default_periods(filled, dt.date(2024, 11, 25)) == [
        (dt.date(2024, 4, 1), dt.date(2024, 9, 30)),
        (dt.date(2024, 10, 1), dt.date(2025, 3, 31)),
    ]


def test_default_periods_without_an_agreement_are_the_halves_of_the_year(database: Database) -> None:
    assert default_periods(database, dt.date(2026, 2, 1)) == [
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("followup-demo") / "demo.sqlite"
    write_demo_database(Path(path), years=3, seed=2026, today=dt.date(2026, 11, 25))
    database = open_register(path, backups=None)
    yield database
    database.close()


def test_on_demo_data_every_breakdown_adds_up(demo: Database) -> None:
    for first, last in [
        *default_periods(demo, dt.date(2026, 11, 25)),
        (dt.date(2024, 4, 1), dt.date(2027, 3, 31)),
    ]:
        figures = follow_up_figures(demo, first, last)
        participants = figures.participants
        total = participants.total
        assert total.participant_sessions > 0
        # One age and one gender per person: the age rows and the gender columns add up to the total.
        assert (
            sum(row.total.unique_participants for row in participants.by_age_group)
            == total.unique_participants
        )
        assert (
            sum(c.attendance.unique_participants for c in participants.by_gender) == total.unique_participants
        )
        for rows in (participants.by_programme, participants.by_kind):
            assert sum(row.attendance.participant_sessions for row in rows) == total.participant_sessions
        for named in (participants.by_language, participants.by_premises, participants.by_district):
            assert sum(row.attendance.participant_sessions for row in named) == total.participant_sessions
            assert sum(row.attendance.unique_participants for row in named) >= total.unique_participants
        assert (
            sum(month.participant_sessions for month in figures.sessions.by_month)
            == total.participant_sessions
        )
        assert sum(month.sessions_held for month in figures.sessions.by_month) == figures.sessions.held
        assert figures.participants.completion.completed <= figures.participants.completion.participants
