"""Creating a group: its 14 dates around holidays and breaks, themes from the plan, clashes and validation."""

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.groups.choices import group_form_choices
from biv_desktop.services.groups.creation import create_group, create_parents_group, preview_parents_group
from biv_desktop.services.groups.drafts import GroupDraft, ParentsDraft
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.services.groups.planning import check_group, preview_group
from biv_desktop.services.register.break_weeks import BreakWeekDraft, save_break_week
from biv_desktop.services.register.theme_plans import (
    ThemeDraft,
    ThemePlanDraft,
    get_theme_plan,
    save_theme_plan,
)
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession
from support import factories, language_id

EASTER_MONDAY = dt.date(2026, 4, 6)


@dataclass(frozen=True)
class World:
    """Fictional premises, leaders and interpreters, by name."""

    berga: int
    ryd: int
    karin: int
    anders: int
    johan: int  # not trained
    yusuf: int  # interprets Somali
    somali: int
    arabic: int
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
        johan=factories.leader(database, "Johan", "Ekdal"),
        yusuf=factories.interpreter(database, "Yusuf", "Warsame", languages=("so",)),
        somali=language_id(database, "so"),
        arabic=language_id(database, "ar"),
        children_plan=children_plan,
        parents_plan=parents_plan,
    )


def somali_group(world: World, start: dt.date = dt.date(2026, 3, 30), **changes: object) -> GroupDraft:
    """A Monday group for 10–12-year-olds at Berga, 17–19, fully staffed."""
    draft = GroupDraft(
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        language_id=world.somali,
        premises_id=world.berga,
        start_date=start,
        weekday=start.weekday(),
        start_time=dt.time(17, 0),
        age_min=10,
        age_max=12,
        leader1_id=world.karin,
        leader2_id=world.anders,
        interpreter_id=world.yusuf,
        theme_plan_id=world.children_plan,
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def test_a_group_starting_the_week_before_easter_skips_easter_monday(
    database: Database, world: World
) -> None:
    detail = create_group(database, somali_group(world))

    assert detail.name == "BIV Somaliska 10–12 år, Berga, vt 2026"
    assert [session.date.isoformat() for session in detail.sessions] == [
        "2026-03-30", "2026-04-13", "2026-04-20", "2026-04-27", "2026-05-04", "2026-05-11", "2026-05-18",
        "2026-05-25", "2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29", "2026-07-06",
    ]  # fmt: skip
    assert [session.number for session in detail.sessions] == list(range(1, 15))
    assert all(s.start_time == dt.time(17) and s.end_time == dt.time(19) for s in detail.sessions)
    assert all(s.status is SessionStatus.PLANNED for s in detail.sessions)
    assert detail.status is GroupStatus.PLANNED
    assert detail.start_date == dt.date(2026, 3, 30)


def test_the_preview_names_the_skipped_day_and_matches_what_is_saved(
    database: Database, world: World
) -> None:
    preview = preview_group(database, somali_group(world))

    assert [skip.description for skip in preview.skipped] == ["2026-04-06 hoppas över: Annandag påsk"]
    assert preview.sessions[1].skipped[0].date == EASTER_MONDAY
    assert preview.conflicts == ()
    assert list_groups(database) == []  # a preview saves nothing
    saved = create_group(database, somali_group(world))
    assert [s.date for s in saved.sessions] == [s.date for s in preview.sessions]
    assert saved.name == preview.name


def test_a_start_on_a_holiday_moves_the_group_start_to_its_first_session(
    database: Database, world: World
) -> None:
    detail = create_group(database, somali_group(world, EASTER_MONDAY))
    assert detail.start_date == dt.date(2026, 4, 13)
    assert detail.sessions[0].date == dt.date(2026, 4, 13)


def test_a_break_week_moves_the_sessions_in_it_to_the_next_free_week(
    database: Database, world: World
) -> None:
    save_break_week(database, BreakWeekDraft("Sportlov", dt.date(2026, 2, 23), dt.date(2026, 3, 1)))
    preview = preview_group(database, somali_group(world, dt.date(2026, 2, 9)))

    dates = [s.date for s in preview.sessions]
    assert dates[:4] == [dt.date(2026, 2, 9), dt.date(2026, 2, 16), dt.date(2026, 3, 2), dt.date(2026, 3, 9)]
    assert dt.date(2026, 2, 23) not in dates
    assert EASTER_MONDAY not in dates
    assert [skip.description for skip in preview.skipped] == [
        "2026-02-23 hoppas över: Sportlov",
        "2026-04-06 hoppas över: Annandag påsk",
    ]
    assert len(dates) == 14 and len(set(dates)) == 14


def test_sessions_get_the_plans_themes_in_order(database: Database, world: World) -> None:
    plan = get_theme_plan(database, world.children_plan)
    detail = create_group(database, somali_group(world))

    assert [s.theme_title for s in detail.sessions] == [theme.title for theme in plan.themes][:14]
    with database.transaction() as session:
        descriptions = session.scalars(
            select(GroupSession.theme_description).order_by(GroupSession.number)
        ).all()
    assert list(descriptions) == [theme.description for theme in plan.themes][:14]


def test_a_short_plan_leaves_the_last_sessions_without_theme(database: Database, world: World) -> None:
    short = save_theme_plan(
        database,
        ThemePlanDraft("Kort plan", GroupKind.CHILDREN, (ThemeDraft("Vem är jag?"), ThemeDraft("Flykten"))),
    )
    detail = create_group(database, somali_group(world, theme_plan_id=short.id))
    assert [s.theme_title for s in detail.sessions[:3]] == ["Vem är jag?", "Flykten", ""]


def test_staff_is_copied_to_every_session(database: Database, world: World) -> None:
    detail = create_group(database, somali_group(world))
    assert {s.leader_names for s in detail.sessions} == {("Karin Holmgren", "Anders Bergvik")}
    assert {s.interpreter_name for s in detail.sessions} == {"Yusuf Warsame"}
    assert detail.staffing_problems == ()


def test_staffing_problems_are_shown_but_do_not_stop_saving(database: Database, world: World) -> None:
    draft = somali_group(world, leader1_id=world.johan, leader2_id=None, interpreter_id=None)
    preview = preview_group(database, draft)
    assert preview.staffing_problems == (
        "Bara en gruppledare.",
        "Gruppledaren Johan Ekdal är inte utbildad.",
        "Ingen tolk.",
    )
    assert create_group(database, draft).leaders[0].name == "Johan Ekdal"


def test_a_double_booked_leader_needs_a_deliberate_override(database: Database, world: World) -> None:
    create_group(database, somali_group(world))
    # The same leader, an hour later on the same Mondays, in another language at other premises.
    clash = somali_group(
        world, language_id=world.arabic, premises_id=world.ryd, start_time=dt.time(18), leader2_id=world.johan,
        interpreter_id=None,
    )  # fmt: skip

    warnings = check_group(database, clash)
    assert len(warnings) == 14
    assert warnings[0] == (
        "Träff 1 (2026-03-30): Gruppledaren är redan bokad 17:00–19:00 i "
        "BIV Somaliska 10–12 år, Berga, vt 2026 (träff 1)."
    )
    with pytest.raises(NeedsConfirmation) as asked:
        create_group(database, clash)
    assert asked.value.warnings == warnings
    assert len(list_groups(database)) == 1  # nothing saved

    saved = create_group(database, clash, override=True)
    assert saved.name == "BIV Arabiska 10–12 år, Ryd, vt 2026"
    assert len(saved.sessions) == 14


def test_double_booked_premises_and_interpreter_are_named(database: Database, world: World) -> None:
    create_group(database, somali_group(world))
    clash = somali_group(
        world, age_min=13, age_max=15, leader1_id=None, leader2_id=None, start_time=dt.time(18)
    )
    preview = preview_group(database, clash)
    assert preview.sessions[0].conflicts == (
        "Tolken är redan bokad 17:00–19:00 i BIV Somaliska 10–12 år, Berga, vt 2026 (träff 1).",
        "Lokalen är redan bokad 17:00–19:00 för BIV Somaliska 10–12 år, Berga, vt 2026 (träff 1).",
    )


def test_a_cancelled_group_does_not_block_its_times(database: Database, world: World) -> None:
    first = create_group(database, somali_group(world))
    with database.transaction() as session:
        group = session.get(Group, first.id)
        assert group is not None
        group.status = GroupStatus.CANCELLED
    assert check_group(database, somali_group(world)) == ()


def test_the_dialog_can_create_the_parents_group_in_the_same_step(database: Database, world: World) -> None:
    parents = ParentsDraft(weekday=0, start_time=dt.time(19), interpreter_id=world.yusuf,
                           theme_plan_id=world.parents_plan, capacity=8)  # fmt: skip
    children = create_group(database, somali_group(world), parents=parents)

    assert len(children.parents_groups) == 1
    rows = {row.name: row for row in list_groups(database)}
    parents_row = rows["BIV Somaliska föräldrar, Berga, vt 2026"]
    assert (parents_row.kind, parents_row.language, parents_row.premises) == (
        GroupKind.PARENTS,
        "somaliska",
        "Berga kyrka",
    )
    assert (parents_row.start_time, parents_row.end_time, parents_row.capacity) == (
        dt.time(19),
        dt.time(21),
        8,
    )
    with database.transaction() as session:
        group = session.get(Group, parents_row.id)
        assert group is not None and group.children_group_id == children.id
        dates = [s.date for s in group.sessions]
        themes = [s.theme_title for s in group.sessions]
    assert dates == [s.date for s in children.sessions]  # the same Mondays, Easter skipped
    plan = get_theme_plan(database, world.parents_plan)
    assert themes == [theme.title for theme in plan.themes][:14]


def test_a_parents_group_may_meet_beside_its_children_but_not_with_their_interpreter(
    database: Database, world: World
) -> None:
    # Parents' groups run beside their children's: the same premises at the same time is no clash.
    parents = ParentsDraft(weekday=0, start_time=dt.time(17), theme_plan_id=world.parents_plan)
    assert check_group(database, somali_group(world), parents=parents) == ()

    # One interpreter cannot be in both rooms.
    warnings = check_group(
        database, somali_group(world), parents=replace(parents, interpreter_id=world.yusuf)
    )
    assert len(warnings) == 14
    assert warnings[0] == (
        "Föräldragruppen: Träff 1 (2026-03-30): Tolken är redan bokad 17:00–19:00 i "
        "BIV Somaliska 10–12 år, Berga, vt 2026 (träff 1)."
    )
    with pytest.raises(NeedsConfirmation):
        create_group(database, somali_group(world), parents=replace(parents, interpreter_id=world.yusuf))
    assert list_groups(database) == []

    # Saved, the two stay free of premises clashes, and another group in those premises still clashes.
    children = create_group(database, somali_group(world), parents=parents)
    assert check_group(database, children.draft(), group_id=children.id) == ()
    other = somali_group(world, age_min=13, age_max=15, leader1_id=None, leader2_id=None, interpreter_id=None)
    assert len(check_group(database, other)) == 28  # both groups' sessions hold the premises


def test_a_saved_children_group_gets_its_parents_group_later(database: Database, world: World) -> None:
    children = create_group(database, somali_group(world))
    parents = ParentsDraft(weekday=2, start_time=dt.time(18), theme_plan_id=world.parents_plan)

    preview = preview_parents_group(database, children.id, parents)
    assert preview.first_date == dt.date(2026, 4, 1)  # the Wednesday after the children's first Monday
    detail = create_parents_group(database, children.id, parents)
    assert detail.children_group is not None and detail.children_group.id == children.id
    assert detail.kind is GroupKind.PARENTS
    assert (detail.language, detail.premises, detail.programme) == ("somaliska", "Berga kyrka", Programme.BIV)
    assert detail.sessions[0].theme_title == "Välkomna – vi lär känna varandra"

    parallel = replace(parents, weekday=0, start_time=dt.time(17))
    assert preview_parents_group(database, children.id, parallel).conflicts == ()
    with pytest.raises(NeedsConfirmation) as asked:
        create_parents_group(database, children.id, replace(parents, weekday=3))
    assert asked.value.warnings == (
        "Barngruppen har redan föräldragruppen ”BIV Somaliska föräldrar, Berga, vt 2026”.",
    )
    with pytest.raises(ValidationError, match="hör till en barngrupp"):
        create_parents_group(database, detail.id, parents)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"language_id": None}, "language_id", "Välj gruppens språk."),
        ({"premises_id": None}, "premises_id", "Välj lokalen där gruppen träffas."),
        ({"premises_id": 9999}, "premises_id", "Lokalen finns inte längre; uppdatera listan."),
        ({"age_min": None}, "age_band", "Välj ett åldersspann för barngruppen."),
        ({"age_min": 13, "age_max": 10}, "age_band", "Den lägsta åldern måste vara lägre än eller lika med den högsta."),
        ({"start_date": dt.date(1999, 3, 1)}, "start_date", "Startdatumet måste ligga mellan år 2000 och 2100."),
        ({"length_minutes": 5}, "length_minutes", "Träffens längd i minuter måste vara ett tal mellan 15 och 600."),
        ({"start_time": dt.time(23)}, "start_time", "Träffen skulle sluta efter midnatt. Välj en tidigare starttid."),
        ({"interpreter_id": 9999}, "interpreter_id", "Tolken finns inte längre; uppdatera listan."),
        ({"capacity": 0}, "capacity", "Antal platser måste vara ett tal mellan 1 och 40."),
        ({"theme_plan_id": 9999}, "theme_plan_id", "Temaplanen finns inte längre; uppdatera listan."),
        ({"name": "x" * 201}, "name", "Namnet får vara högst 200 tecken (nu 201)."),
    ],
)  # fmt: skip
def test_every_field_is_checked_with_a_swedish_sentence(
    database: Database, world: World, changes: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        create_group(database, somali_group(world, **changes))
    assert (error.value.field, error.value.message) == (field, message)
    assert list_groups(database) == []


def test_the_same_leader_twice_is_refused(database: Database, world: World) -> None:
    with pytest.raises(ValidationError) as error:
        create_group(database, somali_group(world, leader2_id=world.karin))
    assert (error.value.field, error.value.message) == (
        "leader2_id",
        "Samma person är vald som båda gruppledarna. Välj en annan andra gruppledare.",
    )


def test_a_parents_fault_in_the_dialog_is_told_as_the_parents_groups(
    database: Database, world: World
) -> None:
    parents = ParentsDraft(weekday=0, start_time=dt.time(23), theme_plan_id=world.parents_plan)
    with pytest.raises(ValidationError) as error:
        create_group(database, somali_group(world), parents=parents)
    assert error.value.field == "parents.start_time"
    assert error.value.message.startswith("Föräldragruppen: Träffen skulle sluta efter midnatt.")
    assert list_groups(database) == []


def test_a_typed_name_is_kept_and_a_parents_group_has_no_age_band(database: Database, world: World) -> None:
    named = create_group(database, somali_group(world, name="  Somaliska tjejgruppen  "))
    assert named.name == "Somaliska tjejgruppen"
    parents = create_group(database, somali_group(world, kind=GroupKind.PARENTS, start_time=dt.time(19),
                                                  theme_plan_id=world.parents_plan))  # fmt: skip
    assert (parents.age_min, parents.age_max, parents.name) == (
        None,
        None,
        "BIV Somaliska föräldrar, Berga, vt 2026",
    )
