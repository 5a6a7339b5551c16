"""Groups' evaluations: the form for a group's kind, saving counts and quotes, and groups still missing one."""

import datetime as dt

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, Role, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup.feedback import (
    FeedbackEntry,
    delete_feedback,
    feedback_form,
    feedback_groups,
    groups_missing_feedback,
    question_field,
    save_feedback,
)
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Agreement,
    Enrollment,
    Group,
    GroupSession,
    Language,
    Participant,
    Premises,
)

TODAY = dt.date(2026, 3, 10)


def add_group(
    database: Database,
    name: str,
    start: dt.date,
    status: GroupStatus = GroupStatus.FINISHED,
    kind: GroupKind = GroupKind.CHILDREN,
    sessions: int = 14,
    children: int = 0,
) -> int:
    with database.transaction() as session:
        premises = session.scalars(select(Premises)).first() or Premises(name="Berga kyrka", district="Berga")
        group = Group(
            name=name,
            programme=Programme.BIV,
            kind=kind,
            language_id=session.scalars(select(Language.id).where(Language.iso_code == "ar")).one(),
            premises=premises,
            start_date=start,
            weekday=start.weekday(),
            start_time=dt.time(17),
            end_time=dt.time(19),
            status=status,
        )
        session.add(group)
        for number in range(1, sessions + 1):
            group.sessions.append(
                GroupSession(
                    number=number,
                    date=start + dt.timedelta(weeks=number - 1),
                    start_time=dt.time(17),
                    end_time=dt.time(19),
                    status=SessionStatus.HELD if status is GroupStatus.FINISHED else SessionStatus.PLANNED,
                )
            )
        session.flush()
        for number in range(children):
            child = Participant(first_name=f"Barn{number}", birth_year=2015, role=Role.CHILD)
            session.add(child)
            session.flush()
            session.add(Enrollment(participant_id=child.id, group_id=group.id, joined_on=start))
        return group.id


def add_agreement(database: Database) -> None:
    with database.transaction() as session:
        session.add(
            Agreement(
                name="IOP 2025/2026",
                starts_on=dt.date(2025, 4, 1),
                ends_on=dt.date(2026, 3, 31),
                public_party="Kommunen",
                nonprofit_party="Pastoratet",
                municipal_amount_sek=300_500,
                parish_amount_per_year_sek=160_000,
            )
        )


def first_options(entry: FeedbackEntry, respondents: int) -> dict[int, int]:
    """Everyone chose each question's first option."""
    return {question.options[0].id: respondents for question in entry.questions}


def test_a_new_form_is_the_questionnaire_for_the_groups_kind_with_no_counts(database: Database) -> None:
    children = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1), children=5)
    parents = add_group(database, "Arabiska föräldrar", dt.date(2025, 9, 3), kind=GroupKind.PARENTS)

    entry = feedback_form(database, children)
    assert (entry.questionnaire_name, entry.saved, entry.collected_on) == (
        "Utvärdering barngrupp",
        False,
        None,
    )
    assert (entry.respondents, entry.participants, entry.ended_on) == (5, 5, dt.date(2025, 12, 1))
    assert entry.questions[0].text == "Hur har du trivts i gruppen?"
    assert [o.label for o in entry.questions[0].options] == [
        "Mycket bra",
        "Ganska bra",
        "Inte så bra",
        "Dåligt",
    ]
    assert all(option.count == 0 for question in entry.questions for option in question.options)
    assert feedback_form(database, parents).questionnaire_name == "Utvärdering föräldragrupp"


def test_counts_and_quotes_are_saved_and_read_back(database: Database) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    entry = feedback_form(database, group)
    first, second = entry.questions[0], entry.questions[1]
    counts = {first.options[0].id: 3, first.options[1].id: 2, second.options[0].id: 4}

    saved = save_feedback(
        database,
        group,
        dt.date(2025, 12, 1),
        5,
        counts,
        ["  Jag fick nya kompisar. ", "", "=) Tack för allt!"],
    )

    assert (saved.saved, saved.collected_on, saved.respondents) == (True, dt.date(2025, 12, 1), 5)
    assert [option.count for option in saved.questions[0].options] == [3, 2, 0, 0]
    assert (saved.questions[0].answered, saved.questions[1].answered, saved.questions[2].answered) == (
        5,
        4,
        0,
    )
    # Trimmed, the blank one dropped, and text that looks like a formula kept as it is.
    assert saved.quotes == ("Jag fick nya kompisar.", "=) Tack för allt!")
    assert feedback_form(database, group) == saved


