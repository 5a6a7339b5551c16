"""The follow-up figures, checked against a hand-built half year whose every number is worked out below.

The period is 2024-04-01 – 2024-09-30, the first half of the agreement year 2024-04-01 – 2025-03-31.

Groups (weekly sessions):
  G1 BIV children Arabiska Berga, finished: 14 sessions 8 Apr – 8 Jul, the 3rd (22 Apr) cancelled: 13 held.
  G2 BIS children Somaliska Ryd, finished, spans the period's start: 14 held 5 Feb – 6 May, 6 in the period.
  G3 BIV parents Arabiska Berga, running, spans the period's end: 5 held in September, 1 held in October.
  G4 BIS children Dari Skäggetorp, cancelled: all 14 sessions from 6 May cancelled.
  G5 BIV children Somaliska Ryd, planned: its first session, 26 Sep, not recorded yet.
  G6 BIV children Arabiska Berga, planned for October: outside the period, counted nowhere.

Participants (age = age reached in the year of the session; every session of this period is in 2024):
  P1 girl, born 2014 (10), Berga: G1, absent the first 2 held sessions, present at the other 11.
  P2 boy, born 2011 (turns 13 in 2024: counted as 13, band 13–15), Ryd: in two groups.
     G1: present at the first 9 held, notified absence at the last 4.
     G2: before the period 7 present and 1 absent; in the period present 1–29 Apr, absent 6 May.
  P3 girl, born 2016 (8), no district recorded, anonymised: G2, 4 of 8 before, all 6 in the period.
  P4 child of unstated gender, born 2018 (6: outside every band), Ryd: G2, present 3 and absent 3 in April/May.
  P5 mother, P6 father (Berga): G3, present 5 and 4 of the 5 September sessions; P5 also in October.
  P7 boy, Skäggetorp: a present mark at a cancelled G4 session, which does not count.
"""

import datetime as dt
import json
from dataclasses import replace

import pytest

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import (
    Channel,
    Gender,
    GroupKind,
    GroupStatus,
    Mark,
    Organisation,
    Party,
    Programme,
    Role,
    SessionStatus,
)
from biv_desktop.domain.followup.figures import (
    AgeRule,
    Attendance,
    ChannelCount,
    FollowUpFigures,
    GroupTally,
    KindGroups,
    NamedAttendance,
    NamedGroups,
    OrganisationCount,
    PartyCount,
    ProgrammeGroups,
)
from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.records import (
    AgreementFacts,
    AnswerCount,
    AttendanceFacts,
    EffortFacts,
    FeedbackFormFacts,
    FollowUpRecords,
    FundingPartFacts,
    GroupFacts,
    LeaderFacts,
    ParticipantFacts,
    QuestionFacts,
    QuestionnaireFacts,
    SessionRecord,
    StaffPresenceRecord,
    TraineeFacts,
)
from biv_desktop.domain.followup.report import compute_follow_up

PERIOD = Period(dt.date(2024, 4, 1), dt.date(2024, 9, 30))
HELD, CANCELLED, PLANNED = SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.PLANNED
PRESENT, ABSENT, NOTIFIED = Mark.PRESENT, Mark.ABSENT, Mark.NOTIFIED_ABSENCE


def weekly(first: dt.date, count: int) -> list[dt.date]:
    return [first + dt.timedelta(weeks=week) for week in range(count)]


class Builder:
    """Builds the records session by session, numbering sessions as it goes."""

    def __init__(self) -> None:
        self.sessions: list[SessionRecord] = []
        self.marks: list[AttendanceFacts] = []

    def add_sessions(
        self,
        group: int,
        dates: list[dt.date],
        statuses: list[SessionStatus],
        leaders: tuple[StaffPresenceRecord, ...] = (),
        interpreter: StaffPresenceRecord | None = None,
    ) -> list[int]:
        ids = []
        for day, status in zip(dates, statuses, strict=True):
            session = SessionRecord(len(self.sessions) + 1, group, day, status, leaders, interpreter)
            self.sessions.append(session)
            ids.append(session.id)
        return ids

    def mark(self, person: int, sessions: list[int], marks: list[Mark]) -> None:
        self.marks.extend(
            AttendanceFacts(session, person, mark) for session, mark in zip(sessions, marks, strict=True)
        )


