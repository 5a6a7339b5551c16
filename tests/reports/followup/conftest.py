"""A small follow-up half year for the report tests, with quotes that try to become formulas, and PDF lines."""

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

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
from biv_desktop.domain.followup.figures import FollowUpFigures
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

FORMULA_QUOTES = ("=SUMMA(A1:A3) var bäst", "=) Tack för allt!", "+46 är vårt riktnummer", "@alla: tack")
ARABIC_QUOTE = "شكرا على كل شيء"
LONG_QUOTE = (
    "Jag tyckte om att vi fick måla och prata om resan, och att ingen tvingade mig att berätta mer än jag "
    "ville; nu vågar jag fråga min lärare om hjälp när något är svårt."
)


def _records() -> FollowUpRecords:
    weeks = [dt.date(2024, 9, 2) + dt.timedelta(weeks=n) for n in range(14)]
    sessions = [
        SessionRecord(
            n + 1,
            1,
            day,
            SessionStatus.HELD if n != 4 else SessionStatus.CANCELLED,
            (StaffPresenceRecord(1, True), StaffPresenceRecord(2, True)),
            StaffPresenceRecord(1, True),
        )
        for n, day in enumerate(weeks)
    ]
    sessions += [
        SessionRecord(100 + n, 2, day, SessionStatus.HELD, (StaffPresenceRecord(3),), StaffPresenceRecord(2))
        for n, day in enumerate(weeks[:10])
    ]
    people = (
        ParticipantFacts(1, 2015, Gender.FEMALE, Role.CHILD, "Berga"),
        ParticipantFacts(2, 2012, Gender.MALE, Role.CHILD, "Skäggetorp"),
        ParticipantFacts(3, 2010, Gender.OTHER, Role.CHILD, ""),
        ParticipantFacts(4, 1984, Gender.FEMALE, Role.GUARDIAN, "Ryd"),
        ParticipantFacts(5, 1979, Gender.MALE, Role.GUARDIAN, "Ryd"),
    )
    marks = []
    for session in sessions:
        if session.status is not SessionStatus.HELD:
            continue
        who = (1, 2, 3) if session.group_id == 1 else (4, 5)
        for person in who:
            absent = (session.id + person) % 5 == 0
            marks.append(AttendanceFacts(session.id, person, Mark.ABSENT if absent else Mark.PRESENT))
    questionnaires = (
        QuestionnaireFacts(
            1,
            "Utvärdering barngrupp",
            GroupKind.CHILDREN,
            (
                QuestionFacts(1, "Hur har du trivts i gruppen?", ("Mycket bra", "Ganska bra", "Dåligt")),
                QuestionFacts(2, "Skulle du tipsa en kompis om gruppen?", ("Ja", "Nej")),
            ),
        ),
        QuestionnaireFacts(
            2,
            "Utvärdering föräldragrupp",
            GroupKind.PARENTS,
            (QuestionFacts(1, "Fick du stöd?", ("Ja", "Nej")),),
        ),
    )
    forms = (
        FeedbackFormFacts(
            1,
            dt.date(2024, 12, 2),
            3,
            (AnswerCount(1, 1, 2), AnswerCount(1, 2, 1), AnswerCount(2, 1, 3)),
            (*FORMULA_QUOTES, ARABIC_QUOTE, LONG_QUOTE),
        ),
        FeedbackFormFacts(
            2, dt.date(2024, 11, 4), 2, (AnswerCount(1, 1, 1), AnswerCount(1, 2, 1)), ("Bra stöd.",)
        ),
    )
    return FollowUpRecords(
        groups=(
            GroupFacts(1, Programme.BIV, GroupKind.CHILDREN, "arabiska", "Bergagården", GroupStatus.FINISHED, weeks[0]),
            GroupFacts(2, Programme.BIS, GroupKind.PARENTS, "tigrinja", "Rydsgården", GroupStatus.FINISHED, weeks[0]),
        ),
        sessions=tuple(sessions),
        participants=people,
        attendance=tuple(marks),
        leaders=(
            LeaderFacts(1, Organisation.PARISH, True, dt.date(2020, 1, 1)),
            LeaderFacts(2, Organisation.MUNICIPALITY, True, dt.date(2024, 10, 5)),
            LeaderFacts(3, Organisation.PARISH, False),
        ),
        trainees=(TraineeFacts(1, dt.date(2024, 10, 4), Organisation.MUNICIPALITY, True),),
        agreements=(
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
        ),
        questionnaires=questionnaires,
        feedback_forms=forms,
        efforts=(
            EffortFacts(dt.date(2024, 10, 9), Party.PARISH, Channel.WEBSITE, "Allmänheten", "Ny sida om grupperna"),
            EffortFacts(dt.date(2024, 11, 12), Party.MUNICIPALITY, Channel.MEETING, "Socialsekreterare", "=Info på APT"),
        ),
    )  # fmt: skip


@pytest.fixture
def figures() -> FollowUpFigures:
    """The second half of 2024/2025: two groups, five participants, evaluations and efforts."""
    return compute_follow_up(
        _records(), Period(dt.date(2024, 10, 1), dt.date(2025, 3, 31)), dt.date(2025, 4, 2)
    )


@pytest.fixture
def pdf_lines() -> Callable[[Path], list[str]]:
    """The PDF's lines as laid out on the page (pdftotext -layout), runs of spaces made one."""
    executable = shutil.which("pdftotext")
    if executable is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed")

    def read(path: Path) -> list[str]:
        result = subprocess.run(
            [executable, "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
        )
        return [re.sub(r"\s+", " ", line).strip() for line in result.stdout.decode("utf-8").splitlines()]

    return read
