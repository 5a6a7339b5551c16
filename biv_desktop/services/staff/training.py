"""The group-leader training: courses, who took part, who completed, and the municipality's places.

The municipality is guaranteed places on the training every agreement year (four in the agreement); a
place counts in the agreement year its course starts in. Places it leaves unused are paid back, so the
coordinator is warned when the year's end nears with places unused. Completing a course trains a leader:
a leader is trained from the end of the first course they completed.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.enums import Organisation
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.read_models import from_row
from biv_desktop.services.validation import check_date, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import GroupLeader, Trainee, TrainingCourse


@dataclass(frozen=True)
class TraineeRow:
    """A place on a course: one of our leaders, or a named person from elsewhere."""

    id: int
    course_id: int
    leader_id: int | None
    name: str
    external_name: str
    organisation: Organisation
    organisation_name: str
    completed: bool
    completed_on: dt.date | None

    @property
    def organisation_label(self) -> str:
        """E.g. 'Kommunen' or 'Annan: Röda korset'."""
        return self.organisation.label_with(self.organisation_name)


@dataclass(frozen=True)
class TrainingCourseRow:
    """A course with its trainees."""

    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    place: str
    trainers: str
    trainees: tuple[TraineeRow, ...]

    @property
    def municipal_places(self) -> int:
        return sum(trainee.organisation is Organisation.MUNICIPALITY for trainee in self.trainees)

    @property
    def completed(self) -> int:
        return sum(trainee.completed for trainee in self.trainees)


# The training page's name for it; services.printing has a CourseRow of its own (a row of a course sheet).
CourseRow = TrainingCourseRow


@dataclass(frozen=True)
class CourseDraft:
    """What the course editor edits."""

    name: str
    starts_on: dt.date
    ends_on: dt.date
    place: str = ""
    trainers: str = ""


@dataclass(frozen=True)
class TraineeDraft:
    """What the trainee editor edits: one of our leaders (``leader_id``), or a named person from elsewhere."""

    leader_id: int | None
    external_name: str = ""
    organisation: Organisation = Organisation.PARISH
    organisation_name: str = ""


def _course_row(course: TrainingCourse) -> TrainingCourseRow:
    trainees = sorted(course.trainees, key=lambda trainee: (trainee.name.casefold(), trainee.id))
    return from_row(
        TrainingCourseRow, course, trainees=tuple(from_row(TraineeRow, trainee) for trainee in trainees)
    )


def list_courses(database: Database) -> list[TrainingCourseRow]:
    """Every course with its trainees, the latest first."""
    with database.transaction() as session:
        courses = session.scalars(
            select(TrainingCourse)
            .options(selectinload(TrainingCourse.trainees).selectinload(Trainee.leader))
            .order_by(TrainingCourse.starts_on.desc(), TrainingCourse.id.desc())
        ).all()
        return [_course_row(course) for course in courses]


def get_course(database: Database, course_id: int) -> TrainingCourseRow:
    """One course with its trainees; a ValidationError if it was removed meanwhile."""
    with database.transaction() as session:
        return _course_row(get_or_missing(session, TrainingCourse, course_id, "course_id"))


def save_course(database: Database, draft: CourseDraft, course_id: int | None = None) -> TrainingCourseRow:
    """Create (``course_id`` None) or update a course's name, dates, place and trainers."""
    name = clean_text(draft.name, "name", "Namn", 160, required=True)
    starts_on = check_date(draft.starts_on, "starts_on", "Första dagen")
    ends_on = check_date(draft.ends_on, "ends_on", "Sista dagen")
    if ends_on < starts_on:
        raise ValidationError("ends_on", "Kursens sista dag kan inte ligga före dess första dag.")
    place = clean_text(draft.place, "place", "Plats", 160)
    trainers = clean_text(draft.trainers, "trainers", "Utbildare", 300)
    with database.transaction() as session:
        if course_id is None:
            course = TrainingCourse(name=name, starts_on=starts_on, ends_on=ends_on)
            session.add(course)
        else:
            course = get_or_missing(session, TrainingCourse, course_id, "course_id")
            completed_on = [trainee.completed_on for trainee in course.trainees if trainee.completed_on]
            if completed_on and min(completed_on) < starts_on:
                raise ValidationError(
                    "starts_on",
                    "Någon har redan genomfört kursen före den nya första dagen. "
                    "Ångra deras genomförande först, eller välj ett tidigare datum.",
                )
        course.name, course.starts_on, course.ends_on = name, starts_on, ends_on
        course.place, course.trainers = place, trainers
        session.flush()
        return _course_row(course)