def build_records() -> FollowUpRecords:
    b = Builder()
    l1, l2, l4, l5 = (StaffPresenceRecord(n, True) for n in (1, 2, 4, 5))
    i1 = StaffPresenceRecord(1, True)
    # G1: 14 Mondays from 8 April, the third cancelled. One session had a substitute for L2 (L4), one
    # had L1 recorded absent, one the interpreter recorded absent.
    g1_dates = weekly(dt.date(2024, 4, 8), 14)
    g1_status = [HELD, HELD, CANCELLED, *[HELD] * 11]
    g1 = b.add_sessions(1, g1_dates[:1], g1_status[:1], (l1, l4), i1)
    g1 += b.add_sessions(1, g1_dates[1:2], g1_status[1:2], (StaffPresenceRecord(1, False), l2), i1)
    g1 += b.add_sessions(1, g1_dates[2:3], g1_status[2:3], (l1, l2), i1)
    g1 += b.add_sessions(1, g1_dates[3:4], g1_status[3:4], (l1, l2), StaffPresenceRecord(1, False))
    g1 += b.add_sessions(1, g1_dates[4:], g1_status[4:], (l1, l2), i1)
    g1_held = [s for s, status in zip(g1, g1_status, strict=True) if status is HELD]
    # G2: 14 Mondays from 5 February, all held, staff presence never recorded.
    g2 = b.add_sessions(
        2,
        weekly(dt.date(2024, 2, 5), 14),
        [HELD] * 14,
        (StaffPresenceRecord(1), StaffPresenceRecord(3)),
        StaffPresenceRecord(2),
    )
    # G3: 14 Mondays from 2 September; held up to 7 October.
    g3 = b.add_sessions(3, weekly(dt.date(2024, 9, 2), 14), [HELD] * 6 + [PLANNED] * 8, (l5, l2), i1)
    g4 = b.add_sessions(4, weekly(dt.date(2024, 5, 6), 14), [CANCELLED] * 14, (StaffPresenceRecord(6),), None)
    b.add_sessions(5, weekly(dt.date(2024, 9, 26), 14), [PLANNED] * 14)
    b.add_sessions(6, weekly(dt.date(2024, 10, 14), 14), [PLANNED] * 14)
    b.mark(1, g1_held, [ABSENT] * 2 + [PRESENT] * 11)
    b.mark(1, g1[2:3], [PRESENT])  # at the cancelled session: does not count
    b.mark(2, g1_held, [PRESENT] * 9 + [NOTIFIED] * 4)
    b.mark(2, g2, [ABSENT] + [PRESENT] * 7 + [PRESENT] * 5 + [ABSENT])
    b.mark(3, g2, [PRESENT] * 4 + [ABSENT] * 4 + [PRESENT] * 6)
    b.mark(4, g2[8:], [PRESENT] * 3 + [ABSENT] * 3)
    b.mark(5, g3[:6], [PRESENT] * 6)
    b.mark(6, g3[:5], [PRESENT] * 4 + [ABSENT])
    b.mark(7, g4[:1], [PRESENT])
    groups = (
        GroupFacts(1, Programme.BIV, GroupKind.CHILDREN, "Arabiska", "Berga", GroupStatus.FINISHED, g1_dates[0]),
        GroupFacts(2, Programme.BIS, GroupKind.CHILDREN, "Somaliska", "Ryd", GroupStatus.FINISHED, dt.date(2024, 2, 5)),
        GroupFacts(3, Programme.BIV, GroupKind.PARENTS, "Arabiska", "Berga", GroupStatus.RUNNING, dt.date(2024, 9, 2)),
        GroupFacts(4, Programme.BIS, GroupKind.CHILDREN, "Dari", "Skäggetorp", GroupStatus.CANCELLED, dt.date(2024, 5, 6)),
        GroupFacts(5, Programme.BIV, GroupKind.CHILDREN, "Somaliska", "Ryd", GroupStatus.PLANNED, dt.date(2024, 9, 26)),
        GroupFacts(6, Programme.BIV, GroupKind.CHILDREN, "Arabiska", "Berga", GroupStatus.PLANNED, dt.date(2024, 10, 14)),
    )  # fmt: skip
    participants = (
        ParticipantFacts(1, 2014, Gender.FEMALE, Role.CHILD, "Berga"),
        ParticipantFacts(2, 2011, Gender.MALE, Role.CHILD, "Ryd"),
        ParticipantFacts(3, 2016, Gender.FEMALE, Role.CHILD, ""),
        ParticipantFacts(4, 2018, Gender.NOT_STATED, Role.CHILD, "Ryd"),
        ParticipantFacts(5, 1985, Gender.FEMALE, Role.GUARDIAN, "Berga"),
        ParticipantFacts(6, 1980, Gender.MALE, Role.GUARDIAN, "Berga "),
        ParticipantFacts(7, 2013, Gender.MALE, Role.CHILD, "Skäggetorp"),
    )
    leaders = (
        LeaderFacts(1, Organisation.PARISH, True, dt.date(2020, 5, 1)),
        LeaderFacts(2, Organisation.PARISH, True, dt.date(2024, 6, 15)),
        LeaderFacts(3, Organisation.MUNICIPALITY, False),
        LeaderFacts(4, Organisation.OTHER, True, dt.date(2023, 3, 1)),
        LeaderFacts(5, Organisation.PARISH, True, dt.date(2024, 10, 20)),
        LeaderFacts(6, Organisation.PARISH, True, dt.date(2024, 5, 10)),
    )
    trainees = (
        TraineeFacts(10, dt.date(2024, 3, 15), Organisation.MUNICIPALITY, True),
        TraineeFacts(11, dt.date(2024, 5, 20), Organisation.MUNICIPALITY, True),
        TraineeFacts(11, dt.date(2024, 5, 20), Organisation.MUNICIPALITY, False),
        TraineeFacts(11, dt.date(2024, 5, 20), Organisation.PARISH, True),
        TraineeFacts(12, dt.date(2024, 10, 18), Organisation.MUNICIPALITY, False),
    )
    agreements = (
        AgreementFacts("IOP 2023/2024", dt.date(2023, 4, 1), dt.date(2024, 3, 31), 6, 4, 300_500, 160_000),
        AgreementFacts(
            "IOP 2024/2025",
            dt.date(2024, 4, 1),
            dt.date(2025, 3, 31),
            6,
            4,
            300_500,
            160_000,
            (FundingPartFacts("Avdelningens budget", 100_000), FundingPartFacts("Statsbidrag", 200_500)),
        ),
    )
    questionnaires = (
        QuestionnaireFacts(
            1,
            "Utvärdering barn",
            GroupKind.CHILDREN,
            (
                QuestionFacts(1, "Hur var det i gruppen?", ("Bra", "Okej", "Dåligt")),
                QuestionFacts(2, "Skulle du rekommendera gruppen?", ("Ja", "Nej")),
            ),
        ),
        QuestionnaireFacts(2, "Utvärdering föräldrar", GroupKind.PARENTS, (QuestionFacts(1, "Fick du stöd?", ("Mycket", "Lite", "Inget")),)),
    )  # fmt: skip
    forms = (
        FeedbackFormFacts(
            1,
            dt.date(2024, 7, 8),
            2,
            (AnswerCount(1, 1, 1), AnswerCount(1, 3, 1), AnswerCount(2, 1, 1), AnswerCount(2, 2, 1)),
            ("Roligt att måla.",),
        ),
        FeedbackFormFacts(
            1,
            dt.date(2024, 5, 6),
            3,
            (AnswerCount(1, 1, 2), AnswerCount(1, 2, 1), AnswerCount(2, 1, 2)),
            ("=) Tack för allt!", "Jag fick nya vänner.", "  "),
        ),
        FeedbackFormFacts(1, dt.date(2024, 3, 25), 5, (AnswerCount(1, 1, 5),), ("Före perioden.",)),
        FeedbackFormFacts(2, dt.date(2024, 9, 30), 2, (AnswerCount(1, 1, 1), AnswerCount(1, 2, 1))),
    )
    efforts = (
        EffortFacts(dt.date(2024, 4, 10), Party.PARISH, Channel.WEBSITE, "Allmänheten", "Ny text på webben"),
        EffortFacts(dt.date(2024, 5, 2), Party.MUNICIPALITY, Channel.MEETING, "Socialsekreterare", "APT"),
        EffortFacts(dt.date(2024, 5, 2), Party.PARISH, Channel.MEETING, "Skolkuratorer", "Informationsmöte"),
        EffortFacts(dt.date(2024, 9, 30), Party.PARISH, Channel.PRINTED, "Familjer", "Broschyr"),
        EffortFacts(dt.date(2024, 3, 31), Party.MUNICIPALITY, Channel.WEBSITE, "Allmänheten", "Före"),
        EffortFacts(dt.date(2024, 10, 1), Party.PARISH, Channel.EVENT, "Allmänheten", "Efter"),
    )
    return FollowUpRecords(
        groups=groups,
        sessions=tuple(b.sessions),
        participants=participants,
        attendance=tuple(b.marks),
        leaders=leaders,
        trainees=trainees,
        agreements=agreements,
        questionnaires=questionnaires,
        feedback_forms=forms,
        efforts=efforts,
    )


