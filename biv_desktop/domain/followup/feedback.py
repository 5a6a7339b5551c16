"""The participants' feedback and the parties' communication efforts in a follow-up period."""

from collections import defaultdict
from collections.abc import Sequence

from biv_desktop.domain.enums import Channel, GroupKind, Party
from biv_desktop.domain.followup.figures import (
    ChannelCount,
    CommunicationFigures,
    EffortLine,
    FeedbackSummary,
    OptionCount,
    PartyCount,
    QuestionSummary,
)
from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.records import EffortFacts, FeedbackFormFacts, QuestionnaireFacts
from biv_desktop.domain.sorting import swedish_sort_key

_KIND_ORDER = {GroupKind.CHILDREN: 0, GroupKind.PARENTS: 1}


def _summary(questionnaire: QuestionnaireFacts, forms: Sequence[FeedbackFormFacts]) -> FeedbackSummary:
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for form in forms:
        for answer in form.answers:
            counts[(answer.question_position, answer.option_position)] += answer.count
    questions = []
    for question in sorted(questionnaire.questions, key=lambda question: question.position):
        options = tuple(
            OptionCount(label, counts[(question.position, position)])
            for position, label in enumerate(question.options, start=1)
        )
        questions.append(
            QuestionSummary(
                question.position, question.text, sum(option.count for option in options), options
            )
        )
    return FeedbackSummary(
        questionnaire=questionnaire.name,
        kind=questionnaire.kind,
        forms=len(forms),
        respondents=sum(form.respondents for form in forms),
        questions=tuple(questions),
        quotes=tuple(quote.strip() for form in forms for quote in form.quotes if quote.strip()),
    )


def feedback_summaries(
    questionnaires: Sequence[QuestionnaireFacts], forms: Sequence[FeedbackFormFacts], period: Period
) -> tuple[FeedbackSummary, ...]:
    """The evaluations collected in the period, one summary per questionnaire: children's before parents'."""
    by_questionnaire: dict[int, list[FeedbackFormFacts]] = defaultdict(list)
    for form in sorted(forms, key=lambda form: form.collected_on):
        if form.collected_on in period:
            by_questionnaire[form.questionnaire_id].append(form)
    known = {questionnaire.id: questionnaire for questionnaire in questionnaires}
    used = sorted(
        (known[questionnaire_id] for questionnaire_id in by_questionnaire),
        key=lambda questionnaire: (_KIND_ORDER[questionnaire.kind], swedish_sort_key(questionnaire.name)),
    )
    return tuple(_summary(questionnaire, by_questionnaire[questionnaire.id]) for questionnaire in used)


def communication_figures(efforts: Sequence[EffortFacts], period: Period) -> CommunicationFigures:
    """The efforts dated in the period: counted by party and by party and channel, and listed by date."""
    chosen = sorted(
        (effort for effort in efforts if effort.date in period),
        key=lambda effort: (effort.date, list(Party).index(effort.party)),
    )
    return CommunicationFigures(
        by_party=tuple(PartyCount(party, sum(e.party is party for e in chosen)) for party in Party),
        by_channel=tuple(
            ChannelCount(party, channel, count)
            for party in Party
            for channel in Channel
            if (count := sum(e.party is party and e.channel is channel for e in chosen))
        ),
        efforts=tuple(
            EffortLine(effort.date, effort.party, effort.channel, effort.audience, effort.description)
            for effort in chosen
        ),
    )
