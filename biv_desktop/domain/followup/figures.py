"""The figures of a follow-up report: a frozen tree of counts that both renderers draw and that a follow-up
meeting stores as JSON, so the figures discussed stay exactly as they were.

Every number here is a count over people, sessions or groups; nothing names a person. The exact meaning
of each count is defined in ``biv_desktop.domain.followup.report``.
"""

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import Channel, Gender, GroupKind, Organisation, Party, Programme, Role
from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.serialising import dataclass_from_json, dataclass_to_json

# Bumped when the tree changes shape, so a stored report can be told apart from a newer one. An older
# format reads back with the fields added since at their defaults (``dataclass_from_json``).
FIGURES_FORMAT = 2


@dataclass(frozen=True)
class GroupTally:
    """Groups started, with sessions in, finished, cancelled in, and planned to start in the period;
    cancelled_before_start are those of the cancelled that never held a session."""

    started: int = 0
    held: int = 0
    finished: int = 0
    cancelled: int = 0
    planned: int = 0
    cancelled_before_start: int = 0


@dataclass(frozen=True)
class ProgrammeGroups:
    programme: Programme
    tally: GroupTally


@dataclass(frozen=True)
class KindGroups:
    kind: GroupKind
    tally: GroupTally


@dataclass(frozen=True)
class NamedGroups:
    """Groups of one language or in one premises."""

    name: str
    tally: GroupTally


@dataclass(frozen=True)
class GroupFigures:
    """The groups of the period, in all and broken down."""

    total: GroupTally
    by_programme: tuple[ProgrammeGroups, ...]
    by_kind: tuple[KindGroups, ...]
    by_language: tuple[NamedGroups, ...]
    by_premises: tuple[NamedGroups, ...]


@dataclass(frozen=True)
class MonthFigures:
    """One calendar month of the period."""

    year: int
    month: int
    sessions_held: int
    sessions_cancelled: int
    participant_sessions: int
    sessions_of_cancelled_groups: int = 0


@dataclass(frozen=True)
class SessionFigures:
    """Sessions in the period by what became of them, and month by month. cancelled: sessions cancelled in
    groups that went on; of_cancelled_groups: sessions that fell away because their group was called off
    (every session of a group cancelled before it started, and a stopped group's sessions from then on)."""

    held: int
    cancelled: int
    planned: int
    by_month: tuple[MonthFigures, ...]
    of_cancelled_groups: int = 0


@dataclass(frozen=True)
class Attendance:
    """Unique participants, participant-sessions (present marks) and all marks taken at held sessions."""

    unique_participants: int = 0
    participant_sessions: int = 0
    marks: int = 0

    @property
    def rate(self) -> float | None:
        """Present marks as a share of all marks; None when no attendance was taken."""
        return self.participant_sessions / self.marks if self.marks else None


@dataclass(frozen=True)
class GenderAttendance:
    gender: Gender
    attendance: Attendance


@dataclass(frozen=True)
class AgeGroupAttendance:
    """Children of one age band (band None: outside every band), or the parents (role GUARDIAN, no band)."""

    role: Role
    band: AgeBand | None
    by_gender: tuple[GenderAttendance, ...]
    total: Attendance


@dataclass(frozen=True)
class ProgrammeAttendance:
    programme: Programme
    attendance: Attendance


@dataclass(frozen=True)
class KindAttendance:
    kind: GroupKind
    attendance: Attendance


@dataclass(frozen=True)
class NamedAttendance:
    """Attendance in one language, premises or home district ('' when the district is not recorded)."""

    name: str
    attendance: Attendance


class AgeRule(Enum):
    """How a child's age is reckoned in the report's age table (see ``domain.followup.report``)."""

    # The age reached in the calendar year the period starts: one age for the whole period (figures of
    # format 1, before a period across the new year put the spring's youngest outside every band).
    PERIOD_START_YEAR = "period_start_year"
    # Participant-sessions by the age reached in each session's year; unique participants by the age
    # reached in the year of their first attended session in the period.
    SESSION_YEAR = "session_year"


@dataclass(frozen=True)
class CompletionFigures:
    """Who completed a group among those in groups that finished in the period."""

    groups_finished: int
    participants: int
    completed: int
    completion_sessions: int
    sessions_per_group: int


@dataclass(frozen=True)
class ParticipantFigures:
    """Attendance in the period, in all and broken down, and completion."""

    age_year: int
    total: Attendance
    by_age_group: tuple[AgeGroupAttendance, ...]
    by_gender: tuple[GenderAttendance, ...]
    by_programme: tuple[ProgrammeAttendance, ...]
    by_kind: tuple[KindAttendance, ...]
    by_language: tuple[NamedAttendance, ...]
    by_premises: tuple[NamedAttendance, ...]
    by_district: tuple[NamedAttendance, ...]
    completion: CompletionFigures
    age_rule: AgeRule = AgeRule.PERIOD_START_YEAR  # the default: what figures stored before it were


@dataclass(frozen=True)
class OrganisationCount:
    organisation: Organisation
    count: int


@dataclass(frozen=True)
class StaffFigures:
    """Leaders and interpreters engaged in the period, and the group-leader training."""

    leaders_engaged: int
    leaders_engaged_trained: int
    leaders_by_organisation: tuple[OrganisationCount, ...]
    interpreters_engaged: int
    sessions_with_interpreter: int
    trained_leaders_added: int
    courses_started: int
    places_taken: int
    municipality_places_taken: int
    municipality_places_completed: int


