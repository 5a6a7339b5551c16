"""The groups and sessions of a follow-up period (the meanings are defined in ``domain.followup``)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from biv_desktop.domain.enums import GroupKind, GroupStatus, Mark, Programme, SessionStatus
from biv_desktop.domain.followup.figures import (
    GroupFigures,
    GroupTally,
    KindGroups,
    MonthFigures,
    NamedGroups,
    ProgrammeGroups,
    SessionFigures,
)
from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.records import AttendanceFacts, GroupFacts, SessionRecord
from biv_desktop.domain.sorting import swedish_sort_key


@dataclass(frozen=True)
class GroupInPeriod:
    """What one group did in the period: each flag is one column of the groups table."""

    group: GroupFacts
    started: bool
    held: bool
    finished: bool
    cancelled: bool
    planned: bool
    cancelled_before_start: bool = False


def sessions_by_group(sessions: Iterable[SessionRecord]) -> dict[int, list[SessionRecord]]:
    """Each group's sessions in date order."""
    grouped: dict[int, list[SessionRecord]] = defaultdict(list)
    for session in sorted(sessions, key=lambda session: (session.date, session.id)):
        grouped[session.group_id].append(session)
    return grouped


def called_off_on(group: GroupFacts, sessions: Sequence[SessionRecord]) -> dt.date:
    """The day a cancelled group stopped: its first session that was not held after the last one that was."""
    held = [session.date for session in sessions if session.status is SessionStatus.HELD]
    after = [
        session.date
        for session in sessions
        if session.status is not SessionStatus.HELD and (not held or session.date > held[-1])
    ]
    if after:
        return after[0]
    return held[-1] if held else group.start_date


def group_in_period(group: GroupFacts, sessions: Sequence[SessionRecord], period: Period) -> GroupInPeriod:
    """Sort one group into the columns of the groups table for the period."""
    held = [session.date for session in sessions if session.status is SessionStatus.HELD]
    cancelled = group.status is GroupStatus.CANCELLED
    return GroupInPeriod(
        group=group,
        started=bool(held) and held[0] in period,
        held=any(day in period for day in held),
        finished=group.status is GroupStatus.FINISHED and bool(held) and held[-1] in period,
        cancelled=cancelled and called_off_on(group, sessions) in period,
        planned=not cancelled and not held and group.start_date in period,
        cancelled_before_start=cancelled and not held and called_off_on(group, sessions) in period,
    )


def _tally(groups: Iterable[GroupInPeriod]) -> GroupTally:
    counted = list(groups)
    return GroupTally(
        started=sum(group.started for group in counted),
        held=sum(group.held for group in counted),
        finished=sum(group.finished for group in counted),
        cancelled=sum(group.cancelled for group in counted),
        planned=sum(group.planned for group in counted),
        cancelled_before_start=sum(group.cancelled_before_start for group in counted),
    )


def _by_name(groups: Sequence[GroupInPeriod], name: Callable[[GroupFacts], str]) -> tuple[NamedGroups, ...]:
    names = sorted({name(group.group) for group in groups}, key=swedish_sort_key)
    return tuple(
        NamedGroups(value, _tally(group for group in groups if name(group.group) == value)) for value in names
    )


def group_figures(
    groups: Sequence[GroupFacts], sessions: Sequence[SessionRecord], period: Period
) -> GroupFigures:
    """Count the groups of the period in all, by programme, kind, language and premises."""
    grouped = sessions_by_group(sessions)
    sorted_ = [group_in_period(group, grouped.get(group.id, []), period) for group in groups]
    # Only groups that appear in some column are listed by language and premises.
    counted = [
        group
        for group in sorted_
        if group.started or group.held or group.finished or group.cancelled or group.planned
    ]
    return GroupFigures(
        total=_tally(counted),
        by_programme=tuple(
            ProgrammeGroups(programme, _tally(g for g in counted if g.group.programme is programme))
            for programme in Programme
        ),
        by_kind=tuple(
            KindGroups(kind, _tally(g for g in counted if g.group.kind is kind)) for kind in GroupKind
        ),
        by_language=_by_name(counted, lambda group: group.language),
        by_premises=_by_name(counted, lambda group: group.premises),
    )


def _months(period: Period) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    year, month = period.first.year, period.first.month
    while (year, month) <= (period.last.year, period.last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _fell_with_group(groups: Sequence[GroupFacts], sessions: Sequence[SessionRecord]) -> set[int]:
    """The sessions that did not take place because their group was called off: from the day it stopped."""
    grouped = sessions_by_group(sessions)
    fell: set[int] = set()
    for group in groups:
        if group.status is not GroupStatus.CANCELLED:
            continue
        own = grouped.get(group.id, [])
        stopped = called_off_on(group, own)
        fell.update(
            session.id
            for session in own
            if session.status is not SessionStatus.HELD and session.date >= stopped
        )
    return fell


def session_figures(
    groups: Sequence[GroupFacts],
    sessions: Sequence[SessionRecord],
    attendance: Sequence[AttendanceFacts],
    period: Period,
) -> SessionFigures:
    """Sessions in the period held, cancelled and still planned, and month by month with attendance.

    The sessions of a group that was called off are counted apart from the sessions cancelled in groups
    that went on: a group cancelled before it started held no session and cancelled none."""
    in_period = [session for session in sessions if session.date in period]
    fell = _fell_with_group(groups, sessions)
    held_on = {session.id: session.date for session in in_period if session.status is SessionStatus.HELD}
    held_by_month: dict[tuple[int, int], int] = defaultdict(int)
    cancelled_by_month: dict[tuple[int, int], int] = defaultdict(int)
    fell_by_month: dict[tuple[int, int], int] = defaultdict(int)
    present_by_month: dict[tuple[int, int], int] = defaultdict(int)
    for session in in_period:
        month = (session.date.year, session.date.month)
        if session.status is SessionStatus.HELD:
            held_by_month[month] += 1
        elif session.id in fell:
            fell_by_month[month] += 1
        elif session.status is SessionStatus.CANCELLED:
            cancelled_by_month[month] += 1
    for mark in attendance:
        day = held_on.get(mark.session_id)
        if day is not None and mark.mark is Mark.PRESENT:
            present_by_month[(day.year, day.month)] += 1
    return SessionFigures(
        held=sum(held_by_month.values()),
        cancelled=sum(cancelled_by_month.values()),
        planned=sum(
            1 for session in in_period if session.status is SessionStatus.PLANNED and session.id not in fell
        ),
        by_month=tuple(
            MonthFigures(
                year,
                month,
                held_by_month[(year, month)],
                cancelled_by_month[(year, month)],
                present_by_month[(year, month)],
                fell_by_month[(year, month)],
            )
            for year, month in _months(period)
        ),
        of_cancelled_groups=sum(fell_by_month.values()),
    )
