"""Changing, cancelling, finishing and copying a group, and reading it in full."""

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.groups.changes import check_update, update_group
from biv_desktop.services.groups.choices import group_form_choices
from biv_desktop.services.groups.copying import (
    copy_group,
    default_parents_draft,
    linked_parents_draft,
    next_term_start,
)
from biv_desktop.services.groups.creation import create_group
from biv_desktop.services.groups.detail import get_group
from biv_desktop.services.groups.drafts import GroupDraft, ParentsDraft
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.services.groups.status import cancel_group, check_finish, finish_group
from biv_desktop.services.participants.enrolment import enrol, leave_group
from biv_desktop.services.staff.leaders import set_leader_active
from biv_desktop.store.database import Database
from biv_desktop.store.models import GroupSession
from support import factories, language_id

# A Wednesday: the Monday group below has met on 30 March, 13 and 20 April (Easter Monday skipped).
TODAY = dt.date(2026, 4, 22)


@dataclass(frozen=True)
class World:
    berga: int
    ryd: int
    karin: int
    anders: int
    leyla: int
    yusuf: int
    hodan: int  # a second Somali interpreter
    somali: int
    children_plan: int
    parents_plan: int


@pytest.fixture
def world(database: Database) -> World:
    trained = dt.date(2025, 10, 4)
    choices = group_form_choices(database)
    children_plan = choices.default_plan_id(GroupKind.CHILDREN)
    parents_plan = choices.default_plan_id(GroupKind.PARENTS)
    assert children_plan is not None and parents_plan is not None
    return World(
        berga=factories.premises(database, "Berga kyrka", "Berga"),
        ryd=factories.premises(database, "Ryds kyrka", "Ryd"),
        karin=factories.leader(database, "Karin", "Holmgren", trained_on=trained),
        anders=factories.leader(database, "Anders", "Bergvik", trained_on=trained),
        leyla=factories.leader(database, "Leyla", "Samadi", trained_on=trained),
        yusuf=factories.interpreter(database, "Yusuf", "Warsame", languages=("so",)),
        hodan=factories.interpreter(database, "Hodan", "Jama", languages=("so",)),
        somali=language_id(database, "so"),
        children_plan=children_plan,
        parents_plan=parents_plan,
    )


def draft_for(world: World, **changes: object) -> GroupDraft:
    draft = GroupDraft(
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        language_id=world.somali,
        premises_id=world.berga,
        start_date=dt.date(2026, 3, 30),
        weekday=0,
        start_time=dt.time(17),
        age_min=10,
        age_max=12,
        leader1_id=world.karin,
        leader2_id=world.anders,
        interpreter_id=world.yusuf,
        theme_plan_id=world.children_plan,
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def hold_until(database: Database, group_id: int, day: dt.date) -> None:
    """Mark the sessions before ``day`` held, as taking attendance would."""
    with database.transaction() as session:
        for row in session.scalars(select(GroupSession).where(GroupSession.group_id == group_id)):
            if row.date < day:
                row.status = SessionStatus.HELD


def test_new_leaders_apply_to_sessions_ahead_and_not_to_held_ones(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world))
    hold_until(database, group.id, TODAY)
    with database.transaction() as session:  # a substitute already booked for session 5
        substituted = session.scalars(select(GroupSession).where(GroupSession.number == 5)).one()
        substituted.leader2_id = world.leyla

    detail = update_group(
        database, group.id, replace(group.draft(), leader2_id=None, interpreter_id=world.hodan), today=TODAY
    )

    held = [s for s in detail.sessions if s.status is SessionStatus.HELD]
    assert [s.date for s in held] == [dt.date(2026, 3, 30), dt.date(2026, 4, 13), dt.date(2026, 4, 20)]
    assert {s.leader_names for s in held} == {("Karin Holmgren", "Anders Bergvik")}
    assert {s.interpreter_name for s in held} == {"Yusuf Warsame"}
    ahead = [s for s in detail.sessions if s.status is SessionStatus.PLANNED]
    assert {s.interpreter_name for s in ahead} == {"Hodan Jama"}
    assert {s.leader_names for s in ahead if s.number != 5} == {("Karin Holmgren",)}
    assert detail.sessions[4].leader_names == ("Karin Holmgren", "Leyla Samadi")  # the substitute stays
    assert detail.leaders[0].name == "Karin Holmgren" and detail.leader2 is None


