"""The questionnaires' translations: each question and answer option in the languages the families read.

Swedish is a question's or option's own text; the coordinator enters a translation per language, which
the group's printed evaluation form shows beside the Swedish. A translation left empty is removed, and
one goes with its question or option when that is deleted. Swedish itself is not offered as a language
to translate into.
"""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.scripts import reads_right_to_left
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.followup.questionnaires import CHANGED_ELSEWHERE, _questionnaire, questions_in_order
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import AnswerOptionTranslation, Language, Questionnaire, QuestionTranslation

SWEDISH = "sv"
# Room for a translation that runs longer than the Swedish (300 and 120 characters).
LONGEST_QUESTION_TRANSLATION = 400
LONGEST_OPTION_TRANSLATION = 160


class TextKind(enum.Enum):
    """What a translated text belongs to."""

    QUESTION = "question"
    OPTION = "option"


@dataclass(frozen=True)
class TranslationLanguage:
    """A language to translate into, with how many of the questionnaire's texts it has so far."""

    id: int
    name: str
    script: str
    translated: int
    texts: int

    @property
    def right_to_left(self) -> bool:
        return reads_right_to_left(self.script)


@dataclass(frozen=True)
class TranslatedText:
    """A question or an answer option: its Swedish text and its translation ('' when there is none)."""

    kind: TextKind
    id: int
    question_number: int
    option_number: int | None
    swedish: str
    translation: str


@dataclass(frozen=True)
class TranslatedOption:
    """An answer option: its Swedish label and its translation ('' when there is none)."""

    id: int
    swedish: str
    translation: str


@dataclass(frozen=True)
class TranslatedQuestion:
    """A question numbered from 1: its Swedish text, its translation ('' when there is none) and its
    options in order."""

    id: int
    number: int
    swedish: str
    translation: str
    options: tuple[TranslatedOption, ...]


@dataclass(frozen=True)
class QuestionnaireTranslation:
    """A questionnaire's questions and options in one language."""

    questionnaire_id: int
    questionnaire_name: str
    language: TranslationLanguage
    questions: tuple[TranslatedQuestion, ...]

    @property
    def texts(self) -> tuple[TranslatedText, ...]:
        """The texts one to a row, as the translation table lists them: questions each followed by their
        options."""
        texts: list[TranslatedText] = []
        for question in self.questions:
            texts.append(
                TranslatedText(
                    TextKind.QUESTION,
                    question.id,
                    question.number,
                    None,
                    question.swedish,
                    question.translation,
                )
            )
            texts.extend(
                TranslatedText(
                    TextKind.OPTION, option.id, question.number, number, option.swedish, option.translation
                )
                for number, option in enumerate(question.options, start=1)
            )
        return tuple(texts)


@dataclass(frozen=True)
class TranslationDraft:
    """What the translation table holds: the translation per question id and per option id ('' = none)."""

    questions: Mapping[int, str] = field(default_factory=dict)
    options: Mapping[int, str] = field(default_factory=dict)


def translation_field(kind: TextKind, item_id: int) -> str:
    """The ValidationError field of one text's translation, e.g. 'option.12'."""
    return f"{kind.value}.{item_id}"


def translations_in(
    session: Session, questionnaire: Questionnaire, language_id: int
) -> tuple[dict[int, str], dict[int, str]]:
    """The questionnaire's translations into the language: by question id, and by option id."""
    question_ids = [question.id for question in questionnaire.questions]
    option_ids = [option.id for question in questionnaire.questions for option in question.options]
    questions = session.execute(
        select(QuestionTranslation.question_id, QuestionTranslation.text).where(
            QuestionTranslation.language_id == language_id, QuestionTranslation.question_id.in_(question_ids)
        )
    )
    options = session.execute(
        select(AnswerOptionTranslation.option_id, AnswerOptionTranslation.label).where(
            AnswerOptionTranslation.language_id == language_id,
            AnswerOptionTranslation.option_id.in_(option_ids),
        )
    )
    return {item_id: text for item_id, text in questions}, {item_id: label for item_id, label in options}


def _texts(questionnaire: Questionnaire) -> int:
    return sum(1 + len(question.options) for question in questionnaire.questions)


def _counts(session: Session, questionnaire: Questionnaire) -> dict[int, int]:
    question_ids = [question.id for question in questionnaire.questions]
    option_ids = [option.id for question in questionnaire.questions for option in question.options]
    counts: dict[int, int] = {}
    for model, column, ids in (
        (QuestionTranslation, QuestionTranslation.question_id, question_ids),
        (AnswerOptionTranslation, AnswerOptionTranslation.option_id, option_ids),
    ):
        rows = session.execute(
            select(model.language_id, func.count()).where(column.in_(ids)).group_by(model.language_id)
        )
        for language_id, count in rows:
            counts[language_id] = counts.get(language_id, 0) + int(count)
    return counts


