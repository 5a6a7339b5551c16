"""The report's tables about participants, completion, group leaders, interpreters and training."""

from collections.abc import Callable

from biv_desktop.domain.enums import Gender
from biv_desktop.domain.followup.figures import AgeRule, Attendance, FollowUpFigures, NamedAttendance
from biv_desktop.reports.followup.labels import (
    GENDER_HEADINGS,
    KIND_PLURALS,
    ORGANISATION_LABELS,
    age_group_label,
    name_label,
    programme_label,
)
from biv_desktop.reports.followup.model import Cell, Measure, ReportTable, Unit, counted
from biv_desktop.reports.followup.tables_groups import training_quota_rows


def _age_explanation(figures: FollowUpFigures) -> str:
    if figures.participants.age_rule is AgeRule.PERIOD_START_YEAR:
        year = figures.participants.age_year
        return (
            f"Ålder = den ålder barnet fyller under {year}, året perioden börjar (räknat från födelseåret, så "
            "varje barn har en ålder under hela perioden). Föräldrar redovisas för sig."
        )
    return (
        "Ålder = den ålder barnet fyller under det kalenderår träffen hölls (räknat från födelseåret): "
        "ett deltagartillfälle räknas efter året för träffen, en unik deltagare efter året för den första "
        "träffen hen var med på i perioden. Så hamnar vårens sjuåringar i 7–9 år även när perioden börjar "
        "året innan. Föräldrar redovisas för sig."
    )


def _age_table(
    figures: FollowUpFigures, sheet: str, title: str, lead: str, count: Callable[[Attendance], int]
) -> ReportTable:
    participants = figures.participants
    rows: list[tuple[Cell, ...]] = []
    for row in participants.by_age_group:
        cells = {cell.gender: counted(figures, count(cell.attendance)) for cell in row.by_gender}
        rows.append(
            (
                age_group_label(row.role, row.band),
                *(cells[g] for g in Gender),
                counted(figures, count(row.total)),
            )
        )
    # The bottom line is the breakdown by gender alone; only the grand total is a total.
    totals = {cell.gender: counted(figures, count(cell.attendance)) for cell in participants.by_gender}
    rows.append(("Alla", *(totals[g] for g in Gender), count(participants.total)))
    return ReportTable(
        sheet=sheet,
        title=title,
        explanation=f"{lead} {_age_explanation(figures)}{small_count_rule(figures)}",
        columns=("Åldersgrupp", *(GENDER_HEADINGS[g] for g in Gender), "Totalt"),
        rows=tuple(rows),
        total_rows=1,
    )


def unique_by_age_table(figures: FollowUpFigures) -> ReportTable:
    return _age_table(
        figures,
        "Deltagare ålder och kön",
        "Unika deltagare efter ålder och kön",
        "Unika deltagare = personer som var närvarande minst en gång i perioden; var och en räknas en gång.",
        lambda attendance: attendance.unique_participants,
    )


def sessions_by_age_table(figures: FollowUpFigures) -> ReportTable:
    return _age_table(
        figures,
        "Tillfällen ålder och kön",
        "Deltagartillfällen efter ålder och kön",
        "Deltagartillfällen = antal närvaromarkeringar ”närvarande” vid genomförda träffar.",
        lambda attendance: attendance.participant_sessions,
    )


def small_count_rule(figures: FollowUpFigures) -> str:
    """The sentence a table of breakdowns states its rule for small counts with ('' when there is none)."""
    limit = figures.small_count_limit
    if not limit:
        return ""
    return (
        f" Antal från 1 till {limit} visas som ”1–{limit}” så att ingen enskild kan pekas ut; "
        "summan för alla är exakt."
    )


def _attendance_cells(figures: FollowUpFigures, attendance: Attendance) -> tuple[Cell, ...]:
    return (
        counted(figures, attendance.unique_participants),
        counted(figures, attendance.participant_sessions),
        Measure(attendance.rate, Unit.SHARE),
    )


def _named_rows(
    figures: FollowUpFigures, block: str, rows: tuple[NamedAttendance, ...]
) -> list[tuple[Cell, ...]]:
    return [(block, name_label(row.name), *_attendance_cells(figures, row.attendance)) for row in rows]


