"""Placing children and guardians in groups, and their attendance at the sessions that were held."""

import datetime as dt

from biv_desktop.demo import texts
from biv_desktop.demo.families import Child, Families, Household, new_household, pick_mother_tongue
from biv_desktop.demo.groups import PARENTS_GROUP_CAPACITY, GroupRecord
from biv_desktop.demo.schedule import Term
from biv_desktop.demo.world import World
from biv_desktop.domain.enums import Gender, Mark, SessionStatus
from biv_desktop.store.models import Enrollment, Participant


def fill_children_group(world: World, families: Families, record: GroupRecord) -> list[Household]:
    """About six children of the group's age band and (with at most one exception) its language.

    Children already waiting are offered a place first; new families are registered for the rest.
    Returns the households placed, in order, for the parents' group.
    """
    plan = record.plan
    wanted = world.rng.randint(1, 2) if plan.cancelled else world.rng.choices((4, 5, 6), weights=(1, 3, 6))[0]
    placed: list[Child] = []
    other_tongues = 0
    candidates = families.candidates(plan.iso_code, plan.band, plan.programme, plan.starts_on)
    world.rng.shuffle(candidates)
    for child in candidates:
        if len(placed) >= wanted:
            break
        if child.household.iso_code != plan.iso_code:
            if other_tongues:
                continue
            other_tongues += 1
        child.placed = True
        placed.append(child)
    while len(placed) < wanted:
        iso_code = pick_mother_tongue(world, plan.iso_code, allow_neighbour=not other_tongues)
        other_tongues += iso_code != plan.iso_code
        registered_on = min(plan.starts_on - dt.timedelta(days=world.rng.randint(10, 120)), world.today)
        household, target = new_household(
            world,
            families,
            iso_code,
            plan.programme,
            plan.starts_on,
            plan.band,
            plan.premises.district,
            registered_on,
        )
        placed.append(Child(target, household, placed=True))
        for sibling in families.waiting.get(iso_code, []):
            if (
                sibling.household is household
                and iso_code == plan.iso_code
                and len(placed) < wanted
                and sibling.fits(plan.band, plan.programme, plan.starts_on)
            ):
                sibling.placed = True
                placed.append(sibling)
    for child in placed:
        _enrol(world, record, child.participant, child.household.registered_on, texts.CHILD_LEAVE_REASONS)
        if plan.cancelled:
            # Called off before it began: the child waits for another group.
            families.waiting.setdefault(child.household.iso_code, []).append(
                Child(child.participant, child.household)
            )
    households: list[Household] = []
    for child in placed:
        if not any(household is child.household for household in households):
            households.append(child.household)
    return households


def parents_for(
    world: World, households: list[Household], term: Term, booked: dict[Participant, Term]
) -> list[tuple[Participant, Household]]:
    """One guardian per family (now and then both), each in at most one parents' group a term."""
    guardians = []
    for household in households:
        if not household.guardians:
            continue
        mothers = [guardian for guardian in household.guardians if guardian.gender is Gender.FEMALE]
        chosen = [mothers[0] if mothers else household.guardians[0]]
        if len(household.guardians) == 2 and world.chance(0.2):
            chosen = list(household.guardians)
        for guardian in chosen:
            if booked.get(guardian) != term:
                guardians.append((guardian, household))
    return guardians[:PARENTS_GROUP_CAPACITY]


def fill_parents_group(
    world: World,
    record: GroupRecord,
    guardians: list[tuple[Participant, Household]],
    booked: dict[Participant, Term],
) -> None:
    for guardian, household in guardians:
        booked[guardian] = record.plan.term
        _enrol(world, record, guardian, household.registered_on, texts.PARENT_LEAVE_REASONS)


def _enrol(
    world: World,
    record: GroupRecord,
    participant: Participant,
    registered_on: dt.date,
    reasons: tuple[str, ...],
) -> None:
    plan = record.plan
    dates = plan.dates
    offset = world.rng.randint(3, 21)
    joined_on = max(registered_on, min(plan.starts_on - dt.timedelta(days=offset), world.today))
    left_on: dt.date | None = None
    reason = ""
    if plan.cancelled:
        left_on, reason = (
            max(joined_on, plan.starts_on - dt.timedelta(days=2)),
            texts.CANCELLED_GROUP_LEAVE_REASON,
        )
    else:
        late = world.rng.randint(1, 2)
        if world.chance(0.05) and dates[late] < world.today:
            joined_on = dates[late]
        last_attended = world.rng.randint(2, 10)
        leave_on = dates[last_attended] + dt.timedelta(days=world.rng.randint(1, 6))
        if world.chance(0.08) and dates[last_attended] > joined_on and leave_on < world.today:
            left_on, reason = leave_on, world.pick(reasons)
    record.enrollments.append(
        world.add(
            Enrollment(
                participant=participant,
                group=record.group,
                joined_on=joined_on,
                left_on=left_on,
                leave_reason=reason,
            )
        )
    )


def take_attendance(world: World, record: GroupRecord) -> None:
    """Marks for every held session: most present, some notified absences, some unexplained ones."""
    held = [session for session in record.sessions if session.status is SessionStatus.HELD]
    if not held:
        return
    marks: dict[tuple[int, int], Mark] = {}
    for index, enrollment in enumerate(record.enrollments):
        leaving = enrollment.left_on is not None
        reliability = world.rng.uniform(0.6, 0.85) if leaving else world.rng.uniform(0.8, 0.98)
        for number, session in enumerate(held):
            if not _attends(enrollment, session.date):
                continue
            if world.chance(reliability):
                marks[number, index] = Mark.PRESENT
            else:
                marks[number, index] = Mark.NOTIFIED_ABSENCE if world.chance(0.6) else Mark.ABSENT
    if world.chance(0.3) and record.enrollments:
        # Someone misses two sessions in a row: what the coordinator should notice and follow up.
        index = world.rng.randrange(len(record.enrollments))
        numbers = [
            number
            for number in range(len(held) - 1)
            if (number, index) in marks and (number + 1, index) in marks
        ]
        if numbers:
            number = world.pick(numbers)
            marks[number, index] = Mark.ABSENT
            marks[number + 1, index] = world.pick([Mark.ABSENT, Mark.NOTIFIED_ABSENCE])
    for number, session in enumerate(held):
        for index, enrollment in enumerate(record.enrollments):
            mark = marks.get((number, index))
            if mark is not None:
                world.marks.append((session, enrollment.participant, mark))


def _attends(enrollment: Enrollment, day: dt.date) -> bool:
    return enrollment.joined_on <= day and (enrollment.left_on is None or day < enrollment.left_on)
