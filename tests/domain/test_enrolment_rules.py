"""The enrolment rules: each broken rule is one clear Swedish sentence, and a good fit gives none."""

import datetime as dt

from biv_desktop.domain.enrolment_rules import (
    Candidate,
    CurrentGroup,
    GroupPlaces,
    age_in_group,
    enrolment_warnings,
)
from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, ProgrammeStatus, Role

START = dt.date(2026, 2, 3)


def group(**changes: object) -> GroupPlaces:
    values: dict[str, object] = {
        "name": "BIV Arabiska 13–15 år, Ryd, vt 2026",
        "kind": GroupKind.CHILDREN,
        "programme": Programme.BIV,
        "language": "arabiska",
        "age_min": 13,
        "age_max": 15,
        "start_date": START,
        "status": GroupStatus.PLANNED,
        "capacity": 6,
        "enrolled": 3,
    }
    values.update(changes)
    return GroupPlaces(**values)  # type: ignore[arg-type]


def child(**changes: object) -> Candidate:
    values: dict[str, object] = {
        "birth_year": 2012,
        "birth_date": None,
        "role": Role.CHILD,
        "mother_tongue": "arabiska",
        "programme_status": ProgrammeStatus.ASYLUM_SEEKING,
    }
    values.update(changes)
    return Candidate(**values)  # type: ignore[arg-type]


def test_a_child_who_fits_the_group_gives_no_warning() -> None:
    assert enrolment_warnings(child(), group()) == ()


def test_an_eleven_year_old_in_a_13_to_15_group_is_told_in_swedish() -> None:
    assert enrolment_warnings(child(birth_year=2015), group()) == (
        "Deltagaren är 11 år, gruppen är för 13–15 år.",
    )
    assert enrolment_warnings(child(birth_year=2010), group()) == (
        "Deltagaren är 16 år, gruppen är för 13–15 år.",
    )


def test_both_ends_of_the_band_are_inside_it() -> None:
    assert enrolment_warnings(child(birth_year=2013), group()) == ()
    assert enrolment_warnings(child(birth_year=2011), group()) == ()


def test_a_known_birth_date_counts_the_exact_age_at_the_start() -> None:
    # Born in 2013 but turns 13 only in June: twelve when the group starts in February.
    late_birthday = child(birth_year=2013, birth_date=dt.date(2013, 6, 20))
    assert age_in_group(late_birthday, group()) == 12
    assert enrolment_warnings(late_birthday, group()) == ("Deltagaren är 12 år, gruppen är för 13–15 år.",)
    early_birthday = child(birth_year=2013, birth_date=dt.date(2013, 1, 5))
    assert age_in_group(early_birthday, group()) == 13
    assert enrolment_warnings(early_birthday, group()) == ()


def test_a_birth_year_alone_counts_the_age_reached_in_the_starting_year() -> None:
    assert age_in_group(child(birth_year=2013), group(start_date=dt.date(2026, 1, 7))) == 13


def test_another_mother_tongue_or_none_recorded_is_a_warning() -> None:
    assert enrolment_warnings(child(mother_tongue="kurdiska (sorani)"), group()) == (
        "Deltagarens modersmål är kurdiska (sorani), gruppen hålls på arabiska.",
    )
    assert enrolment_warnings(child(mother_tongue=""), group()) == (
        "Deltagarens modersmål är inte angivet; gruppen hålls på arabiska.",
    )


def test_a_family_with_a_residence_permit_in_a_biv_group_is_a_warning() -> None:
    assert enrolment_warnings(child(programme_status=ProgrammeStatus.RESIDENCE_PERMIT), group()) == (
        "Deltagarens status är uppehållstillstånd (BIS), gruppen är en BIV-grupp (Barn i väntan).",
    )
    assert enrolment_warnings(child(), group(programme=Programme.BIS)) == (
        "Deltagarens status är asylsökande (BIV), gruppen är en BIS-grupp (Barn i start).",
    )


def test_a_full_group_is_a_warning() -> None:
    assert enrolment_warnings(child(), group(enrolled=5)) == ()
    assert enrolment_warnings(child(), group(enrolled=6)) == ("Gruppen är full: 6 deltagare på 6 platser.",)


def test_being_in_another_group_is_a_warning_naming_it() -> None:
    others = [
        CurrentGroup("BIV Arabiska 10–12 år, Berga, ht 2025", GroupStatus.RUNNING),
        CurrentGroup("BIV Arabiska 13–15 år, Berga, ht 2026", GroupStatus.PLANNED),
    ]
    assert enrolment_warnings(child(), group(), others) == (
        "Deltagaren går redan i gruppen ”BIV Arabiska 10–12 år, Berga, ht 2025”.",
        "Deltagaren är redan anmäld till den planerade gruppen ”BIV Arabiska 13–15 år, Berga, ht 2026”.",
    )


def test_parents_groups_have_no_age_band_but_want_guardians() -> None:
    parents = group(kind=GroupKind.PARENTS, age_min=None, age_max=None)
    assert enrolment_warnings(child(birth_year=1985, role=Role.GUARDIAN), parents) == ()
    assert enrolment_warnings(child(), parents) == (
        "Deltagaren är registrerad som barn, men gruppen är en föräldragrupp.",
    )
    assert enrolment_warnings(child(role=Role.GUARDIAN, birth_year=1985), group()) == (
        "Deltagaren är registrerad som förälder/vårdnadshavare, men gruppen är en barngrupp.",
        "Deltagaren är 41 år, gruppen är för 13–15 år.",
    )


def test_every_broken_rule_is_listed_at_once() -> None:
    warnings = enrolment_warnings(
        child(birth_year=2015, mother_tongue="dari", programme_status=ProgrammeStatus.RESIDENCE_PERMIT),
        group(enrolled=6, status=GroupStatus.FINISHED),
        [CurrentGroup("BIS Dari 10–12 år, Skäggetorp, vt 2026", GroupStatus.RUNNING)],
    )
    assert warnings == (
        "Gruppen är redan avslutad.",
        "Deltagaren är 11 år, gruppen är för 13–15 år.",
        "Deltagarens modersmål är dari, gruppen hålls på arabiska.",
        "Deltagarens status är uppehållstillstånd (BIS), gruppen är en BIV-grupp (Barn i väntan).",
        "Gruppen är full: 6 deltagare på 6 platser.",
        "Deltagaren går redan i gruppen ”BIS Dari 10–12 år, Skäggetorp, vt 2026”.",
    )