def _language(session: Session, questionnaire: Questionnaire, language_id: int) -> TranslationLanguage:
    language = get_or_missing(session, Language, language_id, "language")
    if language.iso_code == SWEDISH:
        raise ValidationError("language", "Svenska är formulärets egen text. Välj ett annat språk.")
    translated = _counts(session, questionnaire).get(language.id, 0)
    return TranslationLanguage(language.id, language.name, language.script, translated, _texts(questionnaire))


def translation_languages(database: Database, questionnaire_id: int) -> list[TranslationLanguage]:
    """Every language of the register but Swedish, in Swedish alphabetical order, with the questionnaire's
    count of translated texts in each."""
    with database.transaction() as session:
        questionnaire = _questionnaire(session, questionnaire_id)
        counts = _counts(session, questionnaire)
        texts = _texts(questionnaire)
        languages = session.scalars(select(Language).where(Language.iso_code != SWEDISH)).all()
        rows = [
            TranslationLanguage(row.id, row.name, row.script, counts.get(row.id, 0), texts)
            for row in languages
        ]
    return sorted(rows, key=lambda row: swedish_sort_key(row.name))


def translated_questions(
    session: Session, questionnaire: Questionnaire, language_id: int | None
) -> tuple[TranslatedQuestion, ...]:
    """The questionnaire's questions and their options in order, each with its translation into the
    language (language None: Swedish only, every translation '')."""
    questions, options = (
        translations_in(session, questionnaire, language_id) if language_id is not None else ({}, {})
    )
    return tuple(
        TranslatedQuestion(
            question.id,
            number,
            question.text,
            questions.get(question.id, ""),
            tuple(
                TranslatedOption(option.id, option.label, options.get(option.id, ""))
                for option in question_options
            ),
        )
        for number, (question, question_options) in enumerate(questions_in_order(questionnaire), start=1)
    )


def _read(session: Session, questionnaire: Questionnaire, language_id: int) -> QuestionnaireTranslation:
    language = _language(session, questionnaire, language_id)
    questions = translated_questions(session, questionnaire, language_id)
    return QuestionnaireTranslation(questionnaire.id, questionnaire.name, language, questions)


def get_translation(database: Database, questionnaire_id: int, language_id: int) -> QuestionnaireTranslation:
    """The questionnaire's questions and options with their translations into the language."""
    with database.transaction() as session:
        return _read(session, _questionnaire(session, questionnaire_id), language_id)


def _label(kind: TextKind, question_number: int, option_number: int | None) -> str:
    if kind is TextKind.QUESTION:
        return f"Översättningen av fråga {question_number}"
    return f"Översättningen av fråga {question_number}, alternativ {option_number}"


def _cleaned(
    current: QuestionnaireTranslation, draft: TranslationDraft
) -> tuple[dict[int, str], dict[int, str]]:
    """The draft's translations cleaned like every text, keyed by id; an id not in the questionnaire is
    refused (the questionnaire was changed since the table was read)."""
    known = {(text.kind, text.id): text for text in current.texts}
    cleaned: dict[TextKind, dict[int, str]] = {TextKind.QUESTION: {}, TextKind.OPTION: {}}
    for kind, entries, longest in (
        (TextKind.QUESTION, draft.questions, LONGEST_QUESTION_TRANSLATION),
        (TextKind.OPTION, draft.options, LONGEST_OPTION_TRANSLATION),
    ):
        for item_id, value in entries.items():
            text = known.get((kind, item_id))
            if text is None:
                raise ValidationError("questions", CHANGED_ELSEWHERE)
            label = _label(kind, text.question_number, text.option_number)
            cleaned[kind][item_id] = clean_text(value, translation_field(kind, item_id), label, longest)
    return cleaned[TextKind.QUESTION], cleaned[TextKind.OPTION]


def save_translation(
    database: Database, questionnaire_id: int, language_id: int, draft: TranslationDraft
) -> QuestionnaireTranslation:
    """Save the draft's translations into the language: a text given replaces the one stored, an empty
    one removes it, and a question or option the draft leaves out keeps what it has."""
    with database.transaction() as session:
        questionnaire = _questionnaire(session, questionnaire_id)
        questions, options = _cleaned(_read(session, questionnaire, language_id), draft)
        _store(session, QuestionTranslation, "question_id", "text", language_id, questions)
        _store(session, AnswerOptionTranslation, "option_id", "label", language_id, options)
        session.flush()
        session.expire_all()
        return _read(session, _questionnaire(session, questionnaire_id), language_id)


def _store(
    session: Session,
    model: type[QuestionTranslation] | type[AnswerOptionTranslation],
    key: str,
    column: str,
    language_id: int,
    texts: Mapping[int, str],
) -> None:
    """Store the texts into the language as rows of the model, keyed by its ``key`` column (the question
    or option id) with the text in ``column``: a text replaces the one stored, an empty one removes it."""
    key_column = getattr(model, key)
    stored = {
        getattr(row, key): row
        for row in session.scalars(
            select(model).where(model.language_id == language_id, key_column.in_(list(texts)))
        )
    }
    for item_id, text in texts.items():
        row = stored.get(item_id)
        if not text:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(model(**{key: item_id, "language_id": language_id, column: text}))
        else:
            setattr(row, column, text)
