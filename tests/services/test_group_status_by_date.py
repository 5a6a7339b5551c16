"""Group status by date through the service: planned groups start, running ones finish, in one step, and the
overview counts by it."""

import datetime as dt

from biv_desktop.domain.enums import GroupStatus
from biv_desktop.services import groups
from biv_desktop.services.followup import load_overview
from biv_desktop.store.database import Database
from support import factories


def status(database: Database, group_id: int) -> GroupStatus:
    return groups.get_group(database, group_id).status


def test_the_calendar_moves_groups_on_and_the_overview_counts_by_it(database: Database) -> None:
    ryd = factories.premises(database)
    autumn = factories.group(database, premises_id=ryd, start=dt.date(2026, 9, 1), running=True).id
    spring = factories.group(database, premises_id=ryd, start=dt.date(2027, 1, 12), language="so").id
    later = factories.group(database, premises_id=ryd, start=dt.date(2027, 3, 2), language="prs").id
    called_off = factories.group(database, premises_id=ryd, start=dt.date(2027, 1, 12), language="ti").id
    groups.cancel_group(database, called_off)

    changes = groups.advance_group_statuses(database, dt.date(2027, 1, 15))

    assert {(change.group_id, change.before, change.after) for change in changes} == {
        (autumn, GroupStatus.RUNNING, GroupStatus.FINISHED),
        (spring, GroupStatus.PLANNED, GroupStatus.RUNNING),
    }
    assert status(database, later) is GroupStatus.PLANNED
    assert status(database, called_off) is GroupStatus.CANCELLED
    assert load_overview(database, dt.date(2027, 1, 15)).running_groups == 1
    assert groups.advance_group_statuses(database, dt.date(2027, 1, 15)) == ()  # nothing left to move


def test_a_group_finished_early_stays_finished(database: Database) -> None:
    ryd = factories.premises(database)
    group = factories.group(database, premises_id=ryd, start=dt.date(2026, 9, 1), running=True).id
    factories.finish(database, group, dt.date(2026, 10, 1))
    assert groups.advance_group_statuses(database, dt.date(2026, 10, 15)) == ()
    assert status(database, group) is GroupStatus.FINISHED
