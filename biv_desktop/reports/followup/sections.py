"""The follow-up report's sections in reading order: what the municipality's follow-up asks about."""

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup.model import Chart, ReportTable, Section
from biv_desktop.reports.followup.tables_collaboration import meetings_table, waiting_table
from biv_desktop.reports.followup.tables_feedback import (
    communication_count_table,
    communication_list_table,
    feedback_tables,
    quotes_table,
)
from biv_desktop.reports.followup.tables_groups import (
    funding_table,
    groups_table,
    minimum_table,
    sessions_table,
    summary_table,
)
from biv_desktop.reports.followup.tables_people import (
    breakdown_table,
    completion_table,
    sessions_by_age_table,
    staff_table,
    unique_by_age_table,
)
from biv_desktop.reports.followup.tables_training import training_places_table

INTRODUCTION = (
    "Uppföljning av överenskommelsen om stödgrupperna Barn i väntan (BIV) och Barn i start (BIS). "
    "Rapporten innehåller bara antal och inga namn."
)


def introduction(figures: FollowUpFigures) -> str:
    """The report's opening words, with its rule for small counts."""
    limit = figures.small_count_limit
    if not limit:
        return f"{INTRODUCTION} Alla antal redovisas som de är, även små."
    return (
        f"{INTRODUCTION} I uppdelningarna av deltagare (ålder, kön, program, grupptyp, språk, lokal och "
        f"stadsdel) visas antal från 1 till {limit} som ”1–{limit}”, så att ingen enskild kan pekas ut; "
        "summorna för alla deltagare är exakta."
    )


def report_sections(figures: FollowUpFigures) -> tuple[Section, ...]:
    """Every section of the report with its tables and charts."""
    return (
        Section("Sammanfattning", introduction(figures), (summary_table(figures),)),
        Section(
            "Grupper",
            "Hur många grupper som startade, pågick, avslutades och ställdes in, och jämfört med överenskommelsen.",
            (groups_table(figures), Chart.GROUPS_BY_LANGUAGE, minimum_table(figures)),
        ),
        Section(
            "Gruppträffar",
            "Varje grupp träffas 14 gånger, en gång i veckan.",
            (sessions_table(figures), Chart.ATTENDANCE_BY_MONTH),
        ),
        Section(
            "Deltagare",
            "Deltagarnas fördelning på ålder och kön, som överenskommelsen ber om, och närvaron.",
            (
                unique_by_age_table(figures),
                Chart.AGE_AND_GENDER,
                sessions_by_age_table(figures),
                breakdown_table(figures),
                completion_table(figures),
            ),
        ),
        Section(
            "Gruppledare, tolkar och utbildning",
            "Varje grupp leds av två utbildade gruppledare och en tolk.",
            (staff_table(figures), training_places_table(figures)),
        ),
        Section(
            "Deltagarnas återkoppling",
            "Deltagarna utvärderar gruppen anonymt vid sista träffen; barn och föräldrar har var sin enkät.",
            (*feedback_tables(figures), quotes_table(figures)),
        ),
        Section(
            "Kommunikationsinsatser",
            "Vad parterna har gjort för att sprida kännedom om verksamheten.",
            (communication_count_table(figures), communication_list_table(figures)),
        ),
        Section(
            "Efterfrågan",
            "Verksamheten behöver inte rekrytera deltagare utan möta efterfrågan: så många väntar på en plats.",
            (waiting_table(figures),),
        ),
        Section(
            "Samverkan",
            "Hur samverkan mellan parterna fungerar: uppföljningsmötena och deras beslut.",
            (meetings_table(figures),),
        ),
        Section("Finansiering", "Överenskommelsens finansiering.", (funding_table(figures),)),
    )


def report_tables(figures: FollowUpFigures) -> tuple[ReportTable, ...]:
    """Every table of the report in order: one sheet each in the workbook."""
    return tuple(table for section in report_sections(figures) for table in section.tables)
