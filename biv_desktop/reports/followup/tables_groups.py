"""The report's tables about groups, sessions, the agreement and its funding."""

from biv_desktop.domain.followup.figures import FollowUpFigures, GroupTally
from biv_desktop.reports.followup.labels import KIND_PLURALS, month_label, name_label, programme_label
from biv_desktop.reports.followup.model import Cell, Measure, ReportTable, Unit


def summary_table(figures: FollowUpFigures) -> ReportTable:
    """The key figures on the first page."""
    groups, sessions, participants = figures.groups.total, figures.sessions, figures.participants
    completion = participants.completion
    share_completed = completion.completed / completion.participants if completion.participants else None
    rows: list[tuple[Cell, ...]] = [
        ("Grupper som startade i perioden", groups.started),
        (f"– varav som räknas mot minimikravet ({counted_kinds(figures)})", figures.groups_toward_minimum),
        ("Överenskommelsens minimikrav för perioden", Measure(figures.min_groups_for_period, Unit.DECIMAL)),
        ("Grupper som hade träffar i perioden", groups.held),
        ("Genomförda gruppträffar", sessions.held),
        ("Inställda gruppträffar i grupper som genomfördes", sessions.cancelled),
        ("Grupper som ställdes in", groups.cancelled),
        ("– varav innan de startade", groups.cancelled_before_start),
        ("Unika deltagare", participants.total.unique_participants),
        ("Deltagartillfällen", participants.total.participant_sessions),
        ("Närvarograd", Measure(participants.total.rate, Unit.SHARE)),
        ("Deltagare som fullföljde en grupp", completion.completed),
        (
            "Andel som fullföljde, av deltagarna i grupper som avslutades",
            Measure(share_completed, Unit.SHARE),
        ),
        ("Gruppledare som ledde träffar", figures.staff.leaders_engaged),
        ("Tolkar som tolkade vid träffar", figures.staff.interpreters_engaged),
        ("Kommunens platser på gruppledarutbildning", figures.staff.municipality_places_taken),
        ("Kommunikationsinsatser", len(figures.communication.efforts)),
    ]
    return ReportTable(
        sheet="Sammanfattning",
        title="Nyckeltal",
        explanation="Perioden i siffror. Tabellerna längre fram förklarar och delar upp varje tal.",
        columns=("Nyckeltal", "Värde"),
        rows=tuple(rows),
    )


def counted_kinds(figures: FollowUpFigures) -> str:
    """Which groups count toward the minimum, in a few words."""
    return "barn- och föräldragrupper" if figures.parents_groups_count else "bara barngrupper"


def parents_rule(figures: FollowUpFigures) -> str:
    """The sentence that says whether parents' groups count toward the minimum (a setting)."""
    if figures.parents_groups_count:
        return "Föräldragrupper räknas in i minimikravet (en inställning i programmet)."
    return "Föräldragrupper räknas inte in i minimikravet, bara barngrupper (en inställning i programmet)."


def _tally_cells(tally: GroupTally) -> tuple[Cell, ...]:
    return (
        tally.started,
        tally.held,
        tally.finished,
        tally.cancelled,
        tally.cancelled_before_start,
        tally.planned,
    )


def groups_table(figures: FollowUpFigures) -> ReportTable:
    """Groups started, with sessions, finished, cancelled and planned: in all and broken down."""
    groups = figures.groups
    rows: list[tuple[Cell, ...]] = []
    rows += [
        ("Program", programme_label(row.programme), *_tally_cells(row.tally)) for row in groups.by_programme
    ]
    rows += [("Grupptyp", KIND_PLURALS[row.kind], *_tally_cells(row.tally)) for row in groups.by_kind]
    rows += [("Språk", name_label(row.name), *_tally_cells(row.tally)) for row in groups.by_language]
    rows += [("Lokal", name_label(row.name), *_tally_cells(row.tally)) for row in groups.by_premises]
    rows.append(("Alla grupper", "", *_tally_cells(groups.total)))
    return ReportTable(
        sheet="Grupper",
        title="Grupper i perioden",
        explanation=(
            "Startade = första genomförda träffen i perioden. Med träffar = minst en genomförd träff i perioden "
            "(en grupp som pågår över periodgränsen räknas i båda perioderna). Avslutade = sista träffen i "
            "perioden. Inställda = ställdes in under perioden; varav före start = hade inte haft någon träff. "
            "Planerade = ska starta i perioden men har inte haft någon träff än."
        ),
        columns=(
            "Indelning",
            "Kategori",
            "Startade",
            "Med träffar",
            "Avslutade",
            "Inställda",
            "– varav före start",
            "Planerade",
        ),
        rows=tuple(rows),
        total_rows=1,
        grouped=True,
    )


