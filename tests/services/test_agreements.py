"""Agreement periods: validation, the warnings the user may override, and the agreement in force on a day."""

import dataclasses
import datetime as dt

import pytest

from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.followup.agreements import (
    AgreementDraft,
    FundingPartDraft,
    check_agreement,
    current_agreement,
    delete_agreement,
    get_agreement,
    list_agreements,
    new_agreement_draft,
    save_agreement,
)
from biv_desktop.store.database import Database


def draft(starts: int = 2025, **changes: object) -> AgreementDraft:
    base = AgreementDraft(
        name=f"IOP {starts}/{starts + 1}",
        starts_on=dt.date(starts, 4, 1),
        ends_on=dt.date(starts + 1, 3, 31),
        public_party="Social- och omsorgsnämnden, Linköpings kommun",
        nonprofit_party="Svenska kyrkan, Linköpings domkyrkopastorat",
        municipal_amount_sek=300_500,
        parish_amount_per_year_sek=160_000,
        funding_parts=(
            FundingPartDraft("Avdelningens budget", 100_000),
            FundingPartDraft("Statsbidrag för föräldraskapsstöd", 200_500),
        ),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_an_agreement_is_saved_with_its_funding_parts_and_read_back(database: Database) -> None:
    saved = save_agreement(database, draft(signed_on=dt.date(2025, 1, 20)))

    again = get_agreement(database, saved.id)
    assert again == saved
    assert (again.min_groups_per_year, again.training_places_per_year, again.notice_months) == (6, 4, 6)
    assert [(part.source, part.amount_sek) for part in again.funding_parts] == [
        ("Avdelningens budget", 100_000),
        ("Statsbidrag för föräldraskapsstöd", 200_500),
    ]
    assert again.parts_total_sek == 300_500


def test_editing_replaces_the_parts_and_keeps_the_history(database: Database) -> None:
    first = save_agreement(database, draft(2024))
    second = save_agreement(database, draft(2025))
    edited = save_agreement(
        database,
        draft(2025, municipal_amount_sek=310_000, funding_parts=(FundingPartDraft("Budget", 310_000),)),
        second.id,
    )
    assert [part.amount_sek for part in edited.funding_parts] == [310_000]
    assert [row.id for row in list_agreements(database)] == [second.id, first.id]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": dt.date(2025, 4, 1)}, "ends_on"),
        ({"ends_on": dt.date(2025, 3, 1)}, "ends_on"),
        ({"municipal_amount_sek": -1}, "municipal_amount_sek"),
        ({"parish_amount_per_year_sek": -160_000}, "parish_amount_per_year_sek"),
        ({"funding_parts": (FundingPartDraft("Budget", -5),)}, "funding_parts"),
        ({"funding_parts": (FundingPartDraft("  ", 300_500),)}, "funding_parts"),
        ({"name": "  "}, "name"),
        ({"public_party": ""}, "public_party"),
        ({"min_groups_per_year": -1}, "min_groups_per_year"),
        ({"notice_months": 100}, "notice_months"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(
    database: Database, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_agreement(database, dataclasses.replace(draft(), **changes))  # type: ignore[arg-type]
    assert refused.value.field == field
    assert list_agreements(database) == []


def test_an_end_before_the_start_says_so_in_swedish(database: Database) -> None:
    with pytest.raises(ValidationError, match="måste ligga efter dess första dag"):
        save_agreement(database, draft(ends_on=dt.date(2024, 12, 31)))


def test_parts_that_do_not_add_up_ask_for_confirmation(database: Database) -> None:
    short = draft(funding_parts=(FundingPartDraft("Avdelningens budget", 100_000),))
    assert check_agreement(database, short) == (
        "Delarna av kommunens belopp blir tillsammans 100 000 kr, men kommunens belopp är 300 500 kr.",
    )
    with pytest.raises(NeedsConfirmation):
        save_agreement(database, short)
    assert list_agreements(database) == []
    saved = save_agreement(database, short, override=True)
    assert saved.parts_total_sek == 100_000


def test_no_parts_at_all_is_no_warning(database: Database) -> None:
    assert check_agreement(database, draft(funding_parts=())) == ()


def test_an_overlapping_period_asks_for_confirmation(database: Database) -> None:
    save_agreement(database, draft(2025))
    overlapping = draft(
        2025, name="IOP förlängt", starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31)
    )
    with pytest.raises(NeedsConfirmation) as asked:
        save_agreement(database, overlapping)
    assert asked.value.warnings == (
        "Perioden överlappar avtalet ”IOP 2025/2026” (2025-04-01 – 2026-03-31). Det avtal som börjar "
        "senast gäller de dagar de delar.",
    )
    # The next period, right after, does not overlap; nor does an agreement with itself when edited.
    following = save_agreement(database, draft(2026))
    assert check_agreement(database, draft(2026), following.id) == ()


def test_the_current_agreement_is_found_by_date_with_its_agreement_year(database: Database) -> None:
    earlier = save_agreement(database, draft(2023, ends_on=dt.date(2025, 3, 31)))
    later = save_agreement(database, draft(2025, ends_on=dt.date(2027, 3, 31)))

    current = current_agreement(database, dt.date(2026, 5, 2))
    assert current is not None
    assert current.agreement.id == later.id
    assert (current.year_starts_on, current.year_ends_on) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))

    old = current_agreement(database, dt.date(2024, 3, 31))
    assert old is not None
    assert old.agreement.id == earlier.id
    assert (old.year_starts_on, old.year_ends_on) == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    assert current_agreement(database, dt.date(2027, 4, 1)) is None


def test_a_new_period_continues_the_latest_on_the_same_terms(database: Database) -> None:
    save_agreement(database, draft(2025, notice_months=3))
    proposed = new_agreement_draft(database, dt.date(2026, 2, 1))
    assert (proposed.starts_on, proposed.ends_on) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert proposed.name == "IOP Barn i väntan/Barn i start 2026/2027"
    assert (proposed.municipal_amount_sek, proposed.notice_months) == (300_500, 3)
    assert [part.amount_sek for part in proposed.funding_parts] == [100_000, 200_500]
    assert check_agreement(database, proposed) == ()


def test_a_removed_agreement_is_told_about(database: Database) -> None:
    saved = save_agreement(database, draft())
    delete_agreement(database, saved.id)
    with pytest.raises(ValidationError, match="finns inte längre"):
        get_agreement(database, saved.id)
    with pytest.raises(ValidationError, match="finns inte längre"):
        save_agreement(database, draft(), saved.id)
