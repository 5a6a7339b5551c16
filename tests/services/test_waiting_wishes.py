"""What a waiting-list entry names (a group, or a language and an age band) and the one rule that counts
the demand from it, on the waiting-list screen and in the follow-up report alike."""

import datetime as dt

import pytest

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import GroupKind, Role
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.reports.followup.model import format_cell
from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.services.followup import follow_up_figures
from biv_desktop.services.groups import cancel_group
from biv_desktop.services.participants import (
    WaitingWish,
    add_to_waiting_list,
    change_waiting_wish,
    waiting_demand,
    waiting_list,
)
from biv_desktop.store.database import Database
from support import factories, language_id

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def premises(database: Database) -> int:
    return factories.premises(database)


def child(database: Database, name: str, born: int, language: str) -> int:
    return factories.participant(database, name, born, mother_tongue=language, today=TODAY)


def test_a_named_group_gives_its_language_and_ages(database: Database, premises: int) -> None:
    group = factories.group(database, premises_id=premises, language="ti", ages=(10, 12), start=TODAY)
    # Sami speaks Arabic and is 8, but waits for the Tigrinya group for 10–12-year-olds.
    sami = child(database, "Sami", 2018, "ar")
    # He does not fit it: the enrolment rules' warnings are asked about first, and nothing is kept.
    with pytest.raises(NeedsConfirmation) as asked:
        add_to_waiting_list(database, sami, today=TODAY, wish=WaitingWish(group_id=group.id))
    assert asked.value.warnings == (
        "Deltagaren är 8 år, gruppen är för 10–12 år.",
        "Deltagarens modersmål är arabiska, gruppen hålls på tigrinja.",
    )
    assert waiting_list(database, today=TODAY) == []
    row = add_to_waiting_list(database, sami, today=TODAY, wish=WaitingWish(group_id=group.id), override=True)
    assert (row.group_name, row.wanted.language, row.wanted.kind_label) == (
        group.name,
        "tigrinja",
        "10–12 år",
    )
    assert row.language == "arabiska"  # their own mother tongue is still known
    assert [
        (d.language, d.group_kind, d.waiting) for d in waiting_demand(waiting_list(database, today=TODAY))
    ] == [("tigrinja", "10–12 år", 1)]


def test_a_named_language_and_band_win_over_the_persons_own(database: Database) -> None:
    sami = child(database, "Sami", 2018, "ar")
    hodan = child(database, "Hodan", 2018, "so")
    add_to_waiting_list(
        database,
        sami,
        today=TODAY,
        wish=WaitingWish(language_id=language_id(database, "sv"), age_band=AgeBand(10, 12)),
    )
    add_to_waiting_list(database, hodan, today=TODAY)
    rows = waiting_list(database, today=TODAY)
    assert [(r.first_name, r.wanted.language, r.wanted.kind_label) for r in rows] == [
        ("Sami", "svenska", "10–12 år"),
        ("Hodan", "somaliska", "7–9 år"),  # nothing named: her own language and the age she turns this year
    ]
    # The screen's filters go by the same rule.
    swedish = waiting_list(database, language_id=language_id(database, "sv"), today=TODAY)
    assert [r.first_name for r in swedish] == ["Sami"]
    assert [r.first_name for r in waiting_list(database, age_band=AgeBand(7, 9), today=TODAY)] == ["Hodan"]


def test_a_group_and_a_different_language_or_band_are_refused(database: Database, premises: int) -> None:
    group = factories.group(database, premises_id=premises, language="ar", ages=(10, 12), start=TODAY)
    sami = child(database, "Sami", 2015, "ar")
    with pytest.raises(ValidationError) as language:
        add_to_waiting_list(
            database, sami, today=TODAY, wish=WaitingWish(group.id, language_id(database, "so"))
        )
    assert language.value.field == "language_id"
    assert "har språket arabiska" in language.value.message
    with pytest.raises(ValidationError) as band:
        add_to_waiting_list(database, sami, today=TODAY, wish=WaitingWish(group.id, age_band=AgeBand(7, 9)))
    assert band.value.field == "age_band"
    assert "är för 10–12 år" in band.value.message
    assert waiting_list(database, today=TODAY) == []  # nothing was kept

    # The group's own language and band are no contradiction; they are not stored twice.
    row = add_to_waiting_list(
        database,
        sami,
        today=TODAY,
        wish=WaitingWish(group.id, language_id(database, "ar"), AgeBand(10, 12)),
    )
    assert row.wish == WaitingWish(group_id=group.id)


def test_a_cancelled_or_finished_group_cannot_be_named(database: Database, premises: int) -> None:
    cancelled = factories.group(database, premises_id=premises, start=TODAY)
    cancel_group(database, cancelled.id)
    finished = factories.group(database, premises_id=premises, start=dt.date(2025, 9, 1), language="so")
    factories.finish(database, finished.id, TODAY)
    sami = child(database, "Sami", 2015, "ar")
    for group, word in ((cancelled, "inställd"), (finished, "avslutad")):
        with pytest.raises(ValidationError) as refused:
            add_to_waiting_list(database, sami, today=TODAY, wish=WaitingWish(group_id=group.id))
        assert refused.value.message == (
            f"Gruppen {group.name} är {word}. Välj en planerad eller pågående grupp."
        )


