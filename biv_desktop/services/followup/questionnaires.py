"""Editing the evaluation questionnaires (one for children's groups, one for parents'), under settings.

Entered evaluations count answers per option, so an edit keeps each question's and option's identity:
the draft names the existing ones by id, and only those it leaves out are deleted, with their counts.
Deleting answered questions or options, or rewording answered ones, asks for confirmation first.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.followup.translation_checks import reworded_translations
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import AnswerOption, FeedbackAnswer, FeedbackForm, Question, Questionnaire

CHANGED_ELSEWHERE = "Frågeformuläret har ändrats på annat håll. Ladda om det och gör ändringen igen."
MOST_QUESTIONS = 30
MOST_OPTIONS = 10


@dataclass(frozen=True)
class OptionRow:
    """An answer option, with how many answers gave it: in every entered evaluation (the questionnaire
    editor) or in one group's evaluation (the entry form)."""

    id: int
    position: int
    label: str
    answers: int = 0

    @property
    def count(self) -> int:
        """The entry form's word for ``answers``."""
        return self.answers


@dataclass(frozen=True)
class QuestionRow:
    """A question with its options in order."""

    id: int
    position: int
    text: str
    options: tuple[OptionRow, ...]

    @property
    def answers(self) -> int:
        return sum(option.answers for option in self.options)

    @property
    def answered(self) -> int:
        """The entry form's word for ``answers``: how many answered the question."""
        return self.answers


def questions_in_order(questionnaire: Questionnaire) -> list[tuple[Question, list[AnswerOption]]]:
    """The questionnaire's questions by position, each with its answer options by position: the order the
    editor, the evaluations, the follow-up report, the translations and the printed form all show."""
    return [
        (question, sorted(question.options, key=lambda option: option.position))
        for question in sorted(questionnaire.questions, key=lambda question: question.position)
    ]


def questions_with_counts(
    questionnaire: Questionnaire, answers: Mapping[int, int]
) -> tuple[QuestionRow, ...]:
    """The questionnaire's questions and options in order, each option with its answers by option id."""
    return tuple(
        QuestionRow(
            question.id,
            question.position,
            question.text,
            tuple(
                OptionRow(option.id, option.position, option.label, answers.get(option.id, 0))
                for option in options
            ),
        )
        for question, options in questions_in_order(questionnaire)
    )


@dataclass(frozen=True)
class QuestionnaireDetail:
    """A questionnaire with its questions in order, and how many evaluations used it."""

    id: int
    name: str
    kind: GroupKind
    questions: tuple[QuestionRow, ...]
    forms: int


@dataclass(frozen=True)
class OptionDraft:
    """An option as the editor holds it; ``id`` names an existing option, None a new one."""

    label: str
    id: int | None = None


@dataclass(frozen=True)
class QuestionDraft:
    """A question as the editor holds it, options in order; ``id`` names an existing question."""

    text: str
    options: tuple[OptionDraft, ...]
    id: int | None = None


@dataclass(frozen=True)
class QuestionnaireDraft:
    """What the questionnaire editor edits: the name and the questions in order."""

    name: str
    questions: tuple[QuestionDraft, ...]


def question_field(index: int) -> str:
    """The ValidationError field for the question at ``index`` in the draft, e.g. 'questions.2'."""
    return f"questions.{index}"


def _answers_by_option(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(FeedbackAnswer.option_id, func.sum(FeedbackAnswer.count)).group_by(FeedbackAnswer.option_id)
    )
    return {option_id: int(total or 0) for option_id, total in rows}


def _detail(session: Session, questionnaire: Questionnaire) -> QuestionnaireDetail:
    answers = _answers_by_option(session)
    forms = session.scalar(
        select(func.count())
        .select_from(FeedbackForm)
        .where(FeedbackForm.questionnaire_id == questionnaire.id)
    )
    return QuestionnaireDetail(
        id=questionnaire.id,
        name=questionnaire.name,
        kind=questionnaire.kind,
        questions=questions_with_counts(questionnaire, answers),
        forms=int(forms or 0),
    )


