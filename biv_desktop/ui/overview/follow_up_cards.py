"""The follow-up's row of the overview: the next follow-up, groups missing feedback, training places to repay."""

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from biv_desktop.services.followup import Overview
from biv_desktop.ui.common.styles import ERROR_STYLE
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.formatting import period
from biv_desktop.ui.overview.stat_card import StatCard

# A few group names say which; the rest are counted.
NAMES_SHOWN = 3


tr = translator("Overview")


class FollowUpCards(QWidget):
    """Two cards (next follow-up, groups missing feedback) and the warning that training money is repaid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_up_card = StatCard(tr("Nästa uppföljning"))
        self.feedback_card = StatCard(tr("Avslutade grupper utan återkoppling"))
        self.training_warning = QLabel()
        self.training_warning.setStyleSheet(ERROR_STYLE)
        self.training_warning.setWordWrap(True)
        self.training_warning.hide()
        cards = QGridLayout()
        cards.setSpacing(12)
        cards.addWidget(self.follow_up_card, 0, 0)
        cards.addWidget(self.feedback_card, 0, 1, 1, 3)
        for column in range(4):
            cards.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(cards)
        layout.addWidget(self.training_warning)

    def show_overview(self, overview: Overview) -> None:
        self._show_follow_up(overview)
        self._show_missing_feedback(overview)
        self.training_warning.setText(overview.training_warning)
        self.training_warning.setVisible(bool(overview.training_warning))

    def _show_follow_up(self, overview: Overview) -> None:
        due = overview.follow_up_due
        if due is None:
            self.follow_up_card.show_figure("–")
            return
        last = (
            tr("Senaste mötet {day}.").format(day=due.last_meeting_on.isoformat())
            if due.last_meeting_on
            else tr("Inget uppföljningsmöte registrerat.")
        )
        if due.overdue:
            self.follow_up_card.show_figure(
                tr("Försenad"),
                "",
                tr("Senaste mötet var {day}, för mer än ett halvår sedan.").format(
                    day=due.last_meeting_on.isoformat() if due.last_meeting_on else ""
                ),
            )
            self.follow_up_card.value_label.setStyleSheet(ERROR_STYLE)
            return
        self.follow_up_card.value_label.setStyleSheet("")
        self.follow_up_card.show_figure(
            due.due_on.isoformat(),
            "",
            tr("När halvåret {half} slutar. {last}").format(
                half=period(due.half_starts_on, due.due_on), last=last
            ),
        )

    def _show_missing_feedback(self, overview: Overview) -> None:
        missing = overview.groups_missing_feedback
        if not missing:
            self.feedback_card.show_figure(
                "0", "", tr("Alla avslutade grupper under avtalsåret har sin återkoppling.")
            )
            return
        names = [row.group_name for row in missing[:NAMES_SHOWN]]
        if len(missing) > NAMES_SHOWN:
            names.append(tr("och {count} till").format(count=len(missing) - NAMES_SHOWN))
        self.feedback_card.show_figure(
            str(len(missing)), "", "\n".join(names) + "\n" + tr("Fyll i under Uppföljning → Återkoppling.")
        )
