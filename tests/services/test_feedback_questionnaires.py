"""Editing the evaluation questionnaires: add, edit, move and delete questions and options, keeping answers."""

import datetime as dt

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.followup.feedback import feedback_form, save_feedback
from biv_desktop.services.followup.questionnaires import (
    OptionDraft,
    QuestionDraft,
    QuestionnaireDetail,
    QuestionnaireDraft,
    check_questionnaire,
    list_questionnaires,
    question_field,
    save_questionnaire,
)
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, Language, Premises


def children(database: Database) -> QuestionnaireDetail:
    return next(q for q in list_questionnaires(database) if q.kind is GroupKind.CHILDREN)


def as_draft(detail: QuestionnaireDetail) -> QuestionnaireDraft:
    return QuestionnaireDraft(
        detail.name,
        tuple(
            QuestionDraft(q.text, tuple(OptionDraft(o.label, o.id) for o in q.options), q.id)
            for q in detail.questions
        ),
    )


def evaluated_group(database: Database) -> int:
    """A finished children's group whose evaluation gave the first question's first option 4 answers."""
    with database.transaction() as session:
        group = Group(
            name="Arabiska 7–9 år",
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language_id=session.scalars(select(Language.id).where(Language.iso_code == "ar")).one(),
            premises=Premises(name="Berga kyrka", district="Berga"),
            start_date=dt.date(2025, 9, 1),
            weekday=0,
            start_time=dt.time(17),
            end_time=dt.time(19),
            status=GroupStatus.FINISHED,
        )
        session.add(group)
        session.flush()
        group_id = group.id
    entry = feedback_form(database, group_id)
    save_feedback(database, group_id, dt.date(2025, 12, 1), 5, {entry.questions[0].options[0].id: 4}, [])
    return group_id


def test_the_default_questionnaires_are_listed_children_first(database: Database) -> None:
    names = [(q.name, q.kind, len(q.questions)) for q in list_questionnaires(database)]
    assert names == [
        ("Utvärdering barngrupp", GroupKind.CHILDREN, 4),
        ("Utvärdering föräldragrupp", GroupKind.PARENTS, 5),
    ]


def test_questions_and_options_are_added_moved_edited_and_deleted(database: Database) -> None:
    detail = children(database)
    first, second, third, fourth = as_draft(detail).questions
    edited = QuestionnaireDraft(
        "Utvärdering för barn",
        (
            second,
            QuestionDraft("Vad tyckte du om att måla?", (OptionDraft("Roligt"), OptionDraft("Tråkigt"))),
            QuestionDraft(
                "Hur har du trivts?",
                (first.options[3], first.options[0], OptionDraft("Sådär")),
                first.id,
            ),
            fourth,
        ),
    )

    saved = save_questionnaire(database, detail.id, edited)

    assert saved.name == "Utvärdering för barn"
    assert [(q.position, q.text) for q in saved.questions] == [
        (1, "Har du fått prata om det du ville?"),
        (2, "Vad tyckte du om att måla?"),
        (3, "Hur har du trivts?"),
        (4, "Skulle du tipsa en kompis om gruppen?"),
    ]
    assert [(o.position, o.label) for o in saved.questions[2].options] == [
        (1, "Dåligt"),
        (2, "Mycket bra"),
        (3, "Sådär"),
    ]
    assert saved.questions[2].id == first.id
    assert third.id not in {q.id for q in saved.questions}
    assert children(database) == saved


def test_answers_stay_with_their_option_when_it_moves(database: Database) -> None:
    group = evaluated_group(database)
    detail = children(database)
    draft = as_draft(detail)
    first = draft.questions[0]
    moved = QuestionDraft(first.text, tuple(reversed(first.options)), first.id)
    save_questionnaire(
        database, detail.id, QuestionnaireDraft(draft.name, (draft.questions[1], moved, *draft.questions[2:]))
    )

    entry = feedback_form(database, group)
    assert [(o.label, o.count) for o in entry.questions[1].options] == [
        ("Dåligt", 0), ("Inte så bra", 0), ("Ganska bra", 0), ("Mycket bra", 4)
    ]  # fmt: skip
    figures = follow_up_figures(database, dt.date(2025, 10, 1), dt.date(2026, 3, 31))
    assert figures.feedback[0].questions[1].options[3].count == 4