def _questionnaire(session: Session, questionnaire_id: int) -> Questionnaire:
    return get_or_missing(
        session,
        Questionnaire,
        questionnaire_id,
        options=[selectinload(Questionnaire.questions).selectinload(Question.options)],
    )


def list_questionnaires(database: Database) -> list[QuestionnaireDetail]:
    """Every questionnaire with its questions: children's first."""
    kinds = list(GroupKind)
    with database.transaction() as session:
        questionnaires = session.scalars(
            select(Questionnaire).options(
                selectinload(Questionnaire.questions).selectinload(Question.options)
            )
        ).all()
        details = [_detail(session, questionnaire) for questionnaire in questionnaires]
    return sorted(details, key=lambda detail: (kinds.index(detail.kind), detail.name.casefold(), detail.id))


def get_questionnaire(database: Database, questionnaire_id: int) -> QuestionnaireDetail:
    with database.transaction() as session:
        return _detail(session, _questionnaire(session, questionnaire_id))


def _clean(draft: QuestionnaireDraft) -> QuestionnaireDraft:
    name = clean_text(draft.name, "name", "Namn", 160, required=True)
    if not draft.questions:
        raise ValidationError("questions", "Frågeformuläret måste ha minst en fråga. Lägg till en fråga.")
    if len(draft.questions) > MOST_QUESTIONS:
        raise ValidationError("questions", f"Ett frågeformulär kan ha högst {MOST_QUESTIONS} frågor.")
    questions = []
    for index, question in enumerate(draft.questions):
        field, label = question_field(index), f"Fråga {index + 1}"
        text = clean_text(question.text, field, f"{label}: Frågan", 300, required=True)
        if not 2 <= len(question.options) <= MOST_OPTIONS:
            raise ValidationError(field, f"{label} behöver mellan 2 och {MOST_OPTIONS} svarsalternativ.")
        options = []
        for number, option in enumerate(question.options, start=1):
            options.append(
                OptionDraft(
                    clean_text(option.label, field, f"{label}, alternativ {number}", 120, required=True),
                    option.id,
                )
            )
        labels = [option.label.casefold() for option in options]
        if len(set(labels)) != len(labels):
            raise ValidationError(field, f"{label} har två svarsalternativ med samma text.")
        questions.append(QuestionDraft(text, tuple(options), question.id))
    return QuestionnaireDraft(name, tuple(questions))


def _match(questionnaire: Questionnaire, draft: QuestionnaireDraft) -> None:
    """Check that every id the draft names belongs where the draft puts it."""
    questions = {question.id: question for question in questionnaire.questions}
    seen_questions: set[int] = set()
    seen_options: set[int] = set()
    for question in draft.questions:
        if question.id is None:
            if any(option.id is not None for option in question.options):
                raise ValidationError("questions", CHANGED_ELSEWHERE)
            continue
        if question.id not in questions or question.id in seen_questions:
            raise ValidationError("questions", CHANGED_ELSEWHERE)
        seen_questions.add(question.id)
        known = {option.id for option in questions[question.id].options}
        for option in question.options:
            if option.id is not None and (option.id not in known or option.id in seen_options):
                raise ValidationError("questions", CHANGED_ELSEWHERE)
            if option.id is not None:
                seen_options.add(option.id)