def breakdown_table(figures: FollowUpFigures) -> ReportTable:
    """Participants by programme, kind of group, language, premises and home district."""
    participants = figures.participants
    rows: list[tuple[Cell, ...]] = []
    rows += [
        ("Program", programme_label(r.programme), *_attendance_cells(figures, r.attendance))
        for r in participants.by_programme
    ]
    rows += [
        ("Grupptyp", KIND_PLURALS[r.kind], *_attendance_cells(figures, r.attendance))
        for r in participants.by_kind
    ]
    rows += _named_rows(figures, "Språk", participants.by_language)
    rows += _named_rows(figures, "Lokal", participants.by_premises)
    rows += _named_rows(figures, "Stadsdel", participants.by_district)
    total = participants.total
    rows.append(
        (
            "Alla deltagare",
            "",
            total.unique_participants,
            total.participant_sessions,
            Measure(total.rate, Unit.SHARE),
        )
    )
    return ReportTable(
        sheet="Deltagare per indelning",
        title="Deltagare per program, grupptyp, språk, lokal och stadsdel",
        explanation=(
            "Program, grupptyp, språk och lokal är gruppens; stadsdel är där deltagaren bor. Den som gått i två "
            "grupper räknas en gång på varje rad, så unika deltagare kan summera till mer än totalen. "
            f"Närvarograd = närvarande av alla närvaromarkeringar.{small_count_rule(figures)}"
        ),
        columns=("Indelning", "Kategori", "Unika deltagare", "Deltagartillfällen", "Närvarograd"),
        rows=tuple(rows),
        total_rows=1,
        grouped=True,
    )


def completion_table(figures: FollowUpFigures) -> ReportTable:
    """How many completed a group, of those in groups that finished in the period."""
    completion = figures.participants.completion
    share = completion.completed / completion.participants if completion.participants else None
    return ReportTable(
        sheet="Fullföljande",
        title="Deltagare som fullföljde en grupp",
        explanation=(
            f"Fullföljt = närvarande vid minst {completion.completion_sessions} av "
            f"{completion.sessions_per_group} träffar (samma andel av de träffar gruppen faktiskt hade, "
            "avrundat uppåt), räknat i grupper som avslutades i perioden."
        ),
        columns=("Uppgift", "Antal"),
        rows=(
            ("Grupper som avslutades i perioden", completion.groups_finished),
            ("Deltagare i dessa grupper (närvarande minst en gång)", completion.participants),
            ("Deltagare som fullföljde", completion.completed),
            ("Andel som fullföljde", Measure(share, Unit.SHARE)),
        ),
    )


def staff_table(figures: FollowUpFigures) -> ReportTable:
    """Group leaders and interpreters engaged, trained leaders added and training places used."""
    staff = figures.staff
    rows: list[tuple[Cell, ...]] = [
        ("Gruppledare som ledde minst en träff", staff.leaders_engaged),
        ("– varav utbildade gruppledare", staff.leaders_engaged_trained),
    ]
    rows += [
        (f"– varav från {ORGANISATION_LABELS[r.organisation]}", r.count)
        for r in staff.leaders_by_organisation
    ]
    rows += [
        ("Tolkar som tolkade vid minst en träff", staff.interpreters_engaged),
        ("Genomförda träffar med tolk", staff.sessions_with_interpreter),
        ("Gruppledare som blev utbildade i perioden", staff.trained_leaders_added),
        ("Gruppledarutbildningar som startade i perioden", staff.courses_started),
        ("Platser på dessa utbildningar", staff.places_taken),
        ("– varav kommunens platser", staff.municipality_places_taken),
        ("– varav kommunens platser som fullföljdes", staff.municipality_places_completed),
        *training_quota_rows(figures),
    ]
    return ReportTable(
        sheet="Gruppledare och tolkar",
        title="Gruppledare, tolkar och gruppledarutbildning",
        explanation=(
            "Personer som var bokade till en genomförd träff och inte noterades som frånvarande, vikarier "
            "medräknade; var och en räknas en gång. Kommunen är garanterad platser på utbildningen varje år."
        ),
        columns=("Uppgift", "Antal"),
        rows=tuple(rows),
    )