def test_a_guardian_waits_for_a_parents_group_and_a_child_for_a_childrens(
    database: Database, premises: int
) -> None:
    children = factories.group(database, premises_id=premises, start=TODAY)
    parents = factories.group(database, premises_id=premises, start=TODAY, kind=GroupKind.PARENTS)
    layla = factories.participant(
        database, "Layla", 1985, role=Role.GUARDIAN, mother_tongue="ar", today=TODAY
    )
    sami = child(database, "Sami", 2015, "ar")
    with pytest.raises(ValidationError, match=r"förälder/vårdnadshavare och .* en barngrupp"):
        add_to_waiting_list(database, layla, today=TODAY, wish=WaitingWish(group_id=children.id))
    with pytest.raises(ValidationError, match=r"är ett barn och .* en föräldragrupp"):
        add_to_waiting_list(database, sami, today=TODAY, wish=WaitingWish(group_id=parents.id))
    with pytest.raises(ValidationError) as band:
        add_to_waiting_list(database, layla, today=TODAY, wish=WaitingWish(age_band=AgeBand(7, 9)))
    assert band.value.message == "En förälder väntar på en föräldragrupp, som inte har något åldersspann."
    row = add_to_waiting_list(database, layla, today=TODAY, wish=WaitingWish(group_id=parents.id))
    assert (row.wanted.language, row.wanted.kind_label) == ("arabiska", "föräldragrupp")


def test_only_the_coordinators_age_bands_can_be_named(database: Database) -> None:
    sami = child(database, "Sami", 2015, "ar")
    with pytest.raises(ValidationError) as refused:
        add_to_waiting_list(database, sami, today=TODAY, wish=WaitingWish(age_band=AgeBand(8, 11)))
    assert refused.value.message == (
        "Välj ett av åldersspannen i inställningarna: 7–9 år, 10–12 år, 13–15 år, 16–20 år."
    )


def test_changing_what_someone_waits_for_keeps_their_place(database: Database, premises: int) -> None:
    group = factories.group(database, premises_id=premises, language="so", ages=(7, 9), start=TODAY)
    sami = child(database, "Sami", 2015, "ar")
    add_to_waiting_list(database, sami, dt.date(2025, 11, 2), today=TODAY)
    with pytest.raises(NeedsConfirmation):  # he is 11 and speaks Arabic
        change_waiting_wish(database, sami, WaitingWish(group_id=group.id), today=TODAY)
    assert waiting_list(database, today=TODAY)[0].group_name == ""
    changed = change_waiting_wish(database, sami, WaitingWish(group_id=group.id), today=TODAY, override=True)
    assert (changed.waiting_since, changed.group_name, changed.wanted.language) == (
        dt.date(2025, 11, 2),
        group.name,
        "somaliska",
    )
    with pytest.raises(ValidationError, match="har språket somaliska"):
        change_waiting_wish(
            database, sami, WaitingWish(group.id, language_id(database, "ar")), today=TODAY, override=True
        )
    back = change_waiting_wish(database, sami, WaitingWish(), today=TODAY)
    assert (back.group_name, back.wanted.language, back.wanted.kind_label) == ("", "arabiska", "10–12 år")
    assert back.waiting_since == dt.date(2025, 11, 2)


def test_enrolling_in_the_named_group_takes_the_person_off_the_list(
    database: Database, premises: int
) -> None:
    group = factories.group(database, premises_id=premises, language="ar", ages=(10, 12), start=TODAY)
    sami = child(database, "Sami", 2015, "ar")
    add_to_waiting_list(database, sami, today=TODAY, wish=WaitingWish(group_id=group.id))
    factories.enrol(database, sami, group.id)
    assert waiting_list(database, today=TODAY) == []


def test_the_follow_up_report_counts_the_demand_by_the_same_rule(database: Database, premises: int) -> None:
    day = dt.date(2025, 3, 1)
    # A group for 8–11-year-olds: its ages are not one of the settings' bands and get a column of their own.
    group = factories.group(
        database, premises_id=premises, language="so", ages=(8, 11), start=dt.date(2025, 4, 1)
    )
    named_group = factories.participant(database, "Amal", 2016, mother_tongue="ar", today=day)
    named_band = factories.participant(database, "Rami", 2016, mother_tongue="ar", today=day)
    own = factories.participant(database, "Huda", 2013, mother_tongue="ar", today=day)
    add_to_waiting_list(
        database, named_group, day, today=day, wish=WaitingWish(group_id=group.id), override=True
    )
    add_to_waiting_list(database, named_band, day, today=day, wish=WaitingWish(age_band=AgeBand(13, 15)))
    add_to_waiting_list(database, own, day, today=day)

    figures = follow_up_figures(database, dt.date(2024, 10, 1), dt.date(2025, 3, 31), today=day)
    table = next(table for table in report_tables(figures) if table.sheet == "Väntelista")
    assert table.columns == (
        "Språk", "7–9 år", "10–12 år", "13–15 år", "16–20 år", "8–11 år", "Föräldrar", "Totalt"
    )  # fmt: skip
    shown = [tuple(format_cell(cell) for cell in row) for row in table.rows]
    assert shown == [
        ("Arabiska", "0", "1–2", "1–2", "0", "0", "0", "1–2"),
        ("Somaliska", "0", "0", "0", "0", "1–2", "0", "1–2"),
        ("Alla", "0", "1–2", "1–2", "0", "1–2", "0", "3"),
    ]
    on_screen = waiting_demand(waiting_list(database, today=day))
    assert sorted((d.language, d.group_kind, d.waiting) for d in on_screen) == [
        ("arabiska", "10–12 år", 1),
        ("arabiska", "13–15 år", 1),
        ("somaliska", "8–11 år", 1),
    ]
