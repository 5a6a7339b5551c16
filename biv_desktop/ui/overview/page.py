"""The overview page: the agreement year's figures as cards, and this week's sessions."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.followup import Overview, load_overview
from biv_desktop.store.database import Database
from biv_desktop.ui.attendance import open_session_attendance
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.common.styles import HINT_STYLE
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.formatting import date_in_words, day_in_words, period
from biv_desktop.ui.overview import week_table
from biv_desktop.ui.overview.attention import AttentionPanel
from biv_desktop.ui.overview.follow_up_cards import FollowUpCards
from biv_desktop.ui.overview.setup_checklist import SetupChecklist
from biv_desktop.ui.overview.stat_card import StatCard
from biv_desktop.ui.overview.week_table import WeekSessionTableModel
from biv_desktop.ui.page import Page, heading


class OverviewPage(Page):
    """What the coordinator sees first: how the agreement year is going and who meets this week."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Översikt"), database, parent)
        # A fixed day for tests and demonstrations; otherwise the real today at every refresh.
        self._today = today
        self.overview: Overview | None = None

        self.date_label = QLabel()
        self.agreement_label = QLabel()
        self.agreement_label.setWordWrap(True)

        self.groups_card = StatCard(self.tr("Grupper startade under avtalsåret"))
        self.running_card = StatCard(self.tr("Pågående grupper"))
        self.participants_card = StatCard(self.tr("Deltagare i pågående grupper"))
        self.training_card = StatCard(self.tr("Kommunens utbildningsplatser"))
        cards = QGridLayout()
        cards.setSpacing(12)
        for position, card in enumerate(
            (self.groups_card, self.running_card, self.participants_card, self.training_card)
        ):
            cards.addWidget(card, 0, position)
            cards.setColumnStretch(position, 1)

        self.follow_up = FollowUpCards()
        # A new or incomplete register: what to set up first (hidden once everything is there).
        self.setup_checklist = SetupChecklist(lambda: self.database, today)
        self.setup_checklist.changed.connect(self.refresh)
        # What needs the coordinator's hand soon (ui/overview/attention).
        self.attention = AttentionPanel(database)

        self.week_heading = QLabel()
        week_font = QFont(self.week_heading.font())
        week_font.setPointSizeF(week_font.pointSizeF() * 1.2)
        week_font.setBold(True)
        self.week_heading.setFont(week_font)
        self.staffing_label = QLabel()
        self.attendance_hint = QLabel(
            self.tr("Dubbelklicka på en träff eller tryck Enter för att ta närvaro.")
        )
        self.attendance_hint.setStyleSheet(HINT_STYLE)
        self.week_model = WeekSessionTableModel(self)
        self.week_table = self._make_week_table()
        self.no_sessions_label = QLabel(self.tr("Inga gruppträffar den här veckan."))
        self.no_sessions_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.week_stack = QStackedWidget()
        self.week_stack.addWidget(self.week_table)
        self.week_stack.addWidget(self.no_sessions_label)

        # The content scrolls as a whole when a new register's checklist and the 'Att ordna' panel make it
        # taller than the laptop's screen: the window never grows past it (issue: fits 1366×720).
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.week_stack.setMinimumHeight(120)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.date_label)
        layout.addWidget(self.agreement_label)
        layout.addWidget(self.setup_checklist)
        layout.addSpacing(4)
        layout.addLayout(cards)
        layout.addWidget(self.follow_up)
        layout.addSpacing(4)
        # The week's sessions are the first tab beside what needs doing soon, so the page fits the laptop's
        # screen and the sessions table keeps the height it needs.
        week = QWidget()
        week_layout = QVBoxLayout(week)
        week_layout.setContentsMargins(8, 8, 8, 8)
        week_layout.addWidget(self.week_heading)
        below_heading = QHBoxLayout()
        below_heading.addWidget(self.staffing_label)
        below_heading.addStretch(1)
        below_heading.addWidget(self.attendance_hint)
        week_layout.addLayout(below_heading)
        week_layout.addWidget(self.week_stack, 1)
        self.attention.put_first(week, self.tr("Veckans gruppträffar"))
        layout.addWidget(self.attention, 1)

    def _make_week_table(self) -> QTableView:
        table = make_table(self.week_model, self.tr("Veckans gruppträffar"), wrap=True, sortable=False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (week_table.GROUP, week_table.THEME, week_table.PREMISES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda index: self.take_attendance(index.row()))
        return table

    def take_attendance(self, row: int) -> None:
        """Open the room view for the week's session on this line; afterwards show the figures afresh."""
        if not 0 <= row < self.week_model.rowCount():
            return
        session = self.week_model.row_at(row)
        if not open_session_attendance(self, self.database, session.id, today=self._today):
            return
        self.refresh()
        for position in range(self.week_model.rowCount()):
            if self.week_model.index(position, 0).data(ROW_ROLE).id == session.id:
                self.week_table.selectRow(position)
        self.week_table.setFocus()

    def refresh(self) -> None:
        overview = load_overview(self.database, self._today)
        self.show_overview(overview)
        self.setup_checklist.refresh()
        self.attention.refresh(overview.today)

    def show_overview(self, overview: Overview) -> None:
        """Fill the cards and the week's table from a computed overview."""
        self.overview = overview
        self.date_label.setText(
            self.tr("I dag är det {date}, vecka {week}.").format(
                date=date_in_words(overview.today), week=overview.iso_week
            )
        )
        self._show_agreement(overview)
        self.follow_up.show_overview(overview)
        self.running_card.show_figure(str(overview.running_groups), detail=self.tr("just nu"))
        self.participants_card.show_figure(
            str(overview.enrolled_participants), detail=self.tr("inskrivna i dag")
        )
        self.attention.setTabText(
            0, self.tr("Veckans gruppträffar ({count})").format(count=len(overview.week_sessions))
        )
        self.week_heading.setText(
            self.tr("Veckans gruppträffar, vecka {week} ({first} – {last})").format(
                week=overview.iso_week,
                first=day_in_words(overview.week_starts_on),
                last=day_in_words(overview.week_ends_on),
            )
        )
        self.week_model.set_rows(overview.week_sessions)
        self.week_stack.setCurrentWidget(
            self.week_table if overview.week_sessions else self.no_sessions_label
        )
        understaffed = overview.understaffed_sessions
        if understaffed == 0:
            self.staffing_label.setText(
                self.tr("Alla träffar har två gruppledare och tolk.") if overview.week_sessions else ""
            )
        elif understaffed == 1:
            self.staffing_label.setText(self.tr("1 träff saknar gruppledare eller tolk."))
        else:
            self.staffing_label.setText(
                self.tr("{count} träffar saknar gruppledare eller tolk.").format(count=understaffed)
            )
        self.staffing_label.setVisible(bool(self.staffing_label.text()))
        self.attendance_hint.setVisible(bool(overview.week_sessions))

    def _show_agreement(self, overview: Overview) -> None:
        agreement = overview.agreement
        if agreement is None:
            self.agreement_label.setText(
                self.tr(
                    "Inget avtal gäller i dag. Lägg in överenskommelsen med kommunen under Uppföljning "
                    "för att se hur året går."
                )
            )
            for card in (self.groups_card, self.training_card):
                card.show_figure("–", detail=self.tr("inget avtal i dag"))
            return
        text = self.tr("Avtal: {name}, {period}.").format(
            name=agreement.name, period=period(agreement.starts_on, agreement.ends_on)
        )
        if (agreement.year_starts_on, agreement.year_ends_on) != (agreement.starts_on, agreement.ends_on):
            text += " " + self.tr("Avtalsåret: {period}.").format(
                period=period(agreement.year_starts_on, agreement.year_ends_on)
            )
        self.agreement_label.setText(text)
        children, parents = overview.children_groups_started, overview.parents_groups_started
        detail = ", ".join(
            (
                self.tr("1 barngrupp")
                if children == 1
                else self.tr("{count} barngrupper").format(count=children),
                self.tr("1 föräldragrupp")
                if parents == 1
                else self.tr("{count} föräldragrupper").format(count=parents),
            )
        )
        if overview.groups_planned == 1:
            detail += "\n" + self.tr("1 grupp till är planerad")
        elif overview.groups_planned > 1:
            detail += "\n" + self.tr("{count} grupper till är planerade").format(
                count=overview.groups_planned
            )
        self.groups_card.show_figure(
            str(overview.groups_started),
            self.tr("av {count}").format(count=agreement.min_groups_per_year),
            detail,
        )
        self.training_card.show_figure(
            str(overview.training_places_used),
            self.tr("av {count}").format(count=agreement.training_places_per_year),
            self.tr("använda under avtalsåret"),
        )
