"""A term's groups: children's groups by age band and language, parents' groups beside them, and sessions."""

import datetime as dt
from dataclasses import dataclass, field

from biv_desktop.demo import texts
from biv_desktop.demo.schedule import Term
from biv_desktop.demo.staff import Staff
from biv_desktop.demo.world import World
from biv_desktop.domain.ages import DEFAULT_AGE_BANDS, AgeBand
from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.domain.group_status import status_by_date
from biv_desktop.domain.naming import group_name
from biv_desktop.store.models import Enrollment, Group, GroupSession, Premises

BAND_WEIGHTS = (3, 3, 2, 2)
WEEKDAYS = (0, 1, 2, 3)  # groups meet Monday to Thursday afternoons
LANGUAGE_TRIES = 4  # languages tried for a group before settling for one nobody is free to staff
CHILDREN_GROUP_CAPACITY, PARENTS_GROUP_CAPACITY = 6, 8

# Where and when a group meets: its (premises, weekday) slot and its session dates.
Placement = tuple[tuple[Premises, int], tuple[dt.date, ...]]


@dataclass(frozen=True)
class GroupPlan:
    """What a children's group is for and when it meets, decided before anyone is placed in it."""

    term: Term
    iso_code: str
    band: AgeBand
    programme: Programme
    premises: Premises
    dates: tuple[dt.date, ...]
    start_time: dt.time
    end_time: dt.time
    cancelled: bool

    @property
    def starts_on(self) -> dt.date:
        return self.dates[0]


@dataclass(eq=False)
class GroupRecord:
    """A group as made, with what the follow-up and the evaluations need to know about it."""

    group: Group
    plan: GroupPlan
    sessions: list[GroupSession]
    enrollments: list[Enrollment] = field(default_factory=list)

    @property
    def kind(self) -> GroupKind:
        return self.group.kind

    @property
    def ends_on(self) -> dt.date:
        return self.plan.dates[-1]

    @property
    def stayed(self) -> list[Enrollment]:
        """Participants still in the group at its end."""
        return [enrollment for enrollment in self.enrollments if enrollment.left_on is None]


def _band_times(band: AgeBand) -> tuple[dt.time, dt.time]:
    """Younger children meet straight after school, older ones later."""
    if band.low >= 16:
        return dt.time(17, 0), dt.time(19, 0)
    if band.low >= 13:
        return dt.time(16, 0), dt.time(18, 0)
    return dt.time(15, 30), dt.time(17, 30)


def language_weights(term: Term) -> dict[str, int]:
    # Ukrainian families came from the spring of 2022; the first groups started that autumn.
    ukrainian = 2 if (term.year, term.autumn) >= (2022, True) else 0
    return {"ar": 3, "so": 3, "prs": 3, "ti": 2, "uk": ukrainian}


def _programme(world: World, term: Term, iso_code: str) -> Programme:
    if iso_code == "uk":
        return Programme.BIS  # protected under the EU directive with a residence permit, not asylum seekers
    share_biv = 0.7 if term.year < 2016 else 0.55 if term.year < 2022 else 0.45
    return Programme.BIV if world.chance(share_biv) else Programme.BIS


@dataclass
class TermOutline:
    """What is settled for a term before its groups are planned one by one: how many, and the free slots."""

    term: Term
    count: int
    slots: list[tuple[Premises, int]]  # (premises, weekday) pairs not yet taken, in random order
    weights: dict[str, int]
    cancelled_index: int | None
    chosen: list[tuple[str, AgeBand]] = field(default_factory=list)


def outline_term(world: World, term: Term) -> TermOutline:
    """Three to five children's groups, each to get its own premises and weekday; now and then one called off."""
    count = world.rng.choices((3, 4, 5), weights=(2, 5, 3))[0]
    slots = [(premises, weekday) for premises in world.premises for weekday in WEEKDAYS]
    world.rng.shuffle(slots)
    cancelled_index = world.rng.randrange(count) if count >= 4 and world.chance(0.12) else None
    return TermOutline(term, count, slots, language_weights(term), cancelled_index)


def plan_group(world: World, staff: Staff, outline: TermOutline, index: int) -> GroupPlan:
    """The term's next children's group, placed where the staff not yet booked can lead it.

    Plan each group after the one before has been staffed: the slot is chosen by who is still free.
    Languages and age bands vary; a weekday with room for a parents' group beside it is preferred.
    """
    term = outline.term
    week = world.pick(term.start_weeks)
    for _ in range(LANGUAGE_TRIES):
        iso_code, band = _language_and_band(world, outline)
        placed = _place(world, staff, outline, iso_code, week)
        if placed is not None:
            break
    else:
        # Nobody free anywhere this term: the first slot, and the program will show what the group lacks.
        placed = outline.slots[0], _dates(world, term, week, outline.slots[0][1])
    slot, dates = placed
    outline.slots.remove(slot)
    outline.chosen.append((iso_code, band))
    start_time, end_time = _band_times(band)
    return GroupPlan(
        term=term,
        iso_code=iso_code,
        band=band,
        programme=_programme(world, term, iso_code),
        premises=slot[0],
        dates=dates,
        start_time=start_time,
        end_time=end_time,
        # Only a group whose weeks are all past is shown as called off, so every later session is planned.
        cancelled=index == outline.cancelled_index and dates[-1] < world.today,
    )