@pytest.fixture(scope="module")
def figures() -> FollowUpFigures:
    return compute_follow_up(build_records(), PERIOD, dt.date(2024, 10, 10))


def test_groups_are_counted_by_what_they_did_in_the_period(figures: FollowUpFigures) -> None:
    groups = figures.groups
    # G4 was cancelled before it started: counted among the cancelled, and apart as before its start.
    g4 = {"cancelled": 1, "cancelled_before_start": 1}
    assert groups.total == GroupTally(started=2, held=3, finished=2, planned=1, **g4)
    assert groups.by_programme == (
        ProgrammeGroups(Programme.BIV, GroupTally(started=2, held=2, finished=1, planned=1)),
        ProgrammeGroups(Programme.BIS, GroupTally(held=1, finished=1, **g4)),
    )
    assert groups.by_kind == (
        KindGroups(GroupKind.CHILDREN, GroupTally(started=1, held=2, finished=2, planned=1, **g4)),
        KindGroups(GroupKind.PARENTS, GroupTally(started=1, held=1)),
    )
    assert groups.by_language == (
        NamedGroups("Arabiska", GroupTally(started=2, held=2, finished=1)),
        NamedGroups("Dari", GroupTally(**g4)),
        NamedGroups("Somaliska", GroupTally(held=1, finished=1, planned=1)),
    )
    assert groups.by_premises == (
        NamedGroups("Berga", GroupTally(started=2, held=2, finished=1)),
        NamedGroups("Ryd", GroupTally(held=1, finished=1, planned=1)),
        NamedGroups("Skäggetorp", GroupTally(**g4)),
    )


