"""Attendance, participants by age and gender, and completion (the meanings are in ``domain.followup``)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from biv_desktop.domain.ages import AgeBand, age_in_year, band_for
from biv_desktop.domain.enums import Gender, GroupKind, Mark, Programme, Role, SessionStatus
from biv_desktop.domain.followup.figures import (
    AgeGroupAttendance,
    AgeRule,
    Attendance,
    CompletionFigures,
    GenderAttendance,
    KindAttendance,
    NamedAttendance,
    ParticipantFigures,
    ProgrammeAttendance,
)
from biv_desktop.domain.followup.groups import group_in_period, sessions_by_group
from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.records import (
    AttendanceFacts,
    FollowUpRecords,
    GroupFacts,
    ParticipantFacts,
    SessionRecord,
)
from biv_desktop.domain.sorting import swedish_sort_key

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class CountedMark:
    """An attendance mark at a held session of the period, with the group and person it belongs to."""

    group: GroupFacts
    person: ParticipantFacts
    present: bool
    date: dt.date


def attendance_of(marks: Iterable[CountedMark]) -> Attendance:
    """Unique people present, present marks, and all marks."""
    counted = list(marks)
    present = [mark for mark in counted if mark.present]
    return Attendance(
        unique_participants=len({mark.person.id for mark in present}),
        participant_sessions=len(present),
        marks=len(counted),
    )


def _split(marks: Iterable[CountedMark], key: Callable[[CountedMark], K]) -> dict[K, list[CountedMark]]:
    split: dict[K, list[CountedMark]] = defaultdict(list)
    for mark in marks:
        split[key(mark)].append(mark)
    return split


AgeKey = tuple[Role, AgeBand | None]


def age_group(
    person: ParticipantFacts, age_year: int, bands: tuple[AgeBand, ...]
) -> tuple[Role, AgeBand | None]:
    """The row of the age table a person counts in: a child's band by the age reached in age_year, or parents."""
    if person.role is Role.GUARDIAN:
        return Role.GUARDIAN, None
    return Role.CHILD, band_for(age_in_year(person.birth_year, age_year), bands)


def first_attended(marks: Iterable[CountedMark]) -> dict[int, dt.date]:
    """Each person's first session in the period at which they were present."""
    first: dict[int, dt.date] = {}
    for mark in marks:
        if mark.present and (mark.person.id not in first or mark.date < first[mark.person.id]):
            first[mark.person.id] = mark.date
    return first


def _age_attendance(
    marks: Sequence[CountedMark], first: Mapping[int, dt.date], bands: tuple[AgeBand, ...], key: AgeKey
) -> Attendance:
    """One row's attendance: marks by the age in their session's year, people by their first session's."""
    in_row = [mark for mark in marks if age_group(mark.person, mark.date.year, bands) == key]
    people = {
        mark.person.id
        for mark in marks
        if mark.present and age_group(mark.person, first[mark.person.id].year, bands) == key
    }
    return Attendance(
        unique_participants=len(people),
        participant_sessions=sum(mark.present for mark in in_row),
        marks=len(in_row),
    )


def _age_rows(marks: Sequence[CountedMark], bands: tuple[AgeBand, ...]) -> tuple[AgeGroupAttendance, ...]:
    first = first_attended(marks)
    keys: list[AgeKey] = [(Role.CHILD, band) for band in bands]
    if any(age_group(mark.person, mark.date.year, bands) == (Role.CHILD, None) for mark in marks):
        keys.append((Role.CHILD, None))
    keys.append((Role.GUARDIAN, None))
    by_gender = _split(marks, lambda mark: mark.person.gender)
    return tuple(
        AgeGroupAttendance(
            role=role,
            band=band,
            by_gender=tuple(
                GenderAttendance(g, _age_attendance(by_gender.get(g, []), first, bands, (role, band)))
                for g in Gender
            ),
            total=_age_attendance(marks, first, bands, (role, band)),
        )
        for role, band in keys
    )