def test_deleting_an_answered_option_asks_first_and_then_removes_its_answers(database: Database) -> None:
    group = evaluated_group(database)
    detail = children(database)
    draft = as_draft(detail)
    first = draft.questions[0]
    without = QuestionnaireDraft(
        draft.name, (QuestionDraft(first.text, first.options[1:], first.id), *draft.questions[1:])
    )
    assert check_questionnaire(database, detail.id, without) == (
        "När alternativet ”Mycket bra” i frågan ”Hur har du trivts i gruppen?” tas bort försvinner 4 "
        "inmatade svar ur utvärderingarna.",
    )
    with pytest.raises(NeedsConfirmation):
        save_questionnaire(database, detail.id, without)
    assert feedback_form(database, group).questions[0].answered == 4

    save_questionnaire(database, detail.id, without, override=True)
    assert feedback_form(database, group).questions[0].answered == 0


def test_rewording_an_answered_question_asks_first(database: Database) -> None:
    evaluated_group(database)
    detail = children(database)
    draft = as_draft(detail)
    first = draft.questions[0]
    reworded = QuestionnaireDraft(
        draft.name, (QuestionDraft("Hur var gruppen?", first.options, first.id), *draft.questions[1:])
    )
    with pytest.raises(NeedsConfirmation) as asked:
        save_questionnaire(database, detail.id, reworded)
    assert asked.value.warnings == (
        "Frågan ”Hur har du trivts i gruppen?” har redan 4 svar; den nya lydelsen gäller även dem.",
    )
    # An unanswered question may be reworded freely.
    second = draft.questions[1]
    quiet = QuestionnaireDraft(
        draft.name, (first, QuestionDraft("Fick du prata?", second.options, second.id), *draft.questions[2:])
    )
    assert save_questionnaire(database, detail.id, quiet).questions[1].text == "Fick du prata?"


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (QuestionDraft("", (OptionDraft("Ja"), OptionDraft("Nej"))), "Fråga 1: Frågan måste fyllas i."),
        (QuestionDraft("Bra?", (OptionDraft("Ja"),)), "Fråga 1 behöver mellan 2 och 10 svarsalternativ."),
        (
            QuestionDraft("Bra?", (OptionDraft("Ja"), OptionDraft(" "))),
            "Fråga 1, alternativ 2 måste fyllas i.",
        ),
        (
            QuestionDraft("Bra?", (OptionDraft("Ja"), OptionDraft("ja"))),
            "Fråga 1 har två svarsalternativ med samma text.",
        ),
    ],
)
def test_a_bad_question_is_refused_beside_it(
    database: Database, question: QuestionDraft, message: str
) -> None:
    detail = children(database)
    with pytest.raises(ValidationError) as refused:
        save_questionnaire(database, detail.id, QuestionnaireDraft(detail.name, (question,)))
    assert (refused.value.field, refused.value.message) == (question_field(0), message)
    assert children(database) == detail


def test_no_questions_or_a_taken_name_is_refused(database: Database) -> None:
    detail = children(database)
    with pytest.raises(ValidationError) as empty:
        save_questionnaire(database, detail.id, QuestionnaireDraft(detail.name, ()))
    assert empty.value.field == "questions"
    with pytest.raises(ValidationError) as taken:
        save_questionnaire(
            database,
            detail.id,
            as_draft(detail).__class__("Utvärdering föräldragrupp", as_draft(detail).questions),
        )
    assert taken.value.field == "name"


def test_an_option_from_another_question_is_refused(database: Database) -> None:
    detail = children(database)
    draft = as_draft(detail)
    first, second = draft.questions[0], draft.questions[1]
    stolen = QuestionDraft(first.text, (*first.options, second.options[0]), first.id)
    with pytest.raises(ValidationError, match="ändrats på annat håll"):
        save_questionnaire(
            database, detail.id, QuestionnaireDraft(draft.name, (stolen, *draft.questions[1:]))
        )
