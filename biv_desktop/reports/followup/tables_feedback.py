"""The report's tables about the participants' feedback and the parties' communication efforts."""

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.followup.figures import FeedbackSummary, FollowUpFigures
from biv_desktop.reports.followup.model import Cell, Measure, ReportTable, Unit

_KIND_SHEETS = {GroupKind.CHILDREN: "Återkoppling barn", GroupKind.PARENTS: "Återkoppling föräldrar"}
_KIND_TITLES = {GroupKind.CHILDREN: "barngrupperna", GroupKind.PARENTS: "föräldragrupperna"}


def _feedback_table(summary: FeedbackSummary, sheet: str) -> ReportTable:
    rows: list[tuple[Cell, ...]] = []
    for question in summary.questions:
        for option in question.options:
            share = option.count / question.answered if question.answered else None
            rows.append(
                (
                    f"{question.position}. {question.text}",
                    option.label,
                    option.count,
                    Measure(share, Unit.SHARE),
                )
            )
    groups = "en grupp" if summary.forms == 1 else f"{summary.forms} grupper"
    return ReportTable(
        sheet=sheet,
        title=f"Återkoppling från {_KIND_TITLES[summary.kind]} ({summary.questionnaire})",
        explanation=(
            f"Anonyma utvärderingar från {groups}, {summary.respondents} svarande. "
            "Andel = av dem som svarade på frågan."
        ),
        columns=("Fråga", "Svar", "Antal", "Andel"),
        rows=tuple(rows),
        grouped=True,
        wide_columns=(0,),
    )


def feedback_tables(figures: FollowUpFigures) -> tuple[ReportTable, ...]:
    """One table per questionnaire used in the period (children's first), or one saying there were none."""
    if not figures.feedback:
        return (
            ReportTable(
                sheet="Återkoppling",
                title="Återkoppling från deltagarna",
                explanation="Sammanställning av utvärderingarna som samlades in under perioden.",
                columns=("Fråga", "Svar", "Antal", "Andel"),
                rows=(),
                empty_text="Inga utvärderingar samlades in under perioden.",
            ),
        )
    tables = []
    used: set[str] = set()
    for summary in figures.feedback:
        sheet = _KIND_SHEETS[summary.kind]
        number = 2
        while sheet in used:
            sheet = f"{_KIND_SHEETS[summary.kind]} {number}"
            number += 1
        used.add(sheet)
        tables.append(_feedback_table(summary, sheet))
    return tuple(tables)


def quotes_table(figures: FollowUpFigures) -> ReportTable:
    """What participants wrote in the evaluations, children's groups first, without names."""
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        ("Barngrupp" if summary.kind is GroupKind.CHILDREN else "Föräldragrupp", quote)
        for summary in figures.feedback
        for quote in summary.quotes
    )
    masked = figures.names_masked
    replaced = (
        f" {masked} ord i citaten stämde med ett namn i registret och har ersatts med [namn]."
        if masked
        else ""
    )
    return ReportTable(
        sheet="Citat",
        title="Citat ur utvärderingarna",
        explanation=(
            "Det deltagarna själva skrev, i den ordning utvärderingarna samlades in. Varje citat kontrolleras "
            "mot alla namn i registret (deltagare, vårdnadshavare, gruppledare och tolkar) när det sparas och "
            f"igen när rapporten skrivs; ett namn som ändå finns ersätts med [namn].{replaced}"
        ),
        columns=("Grupptyp", "Citat"),
        rows=rows,
        wide_columns=(1,),
        empty_text="Inga citat under perioden.",
    )


def communication_count_table(figures: FollowUpFigures) -> ReportTable:
    """Communication efforts counted by party and channel."""
    communication = figures.communication
    rows: list[tuple[Cell, ...]] = []
    for party_count in communication.by_party:
        channels = [row for row in communication.by_channel if row.party is party_count.party]
        rows += [(party_count.party.label, row.channel.label, row.count) for row in channels]
        rows.append((party_count.party.label, "Summa", party_count.count))
    rows.append(("Båda parter", "", len(communication.efforts)))
    return ReportTable(
        sheet="Kommunikation per part",
        title="Kommunikationsinsatser per part",
        explanation=(
            "Överenskommelsen ber båda parter beskriva verksamheten och informera yrkesverksamma som möter "
            "målgruppen. Antal insatser under perioden."
        ),
        columns=("Part", "Kanal", "Antal"),
        rows=tuple(rows),
        total_rows=1,
        grouped=True,
    )


def communication_list_table(figures: FollowUpFigures) -> ReportTable:
    """Every communication effort of the period."""
    return ReportTable(
        sheet="Kommunikationsinsatser",
        title="Kommunikationsinsatserna",
        explanation="Varje insats under perioden, i datumordning.",
        columns=("Datum", "Part", "Kanal", "Målgrupp", "Beskrivning"),
        rows=tuple(
            (effort.date, effort.party.label, effort.channel.label, effort.audience, effort.description)
            for effort in figures.communication.efforts
        ),
        wide_columns=(3, 4),
        empty_text="Inga kommunikationsinsatser under perioden.",
    )
