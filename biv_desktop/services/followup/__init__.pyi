"""The follow-up face's names, for the type checker and for lazy_face (services/faces.py)."""

from biv_desktop.services.followup.agreements import LARGEST_AMOUNT as LARGEST_AMOUNT
from biv_desktop.services.followup.agreements import AgreementDraft as AgreementDraft
from biv_desktop.services.followup.agreements import AgreementRow as AgreementRow
from biv_desktop.services.followup.agreements import FundingPartDraft as FundingPartDraft
from biv_desktop.services.followup.agreements import check_agreement as check_agreement
from biv_desktop.services.followup.agreements import current_agreement as current_agreement
from biv_desktop.services.followup.agreements import delete_agreement as delete_agreement
from biv_desktop.services.followup.agreements import format_sek as format_sek
from biv_desktop.services.followup.agreements import get_agreement as get_agreement
from biv_desktop.services.followup.agreements import list_agreements as list_agreements
from biv_desktop.services.followup.agreements import new_agreement_draft as new_agreement_draft
from biv_desktop.services.followup.agreements import save_agreement as save_agreement
from biv_desktop.services.followup.communication import EffortDraft as EffortDraft
from biv_desktop.services.followup.communication import EffortRow as EffortRow
from biv_desktop.services.followup.communication import delete_effort as delete_effort
from biv_desktop.services.followup.communication import list_efforts as list_efforts
from biv_desktop.services.followup.communication import save_effort as save_effort
from biv_desktop.services.followup.evaluation_forms import EvaluationForm as EvaluationForm
from biv_desktop.services.followup.evaluation_forms import FormOption as FormOption
from biv_desktop.services.followup.evaluation_forms import FormQuestion as FormQuestion
from biv_desktop.services.followup.evaluation_forms import evaluation_form as evaluation_form
from biv_desktop.services.followup.feedback import MOST_RESPONDENTS as MOST_RESPONDENTS
from biv_desktop.services.followup.feedback import FeedbackEntry as FeedbackEntry
from biv_desktop.services.followup.feedback import FeedbackGroupRow as FeedbackGroupRow
from biv_desktop.services.followup.feedback import QuestionEntry as QuestionEntry
from biv_desktop.services.followup.feedback import delete_feedback as delete_feedback
from biv_desktop.services.followup.feedback import feedback_form as feedback_form
from biv_desktop.services.followup.feedback import feedback_groups as feedback_groups
from biv_desktop.services.followup.feedback import groups_missing_feedback as groups_missing_feedback
from biv_desktop.services.followup.feedback import question_field as question_field
from biv_desktop.services.followup.feedback import save_feedback as save_feedback
from biv_desktop.services.followup.meetings import MeetingDraft as MeetingDraft
from biv_desktop.services.followup.meetings import MeetingRow as MeetingRow
from biv_desktop.services.followup.meetings import check_meeting as check_meeting
from biv_desktop.services.followup.meetings import delete_meeting as delete_meeting
from biv_desktop.services.followup.meetings import get_meeting as get_meeting
from biv_desktop.services.followup.meetings import list_meetings as list_meetings
from biv_desktop.services.followup.meetings import meeting_report as meeting_report
from biv_desktop.services.followup.meetings import next_follow_up_due as next_follow_up_due
from biv_desktop.services.followup.meetings import save_meeting as save_meeting
from biv_desktop.services.followup.overview import Overview as Overview
from biv_desktop.services.followup.overview import WeekSession as WeekSession
from biv_desktop.services.followup.overview import load_overview as load_overview
from biv_desktop.services.followup.questionnaires import OptionDraft as OptionDraft
from biv_desktop.services.followup.questionnaires import QuestionDraft as QuestionDraft
from biv_desktop.services.followup.questionnaires import QuestionnaireDetail as QuestionnaireDetail
from biv_desktop.services.followup.questionnaires import QuestionnaireDraft as QuestionnaireDraft
from biv_desktop.services.followup.questionnaires import check_questionnaire as check_questionnaire
from biv_desktop.services.followup.questionnaires import get_questionnaire as get_questionnaire
from biv_desktop.services.followup.questionnaires import list_questionnaires as list_questionnaires
from biv_desktop.services.followup.questionnaires import save_questionnaire as save_questionnaire
from biv_desktop.services.followup.quote_names import NameInQuoteError as NameInQuoteError
from biv_desktop.services.followup.report import default_periods as default_periods
from biv_desktop.services.followup.report import follow_up_figures as follow_up_figures
from biv_desktop.services.followup.translations import (
    LONGEST_OPTION_TRANSLATION as LONGEST_OPTION_TRANSLATION,
)
from biv_desktop.services.followup.translations import (
    LONGEST_QUESTION_TRANSLATION as LONGEST_QUESTION_TRANSLATION,
)
from biv_desktop.services.followup.translations import QuestionnaireTranslation as QuestionnaireTranslation
from biv_desktop.services.followup.translations import TextKind as TextKind
from biv_desktop.services.followup.translations import TranslatedText as TranslatedText
from biv_desktop.services.followup.translations import TranslationDraft as TranslationDraft
from biv_desktop.services.followup.translations import TranslationLanguage as TranslationLanguage
from biv_desktop.services.followup.translations import get_translation as get_translation
from biv_desktop.services.followup.translations import save_translation as save_translation
from biv_desktop.services.followup.translations import translation_field as translation_field
from biv_desktop.services.followup.translations import translation_languages as translation_languages