def delete_course(database: Database, course_id: int) -> None:
    """Remove a course entered by mistake, with its trainees; refused once someone has completed it."""
    with database.transaction() as session:
        course = get_or_missing(session, TrainingCourse, course_id, "course_id")
        if any(trainee.completed for trainee in course.trainees):
            raise ValidationError(
                "course_id",
                f"Någon har genomfört ”{course.name}”, så kursen finns kvar som underlag för vem som är "
                "utbildad. Ångra genomförandet först om kursen lades in av misstag.",
            )
        session.delete(course)


def _apply(session: Session, trainee: Trainee, draft: TraineeDraft, course: TrainingCourse) -> None:
    organisation_name = clean_text(draft.organisation_name, "organisation_name", "Organisationens namn", 120)
    if draft.leader_id is not None:
        leader = get_or_missing(session, GroupLeader, draft.leader_id, "leader_id")
        taken = select(func.count()).where(Trainee.course_id == course.id, Trainee.leader_id == leader.id)
        if trainee.id is not None:
            taken = taken.where(Trainee.id != trainee.id)
        if session.scalar(taken):
            raise ValidationError("leader_id", f"{leader.full_name} är redan anmäld till kursen.")
        trainee.leader_id, trainee.leader, trainee.external_name = leader.id, leader, ""
    else:
        name = clean_text(draft.external_name, "external_name", "Namn", 200)
        if not name:
            raise ValidationError("external_name", "Välj en gruppledare eller skriv deltagarens namn.")
        trainee.leader_id, trainee.leader, trainee.external_name = None, None, name
    if draft.organisation is Organisation.OTHER and not organisation_name:
        raise ValidationError("organisation_name", "Skriv vilken organisation deltagaren kommer från.")
    trainee.organisation, trainee.organisation_name = draft.organisation, organisation_name


def add_trainee(database: Database, course_id: int, draft: TraineeDraft) -> TraineeRow:
    """Give someone a place on a course."""
    with database.transaction() as session:
        course = get_or_missing(session, TrainingCourse, course_id, "course_id")
        # Not yet in the session: a query in _apply must not flush a place that names nobody.
        trainee = Trainee(course_id=course.id, completed=False)
        _apply(session, trainee, draft, course)
        session.add(trainee)
        session.flush()
        return from_row(TraineeRow, trainee)


def edit_trainee(database: Database, trainee_id: int, draft: TraineeDraft) -> TraineeRow:
    """Change who holds a place, or their organisation; a completed place keeps its person."""
    with database.transaction() as session:
        trainee = get_or_missing(session, Trainee, trainee_id)
        if trainee.completed and draft.leader_id != trainee.leader_id:
            raise ValidationError(
                "leader_id", "Deltagaren har genomfört kursen. Ångra genomförandet innan du byter person."
            )
        _apply(session, trainee, draft, trainee.course)
        session.flush()
        return from_row(TraineeRow, trainee)


def remove_trainee(database: Database, trainee_id: int) -> None:
    """Take a place off a course; a completed place is undone first, so a leader trained by it is not."""
    with database.transaction() as session:
        trainee = get_or_missing(session, Trainee, trainee_id)
        if trainee.completed:
            _undo(session, trainee)
        session.delete(trainee)


def complete_trainee(database: Database, trainee_id: int, today: dt.date | None = None) -> TraineeRow:
    """Mark that the trainee completed the course, on its last day.

    One of our leaders becomes trained, from the course's last day, unless trained earlier. Refused
    before the course has ended.
    """
    today = today or dt.date.today()
    with database.transaction() as session:
        trainee = get_or_missing(session, Trainee, trainee_id)
        course = trainee.course
        if course.ends_on > today:
            raise ValidationError(
                "completed",
                f"Kursen slutar {course.ends_on.isoformat()}. Markera den som genomförd när den är slut.",
            )
        trainee.completed, trainee.completed_on = True, course.ends_on
        leader = trainee.leader
        if leader is not None and not (
            leader.trained and (leader.trained_on or dt.date.min) <= course.ends_on
        ):
            leader.trained, leader.trained_on = True, course.ends_on
        session.flush()
        return from_row(TraineeRow, trainee)


def _undo(session: Session, trainee: Trainee) -> None:
    trainee.completed, trainee.completed_on = False, None
    leader = trainee.leader
    if leader is None or leader.trained_on != trainee.course.ends_on:
        return  # trained earlier, or by other means: this course did not make the leader trained
    session.flush()
    other = session.scalar(
        select(func.min(Trainee.completed_on)).where(
            Trainee.leader_id == leader.id, Trainee.completed.is_(True), Trainee.id != trainee.id
        )
    )
    leader.trained, leader.trained_on = (True, other) if other is not None else (False, None)


def undo_completion(database: Database, trainee_id: int) -> TraineeRow:
    """Take back a completion marked by mistake; a leader it trained is trained by another course or not."""
    with database.transaction() as session:
        trainee = get_or_missing(session, Trainee, trainee_id)
        if trainee.completed:
            _undo(session, trainee)
        session.flush()
        return from_row(TraineeRow, trainee)
