"""Reading the evaluations and communication efforts a follow-up period draws on, as plain records."""

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.records import (
    AnswerCount,
    EffortFacts,
    FeedbackFormFacts,
    QuestionFacts,
    QuestionnaireFacts,
)
from biv_desktop.services.followup.questionnaires import questions_in_order
from biv_desktop.store.models import (
    AnswerOption,
    CommunicationEffort,
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuote,
    Question,
    Questionnaire,
)


def _questionnaires(session: Session) -> tuple[QuestionnaireFacts, ...]:
    questionnaires = session.scalars(
        select(Questionnaire).options(selectinload(Questionnaire.questions).selectinload(Question.options))
    ).all()
    return tuple(
        QuestionnaireFacts(
            id=questionnaire.id,
            name=questionnaire.name,
            kind=questionnaire.kind,
            questions=tuple(
                QuestionFacts(question.position, question.text, tuple(option.label for option in options))
                for question, options in questions_in_order(questionnaire)
            ),
        )
        for questionnaire in questionnaires
    )


def feedback_records(
    session: Session, period: Period
) -> tuple[tuple[QuestionnaireFacts, ...], tuple[FeedbackFormFacts, ...]]:
    """Every questionnaire, and the evaluations collected in the period with their counts and quotes."""
    in_period = FeedbackForm.collected_on.between(period.first, period.last)
    forms = session.execute(
        select(
            FeedbackForm.id,
            FeedbackForm.questionnaire_id,
            FeedbackForm.collected_on,
            FeedbackForm.respondents,
        )
        .where(in_period)
        .order_by(FeedbackForm.collected_on, FeedbackForm.id)
    ).all()
    answers: dict[int, list[AnswerCount]] = defaultdict(list)
    for form_id, question_position, option_position, count in session.execute(
        select(FeedbackAnswer.form_id, Question.position, AnswerOption.position, FeedbackAnswer.count)
        .join(AnswerOption, FeedbackAnswer.option_id == AnswerOption.id)
        .join(Question, AnswerOption.question_id == Question.id)
        .join(FeedbackForm, FeedbackAnswer.form_id == FeedbackForm.id)
        .where(in_period)
    ):
        answers[form_id].append(AnswerCount(question_position, option_position, count))
    quotes: dict[int, list[str]] = defaultdict(list)
    for form_id, text in session.execute(
        select(FeedbackQuote.form_id, FeedbackQuote.text)
        .join(FeedbackForm, FeedbackQuote.form_id == FeedbackForm.id)
        .where(in_period)
        .order_by(FeedbackQuote.id)
    ):
        quotes[form_id].append(text)
    return _questionnaires(session), tuple(
        FeedbackFormFacts(
            questionnaire_id, collected_on, respondents, tuple(answers[form_id]), tuple(quotes[form_id])
        )
        for form_id, questionnaire_id, collected_on, respondents in forms
    )


def communication_records(session: Session, period: Period) -> tuple[EffortFacts, ...]:
    """The communication efforts dated in the period."""
    rows = session.execute(
        select(
            CommunicationEffort.date,
            CommunicationEffort.party,
            CommunicationEffort.channel,
            CommunicationEffort.audience,
            CommunicationEffort.description,
        )
        .where(CommunicationEffort.date.between(period.first, period.last))
        .order_by(CommunicationEffort.date, CommunicationEffort.id)
    )
    return tuple(EffortFacts(*row) for row in rows)
