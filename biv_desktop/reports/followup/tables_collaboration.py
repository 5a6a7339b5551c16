"""The report's tables about how the collaboration works (the follow-up meetings and their decisions) and
the demand (the waiting list)."""

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import Role
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.domain.waiting import bands_in_order
from biv_desktop.reports.followup.labels import name_label, short_age_group_label
from biv_desktop.reports.followup.model import Cell, ReportTable, counted
from biv_desktop.reports.followup.tables_people import small_count_rule


def meetings_table(figures: FollowUpFigures) -> ReportTable:
    """The follow-up meetings held in the period, with what they decided."""
    rows: list[tuple[Cell, ...]] = []
    for meeting in figures.meetings:
        followed = (
            f"{meeting.period_from.isoformat()} – {meeting.period_to.isoformat()}"
            if meeting.period_from is not None and meeting.period_to is not None
            else ""
        )
        rows.append((meeting.held_on, followed, meeting.decisions or "Inga beslut antecknade."))
    return ReportTable(
        sheet="Uppföljningsmöten",
        title="Uppföljningsmöten och beslut",
        explanation=(
            "Överenskommelsen följs upp minst varje halvår vid möten som kommunen kallar till. Här står de möten "
            "som hölls under perioden, vilken period de följde upp och vad som beslutades; vilka som deltog "
            "och anteckningarna finns i programmet. Ett namn som finns i registret ersätts med [namn]."
        ),
        columns=("Datum", "Period som följdes upp", "Beslut"),
        rows=tuple(rows),
        wide_columns=(2,),
        empty_text="Inga uppföljningsmöten hölls under perioden.",
    )


def waiting_table(figures: FollowUpFigures) -> ReportTable:
    """The waiting list at the period's end: a row per language, a column per age group."""
    waiting = figures.waiting
    title = "Väntelistan vid periodens slut"
    if waiting is None:
        return ReportTable(
            sheet="Väntelista",
            title=title,
            explanation="Rapporten sammanställdes innan väntelistan togs med.",
            columns=("Språk", "Totalt"),
            rows=(),
            empty_text="Väntelistan finns inte med i denna rapport.",
        )
    # A named group's own ages, when they are not among the settings' bands, get a column of their own.
    found = (count.band for count in waiting.counts)
    groups: list[tuple[Role, AgeBand | None]] = [
        (Role.CHILD, band) for band in bands_in_order(waiting.bands, found)
    ]
    if any(count.role is Role.CHILD and count.band is None for count in waiting.counts):
        groups.append((Role.CHILD, None))
    groups.append((Role.GUARDIAN, None))
    languages = list(dict.fromkeys(count.language for count in waiting.counts))
    cells = {(count.language, count.role, count.band): count.count for count in waiting.counts}
    rows: list[tuple[Cell, ...]] = []
    for language in languages:
        numbers = [cells.get((language, role, band), 0) for role, band in groups]
        rows.append(
            (name_label(language), *(counted(figures, n) for n in numbers), counted(figures, sum(numbers)))
        )
    if rows:
        columns_total = [
            sum(cells.get((language, role, band), 0) for language in languages) for role, band in groups
        ]
        rows.append(("Alla", *(counted(figures, n) for n in columns_total), waiting.total))
    last_day = ", periodens sista dag" if waiting.on == figures.period.last else ""
    when = (
        f"Väntelistan den {waiting.on.isoformat()}{last_day}."
        if waiting.exact
        else (
            f"De som sattes upp på väntelistan senast {waiting.on.isoformat()} och fortfarande väntar när "
            "rapporten sammanställs; den som har fått plats sedan dess syns inte, eftersom programmet inte "
            "sparar väntelistans historik."
        )
    )
    return ReportTable(
        sheet="Väntelista",
        title=title,
        explanation=(
            f"{when} Efterfrågan per modersmål och åldersgrupp: det som står på väntelistan (en grupp, ett språk, "
            "ett åldersspann), annars barnets modersmål och den ålder barnet fyller det året. "
            f"Föräldrar redovisas för sig.{small_count_rule(figures)}"
        ),
        columns=("Språk", *(short_age_group_label(role, band) for role, band in groups), "Totalt"),
        rows=tuple(rows),
        total_rows=1 if rows else 0,
        empty_text="Ingen stod på väntelistan vid periodens slut.",
    )