@dataclass(frozen=True)
class FundingLine:
    """Part of the municipality's amount and where it comes from, e.g. the state grant for parenting support."""

    source: str
    amount_sek: int
    # The money for the municipality's places on the group-leader training, paid back for places unused.
    for_training_places: bool = False


@dataclass(frozen=True)
class AgreementFigures:
    """An agreement period the report's period falls in, with its obligations pro-rated to the report."""

    name: str
    starts_on: dt.date
    ends_on: dt.date
    days_in_period: int
    min_groups_per_year: int
    min_groups_for_period: float
    training_places_per_year: int
    training_places_for_period: float
    municipality_places_taken_so_far: int
    municipal_amount_sek: int
    funding_parts: tuple[FundingLine, ...]
    parish_amount_per_year_sek: int
    # The agreement year holding the period's end (or the agreement's end, if earlier), and the
    # municipality's training places in it up to the period's end: used, still unused, the money for the
    # places (the funding parts marked for them) and the part of it at stake for the unused places.
    training_year: Period | None = None
    places_used_in_year: int = 0
    places_unused_in_year: int = 0
    training_money_sek: int = 0
    money_at_stake_sek: int = 0


@dataclass(frozen=True)
class OptionCount:
    label: str
    count: int


@dataclass(frozen=True)
class QuestionSummary:
    """One question's answers summed over the evaluations; answered is how many gave an answer."""

    position: int
    text: str
    answered: int
    options: tuple[OptionCount, ...]


@dataclass(frozen=True)
class FeedbackSummary:
    """The evaluations of one questionnaire collected in the period."""

    questionnaire: str
    kind: GroupKind
    forms: int
    respondents: int
    questions: tuple[QuestionSummary, ...]
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class PartyCount:
    party: Party
    count: int


@dataclass(frozen=True)
class ChannelCount:
    party: Party
    channel: Channel
    count: int


@dataclass(frozen=True)
class EffortLine:
    date: dt.date
    party: Party
    channel: Channel
    audience: str
    description: str


@dataclass(frozen=True)
class CommunicationFigures:
    """The communication efforts of the period, counted by party and channel and listed."""

    by_party: tuple[PartyCount, ...]
    by_channel: tuple[ChannelCount, ...]
    efforts: tuple[EffortLine, ...]


@dataclass(frozen=True)
class WaitingCount:
    """People of one language and age group on the waiting list (band None: a child outside every band, or
    with role GUARDIAN, the parents)."""

    language: str
    role: Role
    band: AgeBand | None
    count: int


@dataclass(frozen=True)
class WaitingFigures:
    """The waiting list on ``on`` (the period's last day, or the day the report was compiled if that is
    earlier), by language and age group. exact is False when the list was read after the period ended:
    those who got a place since are no longer on it (the program keeps no history of the list)."""

    on: dt.date
    exact: bool
    bands: tuple[AgeBand, ...]
    counts: tuple[WaitingCount, ...]
    total: int


@dataclass(frozen=True)
class MeetingLine:
    """A follow-up meeting held in the period: when, which period it followed up, and what was decided."""

    held_on: dt.date
    period_from: dt.date | None
    period_to: dt.date | None
    decisions: str


@dataclass(frozen=True)
class FollowUpFigures:
    """The whole follow-up report for one period, as figures."""

    period: Period
    compiled_on: dt.date
    agreements: tuple[AgreementFigures, ...]
    min_groups_for_period: float
    training_places_for_period: float
    groups: GroupFigures
    sessions: SessionFigures
    participants: ParticipantFigures
    staff: StaffFigures
    feedback: tuple[FeedbackSummary, ...]
    communication: CommunicationFigures
    # Words of quotes replaced by "[namn]" because they are a registered person's name.
    names_masked: int = 0
    # Counts from 1 up to this are shown as a range in the breakdowns (0: every count as it is).
    small_count_limit: int = 2
    # Whether parents' groups count toward the agreement's minimum of groups a year (a setting).
    parents_groups_count: bool = True
    # How the collaboration works: the follow-up meetings held in the period and their decisions.
    meetings: tuple[MeetingLine, ...] = ()
    # Demand: the waiting list at the period's end (None in figures stored before it was reported).
    waiting: WaitingFigures | None = None
    format: int = FIGURES_FORMAT

    @property
    def groups_toward_minimum(self) -> int:
        """The groups started in the period that count toward the agreement's minimum: all of them, or the
        children's groups only when parents' groups do not count."""
        if self.parents_groups_count:
            return self.groups.total.started
        return sum(row.tally.started for row in self.groups.by_kind if row.kind is GroupKind.CHILDREN)

    def is_small(self, count: int) -> bool:
        """Whether a count in a breakdown is shown as a range ("1–2") rather than as it is: from 1 up to
        small_count_limit. Totals are always exact; a zero points to no one and is shown."""
        return 0 < count <= self.small_count_limit

    def to_json(self) -> str:
        """The figures as JSON text, to store with a follow-up meeting."""
        return dataclass_to_json(self)

    @classmethod
    def from_json(cls, text: str) -> "FollowUpFigures":
        """Figures stored by to_json (by this or an earlier format); raises ValueError for text that is not
        such figures, or of a newer format."""
        figures = dataclass_from_json(cls, text)
        if figures.format > FIGURES_FORMAT:
            raise ValueError(
                f"figures of format {figures.format}, this program reads format {FIGURES_FORMAT}"
            )
        return figures
