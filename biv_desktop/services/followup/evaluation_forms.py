"""A group's evaluation form to hand out: the questionnaire in Swedish and the group's language side by
side, anonymous, one copy per participant in the group.

The form names no participant: only the group, its period and its premises are printed at the top. The
questionnaire is the one the group's entered evaluation uses, or else the one for its kind of group, so
the paper matches the counts entered afterwards. A text with no translation into the group's language is
printed in Swedish only, with the translation's place saying that it is missing.
"""

import datetime as dt
from dataclasses import dataclass

from biv_desktop.domain.enums import GroupKind, Programme
from biv_desktop.domain.scripts import reads_right_to_left
from biv_desktop.services.followup.feedback import _ended_on, _form, _participants_at_end, _questionnaire_for
from biv_desktop.services.followup.translations import (
    SWEDISH,
    TranslatedOption,
    TranslatedQuestion,
    translated_questions,
)
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.schedule.reading import read_group_sessions
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group

# The form prints the questionnaire's questions and options as the translations read them: the Swedish
# text beside its translation into the group's language, questions numbered from 1.
FormQuestion = TranslatedQuestion
FormOption = TranslatedOption


@dataclass(frozen=True)
class EvaluationForm:
    """What every copy of a group's evaluation form shows, and how many copies the group needs."""

    group_id: int
    group_name: str
    programme: Programme
    kind: GroupKind
    first: dt.date | None  # the first and last sessions that take place
    last: dt.date | None
    premises: str
    questionnaire_name: str
    language_name: str
    # False when the group's language is Swedish: the form is then printed in Swedish only.
    translated: bool
    right_to_left: bool
    questions: tuple[FormQuestion, ...]
    participants: int  # in the group at its end (or now, before it ends): one copy each

    @property
    def texts(self) -> int:
        """How many questions and options the form has."""
        return sum(1 + len(question.options) for question in self.questions)

    @property
    def missing(self) -> int:
        """How many questions and options have no translation into the group's language."""
        if not self.translated:
            return 0
        return sum(
            (not question.translation) + sum(not option.translation for option in question.options)
            for question in self.questions
        )


def evaluation_form(database: Database, group_id: int) -> EvaluationForm:
    """The group's evaluation form with its questionnaire's translations into the group's language."""
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        form = _form(session, group.id)
        questionnaire = form.questionnaire if form is not None else _questionnaire_for(session, group.kind)
        language = group.language
        translated = language.iso_code != SWEDISH
        held = [reading.date for reading in read_group_sessions(group) if reading.takes_place]
        ended_on = _ended_on(session).get(group.id)
        return EvaluationForm(
            group_id=group.id,
            group_name=group.name,
            programme=group.programme,
            kind=group.kind,
            first=min(held) if held else None,
            last=max(held) if held else None,
            premises=group.premises.name,
            questionnaire_name=questionnaire.name,
            language_name=language.name,
            translated=translated,
            right_to_left=translated and reads_right_to_left(language.script),
            questions=translated_questions(session, questionnaire, language.id if translated else None),
            participants=_participants_at_end(session, group, ended_on),
        )
