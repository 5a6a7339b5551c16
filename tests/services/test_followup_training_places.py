"""The municipality's training places in the report: used, unused and the money paid back for them."""

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from biv_desktop.domain.enums import Organisation
from biv_desktop.reports.followup.model import format_cell
from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.services import staff
from biv_desktop.services.followup import (
    FundingPartDraft,
    follow_up_figures,
    get_agreement,
    list_agreements,
    save_agreement,
)
from biv_desktop.services.register import export_document, import_json
from biv_desktop.store.database import Database
from support import factories, new_register


def _agreement_with_parts(database: Database, *, marked: bool) -> int:
    agreement_id = factories.agreement(
        database, dt.date(2024, 4, 1), dt.date(2025, 3, 31), name="IOP 2024/2025"
    )
    draft = replace(
        get_agreement(database, agreement_id).draft(),
        funding_parts=(
            FundingPartDraft("Avdelningens budget", 100_000),
            FundingPartDraft("Statsbidrag för föräldraskapsstöd", 160_500),
            FundingPartDraft("Kommunens utbildningsplatser", 40_000, for_training_places=marked),
        ),
    )
    return save_agreement(database, draft, agreement_id, override=True).id


def _municipal_trainee(database: Database, starts_on: dt.date, name: str) -> None:
    course = staff.save_course(
        database, staff.CourseDraft(f"Utbildning {starts_on.isoformat()}", starts_on, starts_on)
    ).id
    staff.add_trainee(
        database, course, staff.TraineeDraft(None, external_name=name, organisation=Organisation.MUNICIPALITY)
    )


def test_unused_places_and_the_money_at_stake(database: Database) -> None:
    agreement_id = _agreement_with_parts(database, marked=True)
    assert get_agreement(database, agreement_id).funding_parts[2].for_training_places
    _municipal_trainee(database, dt.date(2024, 5, 20), "Kim Kommunsson")
    _municipal_trainee(database, dt.date(2024, 11, 4), "Lo Kommunsson")  # after the first half

    first_half = follow_up_figures(
        database, dt.date(2024, 4, 1), dt.date(2024, 9, 30), today=dt.date(2024, 10, 2)
    )
    (agreement,) = first_half.agreements
    assert (agreement.places_used_in_year, agreement.places_unused_in_year) == (1, 3)
    # 40 000 kr for four places; three not yet used.
    assert (agreement.training_money_sek, agreement.money_at_stake_sek) == (40_000, 30_000)
    table = next(table for table in report_tables(first_half) if table.sheet == "Utbildningsplatser")
    shown = [(row[1], format_cell(row[2])) for row in table.rows]
    assert shown == [
        ("Kommunens platser per år", "4"),
        ("Använda till och med periodens slut", "1"),
        ("Ännu inte använda", "3"),
        ("Medel för platserna", "40 000 kr"),
        ("Att betala tillbaka om platserna inte används", "30 000 kr"),
    ]
    whole_year = follow_up_figures(
        database, dt.date(2024, 4, 1), dt.date(2025, 3, 31), today=dt.date(2025, 4, 2)
    )
    assert whole_year.agreements[0].money_at_stake_sek == 20_000


def test_without_a_part_marked_the_report_asks_for_it(database: Database) -> None:
    _agreement_with_parts(database, marked=False)
    figures = follow_up_figures(
        database, dt.date(2024, 4, 1), dt.date(2024, 9, 30), today=dt.date(2024, 10, 2)
    )
    table = next(table for table in report_tables(figures) if table.sheet == "Utbildningsplatser")
    assert table.rows[-1][1:] == ("Medel för platserna", "ej angivet i överenskommelsen")
    assert "Ange under Överenskommelser vilken finansieringsdel" in table.explanation


def test_the_mark_travels_in_an_export_and_an_older_export_still_reads(
    database: Database, tmp_path: Path
) -> None:
    _agreement_with_parts(database, marked=True)
    document = export_document(database)
    for name, drop in (("ny", False), ("äldre", True)):
        if drop:  # an export from before the mark existed
            for row in document["tables"]["funding_part"]:
                del row["for_training_places"]
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        target = new_register(tmp_path / name)
        try:
            import_json(target, path)
            (agreement,) = list_agreements(target)
            assert [part.for_training_places for part in agreement.funding_parts] == [False, False, not drop]
        finally:
            target.close()