def test_a_group_spanning_the_boundary_is_held_in_both_halves_but_started_in_one() -> None:
    records = build_records()
    earlier = compute_follow_up(
        records, Period(dt.date(2023, 10, 1), dt.date(2024, 3, 31)), dt.date(2024, 10, 10)
    )
    later = compute_follow_up(
        records, Period(dt.date(2024, 10, 1), dt.date(2025, 3, 31)), dt.date(2024, 10, 10)
    )
    assert earlier.groups.by_language[-1] == NamedGroups("Somaliska", GroupTally(started=1, held=1))  # G2
    assert later.groups.by_kind[1] == KindGroups(GroupKind.PARENTS, GroupTally(held=1))  # G3 goes on
    assert later.groups.total.planned == 1  # G6


def test_the_minimum_is_pro_rated_to_the_half_year(figures: FollowUpFigures) -> None:
    assert [agreement.name for agreement in figures.agreements] == ["IOP 2024/2025"]
    assert figures.min_groups_for_period == pytest.approx(6 * 183 / 365)
    assert figures.training_places_for_period == pytest.approx(4 * 183 / 365)
    agreement = figures.agreements[0]
    assert agreement.days_in_period == 183
    assert agreement.municipality_places_taken_so_far == 2
    assert [(part.source, part.amount_sek) for part in agreement.funding_parts] == [
        ("Avdelningens budget", 100_000),
        ("Statsbidrag", 200_500),
    ]


