"""Writing a whole demo register: fictional but realistic data for the years up to a given day."""

import datetime as dt
import random
import uuid
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import ColumnElement, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from biv_desktop.demo.bookings import build_bookings
from biv_desktop.demo.enrolment import fill_children_group, fill_parents_group, parents_for, take_attendance
from biv_desktop.demo.families import Families, build_waiting_list
from biv_desktop.demo.followup import build_agreements, build_communication, build_feedback, build_meetings
from biv_desktop.demo.groups import GroupRecord, language_weights, make_group, outline_term, plan_group
from biv_desktop.demo.recruitment import build_interpreters, build_leaders, build_premises
from biv_desktop.demo.schedule import SessionCalendar, Term, covered_years, public_holidays, school_breaks
from biv_desktop.demo.staff import Staff
from biv_desktop.demo.staffing_gaps import leave_staffing_gaps
from biv_desktop.demo.translations import build_translations
from biv_desktop.demo.world import Defaults, World
from biv_desktop.domain.enums import GroupKind, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.models import (
    Agreement,
    AttendanceMark,
    Base,
    BreakWeek,
    CommunicationEffort,
    Enrollment,
    Family,
    FeedbackForm,
    FollowUpMeeting,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Participant,
    Premises,
    Trainee,
    TrainingCourse,
    WaitingListEntry,
)
from biv_desktop.store.register import open_register

MAX_YEARS = 40


@dataclass(frozen=True)
class DemoSummary:
    """How much a demo build wrote, and for which period."""

    first_day: dt.date
    last_day: dt.date
    premises: int
    leaders: int
    interpreters: int
    training_courses: int
    trainees: int
    families: int
    participants: int
    children: int
    guardians: int
    groups: int
    children_groups: int
    parents_groups: int
    sessions: int
    enrollments: int
    attendance_marks: int
    waiting_list_entries: int
    break_weeks: int
    agreements: int
    feedback_forms: int
    communication_efforts: int
    follow_up_meetings: int

    def lines(self) -> list[str]:
        """The summary in Swedish, one figure a line, for the command line to print."""
        labels = {
            "premises": "Lokaler",
            "leaders": "Gruppledare",
            "interpreters": "Tolkar",
            "training_courses": "Gruppledarutbildningar",
            "trainees": "Utbildningsplatser",
            "families": "Familjer",
            "participants": "Deltagare",
            "children": "  varav barn",
            "guardians": "  varav vårdnadshavare",
            "groups": "Grupper",
            "children_groups": "  varav barngrupper",
            "parents_groups": "  varav föräldragrupper",
            "sessions": "Gruppträffar",
            "enrollments": "Placeringar i grupp",
            "attendance_marks": "Närvaromarkeringar",
            "waiting_list_entries": "På väntelistan",
            "break_weeks": "Lovveckor",
            "agreements": "Överenskommelser",
            "feedback_forms": "Utvärderingar",
            "communication_efforts": "Kommunikationsinsatser",
            "follow_up_meetings": "Uppföljningsmöten",
        }
        lines = [f"Period: {self.first_day.isoformat()} – {self.last_day.isoformat()}"]
        lines += [
            f"{labels[field.name]}: {getattr(self, field.name)}"
            for field in fields(self)
            if field.name in labels
        ]
        return lines


def write_demo_database(
    path: Path, *, years: int = 3, seed: int = 2026, today: dt.date | None = None
) -> DemoSummary:
    """Create a new register at ``path`` filled with fictional demo data for ``years`` agreement years.

    The same seed, years and day give the same content, ids and uuids included. Raises FileExistsError
    if ``path`` already holds something, and ValidationError for a number of years out of range.
    """
    if not 1 <= years <= MAX_YEARS:
        raise ValidationError("years", f"Antalet år måste vara mellan 1 och {MAX_YEARS}.")
    path = Path(path).expanduser()
    if _holds_something(path):
        raise FileExistsError(
            f"{path} finns redan och är inte tom. Välj ett nytt filnamn; den befintliga filen lämnas orörd."
        )
    created = not path.exists()
    try:
        database = open_register(path, backups=None)
        try:
            with database.transaction() as session:
                summary = _fill(session, random.Random(seed), today or dt.date.today(), years)
        finally:
            database.close()
    except BaseException:
        if created:
            # Leave nothing half-made behind: the file was ours.
            for leftover in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    return summary


def _holds_something(path: Path) -> bool:
    if path.is_dir():
        return any(path.iterdir())
    return path.exists() and path.stat().st_size > 0


