"""The plain records a follow-up report is computed from: what the register holds, without names.

The service reads these from the store; tests build them by hand. They carry no names of participants,
leaders or interpreters: only ids (to count people once) and what the figures are broken down by.
"""

import datetime as dt
from dataclasses import dataclass, field

from biv_desktop.domain.ages import DEFAULT_AGE_BANDS, AgeBand
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
from biv_desktop.domain.followup.figures import FundingLine, MeetingLine
from biv_desktop.domain.waiting import Wish


@dataclass(frozen=True)
class GroupFacts:
    """A group: what its figures are broken down by, its status today and its planned start."""

    id: int
    programme: Programme
    kind: GroupKind
    language: str
    premises: str
    status: GroupStatus
    start_date: dt.date


@dataclass(frozen=True)
class StaffPresenceRecord:
    """A leader or interpreter booked for a session; present is None until the coordinator records it."""

    person_id: int
    present: bool | None = None


@dataclass(frozen=True)
class SessionRecord:
    """One session of a group: its day, whether it was held, and who was booked to lead and interpret it."""

    id: int
    group_id: int
    date: dt.date
    status: SessionStatus
    leaders: tuple[StaffPresenceRecord, ...] = ()
    interpreter: StaffPresenceRecord | None = None


@dataclass(frozen=True)
class ParticipantFacts:
    """A participant as the statistics see them: also an anonymised one, whose name is gone."""

    id: int
    birth_year: int
    gender: Gender
    role: Role
    district: str


@dataclass(frozen=True)
class AttendanceFacts:
    """One attendance mark: a participant at a session."""

    session_id: int
    participant_id: int
    mark: Mark


@dataclass(frozen=True)
class LeaderFacts:
    """A group leader: where they work, and whether and when they finished the group-leader training."""

    id: int
    organisation: Organisation
    trained: bool
    trained_on: dt.date | None = None


@dataclass(frozen=True)
class TraineeFacts:
    """A place on a group-leader training course."""

    course_id: int
    course_starts_on: dt.date
    organisation: Organisation
    completed: bool


# Part of the municipality's amount and where it comes from: the report shows the agreement's parts as given.
FundingPartFacts = FundingLine


@dataclass(frozen=True)
class AgreementFacts:
    """A period of the partnership agreement with its obligations and funding."""

    name: str
    starts_on: dt.date
    ends_on: dt.date
    min_groups_per_year: int
    training_places_per_year: int
    municipal_amount_sek: int
    parish_amount_per_year_sek: int
    funding_parts: tuple[FundingPartFacts, ...] = ()


@dataclass(frozen=True)
class QuestionFacts:
    """A question of an evaluation form with its answer options in order."""

    position: int
    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class QuestionnaireFacts:
    """An evaluation form for children's or parents' groups."""

    id: int
    name: str
    kind: GroupKind
    questions: tuple[QuestionFacts, ...]


@dataclass(frozen=True)
class AnswerCount:
    """How many in one group chose an option: question and option by their 1-based positions."""

    question_position: int
    option_position: int
    count: int


@dataclass(frozen=True)
class FeedbackFormFacts:
    """One group's anonymous evaluation: counts per option and the quotes, never linked to a person."""

    questionnaire_id: int
    collected_on: dt.date
    respondents: int
    answers: tuple[AnswerCount, ...] = ()
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EffortFacts:
    """A communication effort by one of the parties."""

    date: dt.date
    party: Party
    channel: Channel
    audience: str
    description: str


@dataclass(frozen=True)
class WaitingFacts:
    """A person on the waiting list: what the demand is broken down by, and since when they wait."""

    birth_year: int
    role: Role
    language: str
    added_on: dt.date
    wish: Wish = field(
        default_factory=Wish
    )  # what the entry names (a group, a language, an age band), see domain.waiting


# A follow-up meeting as the report shows it: its date, the period it followed up and its decisions.
MeetingFacts = MeetingLine


@dataclass(frozen=True)
class FollowUpRules:
    """The settings the figures go by: the age bands, what completing a group takes, how small counts are
    shown, and whether parents' groups count toward the agreement's minimum."""

    age_bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS
    completion_sessions: int = 10
    sessions_per_group: int = 14
    small_count_limit: int = 2
    parents_groups_count: bool = True


@dataclass(frozen=True)
class FollowUpRecords:
    """Everything a report is computed from. More than the period needs may be given: the domain picks."""

    groups: tuple[GroupFacts, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
    participants: tuple[ParticipantFacts, ...] = ()
    attendance: tuple[AttendanceFacts, ...] = ()
    leaders: tuple[LeaderFacts, ...] = ()
    trainees: tuple[TraineeFacts, ...] = ()
    agreements: tuple[AgreementFacts, ...] = ()
    questionnaires: tuple[QuestionnaireFacts, ...] = ()
    feedback_forms: tuple[FeedbackFormFacts, ...] = ()
    efforts: tuple[EffortFacts, ...] = ()
    meetings: tuple[MeetingFacts, ...] = ()
    waiting: tuple[WaitingFacts, ...] = ()
    # The day the waiting list was read (None: not read, and the report has no waiting list).
    waiting_read_on: dt.date | None = None
    rules: FollowUpRules = field(default_factory=FollowUpRules)