def test_a_new_leader_who_is_busy_then_needs_confirming(database: Database, world: World) -> None:
    create_group(database, draft_for(world, premises_id=world.ryd, leader1_id=world.leyla, leader2_id=None,
                                     interpreter_id=None, age_min=13, age_max=15))  # fmt: skip
    group = create_group(database, draft_for(world))
    change = replace(group.draft(), leader2_id=world.leyla)
    with pytest.raises(NeedsConfirmation) as asked:
        update_group(database, group.id, change, today=TODAY)
    assert check_update(database, group.id, change, TODAY) == asked.value.warnings
    assert check_update(database, group.id, replace(change, leader2_id=world.anders), TODAY) == ()
    assert len(asked.value.warnings) == 11  # the sessions from 22 April on
    assert asked.value.warnings[0].startswith("Träff 4 (2026-04-27): Gruppledaren är redan bokad 17:00–19:00")
    assert get_group(database, group.id).leader2 is not None
    assert get_group(database, group.id).leader2.name == "Anders Bergvik"  # type: ignore[union-attr]
    assert (
        update_group(database, group.id, change, override=True, today=TODAY).leaders[1].name == "Leyla Samadi"
    )


def test_moving_premises_keeps_where_held_sessions_were(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world))
    hold_until(database, group.id, TODAY)
    detail = update_group(database, group.id, replace(group.draft(), premises_id=world.ryd), today=TODAY)
    assert detail.name == "BIV Somaliska 10–12 år, Ryd, vt 2026"  # the suggested name follows the district
    assert [s.premises for s in detail.sessions[:3]] == ["Berga kyrka"] * 3
    assert {s.premises for s in detail.sessions[3:]} == {"Ryds kyrka"}


def test_a_planned_group_is_planned_afresh_when_its_start_changes(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world))
    detail = update_group(
        database, group.id, replace(group.draft(), start_date=dt.date(2026, 4, 7), weekday=1), today=TODAY
    )
    assert detail.start_date == dt.date(2026, 4, 7) and detail.weekday == 1
    assert len(detail.sessions) == 14
    assert [s.number for s in detail.sessions] == list(range(1, 15))
    assert all(s.date.weekday() == 1 for s in detail.sessions)


def test_the_schedule_of_a_group_that_has_met_is_changed_in_the_schedule(
    database: Database, world: World
) -> None:
    group = create_group(database, draft_for(world))
    hold_until(database, group.id, TODAY)
    with pytest.raises(ValidationError) as error:
        update_group(database, group.id, replace(group.draft(), start_time=dt.time(16)), today=TODAY)
    assert error.value.field == "start_time"
    assert "Flytta eller ändra enskilda träffar i schemat" in error.value.message
    with pytest.raises(ValidationError, match="typ kan inte ändras"):
        update_group(database, group.id, replace(group.draft(), kind=GroupKind.PARENTS), today=TODAY)


def test_cancelling_calls_off_the_planned_sessions(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world))
    hold_until(database, group.id, TODAY)
    detail = cancel_group(database, group.id)
    assert detail.status is GroupStatus.CANCELLED
    assert detail.count(SessionStatus.HELD) == 3
    assert detail.count(SessionStatus.CANCELLED) == 11
    assert {s.note for s in detail.sessions if s.status is SessionStatus.CANCELLED} == {
        "Gruppen ställdes in."
    }
    with pytest.raises(ValidationError, match="redan inställd"):
        cancel_group(database, group.id)
    with pytest.raises(ValidationError, match="inställd och kan inte avslutas"):
        finish_group(database, group.id)


