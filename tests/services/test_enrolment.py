"""Placing participants in groups: warnings, overriding them, leaving, the roster and the waiting list."""

import datetime as dt
from dataclasses import dataclass

import pytest

from biv_desktop.domain.enums import Gender, GroupKind, GroupStatus, Programme, ProgrammeStatus, Role
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.groups import cancel_group
from biv_desktop.services.participants import ParticipantDraft, save_participant
from biv_desktop.services.participants.enrolment import (
    check_enrolment,
    enrol,
    enrol_several,
    leave_group,
    open_groups,
    roster,
)
from biv_desktop.services.participants.register import get_participant, list_participants
from biv_desktop.services.participants.waiting import add_to_waiting_list, waiting_list
from biv_desktop.store.database import Database
from support import factories, language_ids

TODAY = dt.date(2026, 3, 10)


@dataclass(frozen=True)
class Groups:
    """The fixture's groups by what the tests call them."""

    arabic_13_15: int
    arabic_10_12: int
    dari_13_15_bis: int
    arabic_parents: int
    cancelled: int
    language: dict[str, int]


@pytest.fixture
def groups(database: Database) -> Groups:
    """Five fictional groups: Arabic 13–15 (running) and 10–12 (planned), a BIS Dari group, a parents'
    group and a cancelled one."""
    ryd = factories.premises(database, "Ryds kyrka", "Ryd")

    def add(
        name: str,
        lang: str,
        ages: tuple[int, int] | None,
        status: GroupStatus,
        *,
        programme: Programme = Programme.BIV,
        kind: GroupKind = GroupKind.CHILDREN,
        start: dt.date = dt.date(2026, 2, 3),
        capacity: int = 6,
    ) -> int:
        group_id = factories.group(
            database,
            name=name,
            language=lang,
            ages=ages,
            programme=programme,
            kind=kind,
            premises_id=ryd,
            start=start,
            capacity=capacity,
        ).id
        if status is GroupStatus.RUNNING:
            factories.mark_running(database, group_id)
        elif status is GroupStatus.CANCELLED:
            cancel_group(database, group_id)
        return group_id

    return Groups(
        arabic_13_15=add("BIV Arabiska 13–15 år, Ryd, vt 2026", "ar", (13, 15), GroupStatus.RUNNING),
        arabic_10_12=add(
            "BIV Arabiska 10–12 år, Ryd, ht 2026",
            "ar",
            (10, 12),
            GroupStatus.PLANNED,
            start=dt.date(2026, 8, 25),
        ),
        dari_13_15_bis=add(
            "BIS Dari 13–15 år, Ryd, vt 2026",
            "prs",
            (13, 15),
            GroupStatus.RUNNING,
            programme=Programme.BIS,
            capacity=2,
        ),
        arabic_parents=add(
            "BIV Arabiska föräldrar, Ryd, vt 2026", "ar", None, GroupStatus.RUNNING, kind=GroupKind.PARENTS
        ),
        cancelled=add("BIV Arabiska 7–9 år, Ryd, vt 2026", "ar", (7, 9), GroupStatus.CANCELLED),
        language=language_ids(database),
    )


def person(
    database: Database, groups: Groups, first: str, born: int, lang: str = "ar", **extra: object
) -> int:
    extra.setdefault("last_name", "Haddad")
    draft = ParticipantDraft(
        first_name=first,
        birth_year=born,
        mother_tongue_id=groups.language[lang],
        gender=Gender.FEMALE,
        **extra,  # type: ignore[arg-type]
    )
    return save_participant(database, draft, today=TODAY).id


def test_a_child_who_fits_is_enrolled_without_warnings(database: Database, groups: Groups) -> None:
    rana = person(database, groups, "Rana", 2012)
    assert check_enrolment(database, rana, groups.arabic_13_15) == ()
    row = enrol(database, rana, groups.arabic_13_15, dt.date(2026, 2, 3))
    assert (row.name, row.age, row.gender_label, row.joined_on, row.is_active) == (
        "Rana Haddad",
        14,
        "Flicka",
        dt.date(2026, 2, 3),
        True,
    )
    assert [r.participant_id for r in roster(database, groups.arabic_13_15)] == [rana]


def test_an_eleven_year_old_in_a_13_to_15_group_needs_confirmation(
    database: Database, groups: Groups
) -> None:
    lina = person(database, groups, "Lina", 2015)
    assert check_enrolment(database, lina, groups.arabic_13_15) == (
        "Deltagaren är 11 år, gruppen är för 13–15 år.",
    )
    with pytest.raises(NeedsConfirmation) as refused:
        enrol(database, lina, groups.arabic_13_15, TODAY)
    assert refused.value.warnings == ("Deltagaren är 11 år, gruppen är för 13–15 år.",)
    assert roster(database, groups.arabic_13_15) == []

    enrol(database, lina, groups.arabic_13_15, TODAY, override=True)
    assert [(r.name, r.age) for r in roster(database, groups.arabic_13_15)] == [("Lina Haddad", 11)]


