"""The overview: where the agreement year stands today, and this week's sessions with their staffing."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.enums import GroupKind, GroupStatus, Organisation, SessionStatus
from biv_desktop.services.followup.feedback import MissingFeedback, groups_missing_feedback_in
from biv_desktop.services.followup.meetings import FollowUpDue, next_follow_up_due_in
from biv_desktop.services.followup.training_places import municipal_places_in
from biv_desktop.services.schedule.staffing import (
    FULLY_STAFFED,
    assess_booked,
    interpreter_languages,
    staffed_interpreter,
    staffed_leader,
)
from biv_desktop.store.database import Database
from biv_desktop.store.models import Agreement, Enrollment, Group, GroupSession, Trainee, TrainingCourse


@dataclass(frozen=True)
class AgreementSummary:
    """The agreement in force, with the agreement year that contains the day asked about."""

    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    year_starts_on: dt.date
    year_ends_on: dt.date
    min_groups_per_year: int
    training_places_per_year: int


@dataclass(frozen=True)
class WeekSession:
    """One session in the week, with who is booked and what staffing it still lacks.

    The staffing rule asks for two trained leaders and an interpreter who speaks the group's language:
    `missing_leaders` counts trained leaders short of two, `missing_interpreter` says no booked interpreter
    speaks it, and `staffing_problems` says why in the rule's own sentences.
    """

    id: int
    group_id: int
    group_name: str
    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    theme: str
    premises: str
    leader_names: tuple[str, ...]
    interpreter_name: str
    status: SessionStatus
    missing_leaders: int
    missing_interpreter: bool
    staffing_problems: tuple[str, ...] = ()

    @property
    def understaffed(self) -> bool:
        return self.missing_leaders > 0 or self.missing_interpreter


@dataclass(frozen=True)
class Overview:
    """The figures the coordinator sees first: the agreement year so far, what runs now, this week.

    Groups count toward the year when they start in it and are not cancelled: those that have started by
    ``today`` as started (children's and parents' groups apart), the rest of the year's as planned.
    """

    today: dt.date
    agreement: AgreementSummary | None
    children_groups_started: int
    parents_groups_started: int
    groups_planned: int
    running_groups: int
    enrolled_participants: int
    week_starts_on: dt.date
    week_ends_on: dt.date
    week_sessions: tuple[WeekSession, ...]
    training_places_used: int
    # The follow-up's side: unused training places to pay back, the next follow-up, missing evaluations.
    training_warning: str = ""
    follow_up_due: FollowUpDue | None = None
    groups_missing_feedback: tuple[MissingFeedback, ...] = ()

    @property
    def groups_started(self) -> int:
        return self.children_groups_started + self.parents_groups_started

    @property
    def iso_week(self) -> int:
        return self.week_starts_on.isocalendar().week

    @property
    def understaffed_sessions(self) -> int:
        return sum(1 for session in self.week_sessions if session.understaffed)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def agreement_year(starts_on: dt.date, ends_on: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """The twelve months of an agreement that contain ``today`` (the last one may be cut short)."""
    years = max(0, today.year - starts_on.year - 1)
    start = _add_years(starts_on, years)
    while _add_years(start, 1) <= today:
        start = _add_years(start, 1)
    return start, min(_add_years(start, 1) - dt.timedelta(days=1), ends_on)


def _current_agreement(session: Session, today: dt.date) -> AgreementSummary | None:
    agreement = session.scalars(
        select(Agreement)
        .where(Agreement.starts_on <= today, Agreement.ends_on >= today)
        .order_by(Agreement.starts_on.desc(), Agreement.id.desc())
        .limit(1)
    ).first()
    if agreement is None:
        return None
    year_start, year_end = agreement_year(agreement.starts_on, agreement.ends_on, today)
    return AgreementSummary(
        id=agreement.id,
        name=agreement.name,
        starts_on=agreement.starts_on,
        ends_on=agreement.ends_on,
        year_starts_on=year_start,
        year_ends_on=year_end,
        min_groups_per_year=agreement.min_groups_per_year,
        training_places_per_year=agreement.training_places_per_year,
    )


def _groups_starting(session: Session, first: dt.date, last: dt.date) -> dict[GroupKind, int]:
    rows = session.execute(
        select(Group.kind, func.count())
        .where(
            Group.start_date >= first,
            Group.start_date <= last,
            Group.status != GroupStatus.CANCELLED,
        )
        .group_by(Group.kind)
    )
    return {kind: count for kind, count in rows}


def _training_places_used(session: Session, first: dt.date, last: dt.date) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(Trainee)
        .join(TrainingCourse, Trainee.course_id == TrainingCourse.id)
        .where(
            Trainee.organisation == Organisation.MUNICIPALITY,
            TrainingCourse.starts_on >= first,
            TrainingCourse.starts_on <= last,
        )
    )
    return int(count or 0)


def _running_groups(session: Session) -> int:
    count = session.scalar(select(func.count()).where(Group.status == GroupStatus.RUNNING))
    return int(count or 0)


def _enrolled_participants(session: Session, today: dt.date) -> int:
    count = session.scalar(
        select(func.count(func.distinct(Enrollment.participant_id)))
        .join(Group, Enrollment.group_id == Group.id)
        .where(
            Group.status == GroupStatus.RUNNING,
            Enrollment.joined_on <= today,
            or_(Enrollment.left_on.is_(None), Enrollment.left_on > today),
        )
    )
    return int(count or 0)


def _week_session(row: GroupSession, spoken: dict[int, set[int]]) -> WeekSession:
    leaders = tuple(leader for leader in (row.leader1, row.leader2) if leader is not None)
    interpreter = row.interpreter
    premises = row.premises if row.premises is not None else row.group.premises
    language = row.group.language
    staffing = FULLY_STAFFED
    if row.status is not SessionStatus.CANCELLED:
        staffed = {leader.id: staffed_leader(leader) for leader in leaders}
        interpreters = {}
        if interpreter is not None:
            interpreters[interpreter.id] = staffed_interpreter(interpreter, spoken.get(interpreter.id, ()))
        staffing = assess_booked(
            (row.leader1_id, row.leader2_id),
            row.interpreter_id,
            (staffed, interpreters),
            language.id,
            language.name,
            language.iso_code,
        )
    return WeekSession(
        id=row.id,
        group_id=row.group_id,
        group_name=row.group.name,
        number=row.number,
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        theme=row.theme_title,
        premises=premises.name,
        leader_names=tuple(leader.full_name for leader in leaders),
        interpreter_name=interpreter.full_name if interpreter is not None else "",
        status=row.status,
        missing_leaders=staffing.missing_leaders,
        missing_interpreter=staffing.missing_interpreter,
        staffing_problems=staffing.problems,
    )


def _week_sessions(session: Session, monday: dt.date, sunday: dt.date) -> tuple[WeekSession, ...]:
    # Sessions of a cancelled group will not take place, whatever their own status says.
    rows = session.scalars(
        select(GroupSession)
        .join(Group, GroupSession.group_id == Group.id)
        .where(
            GroupSession.date >= monday,
            GroupSession.date <= sunday,
            Group.status != GroupStatus.CANCELLED,
        )
        .options(
            joinedload(GroupSession.group).joinedload(Group.language),
            joinedload(GroupSession.group).joinedload(Group.premises),
            joinedload(GroupSession.premises),
            joinedload(GroupSession.leader1),
            joinedload(GroupSession.leader2),
            joinedload(GroupSession.interpreter),
        )
        .order_by(GroupSession.date, GroupSession.start_time, Group.name, GroupSession.number)
    ).all()
    spoken = interpreter_languages(session, {row.interpreter_id for row in rows if row.interpreter_id})
    return tuple(_week_session(row, spoken) for row in rows)


def load_overview(database: Database, today: dt.date | None = None) -> Overview:
    """The overview as it stands on ``today`` (the real today unless given)."""
    today = today or dt.date.today()
    monday = today - dt.timedelta(days=today.weekday())
    sunday = monday + dt.timedelta(days=6)
    with database.transaction() as session:
        agreement = _current_agreement(session, today)
        started: dict[GroupKind, int] = {}
        planned = 0
        training_used = 0
        if agreement is not None:
            started = _groups_starting(session, agreement.year_starts_on, min(today, agreement.year_ends_on))
            later = _groups_starting(session, today + dt.timedelta(days=1), agreement.year_ends_on)
            planned = sum(later.values())
            training_used = _training_places_used(session, agreement.year_starts_on, agreement.year_ends_on)
        return Overview(
            today=today,
            agreement=agreement,
            children_groups_started=started.get(GroupKind.CHILDREN, 0),
            parents_groups_started=started.get(GroupKind.PARENTS, 0),
            groups_planned=planned,
            running_groups=_running_groups(session),
            enrolled_participants=_enrolled_participants(session, today),
            week_starts_on=monday,
            week_ends_on=sunday,
            week_sessions=_week_sessions(session, monday, sunday),
            training_places_used=training_used,
            training_warning=_training_warning(session, today),
            follow_up_due=next_follow_up_due_in(session, today),
            groups_missing_feedback=groups_missing_feedback_in(session, today),
        )


def _training_warning(session: Session, today: dt.date) -> str:
    places = municipal_places_in(session, today)
    return places.warning if places is not None else ""
