"""The report's tables about how the collaboration works (the follow-up meetings and their decisions)."""

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup.model import Cell, ReportTable


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
