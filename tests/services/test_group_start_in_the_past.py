"""A new group starting before today is asked about: a date typed a year wrong should not pass silently."""

import datetime as dt

import pytest

from biv_desktop.domain.enums import GroupKind, Programme
from biv_desktop.domain.errors import NeedsConfirmation
from biv_desktop.services import groups
from biv_desktop.store.database import Database
from support import factories
from support.register import language_id

TODAY = dt.date(2027, 1, 15)


def draft(database: Database, start: dt.date) -> groups.GroupDraft:
    return groups.GroupDraft(
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        language_id=language_id(database, "so"),
        premises_id=factories.premises(database),
        start_date=start,
        weekday=start.weekday(),
        start_time=dt.time(17),
        age_min=10,
        age_max=12,
    )


def test_a_group_starting_before_today_needs_confirming(database: Database) -> None:
    with pytest.raises(NeedsConfirmation) as asked:
        groups.create_group(database, draft(database, dt.date(2026, 1, 20)), today=TODAY)
    assert asked.value.warnings[0] == (
        "Gruppen börjar 2026-01-20, före i dag (2027-01-15). Stämmer startdatumet?"
    )
    assert groups.list_groups(database) == []  # nothing saved
    saved = groups.create_group(database, draft(database, dt.date(2026, 1, 20)), today=TODAY, override=True)
    assert saved.sessions[0].date == dt.date(2026, 1, 20)


def test_a_group_starting_today_or_later_is_not_asked_about(database: Database) -> None:
    saved = groups.create_group(database, draft(database, dt.date(2027, 1, 20)), today=TODAY)
    assert saved.sessions[0].date == dt.date(2027, 1, 20)