def minimum_table(figures: FollowUpFigures) -> ReportTable:
    """The agreement's minimum number of groups, pro-rated to the period, beside the groups started."""
    rows: list[tuple[Cell, ...]] = [
        (
            f"{agreement.name}: minst {agreement.min_groups_per_year} grupper per år, "
            f"{agreement.days_in_period} av periodens {figures.period.days} dagar",
            Measure(agreement.min_groups_for_period, Unit.DECIMAL),
        )
        for agreement in figures.agreements
    ]
    started = figures.groups_toward_minimum
    rows += [
        ("Minimikrav för perioden", Measure(figures.min_groups_for_period, Unit.DECIMAL)),
        (f"Startade grupper i perioden som räknas: {counted_kinds(figures)}", started),
        (
            "Skillnad: startade minus minimikrav",
            Measure(started - figures.min_groups_for_period, Unit.DECIMAL),
        ),
    ]
    return ReportTable(
        sheet="Minimikrav",
        title="Grupper mot överenskommelsens minimikrav",
        explanation=(
            "Överenskommelsen kräver ett minsta antal stödgrupper per år. Kravet räknas om till periodens "
            "längd dag för dag och jämförs med de grupper som startade i perioden. "
            f"{parents_rule(figures)}"
        ),
        columns=("Jämförelse", "Grupper"),
        rows=tuple(rows),
        total_rows=1,
    )


def sessions_table(figures: FollowUpFigures) -> ReportTable:
    """Sessions held and cancelled, and participant-sessions, month by month."""
    sessions = figures.sessions
    rows: list[tuple[Cell, ...]] = [
        (
            month_label(m.year, m.month),
            m.sessions_held,
            m.sessions_cancelled,
            m.sessions_of_cancelled_groups,
            m.participant_sessions,
        )
        for m in sessions.by_month
    ]
    rows.append(
        (
            "Hela perioden",
            sessions.held,
            sessions.cancelled,
            sessions.of_cancelled_groups,
            figures.participants.total.participant_sessions,
        )
    )
    planned = (
        f" {sessions.planned} träffar i perioden är ännu inte genomförda eller inte rapporterade."
        if sessions.planned
        else ""
    )
    return ReportTable(
        sheet="Träffar per månad",
        title="Gruppträffar och deltagartillfällen per månad",
        explanation=(
            "Genomförda träffar, och inställda träffar i grupper som genomfördes. Träffarna i grupper som "
            "ställdes in (alla träffar i en grupp som ställdes in före start, och en avbruten grupps träffar "
            "från den dag den avbröts) räknas för sig. Deltagartillfällen = antal närvaromarkeringar "
            f"”närvarande” vid genomförda träffar.{planned}"
        ),
        columns=(
            "Månad",
            "Genomförda träffar",
            "Inställda träffar",
            "Träffar i inställda grupper",
            "Deltagartillfällen",
        ),
        rows=tuple(rows),
        total_rows=1,
    )


def funding_table(figures: FollowUpFigures) -> ReportTable:
    """The funding of each agreement period the report's period falls in."""
    rows: list[tuple[Cell, ...]] = []
    for agreement in figures.agreements:
        rows.append(
            (
                agreement.name,
                "Kommunens bidrag för överenskommelsens period",
                Measure(agreement.municipal_amount_sek, Unit.AMOUNT),
            )
        )
        rows += [
            (agreement.name, f"– varav {part.source}", Measure(part.amount_sek, Unit.AMOUNT))
            for part in agreement.funding_parts
        ]
        rows.append(
            (
                agreement.name,
                "Pastoratets insats per år",
                Measure(agreement.parish_amount_per_year_sek, Unit.AMOUNT),
            )
        )
    return ReportTable(
        sheet="Finansiering",
        title="Finansiering",
        explanation="Finansieringen enligt överenskommelsen för den eller de perioder som rapporten omfattar.",
        columns=("Överenskommelse", "Post", "Belopp"),
        rows=tuple(rows),
        grouped=True,
        empty_text="Ingen överenskommelse gäller under perioden.",
    )


def training_quota_rows(figures: FollowUpFigures) -> list[tuple[Cell, ...]]:
    """The municipality's training places against its quota, per agreement."""
    rows: list[tuple[Cell, ...]] = [
        (
            "Kommunens platser enligt överenskommelsen, räknat för perioden",
            Measure(figures.training_places_for_period, Unit.DECIMAL),
        )
    ]
    for agreement in figures.agreements:
        rows.append((f"Kommunens platser per år enligt {agreement.name}", agreement.training_places_per_year))
        rows.append(
            (
                f"Kommunens platser använda under {agreement.name} till och med periodens slut",
                agreement.municipality_places_taken_so_far,
            )
        )
    return rows
