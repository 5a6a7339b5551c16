"""The demo's agreement side: periods since 2017, evaluations, communication and documented follow-ups."""

import datetime as dt
import itertools
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from biv_desktop.domain.enums import GroupStatus, Party
from biv_desktop.store.models import (
    Agreement,
    AnswerOption,
    CommunicationEffort,
    Enrollment,
    FeedbackForm,
    FollowUpMeeting,
    Group,
)


def test_agreements_run_every_year_since_2017_up_to_today(built: Any) -> None:
    with built.database.transaction() as session:
        agreements = session.scalars(
            select(Agreement).options(selectinload(Agreement.funding_parts)).order_by(Agreement.starts_on)
        ).all()

    starts = [agreement.starts_on for agreement in agreements]
    assert starts == [dt.date(year, 4, 1) for year in range(2017, starts[-1].year + 1)]
    assert agreements[-1].ends_on >= built.today
    for agreement in agreements:
        assert agreement.ends_on == dt.date(agreement.starts_on.year + 1, 3, 31)
        assert agreement.municipal_amount_sek == sum(part.amount_sek for part in agreement.funding_parts)
        assert agreement.public_party == "Social- och omsorgsnämnden, Linköpings kommun"
        assert agreement.nonprofit_party == "Svenska kyrkan, Linköpings domkyrkopastorat"
        assert agreement.signed_on is None or agreement.signed_on < agreement.starts_on
    seeded = next(agreement for agreement in agreements if agreement.starts_on == dt.date(2023, 4, 1))
    assert seeded.municipal_amount_sek == 300_500
    assert sorted(part.amount_sek for part in seeded.funding_parts) == [100_000, 200_500]
    assert (seeded.parish_amount_per_year_sek, seeded.min_groups_per_year) == (160_000, 6)
    assert (seeded.training_places_per_year, seeded.notice_months) == (4, 6)


def test_most_finished_groups_were_evaluated_with_plausible_counts(built: Any) -> None:
    with built.database.transaction() as session:
        forms = session.scalars(
            select(FeedbackForm).options(
                joinedload(FeedbackForm.group),
                joinedload(FeedbackForm.questionnaire),
                selectinload(FeedbackForm.answers),
                selectinload(FeedbackForm.quotes),
            )
        ).all()
        finished = session.scalar(
            select(func.count()).select_from(Group).where(Group.status == GroupStatus.FINISHED)
        )
        members = {
            group_id: count
            for group_id, count in session.execute(
                select(Enrollment.group_id, func.count()).group_by(Enrollment.group_id)
            )
        }
        question_of = {
            option_id: question_id
            for option_id, question_id in session.execute(select(AnswerOption.id, AnswerOption.question_id))
        }

    assert finished and len(forms) * 3 >= finished * 2
    for form in forms:
        assert form.group.status is GroupStatus.FINISHED
        assert form.questionnaire.kind is form.group.kind
        assert 1 <= form.respondents <= members[form.group_id]
        per_question: dict[int, int] = defaultdict(int)
        for answer in form.answers:
            per_question[question_of[answer.option_id]] += answer.count
        assert per_question and all(total <= form.respondents for total in per_question.values())
    quotes = [quote.text for form in forms for quote in form.quotes]
    assert any(text.startswith("=") for text in quotes), "a quote must exercise formula safety"


def test_both_parties_make_the_activity_known_every_half_year(built: Any) -> None:
    with built.database.transaction() as session:
        efforts = session.scalars(select(CommunicationEffort).order_by(CommunicationEffort.date)).all()

    assert {effort.party for effort in efforts} == set(Party)
    assert all(effort.date <= built.today and effort.description for effort in efforts)
    halves = {(effort.date.year, effort.date.month in (4, 5, 6, 7, 8, 9)) for effort in efforts}
    assert len(halves) >= 2


def test_follow_up_meetings_come_every_half_year_with_notes_and_decisions(built: Any) -> None:
    with built.database.transaction() as session:
        meetings = session.scalars(select(FollowUpMeeting).order_by(FollowUpMeeting.held_on)).all()

    assert meetings
    for earlier, later in itertools.pairwise(meetings):
        assert earlier.period_to is not None and later.period_from == earlier.period_to + dt.timedelta(days=1)
    for meeting in meetings:
        assert meeting.period_to is not None and meeting.period_to < meeting.held_on <= built.today
        assert "grupper startade" in meeting.notes
        assert meeting.decisions and meeting.attendees