def _warnings(session: Session, questionnaire: Questionnaire, draft: QuestionnaireDraft) -> tuple[str, ...]:
    answers = _answers_by_option(session)
    kept = {question.id: question for question in draft.questions if question.id is not None}
    warnings: list[str] = []
    removed_answers: defaultdict[str, int] = defaultdict(int)
    for question in questionnaire.questions:
        total = sum(answers.get(option.id, 0) for option in question.options)
        edited = kept.get(question.id)
        if edited is None:
            if total:
                removed_answers[f"frågan ”{question.text}”"] += total
            continue
        if total and edited.text != question.text:
            warnings.append(
                f"Frågan ”{question.text}” har redan {total} svar; den nya lydelsen gäller även dem."
            )
        kept_options = {option.id: option for option in edited.options if option.id is not None}
        for option in question.options:
            count = answers.get(option.id, 0)
            if not count:
                continue
            if option.id not in kept_options:
                removed_answers[f"alternativet ”{option.label}” i frågan ”{question.text}”"] += count
            elif kept_options[option.id].label != option.label:
                warnings.append(
                    f"Alternativet ”{option.label}” har redan {count} svar; den nya texten gäller även dem."
                )
    for what, count in removed_answers.items():
        warnings.append(f"När {what} tas bort försvinner {count} inmatade svar ur utvärderingarna.")
    texts = {question.id: question.text for question in draft.questions if question.id is not None}
    labels = {
        option.id: option.label for q in draft.questions for option in q.options if option.id is not None
    }
    return (*warnings, *reworded_translations(session, questionnaire, texts, labels))


def check_questionnaire(
    database: Database, questionnaire_id: int, draft: QuestionnaireDraft
) -> tuple[str, ...]:
    """What the user should confirm before saving: answered questions or options deleted or reworded, and
    translated ones reworded."""
    clean = _clean(draft)
    with database.transaction() as session:
        questionnaire = _questionnaire(session, questionnaire_id)
        _match(questionnaire, clean)
        return _warnings(session, questionnaire, clean)


def _check_name_free(session: Session, name: str, questionnaire_id: int) -> None:
    taken = session.scalar(
        select(func.count()).where(
            func.lower(Questionnaire.name) == name.lower(), Questionnaire.id != questionnaire_id
        )
    )
    if taken:
        raise ValidationError("name", f"Det finns redan ett frågeformulär som heter ”{name}”.")


def save_questionnaire(
    database: Database, questionnaire_id: int, draft: QuestionnaireDraft, *, override: bool = False
) -> QuestionnaireDetail:
    """Save the questionnaire's name and its questions and options in the draft's order.

    Existing questions and options keep their answers; those the draft leaves out are deleted with theirs.
    Raises NeedsConfirmation for answered ones deleted or reworded, unless ``override``.
    """
    clean = _clean(draft)
    with database.transaction() as session:
        questionnaire = _questionnaire(session, questionnaire_id)
        _check_name_free(session, clean.name, questionnaire_id)
        _match(questionnaire, clean)
        warnings = _warnings(session, questionnaire, clean)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        questionnaire.name = clean.name
        _rewrite(session, questionnaire, clean)
        session.expire(questionnaire)
        return _detail(session, _questionnaire(session, questionnaire_id))


def _rewrite(session: Session, questionnaire: Questionnaire, draft: QuestionnaireDraft) -> None:
    kept_questions = {question.id for question in draft.questions if question.id is not None}
    kept_options = {option.id for question in draft.questions for option in question.options if option.id}
    existing = {question.id: question for question in questionnaire.questions}
    options: dict[int, AnswerOption] = {}
    # Positions are unique within a questionnaire and a question: the remaining rows step aside (to
    # negative positions) before the new order is written, and the removed ones go first.
    for question in list(questionnaire.questions):
        if question.id not in kept_questions:
            questionnaire.questions.remove(question)
            continue
        question.position = -question.position
        for option in list(question.options):
            if option.id not in kept_options:
                question.options.remove(option)
            else:
                option.position = -option.position
                options[option.id] = option
    session.flush()
    for position, edited in enumerate(draft.questions, start=1):
        if edited.id is None:
            questionnaire.questions.append(
                Question(
                    position=position,
                    text=edited.text,
                    options=[
                        AnswerOption(position=number, label=option.label)
                        for number, option in enumerate(edited.options, start=1)
                    ],
                )
            )
            continue
        question = existing[edited.id]
        question.position, question.text = position, edited.text
        for number, option_draft in enumerate(edited.options, start=1):
            if option_draft.id is None:
                question.options.append(AnswerOption(position=number, label=option_draft.label))
            else:
                option = options[option_draft.id]
                option.position, option.label = number, option_draft.label
    session.flush()
