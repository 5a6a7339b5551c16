"""The overview's follow-up row: the next follow-up, groups missing feedback, and training money to repay."""

import dataclasses
import datetime as dt
from typing import Any

from pytestqt.qtbot import QtBot

from biv_desktop.services.followup.feedback import feedback_groups, save_feedback
from biv_desktop.services.followup.meetings import MeetingDraft, save_meeting
from biv_desktop.services.followup.overview import load_overview
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.overview.page import OverviewPage

FINISHED = "BIV Arabiska 7–9 år, Ryd, ht 2025"


def overview_page(window: MainWindow) -> OverviewPage:
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    return page


def test_the_overview_shows_the_next_follow_up_missing_feedback_and_the_payback_warning(
    window: MainWindow,
) -> None:
    cards = overview_page(window).follow_up
    assert cards.follow_up_card.value_label.text() == "2026-03-31"
    assert cards.follow_up_card.detail_label.text() == (
        "När halvåret 2025-10-01 – 2026-03-31 slutar. Inget uppföljningsmöte registrerat."
    )
    assert cards.feedback_card.value_label.text() == "1"
    assert cards.feedback_card.detail_label.text() == f"{FINISHED}\nFyll i under Uppföljning → Återkoppling."
    assert cards.training_warning.text() == (
        "Kommunen har använt 2 av 4 utbildningsplatser och avtalsåret slutar 2026-03-31: "
        "outnyttjade platser ska betalas tillbaka."
    )
    assert cards.training_warning.isVisible()


def test_feedback_entered_and_an_old_meeting_change_the_overview(qtbot: QtBot, register: Any) -> None:
    database, today = register.database, register.today
    group = next(row.id for row in feedback_groups(database) if row.name == FINISHED)
    save_feedback(database, group, dt.date(2025, 12, 1), 4, {}, [])
    meeting = MeetingDraft(held_on=dt.date(2025, 5, 12))
    save_meeting(database, meeting)

    overview = load_overview(database, today)
    assert overview.groups_missing_feedback == ()
    assert overview.follow_up_due is not None and overview.follow_up_due.overdue
    page = OverviewPage(database, today)
    qtbot.addWidget(page)
    page.show_overview(overview)
    assert page.follow_up.feedback_card.value_label.text() == "0"
    assert (
        page.follow_up.follow_up_card.value_label.text(),
        page.follow_up.follow_up_card.detail_label.text(),
    ) == (
        "Försenad",
        "Senaste mötet var 2025-05-12, för mer än ett halvår sedan.",
    )
    save_meeting(database, dataclasses.replace(meeting, held_on=dt.date(2025, 10, 20)))
    recent = load_overview(database, today).follow_up_due
    assert recent is not None and not recent.overdue