def test_saving_again_replaces_the_counts(database: Database) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    entry = feedback_form(database, group)
    option = entry.questions[0].options[0]
    save_feedback(database, group, dt.date(2025, 12, 1), 5, {option.id: 5}, ["Bra"])
    again = save_feedback(database, group, dt.date(2025, 12, 2), 4, {option.id: 1}, [])
    assert (again.collected_on, again.respondents, again.quotes) == (dt.date(2025, 12, 2), 4, ())
    assert again.questions[0].options[0].count == 1


def test_a_questions_answers_above_the_respondents_are_refused(database: Database) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    question = feedback_form(database, group).questions[1]
    counts = {question.options[0].id: 4, question.options[1].id: 3}
    with pytest.raises(ValidationError) as refused:
        save_feedback(database, group, dt.date(2025, 12, 1), 6, counts, [])
    assert refused.value.field == question_field(question.id)
    assert refused.value.message.startswith("Fråga 2 har 7 svar men bara 6 svarade på utvärderingen.")
    assert feedback_form(database, group).saved is False


@pytest.mark.parametrize(
    ("respondents", "count", "field"),
    [(-1, 0, "respondents"), (101, 0, "respondents"), (5, -2, "question")],
)
def test_negative_numbers_are_refused(database: Database, respondents: int, count: int, field: str) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    question = feedback_form(database, group).questions[0]
    with pytest.raises(ValidationError) as refused:
        save_feedback(database, group, dt.date(2025, 12, 1), respondents, {question.options[0].id: count}, [])
    assert refused.value.field.startswith(field)


def test_an_option_of_another_questionnaire_is_refused(database: Database) -> None:
    children = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    parents = add_group(database, "Arabiska föräldrar", dt.date(2025, 9, 3), kind=GroupKind.PARENTS)
    parents_option = feedback_form(database, parents).questions[0].options[0].id
    with pytest.raises(ValidationError) as refused:
        save_feedback(database, children, dt.date(2025, 12, 1), 5, {parents_option: 1}, [])
    assert refused.value.field == "counts"


def test_a_planned_group_has_nothing_to_evaluate(database: Database) -> None:
    group = add_group(database, "Dari 10–12 år", dt.date(2026, 4, 1), status=GroupStatus.PLANNED, sessions=0)
    with pytest.raises(ValidationError, match="har inte börjat"):
        save_feedback(database, group, dt.date(2026, 4, 1), 0, {}, [])


def test_saved_counts_reach_the_follow_up_report(database: Database) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    entry = feedback_form(database, group)
    save_feedback(database, group, dt.date(2025, 12, 1), 5, first_options(entry, 5), ["Roligt att måla"])

    figures = follow_up_figures(database, dt.date(2025, 10, 1), dt.date(2026, 3, 31))
    (summary,) = figures.feedback
    assert (summary.forms, summary.respondents, summary.quotes) == (1, 5, ("Roligt att måla",))
    assert summary.questions[0].options[0].count == 5


def test_groups_missing_feedback_are_the_finished_ones_of_the_year_without_a_form(database: Database) -> None:
    add_agreement(database)
    autumn = add_group(database, "Arabiska 7–9 år, ht 2025", dt.date(2025, 9, 1))  # ended 2025-12-01
    evaluated = add_group(database, "Somaliska 10–12 år, ht 2025", dt.date(2025, 8, 25))
    add_group(database, "Dari 13–15 år, vt 2025", dt.date(2024, 12, 2))  # ended 2025-03-03: the year before
    add_group(database, "Dari 7–9 år, vt 2026", dt.date(2026, 2, 2), status=GroupStatus.RUNNING)
    entry = feedback_form(database, evaluated)
    save_feedback(database, evaluated, dt.date(2025, 11, 24), 5, first_options(entry, 5), [])

    missing = groups_missing_feedback(database, TODAY)

    assert [(row.group_id, row.group_name, row.ended_on) for row in missing] == [
        (autumn, "Arabiska 7–9 år, ht 2025", dt.date(2025, 12, 1))
    ]
    delete_feedback(database, evaluated)
    assert [row.group_name for row in groups_missing_feedback(database, TODAY)] == [
        "Somaliska 10–12 år, ht 2025",
        "Arabiska 7–9 år, ht 2025",
    ]


def test_the_groups_list_shows_which_have_feedback_latest_first(database: Database) -> None:
    autumn = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    spring = add_group(database, "Dari 7–9 år", dt.date(2026, 2, 2), status=GroupStatus.RUNNING)
    add_group(database, "Planerad", dt.date(2026, 5, 2), status=GroupStatus.PLANNED, sessions=0)
    save_feedback(database, autumn, dt.date(2025, 12, 1), 4, {}, [])

    rows = feedback_groups(database)
    assert [(row.id, row.has_feedback, row.respondents) for row in rows] == [
        (spring, False, None),
        (autumn, True, 4),
    ]