def _fill(session: Session, rng: random.Random, today: dt.date, years: int) -> DemoSummary:
    agreement_years = covered_years(today, years)
    first, last = agreement_years[0], agreement_years[-1]
    breaks = school_breaks(first.start_year, last.start_year + 1)
    calendar = SessionCalendar(breaks, public_holidays(first.start_year, last.start_year + 2))
    world = World(rng, today, agreement_years, calendar, Defaults.load(session))
    with session.no_autoflush:
        for school_break in breaks:
            world.add(
                BreakWeek(
                    name=school_break.name, starts_on=school_break.starts_on, ends_on=school_break.ends_on
                )
            )
        build_premises(world)
        staff = Staff()
        build_leaders(world, staff)
        build_interpreters(world, staff)
        families = Families()
        records = _build_groups(world, staff, families)
        leave_staffing_gaps(world, staff, records)
        build_bookings(world, records)
        in_groups = {enrollment.participant for record in records for enrollment in record.enrollments}
        build_waiting_list(world, families, language_weights(last.terms[-1]), in_groups)
        build_agreements(world)
        build_feedback(world, records)
        build_translations(world)
        build_communication(world)
        build_meetings(world, records)
        session.add_all(world.pending)
    session.flush()
    session.add_all(world.language_rows())
    session.flush()
    if world.marks:
        session.execute(insert(AttendanceMark), world.mark_rows())
    _assign_uuids(session, random.Random(rng.getrandbits(64)))
    return _summarise(session, first.starts_on, last.ends_on)


def _build_groups(world: World, staff: Staff, families: Families) -> list[GroupRecord]:
    """Every term's children's groups, each filled and, for many, a parents' group beside it.

    Each group is planned once the one before is staffed, and a parents' group is started only when
    leaders and an interpreter are free to run it beside the children's group.
    """
    records: list[GroupRecord] = []
    booked: dict[Participant, Term] = {}
    for year in world.years:
        for term in year.terms:
            families.forget_before(term.day_in_week(term.start_weeks[0], 0))
            outline = outline_term(world, term)
            for index in range(outline.count):
                plan = plan_group(world, staff, outline, index)
                record = make_group(world, staff, plan, GroupKind.CHILDREN, None)
                households = fill_children_group(world, families, record)
                take_attendance(world, record)
                records.append(record)
                guardians = [] if plan.cancelled else parents_for(world, households, term, booked)
                if len(guardians) >= 3 and world.chance(0.65) and staff.can_staff(plan.iso_code, plan.dates):
                    parents = make_group(world, staff, plan, GroupKind.PARENTS, record.group)
                    fill_parents_group(world, parents, guardians, booked)
                    take_attendance(world, parents)
                    records.append(parents)
    return records


def _assign_uuids(session: Session, rng: random.Random) -> None:
    """Give every row, the seeded defaults included, a uuid from the seed, so a build can be repeated exactly."""
    for table in sorted(Base.metadata.tables.values(), key=lambda table: table.name):
        ids = session.scalars(select(table.c.id).order_by(table.c.id)).all()
        if not ids:
            continue
        statement = update(table).where(table.c.id == bindparam("row_id")).values(uuid=bindparam("new_uuid"))
        session.execute(
            statement,
            [
                {"row_id": row_id, "new_uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
                for row_id in ids
            ],
        )


def _summarise(session: Session, first_day: dt.date, last_day: dt.date) -> DemoSummary:
    def count(model: type[Base], *conditions: ColumnElement[bool]) -> int:
        statement = select(func.count()).select_from(model).where(*conditions)
        return int(session.scalar(statement) or 0)

    return DemoSummary(
        first_day=first_day,
        last_day=last_day,
        premises=count(Premises),
        leaders=count(GroupLeader),
        interpreters=count(Interpreter),
        training_courses=count(TrainingCourse),
        trainees=count(Trainee),
        families=count(Family),
        participants=count(Participant),
        children=count(Participant, Participant.role == Role.CHILD),
        guardians=count(Participant, Participant.role == Role.GUARDIAN),
        groups=count(Group),
        children_groups=count(Group, Group.kind == GroupKind.CHILDREN),
        parents_groups=count(Group, Group.kind == GroupKind.PARENTS),
        sessions=count(GroupSession),
        enrollments=count(Enrollment),
        attendance_marks=count(AttendanceMark),
        waiting_list_entries=count(WaitingListEntry),
        break_weeks=count(BreakWeek),
        agreements=count(Agreement),
        feedback_forms=count(FeedbackForm),
        communication_efforts=count(CommunicationEffort),
        follow_up_meetings=count(FollowUpMeeting),
    )
