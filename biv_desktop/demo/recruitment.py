"""Premises, group leaders, interpreters and the group-leader training courses of the demo."""

import datetime as dt

from biv_desktop.demo import texts
from biv_desktop.demo.names import (
    NAME_BOOKS,
    SWEDISH_FAMILY,
    SWEDISH_FEMALE,
    SWEDISH_MALE,
    email_local_part,
)
from biv_desktop.demo.schedule import AgreementYear
from biv_desktop.demo.staff import InterpreterPlan, LeaderPlan, Staff
from biv_desktop.demo.world import GROUP_LANGUAGES, NEIGHBOUR_LANGUAGES, World
from biv_desktop.domain.enums import InterpreterEngagement, Organisation
from biv_desktop.store.models import GroupLeader, Interpreter, Premises, Trainee, TrainingCourse

# Training history reaches back before the first demo year, so the first groups have trained leaders.
PREHISTORY_YEARS = 3
MIN_ACTIVE_LEADERS = 10


def build_premises(world: World) -> None:
    for name, district, address, capacity, notes in texts.PREMISES:
        world.premises.append(
            world.add(Premises(name=name, district=district, address=address, capacity=capacity, notes=notes))
        )


def _swedish_name(world: World) -> tuple[str, str]:
    first = world.pick(SWEDISH_FEMALE if world.chance(0.7) else SWEDISH_MALE)
    return first, world.pick(SWEDISH_FAMILY)


def _foreign_name(world: World, iso_code: str) -> tuple[str, str]:
    """A name from a language group's book, given name and family name told apart."""
    book = NAME_BOOKS[iso_code]
    first = world.pick(book.female if world.chance(0.5) else book.male).latin
    last = world.pick([name.latin for name in book.family if name.latin != first])
    return first, last


def _new_leader(world: World, organisation: Organisation, joins_on: dt.date) -> LeaderPlan:
    languages = [world.language("sv")]
    if world.chance(0.2):
        # Some leaders grew up with one of the group languages.
        iso_code = world.pick(GROUP_LANGUAGES)
        first, last = _foreign_name(world, iso_code)
        languages.append(world.language(iso_code))
    else:
        first, last = _swedish_name(world)
        if world.chance(0.15):
            languages.append(world.language("en"))
    domain = "pastorat.example" if organisation is Organisation.PARISH else "kommun.example"
    leader = world.add(
        GroupLeader(
            first_name=first,
            last_name=last,
            phone=world.phone(),
            email=f"{email_local_part(first, last)}@{domain}",
            organisation=organisation,
            organisation_name=(
                "Linköpings domkyrkopastorat"
                if organisation is Organisation.PARISH
                else world.pick(texts.MUNICIPAL_UNITS)
            ),
            trained=False,
        )
    )
    for language in languages:
        world.speaks(leader, language)
    return LeaderPlan(leader, joins_on)


def _courses_for(world: World, year: AgreementYear, spring_course: bool) -> list[TrainingCourse]:
    """One course each autumn, sometimes a second in spring; two days, a Friday and a Saturday."""
    starts = [dt.date.fromisocalendar(year.start_year, world.pick((40, 41, 42)), 5)]
    if spring_course:
        starts.append(dt.date.fromisocalendar(year.start_year + 1, world.pick((10, 11, 12)), 5))
    courses = []
    for starts_on in starts:
        season = "hösten" if starts_on.month >= 7 else "våren"
        trainers = [" ".join(_swedish_name(world)) for _ in range(2)]
        courses.append(
            world.add(
                TrainingCourse(
                    name=f"Gruppledarutbildning BIV/BIS {season} {starts_on.year}",
                    starts_on=starts_on,
                    ends_on=starts_on + dt.timedelta(days=1),
                    place=world.pick(texts.COURSE_PLACES),
                    trainers=" och ".join(trainers),
                )
            )
        )
    return courses


def _enrol(world: World, course: TrainingCourse, plan: LeaderPlan) -> None:
    """A leader's place on a course; finishing it is what makes the leader trained."""
    finished = course.ends_on < world.today and world.chance(0.94)
    course.trainees.append(
        world.add(
            Trainee(
                leader=plan.leader,
                organisation=plan.leader.organisation,
                organisation_name=plan.leader.organisation_name,
                completed=finished,
                completed_on=course.ends_on if finished else None,
            )
        )
    )
    if finished:
        plan.trained_on = course.ends_on
        plan.leader.trained = True
        plan.leader.trained_on = course.ends_on


def _municipal_trainees(world: World, course: TrainingCourse, count: int, staff: Staff) -> None:
    """The municipality's guaranteed places: named staff, some of whom go on to lead groups."""
    for _ in range(count):
        if world.chance(0.25):
            plan = _new_leader(world, Organisation.MUNICIPALITY, course.starts_on - dt.timedelta(days=20))
            staff.leaders.append(plan)
            _enrol(world, course, plan)
            continue
        finished = course.ends_on < world.today
        course.trainees.append(
            world.add(
                Trainee(
                    external_name=" ".join(_swedish_name(world)),
                    organisation=Organisation.MUNICIPALITY,
                    organisation_name=world.pick(texts.MUNICIPAL_UNITS),
                    completed=finished,
                    completed_on=course.ends_on if finished else None,
                )
            )
        )


