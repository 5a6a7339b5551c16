"""The agreement side of the demo: agreement periods, evaluations, communication efforts and follow-ups."""

import datetime as dt

from biv_desktop.demo import texts
from biv_desktop.demo.groups import GroupRecord
from biv_desktop.demo.names import SWEDISH_FAMILY, SWEDISH_FEMALE, SWEDISH_MALE
from biv_desktop.demo.schedule import FIRST_AGREEMENT_YEAR
from biv_desktop.demo.world import World
from biv_desktop.domain.enums import GroupKind, GroupStatus, Party
from biv_desktop.store.models import (
    Agreement,
    CommunicationEffort,
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuote,
    FollowUpMeeting,
    FundingPart,
)

# How answers lean, first option (the most positive) first, by the number of options.
ANSWER_LEANING = {2: (8.0, 2.0), 3: (7.0, 2.5, 0.6), 4: (6.0, 3.0, 0.8, 0.4), 5: (5.0, 3.0, 1.2, 0.5, 0.3)}


def build_agreements(world: World) -> None:
    """One agreement period a year since 2017, extended period by period to the last demo year."""
    for start_year in range(FIRST_AGREEMENT_YEAR, world.last_year.start_year + 1):
        grant = texts.STATE_GRANT_BY_YEAR.get(start_year, texts.STATE_GRANT_LATER)
        signed_on = dt.date(start_year - 1, 11, world.rng.randint(8, 28))
        world.add(
            Agreement(
                name=f"IOP Barn i väntan/Barn i start {start_year}/{start_year + 1}",
                starts_on=dt.date(start_year, 4, 1),
                ends_on=dt.date(start_year + 1, 3, 31),
                public_party=texts.PUBLIC_PARTY,
                nonprofit_party=texts.NONPROFIT_PARTY,
                municipal_amount_sek=texts.DEPARTMENT_AMOUNT + grant,
                parish_amount_per_year_sek=texts.PARISH_AMOUNT,
                min_groups_per_year=6,
                training_places_per_year=4,
                notice_months=6,
                signed_on=signed_on if signed_on <= world.today else None,
                funding_parts=[
                    FundingPart(source=texts.DEPARTMENT_BUDGET, amount_sek=texts.DEPARTMENT_AMOUNT),
                    FundingPart(source=texts.STATE_GRANT, amount_sek=grant),
                ],
            )
        )


def build_feedback(world: World, records: list[GroupRecord]) -> None:
    """Evaluations for most finished groups: counts per answer option, and a few quotes without names."""
    first_form = True
    for record in records:
        stayed = len(record.stayed)
        if record.group.status is not GroupStatus.FINISHED or stayed == 0 or not world.chance(0.85):
            continue
        questionnaire = world.defaults.questionnaires[record.kind]
        respondents = max(1, stayed - world.rng.choice((0, 0, 0, 1, 1, 2)))
        form = world.add(
            FeedbackForm(
                group=record.group,
                questionnaire=questionnaire,
                collected_on=record.ends_on,
                respondents=respondents,
            )
        )
        for question in questionnaire.questions:
            # Now and then someone leaves a question blank.
            answered = respondents - (1 if respondents > 1 and world.chance(0.1) else 0)
            leaning = ANSWER_LEANING.get(len(question.options), tuple(1.0 for _ in question.options))
            weights = [weight * world.rng.uniform(0.6, 1.4) for weight in leaning]
            picks = world.rng.choices(range(len(question.options)), weights=weights, k=answered)
            for position, option in enumerate(question.options):
                form.answers.append(world.add(FeedbackAnswer(option=option, count=picks.count(position))))
        quotes = texts.CHILDREN_QUOTES if record.kind is GroupKind.CHILDREN else texts.PARENT_QUOTES
        chosen = world.rng.sample(quotes, k=world.rng.choice((0, 1, 1, 2)))
        if first_form:
            chosen.append(texts.FORMULA_LIKE_QUOTE)
            first_form = False
        for text in chosen:
            form.quotes.append(world.add(FeedbackQuote(text=text)))


def build_communication(world: World) -> None:
    """What both parties did each half year to make the groups known, up to today."""
    for year in world.years:
        for first, last in year.halves:
            if first > world.today:
                return
            last = min(last, world.today)
            efforts = []
            for party, count in (
                (Party.PARISH, world.rng.randint(1, 3)),
                (Party.MUNICIPALITY, world.rng.randint(1, 2)),
            ):
                options = [effort for effort in texts.COMMUNICATION_EFFORTS if effort[0] is party]
                for effort in world.rng.sample(options, k=count):
                    efforts.append((world.day_between(first, last), effort))
            efforts.sort(key=lambda dated: (dated[0], dated[1][0].value, dated[1][3]))
            for day, (party, channel, audience, description) in efforts:
                world.add(
                    CommunicationEffort(
                        date=day, party=party, channel=channel, audience=audience, description=description
                    )
                )


def _people(world: World, count: int) -> list[str]:
    return [
        f"{world.pick(SWEDISH_FEMALE if world.chance(0.7) else SWEDISH_MALE)} {world.pick(SWEDISH_FAMILY)}"
        for _ in range(count)
    ]


def build_meetings(world: World, records: list[GroupRecord]) -> None:
    """A documented follow-up meeting after every half year that has ended, with its figures in the notes."""
    deacon = _people(world, 1)[0]
    leads = _people(world, len(world.years) // 4 + 1)
    for number, year in enumerate(world.years):
        lead = leads[number // 4]
        for first, last in year.halves:
            held_on = last + dt.timedelta(days=world.rng.randint(14, 40))
            if held_on > world.today:
                return
            started = [
                record
                for record in records
                if first <= record.plan.starts_on <= last and record.group.status is not GroupStatus.CANCELLED
            ]
            children = sum(1 for record in started if record.kind is GroupKind.CHILDREN)
            participants = sum(len(record.enrollments) for record in started)
            summary = (
                f"Perioden {first.isoformat()} – {last.isoformat()}: {len(started)} grupper startade "
                f"({children} barngrupper och {len(started) - children} föräldragrupper) "
                f"med sammanlagt {participants} deltagare."
            )
            observations = world.rng.sample(texts.MEETING_OBSERVATIONS, k=world.rng.randint(1, 2))
            decisions = world.rng.sample(texts.MEETING_DECISIONS, k=world.rng.randint(1, 2))
            world.add(
                FollowUpMeeting(
                    held_on=held_on,
                    attendees=f"{lead} ({texts.MUNICIPAL_ROLE}), {deacon} ({texts.PARISH_ROLE})",
                    notes="\n".join([summary, *observations]),
                    decisions="\n".join(decisions),
                    period_from=first,
                    period_to=last,
                )
            )
