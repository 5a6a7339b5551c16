"""The follow-up: the report's figures, the agreement, evaluations, communication efforts, meetings and the overview.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from biv_desktop.services.followup.agreements import (
    LARGEST_AMOUNT,
    AgreementDraft,
    AgreementRow,
    FundingPartDraft,
    check_agreement,
    current_agreement,
    delete_agreement,
    format_sek,
    get_agreement,
    list_agreements,
    new_agreement_draft,
    save_agreement,
)
from biv_desktop.services.followup.communication import (
    EffortDraft,
    EffortRow,
    delete_effort,
    list_efforts,
    save_effort,
)
from biv_desktop.services.followup.feedback import (
    MOST_RESPONDENTS,
    FeedbackEntry,
    FeedbackGroupRow,
    QuestionEntry,
    delete_feedback,
    feedback_form,
    feedback_groups,
    groups_missing_feedback,
    question_field,
    save_feedback,
)
from biv_desktop.services.followup.meetings import (
    MeetingDraft,
    MeetingRow,
    check_meeting,
    delete_meeting,
    get_meeting,
    list_meetings,
    meeting_report,
    next_follow_up_due,
    save_meeting,
)
from biv_desktop.services.followup.overview import (
    Overview,
    WeekSession,
    load_overview,
)
from biv_desktop.services.followup.questionnaires import (
    OptionDraft,
    QuestionDraft,
    QuestionnaireDetail,
    QuestionnaireDraft,
    check_questionnaire,
    get_questionnaire,
    list_questionnaires,
    save_questionnaire,
)
from biv_desktop.services.followup.quote_names import NameInQuoteError
from biv_desktop.services.followup.report import (
    default_periods,
    follow_up_figures,
)

__all__ = [
    "LARGEST_AMOUNT",
    "MOST_RESPONDENTS",
    "AgreementDraft",
    "AgreementRow",
    "EffortDraft",
    "EffortRow",
    "FeedbackEntry",
    "FeedbackGroupRow",
    "FundingPartDraft",
    "MeetingDraft",
    "MeetingRow",
    "NameInQuoteError",
    "OptionDraft",
    "Overview",
    "QuestionDraft",
    "QuestionEntry",
    "QuestionnaireDetail",
    "QuestionnaireDraft",
    "WeekSession",
    "check_agreement",
    "check_meeting",
    "check_questionnaire",
    "current_agreement",
    "default_periods",
    "delete_agreement",
    "delete_effort",
    "delete_feedback",
    "delete_meeting",
    "feedback_form",
    "feedback_groups",
    "follow_up_figures",
    "format_sek",
    "get_agreement",
    "get_meeting",
    "get_questionnaire",
    "groups_missing_feedback",
    "list_agreements",
    "list_efforts",
    "list_meetings",
    "list_questionnaires",
    "load_overview",
    "meeting_report",
    "new_agreement_draft",
    "next_follow_up_due",
    "question_field",
    "save_agreement",
    "save_effort",
    "save_feedback",
    "save_meeting",
    "save_questionnaire",
]
