"""The follow-up report's figures for a period, and the periods offered first.

A few queries read plain records (ids, dates, statuses and what the figures are broken down by, never a
name) for the groups the period touches; ``domain.followup`` computes the figures from them. The quotes are
checked against every registered name once more before the figures leave: a name found is replaced by
"[namn]" and counted, so the report can say so (see ``quote_names``).
"""

import datetime as dt
from dataclasses import replace

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.domain.followup.period import Period, default_halves
from biv_desktop.domain.followup.records import (
    AgreementFacts,
    AttendanceFacts,
    FeedbackFormFacts,
    FollowUpRecords,
    FollowUpRules,
    FundingPartFacts,
    GroupFacts,
    LeaderFacts,
    MeetingFacts,
    ParticipantFacts,
    SessionRecord,
    StaffPresenceRecord,
    TraineeFacts,
    WaitingFacts,
)
from biv_desktop.domain.followup.report import compute_follow_up
from biv_desktop.services.followup.feedback_records import communication_records, feedback_records
from biv_desktop.services.followup.quote_names import mask_quotes, registered_name_words
from biv_desktop.services.read_models import from_row
from biv_desktop.services.register.report_settings import report_settings_in
from biv_desktop.services.register.settings import settings_in
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Agreement,
    AttendanceMark,
    FollowUpMeeting,
    Group,
    GroupLeader,
    GroupSession,
    Language,
    Participant,
    Premises,
    Trainee,
    TrainingCourse,
    WaitingListEntry,
)


def _touched_groups(period: Period) -> Select[tuple[int]]:
    """The ids of groups with a session in the period or a start date in it: all the period can count."""
    with_sessions = select(GroupSession.group_id).where(GroupSession.date.between(period.first, period.last))
    starting = select(Group.id).where(Group.start_date.between(period.first, period.last))
    touched = union(with_sessions, starting).subquery()
    return select(touched.c[0])


def _groups(session: Session, touched: Select[tuple[int]]) -> tuple[GroupFacts, ...]:
    columns = (Group.id, Group.programme, Group.kind, Group.status, Group.start_date)
    rows = session.execute(
        select(*columns, Language.name.label("language"), Premises.name.label("premises"))
        .join(Language, Group.language_id == Language.id)
        .join(Premises, Group.premises_id == Premises.id)
        .where(Group.id.in_(touched))
    )
    return tuple(from_row(GroupFacts, row) for row in rows)


def _staff(person_id: int | None, present: bool | None) -> StaffPresenceRecord | None:
    return None if person_id is None else StaffPresenceRecord(person_id, present)


def _sessions(session: Session, touched: Select[tuple[int]]) -> tuple[SessionRecord, ...]:
    # Every session of the touched groups, also outside the period: when a group started and finished,
    # and how many sessions it held in all, decide its columns and who completed it.
    rows = session.execute(
        select(
            GroupSession.id,
            GroupSession.group_id,
            GroupSession.date,
            GroupSession.status,
            GroupSession.leader1_id,
            GroupSession.leader1_present,
            GroupSession.leader2_id,
            GroupSession.leader2_present,
            GroupSession.interpreter_id,
            GroupSession.interpreter_present,
        ).where(GroupSession.group_id.in_(touched))
    )
    facts = []
    for id_, group_id, date, status, l1, l1_present, l2, l2_present, interpreter, interpreter_present in rows:
        leaders = tuple(
            presence for presence in (_staff(l1, l1_present), _staff(l2, l2_present)) if presence is not None
        )
        facts.append(
            SessionRecord(id_, group_id, date, status, leaders, _staff(interpreter, interpreter_present))
        )
    return tuple(facts)


def _attendance(
    session: Session, touched: Select[tuple[int]]
) -> tuple[tuple[AttendanceFacts, ...], tuple[ParticipantFacts, ...]]:
    marks = select(AttendanceMark.session_id, AttendanceMark.participant_id, AttendanceMark.mark).where(
        AttendanceMark.session_id.in_(select(GroupSession.id).where(GroupSession.group_id.in_(touched)))
    )
    attendance = tuple(AttendanceFacts(*row) for row in session.execute(marks))
    people = session.execute(
        select(
            Participant.id, Participant.birth_year, Participant.gender, Participant.role, Participant.district
        ).where(Participant.id.in_(select(marks.subquery().c.participant_id)))
    )
    return attendance, tuple(ParticipantFacts(*row) for row in people)


def _agreements(session: Session, period: Period) -> tuple[AgreementFacts, ...]:
    agreements = session.scalars(
        select(Agreement)
        .where(Agreement.starts_on <= period.last, Agreement.ends_on >= period.first)
        .order_by(Agreement.starts_on)
    ).all()
    return tuple(
        AgreementFacts(
            name=agreement.name,
            starts_on=agreement.starts_on,
            ends_on=agreement.ends_on,
            min_groups_per_year=agreement.min_groups_per_year,
            training_places_per_year=agreement.training_places_per_year,
            municipal_amount_sek=agreement.municipal_amount_sek,
            parish_amount_per_year_sek=agreement.parish_amount_per_year_sek,
            funding_parts=tuple(
                FundingPartFacts(part.source, part.amount_sek, part.for_training_places)
                for part in agreement.funding_parts
            ),
        )
        for agreement in agreements
    )


