"""The groups' end-of-group evaluations: anonymous counts per question and answer option, and quotes.

An evaluation belongs to a group, never to a participant: the coordinator counts the paper forms and
enters how many chose each option. Each question's answers add up to at most the number who answered
the evaluation (someone may leave a question blank). Quotes are kept as typed, without names: a quote
holding a registered person's name is refused (``quote_names``).
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.followup.period import Period, default_halves
from biv_desktop.services.followup.questionnaires import QuestionRow, questions_with_counts
from biv_desktop.services.followup.quote_names import refuse_quotes_with_names
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import check_count, check_date, clean_multiline
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Agreement,
    Enrollment,
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuote,
    Group,
    GroupSession,
    Questionnaire,
)

MOST_RESPONDENTS = 100
LONGEST_QUOTE = 2000


# The entry form shows the questionnaire's own read models, with one group's counts.
QuestionEntry = QuestionRow


@dataclass(frozen=True)
class FeedbackEntry:
    """A group's evaluation as the entry form shows it: the questionnaire with the counts entered so far.

    ``saved`` is False for a group without an evaluation yet; then every count is 0, ``collected_on`` is
    None and ``respondents`` is the number of participants still in the group at its end.
    """

    group_id: int
    group_name: str
    group_kind: GroupKind
    questionnaire_id: int
    questionnaire_name: str
    questions: tuple[QuestionEntry, ...]
    saved: bool
    collected_on: dt.date | None
    respondents: int
    quotes: tuple[str, ...]
    participants: int
    ended_on: dt.date | None


@dataclass(frozen=True)
class FeedbackGroupRow:
    """A group that has started, and whether its evaluation is entered."""

    id: int
    name: str
    programme: Programme
    kind: GroupKind
    status: GroupStatus
    start_date: dt.date
    ended_on: dt.date | None
    has_feedback: bool
    collected_on: dt.date | None
    respondents: int | None


def question_field(question_id: int) -> str:
    """The ValidationError field for one question's counts, e.g. 'question.12'."""
    return f"question.{question_id}"


def _ended_on(session: Session) -> dict[int, dt.date]:
    """Each group's last held session; for a group with none held, its last session."""
    last = func.max(GroupSession.date)
    held = session.execute(
        select(GroupSession.group_id, last)
        .where(GroupSession.status == SessionStatus.HELD)
        .group_by(GroupSession.group_id)
    )
    any_session = session.execute(select(GroupSession.group_id, last).group_by(GroupSession.group_id))
    ended = {group_id: day for group_id, day in any_session}
    ended.update({group_id: day for group_id, day in held})
    return ended


def _questionnaire_for(session: Session, kind: GroupKind) -> Questionnaire:
    questionnaire = session.scalars(
        select(Questionnaire).where(Questionnaire.kind == kind).order_by(Questionnaire.id).limit(1)
    ).first()
    if questionnaire is None:
        raise ValidationError(
            "questionnaire",
            f"Det finns inget frågeformulär för {kind.label.lower()}er. Lägg till ett under Inställningar.",
        )
    return questionnaire


def _form(session: Session, group_id: int) -> FeedbackForm | None:
    return session.scalars(
        select(FeedbackForm)
        .where(FeedbackForm.group_id == group_id)
        .options(selectinload(FeedbackForm.answers), selectinload(FeedbackForm.quotes))
    ).first()


def _participants_at_end(session: Session, group: Group, ended_on: dt.date | None) -> int:
    still_there = select(func.count()).where(Enrollment.group_id == group.id)
    if ended_on is not None:
        still_there = still_there.where((Enrollment.left_on.is_(None)) | (Enrollment.left_on >= ended_on))
    else:
        still_there = still_there.where(Enrollment.left_on.is_(None))
    return int(session.scalar(still_there) or 0)


def _entry(session: Session, group: Group) -> FeedbackEntry:
    form = _form(session, group.id)
    questionnaire = form.questionnaire if form is not None else _questionnaire_for(session, group.kind)
    counts = {answer.option_id: answer.count for answer in form.answers} if form is not None else {}
    ended_on = _ended_on(session).get(group.id)
    participants = _participants_at_end(session, group, ended_on)
    questions = questions_with_counts(questionnaire, counts)
    return FeedbackEntry(
        group_id=group.id,
        group_name=group.name,
        group_kind=group.kind,
        questionnaire_id=questionnaire.id,
        questionnaire_name=questionnaire.name,
        questions=questions,
        saved=form is not None,
        collected_on=form.collected_on if form is not None else None,
        respondents=form.respondents if form is not None else participants,
        quotes=tuple(quote.text for quote in form.quotes) if form is not None else (),
        participants=participants,
        ended_on=ended_on,
    )


def feedback_form(database: Database, group_id: int) -> FeedbackEntry:
    """The evaluation form for a group: its questionnaire (the one for its kind) with the counts so far."""
    with database.transaction() as session:
        return _entry(session, get_or_missing(session, Group, group_id, "group_id"))


def _clean_quotes(quotes: Sequence[str]) -> list[tuple[int, str]]:
    """The quotes that are not blank, each with its number as the form lists it (from 1)."""
    cleaned = []
    for number, quote in enumerate(quotes, start=1):
        text = clean_multiline(quote, "quotes", f"Citat {number}", LONGEST_QUOTE)
        if text:
            cleaned.append((number, text))
    return cleaned


