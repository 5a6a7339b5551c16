"""Theme plans under Inställningar: edited, reordered, copied and made default, without touching groups."""

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register.theme_plans import (
    ThemeDraft,
    ThemePlanDraft,
    copy_theme_plan,
    default_theme_plan,
    delete_theme_plan,
    get_theme_plan,
    list_theme_plans,
    save_theme_plan,
    set_default_theme_plan,
)
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Language, Premises


def draft_of(database: Database, plan_id: int) -> ThemePlanDraft:
    plan = get_theme_plan(database, plan_id)
    themes = tuple(ThemeDraft(t.title, t.description, t.materials) for t in plan.themes)
    return ThemePlanDraft(plan.name, plan.kind, themes)


def children_default(database: Database) -> int:
    plan = default_theme_plan(database, GroupKind.CHILDREN)
    assert plan is not None
    return plan.id


def test_a_new_register_has_a_default_plan_of_fourteen_themes_per_kind(database: Database) -> None:
    rows = list_theme_plans(database)
    assert [(row.kind, row.is_default, row.theme_count) for row in rows] == [
        (GroupKind.CHILDREN, True, 14),
        (GroupKind.PARENTS, True, 14),
    ]


def test_moving_a_theme_up_saves_the_new_order(database: Database) -> None:
    plan_id = children_default(database)
    draft = draft_of(database, plan_id)
    first, second, third = draft.themes[:3]
    moved = (first, third, second, *draft.themes[3:])

    saved = save_theme_plan(database, dataclasses.replace(draft, themes=moved), plan_id)

    assert [theme.title for theme in saved.themes[:3]] == [first.title, third.title, second.title]
    assert [theme.position for theme in saved.themes] == list(range(1, 15))
    assert get_theme_plan(database, plan_id) == saved


def test_themes_are_added_edited_and_deleted_in_one_save(database: Database) -> None:
    plan_id = children_default(database)
    draft = draft_of(database, plan_id)
    edited = ThemeDraft("Vem är jag?", "Självporträtt\noch namn", "Speglar, kritor")
    themes = (edited, *draft.themes[2:], ThemeDraft("Avslutning och fest"))
    saved = save_theme_plan(
        database, ThemePlanDraft("Barngrupp – hösten", GroupKind.CHILDREN, themes), plan_id
    )
    assert saved.name == "Barngrupp – hösten"
    assert len(saved.themes) == 14
    assert (saved.themes[0].title, saved.themes[0].description) == ("Vem är jag?", "Självporträtt\noch namn")
    assert saved.themes[-1].title == "Avslutning och fest"


def test_a_plan_needs_a_theme_a_title_for_each_and_a_free_name(database: Database) -> None:
    plan_id = children_default(database)
    draft = draft_of(database, plan_id)
    before = get_theme_plan(database, plan_id)
    cases = [
        (dataclasses.replace(draft, themes=()), "themes", "En temaplan måste ha minst ett tema. Lägg till ett tema."),
        (dataclasses.replace(draft, themes=(*draft.themes[:2], ThemeDraft("  "))), "themes.2.title",
         "Tema 3: Rubriken måste fyllas i."),
        (dataclasses.replace(draft, name="föräldragrupp – standard"), "name",
         "Det finns redan en temaplan som heter ”föräldragrupp – standard”. Välj ett annat namn."),
        (dataclasses.replace(draft, name=""), "name", "Namn måste fyllas i."),
    ]  # fmt: skip
    for bad, field, message in cases:
        with pytest.raises(ValidationError) as refused:
            save_theme_plan(database, bad, plan_id)
        assert (refused.value.field, refused.value.message) == (field, message)
    assert get_theme_plan(database, plan_id) == before


def test_copies_get_a_free_name_and_can_become_the_default(database: Database) -> None:
    original = children_default(database)
    first = copy_theme_plan(database, original)
    second = copy_theme_plan(database, original)
    assert (first.name, second.name) == ("Kopia av Barngrupp – standard", "Kopia av Barngrupp – standard (2)")
    assert first.themes == get_theme_plan(database, original).themes and not first.is_default

    set_default_theme_plan(database, second.id)

    assert children_default(database) == second.id
    assert not get_theme_plan(database, original).is_default
    parents = default_theme_plan(database, GroupKind.PARENTS)
    assert parents is not None and parents.is_default


def test_a_default_plan_keeps_its_kind_and_cannot_be_deleted(database: Database) -> None:
    plan_id = children_default(database)
    with pytest.raises(ValidationError) as refused:
        save_theme_plan(
            database, dataclasses.replace(draft_of(database, plan_id), kind=GroupKind.PARENTS), plan_id
        )
    assert refused.value.field == "kind"
    with pytest.raises(ValidationError, match="är standardplan för barngrupper"):
        delete_theme_plan(database, plan_id)
    copy = copy_theme_plan(database, plan_id)
    delete_theme_plan(database, copy.id)
    assert copy.id not in [row.id for row in list_theme_plans(database)]


def test_a_new_plan_does_not_take_over_from_the_kinds_default(database: Database) -> None:
    before = children_default(database)
    new = save_theme_plan(database, ThemePlanDraft("Kort plan", GroupKind.CHILDREN, (ThemeDraft("Start"),)))
    assert not new.is_default
    assert children_default(database) == before
    assert [row.name for row in list_theme_plans(database) if row.kind is GroupKind.CHILDREN] == [
        "Barngrupp – standard",
        "Kort plan",
    ]


def test_editing_a_plan_leaves_existing_groups_sessions_alone(database: Database) -> None:
    plan_id = children_default(database)
    plan = get_theme_plan(database, plan_id)
    with database.transaction() as session:
        group = Group(
            name="BIV Arabiska 7–9 år",
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language=session.scalars(select(Language).where(Language.iso_code == "ar")).one(),
            premises=Premises(name="Ryds kyrka", district="Ryd"),
            start_date=dt.date(2026, 3, 3),
            weekday=1,
            start_time=dt.time(17),
            end_time=dt.time(19),
            status=GroupStatus.PLANNED,
            theme_plan_id=plan_id,
            sessions=[
                GroupSession(number=t.position, date=dt.date(2026, 3, 3) + dt.timedelta(weeks=t.position - 1),
                             start_time=dt.time(17), end_time=dt.time(19), theme_title=t.title)
                for t in plan.themes
            ],
        )  # fmt: skip
        session.add(group)

    draft = draft_of(database, plan_id)
    save_theme_plan(
        database,
        dataclasses.replace(draft, themes=(ThemeDraft("Helt nytt tema"), *draft.themes[1:])),
        plan_id,
    )

    with database.transaction() as session:
        titles = list(session.scalars(select(GroupSession.theme_title).order_by(GroupSession.number)))
    assert titles == [theme.title for theme in plan.themes]