def test_sessions_held_cancelled_and_planned_month_by_month(figures: FollowUpFigures) -> None:
    sessions = figures.sessions
    # Cancelled: only G1's 22 April. G4's 14 sessions fell with the group, cancelled before it started.
    assert (sessions.held, sessions.cancelled, sessions.of_cancelled_groups, sessions.planned) == (
        24,
        1,
        14,
        1,
    )
    assert [
        (
            m.month,
            m.sessions_held,
            m.sessions_cancelled,
            m.sessions_of_cancelled_groups,
            m.participant_sessions,
        )
        for m in sessions.by_month
    ] == [
        (4, 8, 1, 0, 17),
        (5, 5, 0, 4, 9),
        (6, 4, 0, 4, 6),
        (7, 2, 0, 5, 2),
        (8, 0, 0, 1, 0),
        (9, 5, 0, 0, 9),
    ]


def test_a_group_stopped_midway_counts_its_remaining_sessions_with_the_cancelled_groups() -> None:
    records = build_records()
    # G3 (parents) is called off after its held September sessions: the October ones fall with it.
    g3 = replace(records.groups[2], status=GroupStatus.CANCELLED)
    stopped = replace(
        records,
        groups=(*records.groups[:2], g3, *records.groups[3:]),
        sessions=tuple(
            replace(s, status=CANCELLED) if s.group_id == 3 and s.status is PLANNED else s
            for s in records.sessions
        ),
    )
    autumn = compute_follow_up(
        stopped, Period(dt.date(2024, 10, 1), dt.date(2025, 3, 31)), dt.date(2025, 4, 1)
    )
    # Called off on 14 October, its first session not held; its 8 sessions from then on fell with it.
    assert (autumn.sessions.cancelled, autumn.sessions.of_cancelled_groups) == (0, 8)
    assert autumn.groups.total.cancelled == 1
    assert autumn.groups.total.cancelled_before_start == 0


def test_a_participant_in_two_groups_counts_once_as_unique_and_at_every_session(
    figures: FollowUpFigures,
) -> None:
    participants = figures.participants
    assert participants.total == Attendance(unique_participants=6, participant_sessions=43, marks=54)
    assert participants.total.rate == pytest.approx(43 / 54)
    # P2 is in a BIV and a BIS group: once in each row, so the rows add up to 7 people, not 6.
    assert [(row.programme, row.attendance) for row in participants.by_programme] == [
        (Programme.BIV, Attendance(4, 29, 36)),
        (Programme.BIS, Attendance(3, 14, 18)),
    ]
    assert [(row.kind, row.attendance) for row in participants.by_kind] == [
        (GroupKind.CHILDREN, Attendance(4, 34, 44)),
        (GroupKind.PARENTS, Attendance(2, 9, 10)),
    ]
    assert participants.by_language == (
        NamedAttendance("Arabiska", Attendance(4, 29, 36)),
        NamedAttendance("Somaliska", Attendance(3, 14, 18)),
    )
    assert participants.by_premises == (
        NamedAttendance("Berga", Attendance(4, 29, 36)),
        NamedAttendance("Ryd", Attendance(3, 14, 18)),
    )
    # P3's district is not recorded (''); P6's stray space does not make a second Berga.
    assert participants.by_district == (
        NamedAttendance("", Attendance(1, 6, 6)),
        NamedAttendance("Berga", Attendance(3, 20, 23)),
        NamedAttendance("Ryd", Attendance(2, 17, 25)),
    )


