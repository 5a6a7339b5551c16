"""The report's collaboration section: the follow-up meetings of the period and their decisions."""

import datetime as dt

from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.services.followup import MeetingDraft, follow_up_figures, save_meeting
from biv_desktop.store.database import Database
from support import factories


def test_the_meetings_held_in_the_period_are_reported_with_their_decisions(database: Database) -> None:
    factories.interpreter(database, "Yusuf", "Warsame")
    save_meeting(
        database,
        MeetingDraft(
            dt.date(2024, 11, 12),
            attendees="Utvecklingsledaren, diakonen",
            notes="Gick igenom första halvåret.",
            decisions="Två grupper på dari i vår. Tolken Yusuf bokas för båda.",
            period_from=dt.date(2024, 4, 1),
            period_to=dt.date(2024, 9, 30),
        ),
    )
    save_meeting(database, MeetingDraft(dt.date(2025, 5, 20), decisions="Utanför perioden"))
    save_meeting(database, MeetingDraft(dt.date(2025, 2, 3)))

    figures = follow_up_figures(database, dt.date(2024, 10, 1), dt.date(2025, 3, 31))

    assert [(m.held_on, m.decisions) for m in figures.meetings] == [
        (dt.date(2024, 11, 12), "Två grupper på dari i vår. Tolken [namn] bokas för båda."),
        (dt.date(2025, 2, 3), ""),
    ]
    table = next(table for table in report_tables(figures) if table.sheet == "Uppföljningsmöten")
    assert table.rows == (
        (
            dt.date(2024, 11, 12),
            "2024-04-01 – 2024-09-30",
            "Två grupper på dari i vår. Tolken [namn] bokas för båda.",
        ),
        (dt.date(2025, 2, 3), "", "Inga beslut antecknade."),
    )
    # Who attended and the notes stay in the program.
    assert not any(
        "Utvecklingsledaren" in str(cell) or "halvåret" in str(cell) for row in table.rows for cell in row
    )


def test_a_period_without_meetings_says_so(database: Database) -> None:
    figures = follow_up_figures(database, dt.date(2024, 10, 1), dt.date(2025, 3, 31))
    table = next(table for table in report_tables(figures) if table.sheet == "Uppföljningsmöten")
    assert table.rows == ()
    assert table.empty_text == "Inga uppföljningsmöten hölls under perioden."