def _named(marks: Sequence[CountedMark], name: Callable[[CountedMark], str]) -> tuple[NamedAttendance, ...]:
    split = _split(marks, name)
    return tuple(
        NamedAttendance(value, attendance_of(split[value])) for value in sorted(split, key=swedish_sort_key)
    )


def counted_marks(records: FollowUpRecords, period: Period) -> list[CountedMark]:
    """The marks that count: those taken at sessions held in the period."""
    groups = {group.id: group for group in records.groups}
    people = {person.id: person for person in records.participants}
    held = {
        session.id: session
        for session in records.sessions
        if session.status is SessionStatus.HELD and session.date in period
    }
    return [
        CountedMark(
            groups[held[mark.session_id].group_id],
            people[mark.participant_id],
            mark.mark is Mark.PRESENT,
            held[mark.session_id].date,
        )
        for mark in records.attendance
        if mark.session_id in held
    ]


def required_sessions(held_sessions: int, completion_sessions: int, sessions_per_group: int) -> int:
    """Sessions a participant must attend to complete a group that held this many: the same share as
    completion_sessions of sessions_per_group (10 of 14), rounded up, and at least one."""
    return max(1, -(-held_sessions * completion_sessions // max(1, sessions_per_group)))


def completion_figures(records: FollowUpRecords, period: Period) -> CompletionFigures:
    """Of the people present in groups that finished in the period, how many completed one of them."""
    rules = records.rules
    grouped = sessions_by_group(records.sessions)
    present: Mapping[int, list[AttendanceFacts]] = _present_by_session(records.attendance)
    groups_finished = 0
    participants: set[int] = set()
    completed: set[int] = set()
    for group in records.groups:
        sessions: list[SessionRecord] = grouped.get(group.id, [])
        if not group_in_period(group, sessions, period).finished:
            continue
        groups_finished += 1
        held = [session for session in sessions if session.status is SessionStatus.HELD]
        needed = required_sessions(len(held), rules.completion_sessions, rules.sessions_per_group)
        times: dict[int, int] = defaultdict(int)
        for session in held:
            for mark in present.get(session.id, []):
                times[mark.participant_id] += 1
        participants.update(times)
        completed.update(person for person, count in times.items() if count >= needed)
    return CompletionFigures(
        groups_finished=groups_finished,
        participants=len(participants),
        completed=len(completed),
        completion_sessions=rules.completion_sessions,
        sessions_per_group=rules.sessions_per_group,
    )


def _present_by_session(attendance: Iterable[AttendanceFacts]) -> dict[int, list[AttendanceFacts]]:
    present: dict[int, list[AttendanceFacts]] = defaultdict(list)
    for mark in attendance:
        if mark.mark is Mark.PRESENT:
            present[mark.session_id].append(mark)
    return present


def participant_figures(records: FollowUpRecords, period: Period) -> ParticipantFigures:
    """Attendance in the period, in all and broken down, and completion."""
    marks = counted_marks(records, period)
    bands = records.rules.age_bands
    by_gender = _split(marks, lambda mark: mark.person.gender)
    by_programme = _split(marks, lambda mark: mark.group.programme)
    by_kind = _split(marks, lambda mark: mark.group.kind)
    return ParticipantFigures(
        age_year=period.first.year,
        total=attendance_of(marks),
        by_age_group=_age_rows(marks, bands),
        by_gender=tuple(GenderAttendance(g, attendance_of(by_gender.get(g, []))) for g in Gender),
        by_programme=tuple(ProgrammeAttendance(p, attendance_of(by_programme.get(p, []))) for p in Programme),
        by_kind=tuple(KindAttendance(k, attendance_of(by_kind.get(k, []))) for k in GroupKind),
        by_language=_named(marks, lambda mark: mark.group.language),
        by_premises=_named(marks, lambda mark: mark.group.premises),
        by_district=_named(marks, lambda mark: mark.person.district.strip()),
        completion=completion_figures(records, period),
        age_rule=AgeRule.SESSION_YEAR,
    )