def test_age_is_the_age_reached_in_the_year_of_the_session(figures: FollowUpFigures) -> None:
    rows = {(row.role, row.band): row for row in figures.participants.by_age_group}
    assert figures.participants.age_year == 2024
    assert list(rows) == [
        (Role.CHILD, AgeBand(7, 9)),
        (Role.CHILD, AgeBand(10, 12)),
        (Role.CHILD, AgeBand(13, 15)),
        (Role.CHILD, AgeBand(16, 20)),
        (Role.CHILD, None),
        (Role.GUARDIAN, None),
    ]

    def by_gender(role: Role, band: AgeBand | None) -> dict[Gender, Attendance]:
        return {
            cell.gender: cell.attendance for cell in rows[(role, band)].by_gender if cell.attendance.marks
        }

    assert by_gender(Role.CHILD, AgeBand(7, 9)) == {Gender.FEMALE: Attendance(1, 6, 6)}
    assert by_gender(Role.CHILD, AgeBand(10, 12)) == {Gender.FEMALE: Attendance(1, 11, 13)}
    # P2, born 2011, turns 13 during the period: one row, 13–15, for all 14 of his sessions.
    assert by_gender(Role.CHILD, AgeBand(13, 15)) == {Gender.MALE: Attendance(1, 14, 19)}
    assert rows[(Role.CHILD, AgeBand(16, 20))].total == Attendance()
    assert by_gender(Role.CHILD, None) == {Gender.NOT_STATED: Attendance(1, 3, 6)}
    assert by_gender(Role.GUARDIAN, None) == {
        Gender.FEMALE: Attendance(1, 5, 5),
        Gender.MALE: Attendance(1, 4, 5),
    }
    assert rows[(Role.GUARDIAN, None)].total == Attendance(2, 9, 10)
    assert [(cell.gender, cell.attendance) for cell in figures.participants.by_gender] == [
        (Gender.FEMALE, Attendance(3, 22, 24)),
        (Gender.MALE, Attendance(2, 18, 24)),
        (Gender.OTHER, Attendance()),
        (Gender.NOT_STATED, Attendance(1, 3, 6)),
    ]


def across_the_new_year() -> FollowUpRecords:
    """The April–March agreement year 2024/25 with a spring group of seven-year-olds and a group held
    over the new year.

    G7 BIV children 7–9, spring 2025: 10 held sessions from 13 Jan 2025. P10 and P11, born 2018, turn 7 in
    2025 (they were 6 in 2024, the year the period starts). P10 present at all 10, P11 at 8 of 10.
    G8 BIS children, 25 Nov 2024 – 3 Feb 2025: 11 held, 6 in 2024 and 5 in 2025. P12, born 2015, is 9 in
    2024 and 10 in 2025, present at all 11.
    """
    b = Builder()
    g7 = b.add_sessions(7, weekly(dt.date(2025, 1, 13), 10), [HELD] * 10)
    g8 = b.add_sessions(8, weekly(dt.date(2024, 11, 25), 11), [HELD] * 11)
    b.mark(10, g7, [PRESENT] * 10)
    b.mark(11, g7, [PRESENT] * 8 + [ABSENT] * 2)
    b.mark(12, g8, [PRESENT] * 11)
    return FollowUpRecords(
        groups=(
            GroupFacts(
                7,
                Programme.BIV,
                GroupKind.CHILDREN,
                "Dari",
                "Ryd",
                GroupStatus.FINISHED,
                dt.date(2025, 1, 13),
            ),
            GroupFacts(
                8,
                Programme.BIS,
                GroupKind.CHILDREN,
                "Arabiska",
                "Berga",
                GroupStatus.FINISHED,
                dt.date(2024, 11, 25),
            ),
        ),
        sessions=tuple(b.sessions),
        participants=(
            ParticipantFacts(10, 2018, Gender.FEMALE, Role.CHILD, "Ryd"),
            ParticipantFacts(11, 2018, Gender.MALE, Role.CHILD, "Ryd"),
            ParticipantFacts(12, 2015, Gender.FEMALE, Role.CHILD, "Berga"),
        ),
        attendance=tuple(b.marks),
    )


