"""What a reworded Swedish text means for its translations: they stay as they were, so the user is asked to
confirm and told to look them over (the questionnaire editor's warnings, see ``questionnaires``)."""

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.store.models import AnswerOptionTranslation, Language, Questionnaire, QuestionTranslation


def _names(languages: list[str]) -> str:
    ordered = sorted(set(languages), key=swedish_sort_key)
    return ordered[0] if len(ordered) == 1 else f"{', '.join(ordered[:-1])} och {ordered[-1]}"


def reworded_translations(
    session: Session, questionnaire: Questionnaire, texts: dict[int, str], labels: dict[int, str]
) -> tuple[str, ...]:
    """A warning for each question (new ``texts`` by id) and option (new ``labels`` by id) whose Swedish
    changes while it has translations."""
    questions = {q.id: q.text for q in questionnaire.questions if q.id in texts and texts[q.id] != q.text}
    options = {
        o.id: o.label
        for q in questionnaire.questions
        for o in q.options
        if o.id in labels and labels[o.id] != o.label
    }
    translated: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
    for question_id, name in session.execute(
        select(QuestionTranslation.question_id, Language.name)
        .join(Language, Language.id == QuestionTranslation.language_id)
        .where(QuestionTranslation.question_id.in_(list(questions)))
    ):
        translated[("question", question_id)].append(name)
    for option_id, name in session.execute(
        select(AnswerOptionTranslation.option_id, Language.name)
        .join(Language, Language.id == AnswerOptionTranslation.language_id)
        .where(AnswerOptionTranslation.option_id.in_(list(options)))
    ):
        translated[("option", option_id)].append(name)
    warnings = []
    follow = "översättningen ändras inte av sig själv. Se över den under Översättningar…"
    for question_id, text in questions.items():
        if ("question", question_id) in translated:
            names = _names(translated[("question", question_id)])
            warnings.append(f"Frågan ”{text}” är översatt till {names}; {follow}")
    for option_id, label in options.items():
        if ("option", option_id) in translated:
            names = _names(translated[("option", option_id)])
            warnings.append(f"Alternativet ”{label}” är översatt till {names}; {follow}")
    return tuple(warnings)
