"""Every table of the register. Import from here: ``from biv_desktop.store.models import Group``."""

from biv_desktop.store.models.base import Base
from biv_desktop.store.models.bookings import InterpreterBooking
from biv_desktop.store.models.followup import (
    Agreement,
    AnswerOption,
    AnswerOptionTranslation,
    CommunicationEffort,
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuote,
    FollowUpMeeting,
    FundingPart,
    Question,
    Questionnaire,
    QuestionTranslation,
)
from biv_desktop.store.models.groups import (
    Group,
    GroupSession,
    Theme,
    ThemePlan,
    effective_premises_id,
    session_takes_place,
)
from biv_desktop.store.models.participants import (
    AttendanceMark,
    Enrollment,
    Family,
    Participant,
    WaitingListEntry,
)
from biv_desktop.store.models.people import (
    GroupLeader,
    Interpreter,
    InterpreterLanguage,
    LeaderLanguage,
    Trainee,
    TrainingCourse,
)
from biv_desktop.store.models.reference import BreakWeek, Language, Premises, Setting

__all__ = [
    "Agreement",
    "AnswerOption",
    "AnswerOptionTranslation",
    "AttendanceMark",
    "Base",
    "BreakWeek",
    "CommunicationEffort",
    "Enrollment",
    "Family",
    "FeedbackAnswer",
    "FeedbackForm",
    "FeedbackQuote",
    "FollowUpMeeting",
    "FundingPart",
    "Group",
    "GroupLeader",
    "GroupSession",
    "Interpreter",
    "InterpreterBooking",
    "InterpreterLanguage",
    "Language",
    "LeaderLanguage",
    "Participant",
    "Premises",
    "Question",
    "QuestionTranslation",
    "Questionnaire",
    "Setting",
    "Theme",
    "ThemePlan",
    "Trainee",
    "TrainingCourse",
    "WaitingListEntry",
    "effective_premises_id",
    "session_takes_place",
]
