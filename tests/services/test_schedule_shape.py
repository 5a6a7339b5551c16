"""A schedule that keeps its shape through the services: linked parents' groups follow, break weeks shift
every group in one transaction, the preview is what is saved, a refusal changes nothing."""

import datetime as dt
from dataclasses import replace

import pytest

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation
from biv_desktop.services import groups
from biv_desktop.services.register import BreakWeekDraft, list_break_weeks
from biv_desktop.services.schedule import (
    Way,
    cancel_session,
    check_session_change,
    get_session,
    preview_break_week_shift,
    save_break_week_and_shift,
    update_session,
)
from biv_desktop.services.schedule.reshaping import apply as real_apply
from biv_desktop.store.database import Database
from support import factories

STUDY_DAYS = BreakWeekDraft("Studiedagar v. 11", dt.date(2027, 3, 15), dt.date(2027, 3, 19))


def sessions(database: Database, group_id: int) -> list[tuple[int, dt.date, SessionStatus, str]]:
    detail = groups.get_group(database, group_id)
    return [(row.number, row.date, row.status, row.theme_title) for row in detail.sessions]


def held(database: Database, group_id: int) -> list[tuple[int, dt.date, str]]:
    rows = sessions(database, group_id)
    return sorted(((n, d, t) for n, d, s, t in rows if s is not SessionStatus.CANCELLED), key=lambda r: r[1])


def children_and_parents(database: Database, start: dt.date = dt.date(2027, 1, 19)) -> tuple[int, int]:
    ryd = factories.premises(database)
    children = factories.group(database, premises_id=ryd, start=start).id
    draft = groups.default_parents_draft(database, children)
    parents = groups.create_parents_group(database, children, draft, override=True).id
    return children, parents


def test_cancelling_in_a_childrens_group_moves_its_parents_group_too(database: Database) -> None:
    children, parents = children_and_parents(database)
    eighth = factories.session_ids(database, children)[8]

    shift = cancel_session(database, eighth)

    assert [group.is_parents for group in shift.groups] == [False, True]
    assert [day for _n, day, _t in held(database, parents)] == [
        day for _n, day, _t in held(database, children)
    ]
    assert held(database, children)[-1][2] == "Fest och avslutning"
    assert [n for n, _d, _t in held(database, children)] == list(range(1, 15))


def test_a_parents_group_left_behind_when_the_user_unticks_it(database: Database) -> None:
    children, parents = children_and_parents(database)
    before = sessions(database, parents)

    cancel_session(database, factories.session_ids(database, children)[8], follow_parents=False)

    assert sessions(database, parents) == before


def test_moving_with_shift_shows_both_groups_and_saves_what_it_showed(database: Database) -> None:
    children, parents = children_and_parents(database)
    fifth = factories.session_ids(database, children)[5]
    change = replace(get_session(database, fifth).change(), date=dt.date(2027, 2, 23))

    check = check_session_change(database, fifth, change, way=Way.SHIFT_LATER)
    assert check.shift is not None
    assert [(g.is_parents, len(g.sessions)) for g in check.shift.groups] == [(False, 10), (True, 10)]
    update_session(database, fifth, change, way=Way.SHIFT_LATER)

    shown = {(item.session_id, item.date) for item in check.shift.sessions}
    stored = {
        (factories.session_ids(database, group)[number], day)
        for group in (children, parents)
        for number, day, _s, _t in sessions(database, group)
        if number >= 5
    }
    assert shown == stored


def test_moving_only_one_past_the_next_is_refused_and_nothing_changes(database: Database) -> None:
    children, parents = children_and_parents(database)
    fifth = factories.session_ids(database, children)[5]
    before = sessions(database, children), sessions(database, parents)
    change = replace(get_session(database, fifth).change(), date=dt.date(2027, 2, 24), note="Flyttad")

    with pytest.raises(Exception, match="måste ligga före träff 6"):
        update_session(database, fifth, change)
    assert (sessions(database, children), sessions(database, parents)) == before
    assert get_session(database, fifth).row.note == ""


def test_a_break_week_shifts_every_group_in_it_in_one_step(database: Database) -> None:
    children, parents = children_and_parents(database)
    other = factories.group(
        database, premises_id=factories.premises(database, "Berga kyrka", "Berga"), start=dt.date(2027, 1, 21)
    ).id

    previewed = preview_break_week_shift(database, STUDY_DAYS)
    assert list_break_weeks(database) == []  # the preview saves nothing
    assert {group.group_id for group in previewed.shift.groups} == {children, parents, other}
    assert all(
        STUDY_DAYS.starts_on <= g.sessions[0].date_before <= STUDY_DAYS.ends_on
        for g in previewed.shift.groups
    )

    saved = save_break_week_and_shift(database, STUDY_DAYS)

    assert saved.shift == previewed.shift
    assert [row.name for row in list_break_weeks(database)] == ["Studiedagar v. 11"]
    for group in (children, parents, other):
        dates = [day for _n, day, _t in held(database, group)]
        assert not [day for day in dates if STUDY_DAYS.starts_on <= day <= STUDY_DAYS.ends_on]
        assert dates == sorted(dates) and len(dates) == 14
        assert [n for n, _d, _t in held(database, group)] == list(range(1, 15))  # the closing theme last
    assert [day for _n, day, _t in held(database, parents)] == [
        day for _n, day, _t in held(database, children)
    ]


def test_a_break_week_save_that_fails_halfway_leaves_everything_as_it_was(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    children, parents = children_and_parents(database)
    before = sessions(database, children), sessions(database, parents)

    def apply_then_fail(*args: object, **kwargs: object) -> None:
        real_apply(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError("disk full")

    monkeypatch.setattr("biv_desktop.services.schedule.break_shift.apply", apply_then_fail)
    with pytest.raises(OSError):
        save_break_week_and_shift(database, STUDY_DAYS)

    assert (sessions(database, children), sessions(database, parents)) == before
    assert list_break_weeks(database) == []


def test_a_break_week_shift_that_would_clash_asks_first_and_a_no_changes_nothing(database: Database) -> None:
    leader = factories.leader(database)
    ryd = factories.premises(database)
    children = factories.group(database, premises_id=ryd, start=dt.date(2027, 1, 19), leader_ids=[leader]).id
    # Another group meets the Tuesday after the last session, same time and leader, elsewhere.
    elsewhere = factories.premises(database, "Berga kyrka", "Berga")
    factories.group(
        database, premises_id=elsewhere, start=dt.date(2027, 4, 27), leader_ids=[leader], themes=False
    )
    before = sessions(database, children)

    with pytest.raises(NeedsConfirmation) as asked:
        save_break_week_and_shift(database, STUDY_DAYS)
    assert any("träff 14 2027-04-27" in warning for warning in asked.value.warnings)
    assert sessions(database, children) == before
    assert list_break_weeks(database) == []
