"""Anonymising everyone due leaves every follow-up report for past periods exactly as it was."""

import datetime as dt
from pathlib import Path

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.retention import add_months
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.services.privacy.clean_up import PersonKind, anonymise, due_for_clean_up
from biv_desktop.store.register import open_register

TODAY = dt.date(2026, 11, 25)


def _periods(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Every half year and every agreement year (April–March) from ``first`` up to ``last``."""
    periods = []
    for year in range(first.year, last.year + 1):
        periods += [(dt.date(year, 1, 1), dt.date(year, 6, 30)), (dt.date(year, 7, 1), dt.date(year, 12, 31))]
        periods.append((dt.date(year, 4, 1), add_months(dt.date(year, 4, 1), 12) - dt.timedelta(days=1)))
    return [(start, end) for start, end in periods if end >= first and start <= last]


def test_every_past_report_gives_the_same_figures_after_anonymising_everyone_due(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    summary = write_demo_database(path, years=3, seed=2026, today=TODAY)
    database = open_register(path, tmp_path / "backups")
    try:
        periods = _periods(summary.first_day, TODAY)
        before = [follow_up_figures(database, first, last, today=TODAY).to_json() for first, last in periods]
        due = due_for_clean_up(database, TODAY)
        participants = [person for person in due if person.key.kind is PersonKind.PARTICIPANT]
        staff = [person for person in due if person.key.kind is not PersonKind.PARTICIPANT]
        # Enough of both to matter: the figures count these people in the earlier periods.
        assert len(participants) > 20, len(participants)
        assert staff, "the demo has no leader or interpreter due"
        result = anonymise(database, [person.key for person in due], TODAY)
        assert result.people == len(due)
        after = [follow_up_figures(database, first, last, today=TODAY).to_json() for first, last in periods]
        for (first, last), old, new in zip(periods, before, after, strict=True):
            assert new == old, f"{first}–{last}"
        assert due_for_clean_up(database, TODAY) == []
    finally:
        database.close()
