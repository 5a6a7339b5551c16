"""Premises: saved with a unique name, refused in Swedish, listed by district with how much they are used."""

import datetime as dt

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register.premises import PremisesDraft, get_premises, list_premises, save_premises
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Language

TODAY = dt.date(2026, 3, 10)


def test_premises_are_saved_and_listed_by_district_then_name(database: Database) -> None:
    save_premises(database, PremisesDraft(name="Skäggetorps kyrkcenter", district="Skäggetorp"), today=TODAY)
    ryd = save_premises(
        database,
        PremisesDraft(
            name=" Ryds kyrka ",
            district="Ryd",
            address="Rydsvägen 1",
            capacity=20,
            notes="Nyckel\nhos vaktmästaren",
        ),
        today=TODAY,
    )
    save_premises(database, PremisesDraft(name="Berga kyrka", district="Berga"), today=TODAY)

    assert [row.name for row in list_premises(database, TODAY)] == [
        "Berga kyrka",
        "Ryds kyrka",
        "Skäggetorps kyrkcenter",
    ]
    assert (ryd.name, ryd.capacity, ryd.notes) == ("Ryds kyrka", 20, "Nyckel\nhos vaktmästaren")
    assert get_premises(database, ryd.id, TODAY) == ryd


def test_a_name_already_taken_gets_a_swedish_message_not_a_database_error(database: Database) -> None:
    save_premises(database, PremisesDraft(name="Berga kyrka", district="Berga"), today=TODAY)
    other = save_premises(database, PremisesDraft(name="Ryds kyrka", district="Ryd"), today=TODAY)

    for premises_id in (None, other.id):
        with pytest.raises(ValidationError) as refused:
            save_premises(
                database, PremisesDraft(name="BERGA KYRKA", district="Berga"), premises_id, today=TODAY
            )
        assert refused.value.field == "name"
        assert (
            refused.value.message == "Det finns redan en lokal som heter ”BERGA KYRKA”. Välj ett annat namn."
        )
    assert get_premises(database, other.id, TODAY).name == "Ryds kyrka"


def test_premises_keep_their_own_name_when_saved_again(database: Database) -> None:
    berga = save_premises(database, PremisesDraft(name="Berga kyrka", district="Berga"), today=TODAY)
    again = save_premises(
        database, PremisesDraft(name="Berga kyrka", district="Berga", capacity=12), berga.id, TODAY
    )
    assert again.capacity == 12


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (PremisesDraft(name="", district="Berga"), "name", "Namn måste fyllas i."),
        (PremisesDraft(name="Berga kyrka", district=" "), "district", "Stadsdel måste fyllas i."),
        (PremisesDraft(name="Berga kyrka", district="Berga", capacity=0), "capacity",
         "Antal platser måste vara ett tal mellan 1 och 1000."),
    ],
)  # fmt: skip
def test_bad_premises_input_is_refused_on_its_field(
    database: Database, draft: PremisesDraft, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_premises(database, draft, today=TODAY)
    assert (refused.value.field, refused.value.message) == (field, message)


def test_missing_premises_are_reported(database: Database) -> None:
    with pytest.raises(ValidationError, match="Lokalen finns inte längre; uppdatera listan"):
        get_premises(database, 404, TODAY)


def test_the_list_counts_groups_and_sessions_ahead_at_the_premises(database: Database) -> None:
    berga = save_premises(database, PremisesDraft(name="Berga kyrka", district="Berga"), today=TODAY)
    ryd = save_premises(database, PremisesDraft(name="Ryds kyrka", district="Ryd"), today=TODAY)
    with database.transaction() as session:
        group = Group(
            name="BIV Somaliska 10–12 år",
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language_id=session.scalars(select(Language.id).where(Language.iso_code == "so")).one(),
            premises_id=berga.id,
            start_date=TODAY,
            weekday=TODAY.weekday(),
            start_time=dt.time(17),
            end_time=dt.time(19),
            status=GroupStatus.RUNNING,
        )
        # Three sessions ahead: two at the group's premises, one moved to Ryd; one already past.
        group.sessions = [
            GroupSession(number=n, date=TODAY + dt.timedelta(weeks=n - 2), start_time=dt.time(17),
                         end_time=dt.time(19), premises_id=ryd.id if n == 3 else None)
            for n in range(1, 5)
        ]  # fmt: skip
        session.add(group)

    counts = {row.name: (row.active_groups, row.sessions_ahead) for row in list_premises(database, TODAY)}
    assert counts == {"Berga kyrka": (1, 2), "Ryds kyrka": (0, 1)}