def _check_counts(questionnaire: Questionnaire, respondents: int, counts: Mapping[int, int]) -> None:
    known = {option.id for question in questionnaire.questions for option in question.options}
    if set(counts) - known:
        raise ValidationError(
            "counts",
            "Frågeformuläret har ändrats sedan formuläret öppnades. Stäng det och öppna det igen.",
        )
    for question in questionnaire.questions:
        field = question_field(question.id)
        total = 0
        for option in question.options:
            count = counts.get(option.id, 0)
            if count < 0:
                raise ValidationError(field, f"Antalet för ”{option.label}” kan inte vara negativt.")
            total += count
        if total > respondents:
            raise ValidationError(
                field,
                f"Fråga {question.position} har {total} svar men bara {respondents} svarade på utvärderingen. "
                "Varje svarande ger högst ett svar per fråga: rätta antalen eller antalet svarande.",
            )


def save_feedback(
    database: Database,
    group_id: int,
    collected_on: dt.date,
    respondents: int,
    counts: Mapping[int, int],
    quotes: Sequence[str],
) -> FeedbackEntry:
    """Enter or replace a group's evaluation: counts per answer option (``{option_id: count}``) and quotes.

    Counts are whole numbers from 0; a question's counts add up to at most ``respondents``. Options left
    out count 0. Quotes are trimmed, blank ones dropped; text that looks like a formula stays text; a quote
    holding a registered name is refused (ValidationError on 'quotes' naming the words).
    """
    check_date(collected_on, "collected_on", "Datum för utvärderingen")
    check_count(respondents, "respondents", "Antalet svarande", high=MOST_RESPONDENTS)
    cleaned_quotes = _clean_quotes(quotes)
    with database.transaction() as session:
        group = get_or_missing(session, Group, group_id, "group_id")
        if group.status is GroupStatus.PLANNED:
            raise ValidationError(
                "group_id", "Gruppen har inte börjat än. Utvärderingen fylls i när gruppen slutar."
            )
        form = _form(session, group.id)
        questionnaire = form.questionnaire if form is not None else _questionnaire_for(session, group.kind)
        _check_counts(questionnaire, respondents, counts)
        refuse_quotes_with_names(session, cleaned_quotes)
        if form is None:
            form = FeedbackForm(
                group_id=group.id,
                questionnaire_id=questionnaire.id,
                collected_on=collected_on,
                respondents=respondents,
            )
            session.add(form)
        form.collected_on, form.respondents = collected_on, respondents
        # An option's count is unique within a form, so the old counts go before the new are written.
        form.answers.clear()
        form.quotes.clear()
        session.flush()
        form.answers = [
            FeedbackAnswer(option_id=option.id, count=counts.get(option.id, 0))
            for question in questionnaire.questions
            for option in question.options
        ]
        form.quotes = [FeedbackQuote(text=text) for _number, text in cleaned_quotes]
        session.flush()
        session.expire(form)
        return _entry(session, group)


def delete_feedback(database: Database, group_id: int) -> None:
    """Remove a group's evaluation (entered for the wrong group, say); nothing else changes."""
    with database.transaction() as session:
        form = _form(session, get_or_missing(session, Group, group_id, "group_id").id)
        if form is not None:
            session.delete(form)


def feedback_groups(database: Database) -> list[FeedbackGroupRow]:
    """Every group that has started (planned ones have nothing to evaluate), the latest to end first."""
    with database.transaction() as session:
        ended = _ended_on(session)
        forms = {
            form.group_id: form
            for form in session.scalars(select(FeedbackForm))  # one per group
        }
        groups = session.scalars(select(Group).where(Group.status != GroupStatus.PLANNED)).all()
        rows = [
            FeedbackGroupRow(
                id=group.id,
                name=group.name,
                programme=group.programme,
                kind=group.kind,
                status=group.status,
                start_date=group.start_date,
                ended_on=ended.get(group.id),
                has_feedback=group.id in forms,
                collected_on=forms[group.id].collected_on if group.id in forms else None,
                respondents=forms[group.id].respondents if group.id in forms else None,
            )
            for group in groups
        ]
    return sorted(rows, key=lambda row: (row.ended_on or row.start_date, row.id), reverse=True)


def agreement_year_in(session: Session, today: dt.date) -> Period:
    """The agreement year holding ``today`` (carried on from the latest agreement if none is in force)."""
    agreements = [
        (first, last) for first, last in session.execute(select(Agreement.starts_on, Agreement.ends_on))
    ]
    halves = default_halves(agreements, today)
    return Period(halves[0].first, halves[-1].last)


@dataclass(frozen=True)
class MissingFeedback:
    """A group that finished in the agreement year without an evaluation entered."""

    group_id: int
    group_name: str
    ended_on: dt.date


def groups_missing_feedback_in(session: Session, today: dt.date) -> tuple[MissingFeedback, ...]:
    """Finished groups of the current agreement year (up to today) without an evaluation, earliest first."""
    year = agreement_year_in(session, today)
    ended = _ended_on(session)
    with_form = select(FeedbackForm.group_id)
    groups = session.execute(
        select(Group.id, Group.name).where(Group.status == GroupStatus.FINISHED, Group.id.not_in(with_form))
    )
    missing = [
        MissingFeedback(group_id, name, ended[group_id])
        for group_id, name in groups
        if group_id in ended and year.first <= ended[group_id] <= min(year.last, today)
    ]
    return tuple(sorted(missing, key=lambda row: (row.ended_on, row.group_name)))


def groups_missing_feedback(database: Database, today: dt.date | None = None) -> tuple[MissingFeedback, ...]:
    """Groups that finished this agreement year without their evaluation entered."""
    with database.transaction() as session:
        return groups_missing_feedback_in(session, today or dt.date.today())
