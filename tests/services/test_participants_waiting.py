"""The waiting list: longest waiting first, narrowed by language and age band, one entry per person."""

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import ProgrammeStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.participants.editing import save_participant
from biv_desktop.services.participants.register import ParticipantDraft
from biv_desktop.services.participants.waiting import (
    add_to_waiting_list,
    remove_from_waiting_list,
    waiting_age_bands,
    waiting_demand,
    waiting_list,
)
from biv_desktop.services.register.settings import set_age_bands
from biv_desktop.store.database import Database
from biv_desktop.store.models import Language

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def queue(database: Database) -> dict[str, int]:
    """Four fictional children put on the list on different days, not in the order they were registered."""
    with database.transaction() as session:
        lang = {row.iso_code: row.id for row in session.scalars(select(Language))}

    def child(first: str, born: int, iso: str, since: dt.date, **extra: Any) -> int:
        draft = ParticipantDraft(
            first_name=first, last_name="Testsson", birth_year=born, mother_tongue_id=lang[iso], **extra
        )
        pid = save_participant(database, draft, today=TODAY).id
        add_to_waiting_list(database, pid, since, today=TODAY)
        return pid

    return {
        "Hiba": child("Hiba", 2013, "ar", dt.date(2026, 1, 15)),
        "Tesfay": child("Tesfay", 2016, "ti", dt.date(2025, 10, 1)),
        "Zainab": child(
            "Zainab", 2017, "ar", dt.date(2025, 12, 1), programme_status=ProgrammeStatus.RESIDENCE_PERMIT
        ),
        "Omid": child("Omid", 2011, "prs", dt.date(2026, 3, 1)),
    }


def test_the_longest_waiting_come_first_with_language_age_and_status(
    database: Database, queue: dict[str, int]
) -> None:
    rows = waiting_list(database, today=TODAY)
    assert [row.first_name for row in rows] == ["Tesfay", "Zainab", "Hiba", "Omid"]
    zainab = rows[1]
    assert (
        zainab.language,
        zainab.age,
        zainab.programme_status.label,
        zainab.waiting_since,
        zainab.days_waiting,
    ) == (
        "arabiska",
        9,
        "Uppehållstillstånd",
        dt.date(2025, 12, 1),
        99,
    )


def test_the_list_narrows_by_language_and_age_band(database: Database, queue: dict[str, int]) -> None:
    with database.transaction() as session:
        arabic = session.scalars(select(Language.id).where(Language.iso_code == "ar")).one()
    assert [r.first_name for r in waiting_list(database, language_id=arabic, today=TODAY)] == [
        "Zainab",
        "Hiba",
    ]
    assert [r.first_name for r in waiting_list(database, age_band=AgeBand(7, 9), today=TODAY)] == ["Zainab"]
    assert [r.first_name for r in waiting_list(database, age_band=AgeBand(13, 15), today=TODAY)] == [
        "Hiba",
        "Omid",
    ]
    assert waiting_list(database, language_id=arabic, age_band=AgeBand(16, 20), today=TODAY) == []


def test_the_age_bands_to_filter_by_are_the_coordinators(database: Database) -> None:
    assert [band.label for band in waiting_age_bands(database)] == [
        "7–9 år",
        "10–12 år",
        "13–15 år",
        "16–20 år",
    ]
    set_age_bands(database, "7-10, 11-14, 15-20")
    assert [band.label for band in waiting_age_bands(database)] == ["7–10 år", "11–14 år", "15–20 år"]


def test_one_entry_per_person_and_taking_them_off(database: Database, queue: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as twice:
        add_to_waiting_list(database, queue["Hiba"], today=TODAY)
    assert twice.value.message == "Hiba Testsson står redan på väntelistan sedan 2026-01-15."
    remove_from_waiting_list(database, queue["Hiba"])
    assert [row.first_name for row in waiting_list(database, today=TODAY)] == ["Tesfay", "Zainab", "Omid"]
    with pytest.raises(ValidationError, match="står inte på väntelistan"):
        remove_from_waiting_list(database, queue["Hiba"])
    again = add_to_waiting_list(database, queue["Hiba"], today=TODAY)
    assert (again.waiting_since, again.days_waiting) == (TODAY, 0)
    assert waiting_list(database, today=TODAY)[-1].first_name == "Hiba"


def test_a_day_in_the_future_is_refused(database: Database, queue: dict[str, int]) -> None:
    remove_from_waiting_list(database, queue["Hiba"])
    with pytest.raises(ValidationError) as refused:
        add_to_waiting_list(database, queue["Hiba"], dt.date(2026, 4, 1), today=TODAY)
    assert refused.value.field == "added_on"


def test_the_demand_is_counted_per_language_and_age_band_largest_first(
    database: Database, queue: dict[str, int]
) -> None:
    with database.transaction() as session:
        arabic = session.scalars(select(Language.id).where(Language.iso_code == "ar")).one()
    lina = save_participant(
        database,
        ParticipantDraft(first_name="Lina", last_name="Testsson", birth_year=2018, mother_tongue_id=arabic),
        today=TODAY,
    ).id
    add_to_waiting_list(database, lina, dt.date(2026, 3, 5), today=TODAY)
    demand = waiting_demand(waiting_list(database, today=TODAY))
    assert [(d.language, d.group_kind, d.waiting) for d in demand] == [
        ("arabiska", "7–9 år", 2),  # Zainab and Lina
        ("tigrinja", "10–12 år", 1),  # Tesfay, waiting longest of the rest
        ("arabiska", "13–15 år", 1),
        ("dari", "13–15 år", 1),
    ]
    assert demand[0].longest_days == 99
