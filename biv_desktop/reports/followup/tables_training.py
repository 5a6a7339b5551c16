"""The report's table of the municipality's training places: used, unused, and the money at stake."""

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup.model import Cell, Measure, ReportTable, Unit


def training_places_table(figures: FollowUpFigures) -> ReportTable:
    """Per agreement, the places of its agreement year used and unused, and what unused places cost."""
    rows: list[tuple[Cell, ...]] = []
    unmarked = False
    for agreement in figures.agreements:
        year = agreement.training_year
        if year is None:
            continue
        name = f"{agreement.name}, avtalsåret {year.label}"
        rows += [
            (name, "Kommunens platser per år", agreement.training_places_per_year),
            (name, "Använda till och med periodens slut", agreement.places_used_in_year),
            (name, "Ännu inte använda", agreement.places_unused_in_year),
        ]
        if agreement.training_money_sek:
            rows += [
                (name, "Medel för platserna", Measure(agreement.training_money_sek, Unit.AMOUNT)),
                (
                    name,
                    "Att betala tillbaka om platserna inte används",
                    Measure(agreement.money_at_stake_sek, Unit.AMOUNT),
                ),
            ]
        else:
            unmarked = True
            rows.append((name, "Medel för platserna", "ej angivet i överenskommelsen"))
    missing = (
        " Ange under Överenskommelser vilken finansieringsdel som gäller utbildningsplatserna, så räknas "
        "beloppet ut."
        if unmarked
        else ""
    )
    return ReportTable(
        sheet="Utbildningsplatser",
        title="Kommunens platser på gruppledarutbildningen",
        explanation=(
            "Kommunen är garanterad platser på gruppledarutbildningen varje avtalsår. Platser som inte används "
            "betalar pastoratet tillbaka: beloppet är medlen för platserna (de finansieringsdelar som är "
            "markerade för dem) gånger andelen platser som ännu inte är använda i avtalsåret, räknat till och "
            f"med periodens slut.{missing}"
        ),
        columns=("Överenskommelse", "Uppgift", "Antal eller belopp"),
        rows=tuple(rows),
        grouped=True,
        empty_text="Ingen överenskommelse gäller under perioden.",
    )