def _language_and_band(world: World, outline: TermOutline) -> tuple[str, AgeBand]:
    """A language and age band by their weights, not one the term already has if that can be helped."""
    codes = [code for code, weight in outline.weights.items() if weight]
    for _ in range(12):
        iso_code = world.rng.choices(codes, weights=[outline.weights[code] for code in codes])[0]
        band = world.rng.choices(DEFAULT_AGE_BANDS, weights=BAND_WEIGHTS)[0]
        if (iso_code, band) not in outline.chosen:
            break
    return iso_code, band


def _dates(world: World, term: Term, week: int, weekday: int) -> tuple[dt.date, ...]:
    start = term.day_in_week(week, weekday)
    while not world.calendar.is_open(start):
        start += dt.timedelta(days=7)
    return tuple(world.calendar.weekly_dates(start))


def _place(world: World, staff: Staff, outline: TermOutline, iso_code: str, week: int) -> Placement | None:
    """The first free slot where a children's and a parents' group could both be staffed, else where the
    children's group could; None if it could be nowhere."""
    options = [(slot, _dates(world, outline.term, week, slot[1])) for slot in outline.slots]
    for groups in (2, 1):
        for slot, dates in options:
            if staff.can_staff(iso_code, dates, groups):
                return slot, dates
    return None


def group_status(plan: GroupPlan, today: dt.date) -> GroupStatus:
    if plan.cancelled:
        return GroupStatus.CANCELLED
    # The program's own rule, so the demo's statuses are what the window would move them to.
    return status_by_date(GroupStatus.PLANNED, ((day, SessionStatus.PLANNED) for day in plan.dates), today)


def make_group(
    world: World, staff: Staff, plan: GroupPlan, kind: GroupKind, children_group: Group | None
) -> GroupRecord:
    """The group row, its staff and its fourteen sessions with themes copied from the default plan."""
    weekday = plan.starts_on.weekday()
    leader1, leader2 = staff.pick_leaders(world, plan.term, plan.dates)
    interpreter = staff.pick_interpreter(world, plan.iso_code, plan.term, plan.dates)
    language = world.language(plan.iso_code)
    theme_plan = world.defaults.theme_plans[kind]
    children = kind is GroupKind.CHILDREN
    group = world.add(
        Group(
            name=group_name(
                plan.programme,
                kind,
                language.name,
                plan.band if children else None,
                plan.premises.district,
                plan.starts_on,
            ),
            programme=plan.programme,
            kind=kind,
            children_group=children_group,
            language=language,
            age_min=plan.band.low if children else None,
            age_max=plan.band.high if children else None,
            premises=plan.premises,
            leader1=leader1,
            leader2=leader2,
            interpreter=interpreter,
            capacity=CHILDREN_GROUP_CAPACITY if children else PARENTS_GROUP_CAPACITY,
            start_date=plan.starts_on,
            weekday=weekday,
            start_time=plan.start_time,
            end_time=plan.end_time,
            status=group_status(plan, world.today),
            theme_plan_id=theme_plan.id,
        )
    )
    themes = theme_plan.themes
    sessions = []
    for number, day in enumerate(plan.dates, start=1):
        theme = themes[number - 1] if number <= len(themes) else None
        session = world.add(
            GroupSession(
                group=group,
                number=number,
                date=day,
                start_time=plan.start_time,
                end_time=plan.end_time,
                theme_title=theme.title if theme else "",
                theme_description=theme.description if theme else "",
                materials=theme.materials if theme else "",
                premises=plan.premises,
                leader1=leader1,
                leader2=leader2,
                interpreter=interpreter,
                status=SessionStatus.PLANNED,
                note="",
            )
        )
        _settle(world, staff, plan, session)
        sessions.append(session)
    return GroupRecord(group, plan, sessions)


def _settle(world: World, staff: Staff, plan: GroupPlan, session: GroupSession) -> None:
    """Past sessions were held (staff presence taken) or, now and then, cancelled; later ones are planned."""
    if plan.cancelled:
        session.status, session.note = SessionStatus.CANCELLED, texts.CANCELLED_GROUP_NOTE
        return
    if session.date >= world.today:
        return
    if world.chance(0.03):
        session.status, session.note = SessionStatus.CANCELLED, world.pick(texts.SESSION_CANCEL_REASONS)
        return
    session.status = SessionStatus.HELD
    session.leader1_present = world.chance(0.96)
    session.leader2_present = world.chance(0.95)
    session.interpreter_present = world.chance(0.97) if session.interpreter is not None else None
    if not session.leader2_present and world.chance(0.5):
        substitute = staff.substitute(world, session.date)
        if substitute is not None:
            session.leader2, session.leader2_present, session.note = substitute, True, texts.SUBSTITUTE_NOTE