def test_across_the_agreement_year_each_session_counts_at_the_age_reached_in_its_year() -> None:
    agreement_year = Period(dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    figures = compute_follow_up(across_the_new_year(), agreement_year, dt.date(2025, 4, 2))
    rows = {(row.role, row.band): row.total for row in figures.participants.by_age_group}
    # The spring's seven-year-olds are in 7–9, not outside every band; there is no such row at all.
    assert (Role.CHILD, None) not in rows
    # Unique participants: P12 by her first session (Nov 2024, age 9), so all three in 7–9.
    # Participant-sessions: P10 10 + P11 8 + P12's 6 of 2024 in 7–9; P12's 5 of 2025 in 10–12.
    assert rows[(Role.CHILD, AgeBand(7, 9))] == Attendance(3, 24, 26)
    assert rows[(Role.CHILD, AgeBand(10, 12))] == Attendance(0, 5, 5)
    # Both add up to the total.
    total = figures.participants.total
    assert total == Attendance(3, 29, 31)
    assert sum(row.unique_participants for row in rows.values()) == total.unique_participants
    assert sum(row.participant_sessions for row in rows.values()) == total.participant_sessions
    assert figures.participants.age_rule is AgeRule.SESSION_YEAR


def test_the_age_table_is_the_same_for_either_half_and_from_the_birth_year_alone() -> None:
    records = across_the_new_year()
    spring = compute_follow_up(
        records, Period(dt.date(2024, 10, 1), dt.date(2025, 3, 31)), dt.date(2025, 4, 2)
    )
    rows = {(row.role, row.band): row.total for row in spring.participants.by_age_group}
    assert rows[(Role.CHILD, AgeBand(7, 9))] == Attendance(3, 24, 26)
    # Anonymising keeps the birth year, gender, role and district: the facts the figures use. Shifting
    # every session by a week changes nothing as long as no session crosses a new year.
    later = replace(
        records,
        sessions=tuple(replace(s, date=s.date + dt.timedelta(days=1)) for s in records.sessions),
    )
    moved = compute_follow_up(later, Period(dt.date(2024, 10, 1), dt.date(2025, 3, 31)), dt.date(2025, 4, 2))
    assert moved.participants.by_age_group == spring.participants.by_age_group


def test_no_age_row_for_children_outside_the_bands_when_there_are_none() -> None:
    records = build_records()
    without_p4 = replace(records, attendance=tuple(m for m in records.attendance if m.participant_id != 4))
    figures = compute_follow_up(without_p4, PERIOD, dt.date(2024, 10, 10))
    assert [row.band for row in figures.participants.by_age_group if row.role is Role.CHILD] == [
        AgeBand(7, 9),
        AgeBand(10, 12),
        AgeBand(13, 15),
        AgeBand(16, 20),
    ]


def test_completion_is_a_share_of_the_sessions_the_group_held(figures: FollowUpFigures) -> None:
    completion = figures.participants.completion
    # G1 held 13: 10 needed (P1 with 11 completes, P2 with 9 does not). G2 held 14: 10 needed (P2 with 12
    # and P3 with exactly 10 complete, counting sessions before the period; P4 with 3 does not).
    assert (completion.groups_finished, completion.participants, completion.completed) == (2, 4, 3)
    assert (completion.completion_sessions, completion.sessions_per_group) == (10, 14)


def test_staff_engaged_and_training(figures: FollowUpFigures) -> None:
    staff = figures.staff
    # L1, L2, L3, L4 (a substitute) and L5; L6 only had cancelled sessions. L5 was trained after the period.
    assert (staff.leaders_engaged, staff.leaders_engaged_trained) == (5, 3)
    assert staff.leaders_by_organisation == (
        OrganisationCount(Organisation.PARISH, 3),
        OrganisationCount(Organisation.MUNICIPALITY, 1),
        OrganisationCount(Organisation.OTHER, 1),
    )
    # 12 of G1's 13 (the interpreter was away once), all 6 of G2's (not recorded) and G3's 5.
    assert (staff.interpreters_engaged, staff.sessions_with_interpreter) == (2, 23)
    assert staff.trained_leaders_added == 2  # L2 and L6; L5 after the period
    assert (staff.courses_started, staff.places_taken) == (1, 3)
    assert (staff.municipality_places_taken, staff.municipality_places_completed) == (2, 1)


def test_feedback_is_summed_per_questionnaire_children_before_parents(figures: FollowUpFigures) -> None:
    children, parents = figures.feedback
    assert (children.questionnaire, children.kind, children.forms, children.respondents) == (
        "Utvärdering barn",
        GroupKind.CHILDREN,
        2,
        5,
    )
    first, second = children.questions
    assert (first.answered, [(o.label, o.count) for o in first.options]) == (
        5,
        [("Bra", 3), ("Okej", 1), ("Dåligt", 1)],
    )
    assert (second.answered, [(o.label, o.count) for o in second.options]) == (4, [("Ja", 3), ("Nej", 1)])
    # In the order collected; blank quotes and those from before the period left out.
    assert children.quotes == ("=) Tack för allt!", "Jag fick nya vänner.", "Roligt att måla.")
    assert (parents.forms, parents.respondents, parents.quotes) == (1, 2, ())
    assert [(o.label, o.count) for o in parents.questions[0].options] == [
        ("Mycket", 1),
        ("Lite", 1),
        ("Inget", 0),
    ]


def test_communication_efforts_of_the_period_by_party(figures: FollowUpFigures) -> None:
    communication = figures.communication
    assert communication.by_party == (PartyCount(Party.PARISH, 3), PartyCount(Party.MUNICIPALITY, 1))
    assert communication.by_channel == (
        ChannelCount(Party.PARISH, Channel.WEBSITE, 1),
        ChannelCount(Party.PARISH, Channel.MEETING, 1),
        ChannelCount(Party.PARISH, Channel.PRINTED, 1),
        ChannelCount(Party.MUNICIPALITY, Channel.MEETING, 1),
    )
    assert [effort.description for effort in communication.efforts] == [
        "Ny text på webben",
        "Informationsmöte",
        "APT",
        "Broschyr",
    ]


def test_changed_completion_setting_changes_who_completed() -> None:
    records = build_records()
    stricter = replace(records, rules=replace(records.rules, completion_sessions=12))
    figures = compute_follow_up(stricter, PERIOD, dt.date(2024, 10, 10))
    # 12 of 14: G1 (13 held) needs 12, G2 needs 12: only P2 in G2 (12 present) makes it.
    assert figures.participants.completion.completed == 1


def test_the_figures_survive_a_json_round_trip(figures: FollowUpFigures) -> None:
    text = figures.to_json()
    assert FollowUpFigures.from_json(text) == figures
    assert "Skäggetorp" in text  # readable, not escaped


def test_stored_figures_that_do_not_fit_are_refused(figures: FollowUpFigures) -> None:
    broken = figures.to_json().replace('"held": 24', '"held": "24"')
    with pytest.raises(ValueError):
        FollowUpFigures.from_json(broken)
    with pytest.raises(ValueError):
        FollowUpFigures.from_json("not json")
    newer = figures.to_json().replace('"format": 2', '"format": 3')
    with pytest.raises(ValueError, match="format 3"):
        FollowUpFigures.from_json(newer)


def test_figures_stored_by_an_earlier_format_read_back_with_the_new_fields_at_their_defaults(
    figures: FollowUpFigures,
) -> None:
    stored = json.loads(figures.to_json())
    stored["format"] = 1
    del stored["names_masked"]
    del stored["participants"]["age_rule"]
    older = FollowUpFigures.from_json(json.dumps(stored))
    assert older.names_masked == 0
    # Stored before the age rule was told: they were computed with the earlier one.
    assert older.participants.age_rule is AgeRule.PERIOD_START_YEAR
    assert older.format == 1
    assert older.groups == figures.groups


def test_whether_parents_groups_count_toward_the_minimum_is_a_setting_stated_beside_the_figure() -> None:
    from biv_desktop.reports.followup.sections import report_tables

    records = build_records()
    counting = compute_follow_up(records, PERIOD, dt.date(2024, 10, 10))
    children_only = compute_follow_up(
        replace(records, rules=replace(records.rules, parents_groups_count=False)),
        PERIOD,
        dt.date(2024, 10, 10),
    )
    # Started: G1 (children) and G3 (parents).
    assert (counting.groups_toward_minimum, children_only.groups_toward_minimum) == (2, 1)
    minimum = {table.sheet: table for table in report_tables(children_only)}["Minimikrav"]
    assert ("Startade grupper i perioden som räknas: bara barngrupper", 1) in minimum.rows
    assert "Föräldragrupper räknas inte in i minimikravet" in minimum.explanation
    counted = {table.sheet: table for table in report_tables(counting)}["Minimikrav"]
    assert ("Startade grupper i perioden som räknas: barn- och föräldragrupper", 2) in counted.rows
