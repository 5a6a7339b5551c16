"""The key figures of a follow-up report on screen: what the PDF and the workbook tell in full."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from biv_desktop.domain.enums import Role
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.reports.followup.model import counted, format_cell
from biv_desktop.ui.followup.common import tr


def decimal(value: float) -> str:
    """A number with one decimal, the Swedish way: '3,0'."""
    return f"{value:.1f}".replace(".", ",")


def share(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f} %".replace(".", ",") if whole else "–"


def summary_lines(figures: FollowUpFigures) -> list[tuple[str, str]]:
    """The report's key figures as (what, value) lines, in the order the report tells them."""
    groups, sessions = figures.groups.total, figures.sessions
    people, staff = figures.participants, figures.staff
    children = sum(row.total.unique_participants for row in people.by_age_group if row.role is Role.CHILD)
    parents = sum(row.total.unique_participants for row in people.by_age_group if row.role is Role.GUARDIAN)
    completion = people.completion
    forms = sum(summary.forms for summary in figures.feedback)
    respondents = sum(summary.respondents for summary in figures.feedback)
    return [
        (
            tr("Grupper startade"),
            tr("{count} (avtalet: minst {minimum} för perioden; {counting})").format(
                count=figures.groups_toward_minimum,
                minimum=decimal(figures.min_groups_for_period),
                counting=tr("föräldragrupper räknas in")
                if figures.parents_groups_count
                else tr("bara barngrupper räknas"),
            ),
        ),
        (
            tr("Grupper med träffar"),
            tr("{held}, varav {finished} avslutade; {cancelled} inställda ({before} före start)").format(
                held=groups.held,
                finished=groups.finished,
                cancelled=groups.cancelled,
                before=groups.cancelled_before_start,
            ),
        ),
        (
            tr("Gruppträffar"),
            tr("{held} genomförda, {cancelled} inställda i grupper som genomfördes").format(
                held=sessions.held, cancelled=sessions.cancelled
            ),
        ),
        (
            tr("Deltagare"),
            tr("{total} ({children} barn och unga, {parents} föräldrar)").format(
                total=people.total.unique_participants,
                # A breakdown: small counts shown as the report shows them ("1–2").
                children=format_cell(counted(figures, children)),
                parents=format_cell(counted(figures, parents)),
            ),
        ),
        (
            tr("Deltagartillfällen"),
            tr("{count}, närvaro {rate}").format(
                count=people.total.participant_sessions,
                rate=share(people.total.participant_sessions, people.total.marks),
            ),
        ),
        (
            tr("Fullföljde sin grupp"),
            tr("{completed} av {participants}").format(
                completed=completion.completed, participants=completion.participants
            ),
        ),
        (
            tr("Gruppledare och tolkar"),
            tr("{leaders} gruppledare ({trained} utbildade), {interpreters} tolkar").format(
                leaders=staff.leaders_engaged,
                trained=staff.leaders_engaged_trained,
                interpreters=staff.interpreters_engaged,
            ),
        ),
        (
            tr("Kommunens utbildningsplatser"),
            tr("{taken} (avtalet: {quota} för perioden)").format(
                taken=staff.municipality_places_taken, quota=decimal(figures.training_places_for_period)
            ),
        ),
        (
            tr("Utvärderingar"),
            tr("{forms} grupper, {respondents} svarande").format(forms=forms, respondents=respondents),
        ),
        (tr("Kommunikationsinsatser"), str(len(figures.communication.efforts))),
        *(
            [
                (
                    tr("Namn i citaten"),
                    tr(
                        "{count} ord stämde med ett namn i registret och ersätts med [namn] i rapporten"
                    ).format(count=figures.names_masked),
                )
            ]
            if figures.names_masked
            else []
        ),
    ]


class ReportSummary(QFrame):
    """The key figures of one report, under a heading naming its period and the day it was compiled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReportSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#ReportSummary { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def show_figures(self, figures: FollowUpFigures, heading: str = "") -> None:
        """Show the report's key figures; ``heading`` replaces the default one naming the period."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.values = {}
        self.heading.setText(
            heading
            or tr("Perioden {period}, sammanställd {day}").format(
                period=figures.period.label, day=figures.compiled_on.isoformat()
            )
        )
        for row, (what, value) in enumerate(summary_lines(figures)):
            label = QLabel(what + ":")
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)
            self.values[what] = shown
