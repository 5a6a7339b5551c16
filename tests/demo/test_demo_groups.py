"""The demo's groups and sessions: enough groups each agreement year, real schedules, right statuses."""

import datetime as dt
import itertools
from collections import defaultdict
from typing import Any

import holidays
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from biv_desktop.domain.ages import AgeBand, age_on
from biv_desktop.domain.enums import GroupKind, GroupStatus, SessionStatus
from biv_desktop.domain.naming import group_name
from biv_desktop.store.models import BreakWeek, Enrollment, Group, GroupSession, Theme, ThemePlan


def _groups(built: Any) -> list[Group]:
    with built.database.transaction() as session:
        return list(
            session.scalars(
                select(Group)
                .options(
                    selectinload(Group.sessions),
                    joinedload(Group.language),
                    joinedload(Group.premises),
                    joinedload(Group.children_group),
                    joinedload(Group.leader1),
                    joinedload(Group.leader2),
                )
                .order_by(Group.id)
            ).unique()
        )


def test_every_agreement_year_has_at_least_six_childrens_groups_that_were_not_called_off(built: Any) -> None:
    per_year: dict[int, int] = defaultdict(int)
    for group in _groups(built):
        if group.kind is GroupKind.CHILDREN and group.status is not GroupStatus.CANCELLED:
            start = group.start_date
            per_year[start.year if start.month >= 4 else start.year - 1] += 1
    first, last = built.summary.first_day.year, built.summary.last_day.year - 1

    assert sorted(per_year) == list(range(first, last + 1))
    assert all(count >= 6 for count in per_year.values()), per_year


def test_every_group_meets_fourteen_times_weekly_avoiding_holidays_and_breaks(built: Any) -> None:
    with built.database.transaction() as session:
        breaks = [(row.starts_on, row.ends_on) for row in session.scalars(select(BreakWeek))]
    groups = _groups(built)
    years = range(built.summary.first_day.year, built.summary.last_day.year + 2)
    public_holidays = set(holidays.country_holidays("SE", years=years, include_sundays=False))

    for group in groups:
        dates = [session.date for session in group.sessions]
        assert [session.number for session in group.sessions] == list(range(1, 15)), group.name
        assert all(earlier < later for earlier, later in itertools.pairwise(dates)), group.name
        assert all(day.weekday() == group.weekday < 5 for day in dates), group.name
        assert not public_holidays.intersection(dates), group.name
        assert not [day for day in dates for first, last in breaks if first <= day <= last], group.name
        assert dates[0] == group.start_date


def test_breaks_are_the_usual_school_holidays(built: Any) -> None:
    with built.database.transaction() as session:
        names = [row.name for row in session.scalars(select(BreakWeek))]

    for holiday in ("Sportlov", "Påsklov", "Höstlov", "Jullov"):
        assert any(name.startswith(holiday) for name in names), holiday


def test_sessions_before_today_are_held_or_cancelled_and_later_ones_planned(built: Any) -> None:
    statuses: set[SessionStatus] = set()
    for group in _groups(built):
        for session in group.sessions:
            statuses.add(session.status)
            if session.date < built.today:
                assert session.status in (SessionStatus.HELD, SessionStatus.CANCELLED)
            else:
                assert session.status is SessionStatus.PLANNED
            if session.status is SessionStatus.HELD:
                assert session.leader1_present is not None and session.leader2_present is not None
            else:
                assert session.leader1_present is None

    assert statuses == {SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.PLANNED}


def test_group_status_follows_its_dates(built: Any) -> None:
    seen = set()
    for group in _groups(built):
        first, last = group.sessions[0].date, group.sessions[-1].date
        seen.add(group.status)
        if group.status is GroupStatus.CANCELLED:
            assert all(session.status is SessionStatus.CANCELLED for session in group.sessions)
        elif last < built.today:
            assert group.status is GroupStatus.FINISHED, group.name
        elif first > built.today:
            assert group.status is GroupStatus.PLANNED, group.name
        else:
            assert group.status is GroupStatus.RUNNING, group.name

    assert {GroupStatus.FINISHED, GroupStatus.PLANNED} <= seen


def test_groups_are_named_and_staffed_as_the_program_would(built: Any) -> None:
    for group in _groups(built):
        band = None
        if group.age_min is not None and group.age_max is not None:
            band = AgeBand(group.age_min, group.age_max)
        expected = group_name(
            group.programme, group.kind, group.language.name, band, group.premises.district, group.start_date
        )
        assert group.name == expected
        assert group.leader1 is not None and group.leader2 is not None
        assert group.leader1_id != group.leader2_id
        trained = [
            leader
            for leader in (group.leader1, group.leader2)
            if leader.trained_on is not None and leader.trained_on <= group.start_date
        ]
        assert trained, f"{group.name} needs a trained leader"


def test_parents_groups_go_beside_a_childrens_group(built: Any) -> None:
    with built.database.transaction() as session:
        plans = {plan.id: plan.kind for plan in session.scalars(select(ThemePlan))}
    groups = _groups(built)
    parents = [group for group in groups if group.kind is GroupKind.PARENTS]

    assert len(parents) >= len(groups) // 4
    for group in parents:
        children = group.children_group
        assert children is not None and children.kind is GroupKind.CHILDREN
        assert (group.language_id, group.premises_id, group.start_date) == (
            children.language_id,
            children.premises_id,
            children.start_date,
        )
        assert group.age_min is None
        assert group.theme_plan_id is not None and plans[group.theme_plan_id] is GroupKind.PARENTS


def test_sessions_carry_the_themes_of_the_groups_plan(built: Any) -> None:
    with built.database.transaction() as session:
        themes = {(theme.plan_id, theme.position): theme.title for theme in session.scalars(select(Theme))}
        rows = session.execute(
            select(Group.theme_plan_id, GroupSession.number, GroupSession.theme_title).join(
                GroupSession.group
            )
        ).all()

    assert rows
    for plan_id, number, title in rows:
        assert title == themes[plan_id, number]


def test_childrens_groups_hold_children_of_their_age_band_who_mostly_speak_their_language(built: Any) -> None:
    with built.database.transaction() as session:
        groups = session.scalars(
            select(Group).where(Group.kind == GroupKind.CHILDREN).order_by(Group.id)
        ).all()
        members: dict[int, list[tuple[int | None, int, dt.date | None]]] = defaultdict(list)
        for enrollment in session.scalars(select(Enrollment).options(joinedload(Enrollment.participant))):
            child = enrollment.participant
            members[enrollment.group_id].append((child.mother_tongue_id, child.birth_year, child.birth_date))
        bands = [
            (group.id, group.language_id, group.age_min, group.age_max, group.start_date) for group in groups
        ]

    for group_id, language_id, age_min, age_max, start in bands:
        children = members[group_id]
        assert children, group_id
        speakers = sum(1 for tongue, _year, _date in children if tongue == language_id)
        assert speakers * 2 > len(children), group_id
        for _tongue, birth_year, birth_date in children:
            assert age_min is not None and age_max is not None
            assert age_min <= age_on(birth_year, start, birth_date) <= age_max, group_id