def test_finishing_early_asks_before_calling_off_the_rest(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world))
    hold_until(database, group.id, TODAY)
    assert check_finish(database, group.id, TODAY) == (
        "11 träffar från och med 2026-04-27 är fortfarande planerade. De ställs in när gruppen avslutas.",
    )
    with pytest.raises(NeedsConfirmation):
        finish_group(database, group.id, today=TODAY)
    assert get_group(database, group.id).status is GroupStatus.PLANNED

    detail = finish_group(database, group.id, override=True, today=TODAY)
    assert detail.status is GroupStatus.FINISHED
    assert detail.count(SessionStatus.CANCELLED) == 11
    with pytest.raises(ValidationError, match="redan avslutad"):
        cancel_group(database, group.id)


def test_finishing_after_the_last_session_needs_no_confirmation(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world))
    hold_until(database, group.id, dt.date(2026, 8, 1))
    assert finish_group(database, group.id, today=dt.date(2026, 8, 1)).count(SessionStatus.HELD) == 14


@pytest.mark.parametrize(
    ("start", "weekday", "expected"),
    [
        (dt.date(2026, 3, 30), 0, dt.date(2026, 9, 14)),  # vt, late: half a year is too late for ht
        (dt.date(2026, 1, 27), 1, dt.date(2026, 8, 18)),  # vt, early: not before mid-August
        (dt.date(2026, 2, 26), 3, dt.date(2026, 8, 27)),  # vt: half a year later falls within the window
        (dt.date(2026, 8, 25), 1, dt.date(2027, 2, 9)),  # ht: the next spring, by mid-February at the latest
        (dt.date(2026, 7, 28), 1, dt.date(2027, 1, 26)),  # ht: late January
    ],
)
def test_the_next_term_starts_the_same_weekday_about_half_a_year_later(
    start: dt.date, weekday: int, expected: dt.date
) -> None:
    assert next_term_start(start, weekday) == expected
    assert expected.weekday() == weekday


def test_copying_gives_the_next_terms_draft_with_the_same_set_up(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world, capacity=7))
    set_leader_active(database, world.anders, False, TODAY)
    draft = copy_group(database, group.id)
    assert draft == replace(group.draft(), start_date=dt.date(2026, 9, 14), leader2_id=None)
    saved = create_group(database, draft)
    assert saved.name == "BIV Somaliska 10–12 år, Berga, ht 2026"
    assert saved.capacity == 7
    assert len(saved.sessions) == 14
    assert copy_group(database, group.id, dt.date(2026, 10, 5)).start_date == dt.date(2026, 10, 5)


def test_a_copy_brings_the_parents_groups_set_up(database: Database, world: World) -> None:
    parents = ParentsDraft(weekday=0, start_time=dt.time(19), leader1_id=world.leyla, capacity=8,
                           theme_plan_id=world.parents_plan)  # fmt: skip
    group = create_group(database, draft_for(world), parents=parents)
    assert linked_parents_draft(database, group.id) == parents
    assert linked_parents_draft(database, group.parents_groups[0].id) is None
    suggested = default_parents_draft(database, group.id)
    assert (suggested.weekday, suggested.start_time, suggested.interpreter_id) == (
        0,
        dt.time(19),
        world.yusuf,
    )
    assert suggested.theme_plan_id == world.parents_plan


def test_the_detail_counts_participants_and_lists_term_and_links(database: Database, world: World) -> None:
    group = create_group(database, draft_for(world))
    ids = [factories.participant(database, name, 2015) for name in ("Ayaan", "Khadar", "Sagal")]
    enrolments = [enrol(database, pid, group.id, dt.date(2026, 3, 30), override=True) for pid in ids]
    leave_group(database, enrolments[0].enrollment_id, dt.date(2026, 4, 14), "Flyttade")

    detail = get_group(database, group.id)
    assert (detail.enrolled, detail.left, detail.capacity) == (2, 1, 6)
    assert detail.term == "vt 2026"
    assert detail.theme_plan_name == "Barngrupp – standard"
    assert detail.length_minutes == 120
    assert [row.term for row in list_groups(database)] == ["vt 2026"]
    with pytest.raises(ValidationError, match="Gruppen finns inte längre"):
        get_group(database, 9999)