def _first_course_after(courses: list[TrainingCourse], day: dt.date) -> TrainingCourse | None:
    return next((course for course in courses if course.starts_on > day), None)


def _leave(world: World, staff: Staff, year: AgreementYear) -> None:
    """A few leaders stop in the summer after a year's groups, never so many that the groups lack leaders."""
    leaves_on = dt.date(year.start_year + 1, 6, 20)
    if leaves_on > world.today:
        return
    for plan in staff.leaders:
        active = [p for p in staff.leaders if p.can_lead(leaves_on, leaves_on) and p.is_trained(leaves_on)]
        if plan in active and len(active) > MIN_ACTIVE_LEADERS and world.chance(0.15):
            plan.leaves_on = leaves_on
            plan.leader.active = False
            plan.leader.inactive_since = leaves_on


def build_leaders(world: World, staff: Staff) -> None:
    """Recruit leaders year by year, train them on the courses and let some move on."""
    first = world.first_year.start_year - PREHISTORY_YEARS
    years = [AgreementYear(start) for start in range(first, world.last_year.start_year + 1)]
    current = next(year for year in years if world.today in year)
    courses = {year: _courses_for(world, year, year == current or world.chance(0.4)) for year in years}
    ordered = [course for year in years for course in courses[year]]
    for year in years:
        prehistory = year < world.first_year
        for _ in range(3 if prehistory else world.rng.randint(2, 3)):
            joins_on = world.day_between(dt.date(year.start_year, 4, 20), dt.date(year.start_year, 8, 31))
            joins_on = min(joins_on, world.today)
            plan = _new_leader(world, Organisation.PARISH, joins_on)
            staff.leaders.append(plan)
            course = courses[year][-1] if world.chance(0.25) else courses[year][0]
            _enrol(world, course, plan)
        if year == current:
            # Someone who joined lately and waits for the next course: a leader not yet trained.
            joins_on = world.today - dt.timedelta(days=world.rng.randint(20, 60))
            plan = _new_leader(world, Organisation.PARISH, joins_on)
            staff.leaders.append(plan)
            waiting_for = _first_course_after(ordered, world.today)
            if waiting_for is not None:
                _enrol(world, waiting_for, plan)
        for course in courses[year]:
            share = world.rng.choices((1, 2, 3, 4), weights=(1, 2, 3, 4))[0]
            _municipal_trainees(world, course, share if len(courses[year]) == 1 else (share + 1) // 2, staff)
        if not prehistory:
            _leave(world, staff, year)


def build_interpreters(world: World, staff: Staff) -> None:
    """Two or three interpreters per group language, a few changing over the years."""
    for iso_code in GROUP_LANGUAGES:
        for _ in range(3 if iso_code == "ar" else 2):
            joins_on = world.first_year.starts_on - dt.timedelta(days=world.rng.randint(100, 1500))
            staff.interpreters.append(_new_interpreter(world, iso_code, joins_on))
    for year in world.years[1:]:
        joins_on = dt.date(year.start_year, 8, 1)
        if joins_on > world.today:
            break
        for iso_code in GROUP_LANGUAGES:
            if not world.chance(0.15):
                continue
            active = [plan for plan in staff.interpreters if plan.can_work(iso_code, joins_on, joins_on)]
            if len(active) >= 2 and world.chance(0.6):
                leaving = active[0]
                leaving.leaves_on = joins_on
                leaving.interpreter.active = False
                leaving.interpreter.inactive_since = joins_on
            staff.interpreters.append(_new_interpreter(world, iso_code, joins_on))


def _new_interpreter(world: World, iso_code: str, joins_on: dt.date) -> InterpreterPlan:
    first, last = _foreign_name(world, iso_code)
    iso_codes = [iso_code]
    if NEIGHBOUR_LANGUAGES[iso_code] and world.chance(0.4):
        iso_codes.append(world.pick(NEIGHBOUR_LANGUAGES[iso_code]))
    agency = world.chance(0.65)
    interpreter = world.add(
        Interpreter(
            first_name=first,
            last_name=last,
            phone=world.phone(),
            email="" if agency else f"{email_local_part(first, last)}@tolk.example",
            engagement=InterpreterEngagement.AGENCY if agency else InterpreterEngagement.FREELANCE,
            agency_name=world.pick(texts.INTERPRETER_AGENCIES) if agency else "",
        )
    )
    for code in iso_codes:
        world.speaks(interpreter, world.language(code))
    return InterpreterPlan(interpreter, tuple(iso_codes), joins_on)
