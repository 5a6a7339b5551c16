"""The agreement's side of a follow-up: obligations pro-rated to the period, funding, staff and training."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from biv_desktop.domain.enums import Organisation, SessionStatus
from biv_desktop.domain.followup.figures import AgreementFigures, OrganisationCount, StaffFigures
from biv_desktop.domain.followup.period import Period, agreement_years, pro_rated
from biv_desktop.domain.followup.records import (
    AgreementFacts,
    FollowUpRecords,
    LeaderFacts,
    StaffPresenceRecord,
    TraineeFacts,
)


def _municipality_places(trainees: Sequence[TraineeFacts], within: Period) -> list[TraineeFacts]:
    return [
        trainee
        for trainee in trainees
        if trainee.organisation is Organisation.MUNICIPALITY and trainee.course_starts_on in within
    ]


def agreement_figures(
    agreements: Sequence[AgreementFacts], trainees: Sequence[TraineeFacts], period: Period
) -> tuple[AgreementFigures, ...]:
    """Each agreement period the report's period overlaps, earliest first, with its obligations pro-rated."""
    figures = []
    for agreement in sorted(agreements, key=lambda agreement: agreement.starts_on):
        training = _training_places(agreement, trainees, period)
        year = training.year if training is not None else None
        covered = Period(agreement.starts_on, agreement.ends_on)
        days = covered.overlap_days(period)
        if days == 0:
            continue
        so_far = Period(agreement.starts_on, min(agreement.ends_on, period.last))
        figures.append(
            AgreementFigures(
                name=agreement.name,
                starts_on=agreement.starts_on,
                ends_on=agreement.ends_on,
                days_in_period=days,
                min_groups_per_year=agreement.min_groups_per_year,
                min_groups_for_period=pro_rated(
                    agreement.min_groups_per_year, agreement.starts_on, agreement.ends_on, period
                ),
                training_places_per_year=agreement.training_places_per_year,
                training_places_for_period=pro_rated(
                    agreement.training_places_per_year, agreement.starts_on, agreement.ends_on, period
                ),
                municipality_places_taken_so_far=len(_municipality_places(trainees, so_far)),
                municipal_amount_sek=agreement.municipal_amount_sek,
                funding_parts=agreement.funding_parts,
                parish_amount_per_year_sek=agreement.parish_amount_per_year_sek,
                training_year=year,
                places_used_in_year=training.used if training is not None else 0,
                places_unused_in_year=training.unused if training is not None else 0,
                training_money_sek=training.money_sek if training is not None else 0,
                money_at_stake_sek=training.at_stake_sek if training is not None else 0,
            )
        )
    return tuple(figures)


@dataclass(frozen=True)
class _TrainingPlaces:
    year: Period
    used: int
    unused: int
    money_sek: int
    at_stake_sek: int


def _training_places(
    agreement: AgreementFacts, trainees: Sequence[TraineeFacts], period: Period
) -> _TrainingPlaces | None:
    """The municipality's training places in the agreement year holding the period's end, and the money
    at stake: the parts marked for the places, in proportion to the places still unused."""
    last = min(period.last, agreement.ends_on)
    year = next(
        (year for year, _length in agreement_years(agreement.starts_on, agreement.ends_on) if last in year),
        None,
    )
    if year is None:
        return None
    used = len(_municipality_places(trainees, Period(year.first, last)))
    quota = agreement.training_places_per_year
    unused = max(0, quota - used)
    money = sum(part.amount_sek for part in agreement.funding_parts if part.for_training_places)
    return _TrainingPlaces(year, used, unused, money, round(money * unused / quota) if quota else 0)


def _there(people: Sequence[StaffPresenceRecord]) -> Iterator[int]:
    # Booked and not recorded as absent: presence not yet taken counts as there.
    return (person.person_id for person in people if person.present is not False)


def _trained_by(leader: LeaderFacts, period: Period) -> bool:
    return leader.trained and (leader.trained_on is None or leader.trained_on <= period.last)


def staff_figures(records: FollowUpRecords, period: Period) -> StaffFigures:
    """Leaders and interpreters engaged at the period's held sessions, trained leaders added, training places."""
    held = [
        session
        for session in records.sessions
        if session.status is SessionStatus.HELD and session.date in period
    ]
    leaders = {leader.id: leader for leader in records.leaders}
    engaged = {person for session in held for person in _there(session.leaders)}
    interpreted = [
        session
        for session in held
        if session.interpreter is not None and session.interpreter.present is not False
    ]
    interpreters = {
        session.interpreter.person_id for session in interpreted if session.interpreter is not None
    }
    engaged_leaders = [leaders[person] for person in engaged if person in leaders]
    courses = [trainee for trainee in records.trainees if trainee.course_starts_on in period]
    municipality = _municipality_places(records.trainees, period)
    return StaffFigures(
        leaders_engaged=len(engaged),
        leaders_engaged_trained=sum(_trained_by(leader, period) for leader in engaged_leaders),
        leaders_by_organisation=tuple(
            OrganisationCount(
                organisation, sum(leader.organisation is organisation for leader in engaged_leaders)
            )
            for organisation in Organisation
        ),
        interpreters_engaged=len(interpreters),
        sessions_with_interpreter=len(interpreted),
        trained_leaders_added=sum(
            leader.trained and leader.trained_on is not None and leader.trained_on in period
            for leader in records.leaders
        ),
        courses_started=len({trainee.course_id for trainee in courses}),
        places_taken=len(courses),
        municipality_places_taken=len(municipality),
        municipality_places_completed=sum(trainee.completed for trainee in municipality),
    )
