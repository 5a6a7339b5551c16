"""Follow-up meetings: recording one with its report's figures, reopening them, and when the next is due."""

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.enums import Channel, Party
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.followup.period import Period
from biv_desktop.services.followup.agreements import AgreementDraft, save_agreement
from biv_desktop.services.followup.communication import EffortDraft, save_effort
from biv_desktop.services.followup.meetings import (
    MeetingDraft,
    delete_meeting,
    get_meeting,
    list_meetings,
    meeting_report,
    next_follow_up_due,
    save_meeting,
)
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.store.database import Database
from biv_desktop.store.models import FollowUpMeeting
from biv_desktop.store.register import open_register

TODAY = dt.date(2026, 3, 10)
FIRST, LAST = dt.date(2025, 4, 1), dt.date(2025, 9, 30)
MEETING = MeetingDraft(
    held_on=dt.date(2025, 10, 20),
    attendees="Utvecklingsledare (kommunen)\nSamordnande diakon (pastoratet)",
    notes="Gick igenom rapporten för första halvåret.",
    decisions="Fler grupper på dari till hösten.",
    period_from=FIRST,
    period_to=LAST,
)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Database]:
    """A fictional demo register of one agreement year, as it stands on TODAY."""
    path = tmp_path / "demo.sqlite"
    write_demo_database(path, years=1, seed=2026, today=TODAY)
    database = open_register(path, tmp_path / "backups")
    yield database
    database.close()


def test_a_meeting_with_its_report_stores_the_figures_of_the_period(demo: Database) -> None:
    # The figures as they stood when the meeting was saved (the meeting itself not yet among them).
    expected = follow_up_figures(demo, FIRST, LAST, today=TODAY)
    saved = save_meeting(demo, MEETING, with_report=True, today=TODAY)

    assert (saved.has_report, saved.report_compiled_on, saved.period) == (True, TODAY, Period(FIRST, LAST))
    reopened = meeting_report(demo, saved.id)
    assert reopened == expected
    assert reopened is not None and reopened.groups.total.started > 0


def test_the_stored_figures_stay_as_they_were_when_the_register_changes(demo: Database) -> None:
    saved = save_meeting(demo, MEETING, with_report=True, today=TODAY)
    before = meeting_report(demo, saved.id)
    save_effort(demo, EffortDraft(dt.date(2025, 6, 1), Party.PARISH, Channel.WEBSITE, "", "Ny webbtext."))

    assert meeting_report(demo, saved.id) == before
    assert follow_up_figures(demo, FIRST, LAST, today=TODAY) != before
    # Saving the notes again keeps the stored report.
    edited = save_meeting(demo, dataclasses.replace(MEETING, notes="Kompletterade anteckningar."), saved.id)
    assert (edited.notes, edited.has_report) == ("Kompletterade anteckningar.", True)
    assert meeting_report(demo, saved.id) == before


def test_replacing_a_stored_report_asks_first(demo: Database) -> None:
    saved = save_meeting(demo, MEETING, with_report=True, today=TODAY)
    with pytest.raises(NeedsConfirmation) as asked:
        save_meeting(demo, MEETING, saved.id, with_report=True, today=dt.date(2026, 3, 11))
    assert asked.value.warnings[0].startswith("Mötet har redan en sparad rapport (sammanställd 2026-03-10).")
    replaced = save_meeting(
        demo, MEETING, saved.id, with_report=True, override=True, today=dt.date(2026, 3, 11)
    )
    assert replaced.report_compiled_on == dt.date(2026, 3, 11)


def test_the_period_of_a_stored_report_cannot_change_without_a_new_report(demo: Database) -> None:
    saved = save_meeting(demo, MEETING, with_report=True, today=TODAY)
    other = dataclasses.replace(MEETING, period_from=dt.date(2025, 10, 1), period_to=dt.date(2026, 3, 31))
    with pytest.raises(ValidationError) as refused:
        save_meeting(demo, other, saved.id)
    assert refused.value.field == "period_from"
    assert get_meeting(demo, saved.id).period_from == FIRST


def test_a_meeting_without_a_report_has_none_to_reopen(database: Database) -> None:
    saved = save_meeting(database, dataclasses.replace(MEETING, period_from=None, period_to=None))
    assert (saved.has_report, saved.report_compiled_on) == (False, None)
    assert meeting_report(database, saved.id) is None
    assert list_meetings(database) == [saved]
    delete_meeting(database, saved.id)
    assert list_meetings(database) == []


@pytest.mark.parametrize(
    ("changes", "with_report", "field"),
    [
        ({"period_from": None, "period_to": None}, True, "period_from"),
        ({"period_to": None}, False, "period_from"),
        ({"period_to": dt.date(2025, 3, 31)}, False, "period_to"),
        ({"held_on": dt.date(1925, 10, 20)}, False, "held_on"),
    ],
)
def test_bad_input_is_refused(
    database: Database, changes: dict[str, object], with_report: bool, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_meeting(database, dataclasses.replace(MEETING, **changes), with_report=with_report)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert list_meetings(database) == []


def test_damaged_stored_figures_are_told_about(database: Database) -> None:
    saved = save_meeting(database, MEETING)
    with database.transaction() as session:
        session.scalars(select(FollowUpMeeting)).one().report_json = '{"period": 3}'
    with pytest.raises(ValidationError, match="går inte att läsa"):
        meeting_report(database, saved.id)


def _agreement(database: Database) -> None:
    save_agreement(
        database,
        AgreementDraft(
            name="IOP 2025/2026",
            starts_on=dt.date(2025, 4, 1),
            ends_on=dt.date(2026, 3, 31),
            public_party="Kommunen",
            nonprofit_party="Pastoratet",
            municipal_amount_sek=300_500,
            parish_amount_per_year_sek=160_000,
        ),
    )


def test_the_next_follow_up_is_due_at_the_end_of_the_current_half(database: Database) -> None:
    _agreement(database)
    due = next_follow_up_due(database, dt.date(2025, 6, 15))
    assert (due.due_on, due.half_starts_on, due.last_meeting_on, due.overdue) == (
        dt.date(2025, 9, 30),
        dt.date(2025, 4, 1),
        None,
        False,
    )
    save_meeting(database, dataclasses.replace(MEETING, held_on=dt.date(2025, 10, 20)))
    later = next_follow_up_due(database, TODAY)
    assert (later.due_on, later.last_meeting_on, later.overdue) == (
        dt.date(2026, 3, 31),
        dt.date(2025, 10, 20),
        False,
    )


def test_a_follow_up_is_overdue_when_the_last_meeting_is_long_ago(database: Database) -> None:
    _agreement(database)
    save_meeting(database, dataclasses.replace(MEETING, held_on=dt.date(2025, 4, 20)))
    assert next_follow_up_due(database, dt.date(2025, 11, 20)).overdue is False
    overdue = next_follow_up_due(database, dt.date(2025, 11, 21))
    assert (overdue.overdue, overdue.due_on) == (True, dt.date(2026, 3, 31))
