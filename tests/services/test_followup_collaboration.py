"""The report's collaboration section: the follow-up meetings of the period and their decisions."""

import datetime as dt

from biv_desktop.domain.enums import Role
from biv_desktop.reports.followup.model import format_cell
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


def _waiting_register(database: Database) -> None:
    today = dt.date(2025, 6, 1)
    people = [
        ("Amal", 2016, "ar", dt.date(2024, 11, 1)),  # 9 in 2025: 7–9
        ("Rami", 2017, "ar", dt.date(2025, 1, 10)),  # 8: 7–9
        ("Huda", 2013, "ar", dt.date(2025, 2, 1)),  # 12: 10–12
        ("Sahra", 2012, "so", dt.date(2025, 3, 1)),  # 13: 13–15
        ("Nimco", 2012, "so", dt.date(2025, 3, 31)),  # 13: 13–15
        ("Faduma", 2011, "so", dt.date(2025, 3, 2)),  # 14: 13–15
        ("Late", 2016, "ar", dt.date(2025, 4, 2)),  # after the period: not counted
    ]
    for first_name, born, language, since in people:
        person = factories.participant(database, first_name, born, mother_tongue=language, today=today)
        factories.wait(database, person, since, today=today)
    parent = factories.participant(
        database, "Layla", 1985, role=Role.GUARDIAN, mother_tongue="ar", today=today
    )
    factories.wait(database, parent, dt.date(2025, 1, 1), today=today)


def test_the_waiting_list_at_the_periods_end_by_language_and_age_group(database: Database) -> None:
    _waiting_register(database)
    figures = follow_up_figures(
        database, dt.date(2024, 10, 1), dt.date(2025, 3, 31), today=dt.date(2025, 6, 1)
    )
    waiting = figures.waiting
    assert waiting is not None
    assert (waiting.on, waiting.exact, waiting.total) == (dt.date(2025, 3, 31), False, 7)
    table = next(table for table in report_tables(figures) if table.sheet == "Väntelista")
    assert table.columns == ("Språk", "7–9 år", "10–12 år", "13–15 år", "16–20 år", "Föräldrar", "Totalt")
    shown = [tuple(format_cell(cell) for cell in row) for row in table.rows]
    assert shown == [
        ("Arabiska", "1–2", "1–2", "0", "0", "1–2", "4"),
        ("Somaliska", "0", "0", "3", "0", "0", "3"),
        ("Alla", "1–2", "1–2", "3", "0", "1–2", "7"),
    ]
    assert "fortfarande väntar när rapporten sammanställs" in table.explanation
    during = follow_up_figures(
        database, dt.date(2024, 10, 1), dt.date(2025, 3, 31), today=dt.date(2025, 3, 31)
    )
    assert during.waiting is not None and during.waiting.exact