def _leaders(session: Session) -> tuple[LeaderFacts, ...]:
    rows = session.execute(
        select(GroupLeader.id, GroupLeader.organisation, GroupLeader.trained, GroupLeader.trained_on)
    )
    return tuple(LeaderFacts(*row) for row in rows)


def _trainees(session: Session, first: dt.date, last: dt.date) -> tuple[TraineeFacts, ...]:
    rows = session.execute(
        select(Trainee.course_id, TrainingCourse.starts_on, Trainee.organisation, Trainee.completed)
        .join(TrainingCourse, Trainee.course_id == TrainingCourse.id)
        .where(TrainingCourse.starts_on.between(first, last))
    )
    return tuple(TraineeFacts(*row) for row in rows)


def _meetings(session: Session, period: Period, names: frozenset[str]) -> tuple[MeetingFacts, ...]:
    """The meetings held in the period, their decisions with any registered name masked."""
    rows = session.execute(
        select(
            FollowUpMeeting.held_on,
            FollowUpMeeting.period_from,
            FollowUpMeeting.period_to,
            FollowUpMeeting.decisions,
        )
        .where(FollowUpMeeting.held_on.between(period.first, period.last))
        .order_by(FollowUpMeeting.held_on, FollowUpMeeting.id)
    )
    return tuple(
        MeetingFacts(held_on, first, last, mask_quotes(names, (decisions,))[0][0])
        for held_on, first, last, decisions in rows
    )


def _waiting(session: Session, period: Period) -> tuple[WaitingFacts, ...]:
    rows = session.execute(
        select(WaitingListEntry, Participant.birth_year, Participant.role, Language.name)
        .join(Participant, WaitingListEntry.participant_id == Participant.id)
        .outerjoin(Language, Participant.mother_tongue_id == Language.id)
        .where(WaitingListEntry.added_on <= period.last)
        .options(
            joinedload(WaitingListEntry.language),
            joinedload(WaitingListEntry.group).joinedload(Group.language),
        )
    )
    return tuple(
        WaitingFacts(birth_year, role, language or "", entry.added_on, entry.wish)
        for entry, birth_year, role, language in rows
    )


def _masked_forms(
    names: frozenset[str], forms: tuple[FeedbackFormFacts, ...]
) -> tuple[tuple[FeedbackFormFacts, ...], int]:
    masked_forms = []
    replaced = 0
    for form in forms:
        quotes, count = mask_quotes(names, form.quotes)
        masked_forms.append(replace(form, quotes=quotes))
        replaced += count
    return tuple(masked_forms), replaced


def follow_up_records(session: Session, period: Period) -> FollowUpRecords:
    """The plain records the period's figures are computed from, read inside an open transaction
    (quotes as they are stored, names and all)."""
    settings = settings_in(session)
    report_settings = report_settings_in(session)
    touched = _touched_groups(period)
    attendance, participants = _attendance(session, touched)
    agreements = _agreements(session, period)
    # Training places count from the start of the earliest agreement the period touches ("so far").
    earliest = min([period.first, *(agreement.starts_on for agreement in agreements)])
    questionnaires, forms = feedback_records(session, period)
    return FollowUpRecords(
        groups=_groups(session, touched),
        sessions=_sessions(session, touched),
        participants=participants,
        attendance=attendance,
        leaders=_leaders(session),
        trainees=_trainees(session, earliest, period.last),
        agreements=agreements,
        questionnaires=questionnaires,
        feedback_forms=forms,
        efforts=communication_records(session, period),
        rules=FollowUpRules(
            age_bands=settings.age_bands,
            completion_sessions=settings.completion_sessions,
            sessions_per_group=settings.sessions_per_group,
            small_count_limit=report_settings.small_count_limit,
            parents_groups_count=report_settings.parents_groups_count,
        ),
    )


def figures_in(session: Session, period: Period, today: dt.date) -> FollowUpFigures:
    """Every figure of the follow-up report for the period, inside an open transaction: the records, with
    the quotes and the meetings' decisions checked for registered names, the meetings and the waiting list."""
    records = follow_up_records(session, period)
    names = registered_name_words(session)
    forms, names_masked = _masked_forms(names, records.feedback_forms)
    records = replace(
        records,
        feedback_forms=forms,
        meetings=_meetings(session, period, names),
        waiting=_waiting(session, period),
        waiting_read_on=today,
    )
    return replace(compute_follow_up(records, period, today), names_masked=names_masked)


def follow_up_figures(
    database: Database, first: dt.date, last: dt.date, *, today: dt.date | None = None
) -> FollowUpFigures:
    """Every figure of the follow-up report for first–last (both included).

    Raises ValidationError when first is after last.
    """
    period = Period(first, last)
    with database.transaction() as session:
        return figures_in(session, period, today or dt.date.today())


def default_periods(database: Database, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The halves of the agreement year today falls in, as (first, last) days: what a report offers first."""
    with database.transaction() as session:
        agreements = [tuple(row) for row in session.execute(select(Agreement.starts_on, Agreement.ends_on))]
    halves = default_halves([(starts_on, ends_on) for starts_on, ends_on in agreements], today)
    return [(half.first, half.last) for half in halves]