def test_language_and_programme_status_other_than_the_groups_warn(database: Database, groups: Groups) -> None:
    karwan = person(
        database, groups, "Karwan", 2012, lang="ckb", programme_status=ProgrammeStatus.RESIDENCE_PERMIT
    )
    assert check_enrolment(database, karwan, groups.arabic_13_15) == (
        "Deltagarens modersmål är kurdiska (sorani), gruppen hålls på arabiska.",
        "Deltagarens status är uppehållstillstånd (BIS), gruppen är en BIV-grupp (Barn i väntan).",
    )


def test_a_full_group_warns_and_still_takes_one_more_on_override(database: Database, groups: Groups) -> None:
    permit = {"programme_status": ProgrammeStatus.RESIDENCE_PERMIT}
    for name in ("Parisa", "Nilofar"):
        enrol(
            database, person(database, groups, name, 2012, lang="prs", **permit), groups.dari_13_15_bis, TODAY
        )
    third = person(database, groups, "Mina", 2012, lang="prs", **permit)
    with pytest.raises(NeedsConfirmation) as refused:
        enrol(database, third, groups.dari_13_15_bis, TODAY)
    assert refused.value.warnings == ("Gruppen är full: 2 deltagare på 2 platser.",)
    enrol(database, third, groups.dari_13_15_bis, TODAY, override=True)
    assert len(roster(database, groups.dari_13_15_bis)) == 3


def test_being_in_another_running_group_warns(database: Database, groups: Groups) -> None:
    omar = person(database, groups, "Omar", 2012)
    enrol(database, omar, groups.arabic_13_15, TODAY)
    assert check_enrolment(database, omar, groups.arabic_10_12) == (
        "Deltagaren är 14 år, gruppen är för 10–12 år.",
        "Deltagaren går redan i gruppen ”BIV Arabiska 13–15 år, Ryd, vt 2026”.",
    )
    assert list_participants(database, TODAY)[0].current_groups == ("BIV Arabiska 13–15 år, Ryd, vt 2026",)


def test_a_guardian_in_a_childrens_group_warns_and_fits_the_parents_group(
    database: Database, groups: Groups
) -> None:
    mother = person(database, groups, "Amal", 1984, role=Role.GUARDIAN)
    assert check_enrolment(database, mother, groups.arabic_parents) == ()
    assert check_enrolment(database, mother, groups.arabic_13_15)[0] == (
        "Deltagaren är registrerad som förälder/vårdnadshavare, men gruppen är en barngrupp."
    )


def test_enrolling_twice_in_the_same_group_is_refused(database: Database, groups: Groups) -> None:
    rana = person(database, groups, "Rana", 2012)
    enrol(database, rana, groups.arabic_13_15, dt.date(2026, 2, 3))
    with pytest.raises(ValidationError) as refused:
        enrol(database, rana, groups.arabic_13_15, TODAY, override=True)
    assert refused.value.field == "group_id"
    assert str(refused.value) == (
        "Rana Haddad är redan med i gruppen ”BIV Arabiska 13–15 år, Ryd, vt 2026” sedan 2026-02-03."
    )


def test_a_cancelled_or_missing_group_cannot_be_joined(database: Database, groups: Groups) -> None:
    rana = person(database, groups, "Rana", 2012)
    with pytest.raises(ValidationError, match="är inställd; välj en annan grupp"):
        enrol(database, rana, groups.cancelled, TODAY, override=True)
    with pytest.raises(ValidationError, match="Gruppen finns inte längre"):
        check_enrolment(database, rana, 9999)
    with pytest.raises(ValidationError, match="Deltagaren finns inte längre"):
        enrol(database, 9999, groups.arabic_13_15, TODAY)


def test_leaving_records_the_date_and_reason(database: Database, groups: Groups) -> None:
    rana = person(database, groups, "Rana", 2012)
    row = enrol(database, rana, groups.arabic_13_15, dt.date(2026, 2, 3))
    left = leave_group(
        database, row.enrollment_id, dt.date(2026, 3, 3), "  Familjen flyttade till Norrköping "
    )
    assert (left.left_on, left.leave_reason, left.is_active) == (
        dt.date(2026, 3, 3),
        "Familjen flyttade till Norrköping",
        False,
    )
    history = get_participant(database, rana, TODAY).enrollments
    assert [(e.group_name, e.left_on, e.leave_reason) for e in history] == [
        ("BIV Arabiska 13–15 år, Ryd, vt 2026", dt.date(2026, 3, 3), "Familjen flyttade till Norrköping")
    ]
    assert list_participants(database, TODAY)[0].current_groups == ()
    # A place is free again.
    assert next(g for g in open_groups(database) if g.id == groups.arabic_13_15).enrolled == 0


