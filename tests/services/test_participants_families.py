"""Families: guardians and children together, each with the groups they have been in; moving members."""

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import Gender, GroupKind, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.participants.editing import save_participant
from biv_desktop.services.participants.enrolment import enrol, leave_group
from biv_desktop.services.participants.families import (
    FamilyDraft,
    delete_family,
    get_family,
    list_families,
    move_to_family,
    save_family,
)
from biv_desktop.services.participants.register import ParticipantDraft, list_participants
from biv_desktop.store.database import Database
from biv_desktop.store.models import Language
from support import factories

TODAY = dt.date(2026, 3, 10)


def add(database: Database, first: str, born: int, **extra: Any) -> int:
    extra.setdefault("last_name", "Warsame")
    return save_participant(
        database, ParticipantDraft(first_name=first, birth_year=born, **extra), today=TODAY
    ).id


def add_group(database: Database, name: str, kind: GroupKind, ages: tuple[int, int] | None) -> int:
    """A running Somali group at Berga kyrka, on Tuesdays from 3 February 2026."""
    berga = factories.premises(database, "Berga kyrka", "Berga")
    start = dt.date(2026, 2, 3)
    return factories.group(
        database, name=name, kind=kind, language="so", ages=ages, premises_id=berga, start=start, running=True
    ).id


def test_the_family_view_shows_guardians_and_children_with_their_groups(database: Database) -> None:
    family = save_family(database, FamilyDraft("Warsame")).id
    hodan = add(database, "Hodan", 1988, role=Role.GUARDIAN, gender=Gender.FEMALE, family_id=family)
    add(database, "Cabdi", 1984, role=Role.GUARDIAN, gender=Gender.MALE, family_id=family)
    ayaan = add(database, "Ayaan", 2015, gender=Gender.FEMALE, family_id=family)
    add(database, "Khadar", 2012, gender=Gender.MALE, family_id=family)
    add(database, "Sagal", 2014, family_id=None)  # another family's child
    children = add_group(database, "BIV Somaliska 10–12 år, Berga, vt 2026", GroupKind.CHILDREN, (10, 12))
    parents = add_group(database, "BIV Somaliska föräldrar, Berga, vt 2026", GroupKind.PARENTS, None)
    enrol(database, ayaan, children, dt.date(2026, 2, 3), override=True)
    place = enrol(database, hodan, parents, dt.date(2026, 2, 3), override=True)
    leave_group(database, place.enrollment_id, dt.date(2026, 2, 24), "Krockar med SFI-undervisningen")

    view = get_family(database, family, TODAY)
    assert view.name == "Warsame"
    assert [(m.name, m.gender_label) for m in view.guardians] == [
        ("Cabdi Warsame", "Man"),
        ("Hodan Warsame", "Kvinna"),
    ]
    assert [(m.name, m.age, m.gender_label) for m in view.children] == [
        ("Khadar Warsame", 14, "Pojke"),
        ("Ayaan Warsame", 11, "Flicka"),
    ]
    ayaan_groups = view.children[1].groups
    assert [(g.name, g.is_active) for g in ayaan_groups] == [("BIV Somaliska 10–12 år, Berga, vt 2026", True)]
    hodan_groups = next(m for m in view.guardians if m.participant_id == hodan).groups
    assert [(g.name, g.left_on, g.leave_reason) for g in hodan_groups] == [
        ("BIV Somaliska föräldrar, Berga, vt 2026", dt.date(2026, 2, 24), "Krockar med SFI-undervisningen")
    ]
    assert view.children[0].groups == ()


def test_families_are_listed_with_their_counts_and_languages(database: Database) -> None:
    with database.transaction() as session:
        somali = session.scalars(select(Language.id).where(Language.iso_code == "so")).one()
    family = save_family(database, FamilyDraft("Warsame")).id
    save_family(database, FamilyDraft("Abdi"))
    add(database, "Hodan", 1988, role=Role.GUARDIAN, family_id=family, mother_tongue_id=somali)
    add(database, "Ayaan", 2015, family_id=family, mother_tongue_id=somali)
    add(database, "Khadar", 2012, family_id=family)
    rows = list_families(database)
    assert [(r.name, r.guardian_count, r.child_count, r.languages) for r in rows] == [
        ("Abdi", 0, 0, ()),
        ("Warsame", 1, 2, ("somaliska",)),
    ]
    assert " ayaan" in rows[1].search_key


def test_moving_a_member_between_families_and_out(database: Database) -> None:
    first = save_family(database, FamilyDraft("Warsame")).id
    second = save_family(database, FamilyDraft("Farah")).id
    khadar = add(database, "Khadar", 2012, family_id=first)
    assert move_to_family(database, khadar, second, TODAY).family_name == "Farah"
    assert [m.name for m in get_family(database, second, TODAY).members] == ["Khadar Warsame"]
    assert get_family(database, first, TODAY).members == ()
    assert move_to_family(database, khadar, None, TODAY).family_id is None
    with pytest.raises(ValidationError, match="Familjen finns inte längre"):
        move_to_family(database, khadar, 9999, TODAY)


def test_a_family_needs_a_name_and_only_an_empty_one_is_deleted(database: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        save_family(database, FamilyDraft("   "))
    assert (refused.value.field, refused.value.message) == ("name", "Familjens namn måste fyllas i.")
    family = save_family(database, FamilyDraft("Warsame")).id
    assert save_family(database, FamilyDraft(" Warsame Farah "), family).name == "Warsame Farah"
    khadar = add(database, "Khadar", 2012, family_id=family)
    with pytest.raises(ValidationError) as in_use:
        delete_family(database, family)
    assert (
        in_use.value.message
        == "Familjen Warsame Farah har fortfarande en medlem; bara en tom familj kan tas bort."
    )
    move_to_family(database, khadar, None, TODAY)
    delete_family(database, family)
    assert list_families(database) == []
    assert [row.name for row in list_participants(database, TODAY)] == ["Khadar Warsame"]
