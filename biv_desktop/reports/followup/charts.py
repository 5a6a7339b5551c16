"""The follow-up PDF's charts, drawn with reportlab's graphics: bars a reader takes in at a glance."""

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor

from biv_desktop.domain.enums import Gender
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup.labels import (
    GENDER_HEADINGS,
    name_label,
    short_age_group_label,
    short_month_label,
)
from biv_desktop.reports.followup.model import Chart
from biv_desktop.reports.fonts import Script, font_name

HEIGHT = 170.0
LABEL_SIZE = 8.0
# Told apart also by people with the common red-green colour blindness.
GENDER_COLOURS: dict[Gender, Color] = {
    Gender.FEMALE: HexColor("#1b6ca8"),
    Gender.MALE: HexColor("#f0a030"),
    Gender.OTHER: HexColor("#6a9a5b"),
    Gender.NOT_STATED: HexColor("#a0a0a0"),
}
BAR_COLOUR = HexColor("#1b6ca8")

CHART_TITLES = {
    Chart.AGE_AND_GENDER: "Diagram: unika deltagare efter åldersgrupp och kön",
    Chart.GROUPS_BY_LANGUAGE: "Diagram: grupper med träffar i perioden, per språk",
    Chart.ATTENDANCE_BY_MONTH: "Diagram: deltagartillfällen per månad",
}


def _step(highest: int) -> int:
    """A whole-number step giving at most about six gridlines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if highest / step <= 6:
            return step
    return max(1, highest // 6)


def _bar_label(value: float) -> str:
    return f"{value:.0f}" if value else ""


def _small_bar_label(limit: int) -> Callable[[float], str]:
    def label(value: float) -> str:
        return f"1–{limit}" if 0 < value <= limit else _bar_label(value)

    return label


def _style(chart: VerticalBarChart | HorizontalBarChart, highest: int) -> None:
    regular = font_name(Script.LATIN)
    step = _step(max(1, highest))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * (max(1, highest) // step + 1)
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = HexColor("#dddddd")
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    # Every bar says its number; a bar of nothing says nothing.
    chart.barLabelFormat = _bar_label
    chart.barLabels.nudge = 6
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = LABEL_SIZE - 1


def _empty(width: float, message: str) -> Drawing:
    drawing = Drawing(width, 30)
    drawing.add(String(0, 12, message, fontName=font_name(Script.LATIN), fontSize=9))
    return drawing


def age_and_gender_chart(figures: FollowUpFigures, width: float) -> Drawing:
    """Unique participants per age group as bars side by side, one colour per gender."""
    rows = figures.participants.by_age_group
    genders = [
        g
        for g in Gender
        if any(
            cell.gender is g and cell.attendance.unique_participants for row in rows for cell in row.by_gender
        )
    ]
    if not genders:
        return _empty(width, "Inga deltagare i perioden.")
    # A small count is drawn as tall as the limit and labelled "1–2", as the tables show it.
    limit = figures.small_count_limit
    data = [
        [
            limit if figures.is_small(count) else count
            for row in rows
            for count in [
                next(cell.attendance.unique_participants for cell in row.by_gender if cell.gender is g)
            ]
        ]
        for g in genders
    ]
    drawing = Drawing(width, HEIGHT)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 30, int(width) - 150, int(HEIGHT) - 40
    chart.data = data
    chart.categoryAxis.categoryNames = [short_age_group_label(row.role, row.band) for row in rows]
    _style(chart, max(max(series) for series in data))
    if limit:
        chart.barLabelFormat = _small_bar_label(limit)
    for index, gender in enumerate(genders):
        chart.bars[index].fillColor = GENDER_COLOURS[gender]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    drawing.add(_legend(width - 110, HEIGHT - 20, [(GENDER_COLOURS[g], GENDER_HEADINGS[g]) for g in genders]))
    return drawing


def _legend(x: float, y: float, items: Sequence[tuple[Color, str]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = int(x), int(y)
    legend.alignment = "right"
    legend.fontName = font_name(Script.LATIN)
    legend.fontSize = LABEL_SIZE
    legend.colorNamePairs = list(items)
    legend.dx = legend.dy = 8
    legend.deltay = 12
    return legend


def groups_by_language_chart(figures: FollowUpFigures, width: float) -> Drawing:
    """Groups with sessions in the period per language, as horizontal bars."""
    rows = [row for row in figures.groups.by_language if row.tally.held]
    if not rows:
        return _empty(width, "Inga grupper hade träffar i perioden.")
    bar_room = 16
    height = 30 + bar_room * len(rows)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 90, 20, int(width) - 120, height - 25
    # The first category is drawn at the bottom; reversed, the list reads top-down in alphabetical order.
    chart.data = [[row.tally.held for row in reversed(rows)]]
    chart.categoryAxis.categoryNames = [name_label(row.name) for row in reversed(rows)]
    _style(chart, max(row.tally.held for row in rows))
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def attendance_by_month_chart(figures: FollowUpFigures, width: float) -> Drawing:
    """Participant-sessions month by month."""
    months = figures.sessions.by_month
    if not any(month.participant_sessions for month in months):
        return _empty(width, "Ingen närvaro registrerad i perioden.")
    drawing = Drawing(width, HEIGHT)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 30, int(width) - 40, int(HEIGHT) - 40
    chart.data = [[month.participant_sessions for month in months]]
    chart.categoryAxis.categoryNames = [short_month_label(month.year, month.month) for month in months]
    _style(chart, max(month.participant_sessions for month in months))
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def chart_drawing(chart: Chart, figures: FollowUpFigures, width: float) -> Drawing:
    """The drawing for one of the report's charts."""
    if chart is Chart.AGE_AND_GENDER:
        return age_and_gender_chart(figures, width)
    if chart is Chart.GROUPS_BY_LANGUAGE:
        return groups_by_language_chart(figures, width)
    return attendance_by_month_chart(figures, width)