def test_leaving_needs_a_reason_and_a_day_after_joining(database: Database, groups: Groups) -> None:
    rana = person(database, groups, "Rana", 2012)
    row = enrol(database, rana, groups.arabic_13_15, dt.date(2026, 2, 3))
    with pytest.raises(ValidationError) as no_reason:
        leave_group(database, row.enrollment_id, dt.date(2026, 3, 3), "   ")
    assert (no_reason.value.field, no_reason.value.message) == ("reason", "Orsaken måste fyllas i.")
    with pytest.raises(ValidationError) as too_early:
        leave_group(database, row.enrollment_id, dt.date(2026, 2, 2), "Ville inte fortsätta")
    assert too_early.value.field == "left_on"
    assert "2026-02-03" in too_early.value.message
    assert roster(database, groups.arabic_13_15)[0].is_active


def test_coming_back_after_leaving_reopens_the_place(database: Database, groups: Groups) -> None:
    rana = person(database, groups, "Rana", 2012)
    row = enrol(database, rana, groups.arabic_13_15, dt.date(2026, 2, 3))
    leave_group(database, row.enrollment_id, dt.date(2026, 2, 17), "Sjuk en längre tid")
    assert check_enrolment(database, rana, groups.arabic_13_15) == (
        "Deltagaren lämnade gruppen 2026-02-17 (Sjuk en längre tid); anmälan öppnas igen från det första datumet.",
    )
    back = enrol(database, rana, groups.arabic_13_15, TODAY, override=True)
    assert (back.enrollment_id, back.joined_on, back.left_on, back.leave_reason) == (
        row.enrollment_id,
        dt.date(2026, 2, 3),
        None,
        "",
    )


def test_the_roster_lists_those_in_the_group_by_name_then_those_who_left(
    database: Database, groups: Groups
) -> None:
    ids = {
        name: person(database, groups, name, 2012, last_name=last)
        for name, last in (("Sara", "Ali"), ("Yusuf", "Bakr"), ("Huda", "Zaki"))
    }
    rows = {name: enrol(database, pid, groups.arabic_13_15, dt.date(2026, 2, 3)) for name, pid in ids.items()}
    leave_group(database, rows["Sara"].enrollment_id, dt.date(2026, 2, 24), "Ville inte fortsätta")
    listed = roster(database, groups.arabic_13_15)
    assert [(r.name, r.left_on) for r in listed] == [
        ("Yusuf Bakr", None),
        ("Huda Zaki", None),
        ("Sara Ali", dt.date(2026, 2, 24)),
    ]
    assert listed[2].leave_reason == "Ville inte fortsätta"


def test_enrolling_takes_the_participant_off_the_waiting_list(database: Database, groups: Groups) -> None:
    rana = person(database, groups, "Rana", 2012)
    add_to_waiting_list(database, rana, dt.date(2025, 11, 2), today=TODAY)
    assert [row.participant_id for row in waiting_list(database, today=TODAY)] == [rana]
    enrol(database, rana, groups.arabic_13_15, TODAY)
    assert waiting_list(database, today=TODAY) == []
    assert get_participant(database, rana, TODAY).waiting_since is None


def test_open_groups_are_the_planned_and_running_ones_soonest_first(
    database: Database, groups: Groups
) -> None:
    names = [group.name for group in open_groups(database)]
    assert "BIV Arabiska 7–9 år, Ryd, vt 2026" not in names
    assert names[-1] == "BIV Arabiska 10–12 år, Ryd, ht 2026"
    assert len(names) == 4


def test_several_children_are_enrolled_in_one_step_and_leave_the_waiting_list(
    database: Database, groups: Groups
) -> None:
    rana = person(database, groups, "Rana", 2012)
    sami = person(database, groups, "Sami", 2013)
    add_to_waiting_list(database, sami, today=TODAY)
    rows = enrol_several(database, [rana, sami], groups.arabic_13_15, dt.date(2026, 2, 3))
    assert [row.name for row in rows] == ["Rana Haddad", "Sami Haddad"]
    assert {row.name for row in roster(database, groups.arabic_13_15) if row.is_active} == {
        "Rana Haddad",
        "Sami Haddad",
    }
    assert waiting_list(database) == []


def test_several_beyond_the_places_left_ask_first_naming_who_and_keep_nothing_until_confirmed(
    database: Database, groups: Groups
) -> None:
    # The BIS Dari group has two places: the third child of the family would make it over-full.
    children = [person(database, groups, name, 2012, "prs") for name in ("Omid", "Parisa", "Jawid")]
    with pytest.raises(NeedsConfirmation) as asked:
        enrol_several(database, children, groups.dari_13_15_bis, dt.date(2026, 2, 3))
    full = [warning for warning in asked.value.warnings if "Gruppen är full" in warning]
    assert full == ["Jawid Haddad: Gruppen är full: 2 deltagare på 2 platser."]
    assert roster(database, groups.dari_13_15_bis) == []  # all or none
    rows = enrol_several(database, children, groups.dari_13_15_bis, dt.date(2026, 2, 3), override=True)
    assert len(rows) == 3 == len(roster(database, groups.dari_13_15_bis))


def test_enrolling_none_is_refused_with_a_sentence(database: Database, groups: Groups) -> None:
    with pytest.raises(ValidationError) as refused:
        enrol_several(database, [], groups.arabic_13_15, dt.date(2026, 2, 3))
    assert refused.value.message == "Välj minst en deltagare att anmäla."
