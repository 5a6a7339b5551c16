"""Hostile input to what the follow-up draws on: agreements, the group-leader training, communication
efforts, evaluations and their questionnaires, and follow-up meetings. Each call succeeds or is refused with
a Swedish ValidationError, a refusal leaves every table as it was, and the database stays whole either way.
The values and the checks are conftest.py's ``hostile``.
"""

import datetime as dt
import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biv_desktop.domain.enums import Channel, GroupKind, Organisation, Party
from biv_desktop.reports.evaluation_form import build_evaluation_forms
from biv_desktop.services.followup import agreements, communication, evaluation_forms, feedback, translations
from biv_desktop.services.followup import questionnaires as feedback_questionnaires
from biv_desktop.services.followup.meetings import MeetingDraft, check_meeting, save_meeting
from biv_desktop.services.staff import training

HOSTILE = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@HOSTILE
@given(data=st.data())
def test_agreements(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    valid = agreements.AgreementDraft(
        name=h.unique("IOP"), starts_on=dt.date(2031, 4, 1), ends_on=dt.date(2032, 3, 31),
        public_party="Social- och omsorgsnämnden", nonprofit_party="Linköpings domkyrkopastorat",
        municipal_amount_sek=300_500, parish_amount_per_year_sek=160_000, signed_on=dt.date(2031, 3, 1),
        funding_parts=(agreements.FundingPartDraft("Statsbidrag för föräldraskapsstöd", 200_500),),
    )  # fmt: skip
    numbers = ("municipal_amount_sek", "parish_amount_per_year_sek", "min_groups_per_year",
               "training_places_per_year", "notice_months")  # fmt: skip
    parts = st.lists(st.builds(agreements.FundingPartDraft, h.text, h.numbers), max_size=3).map(tuple)
    draft = data.draw(
        h.vary(
            valid,
            {
                **dict.fromkeys(("name", "public_party", "nonprofit_party"), h.text),
                **dict.fromkeys(numbers, h.numbers),
                **dict.fromkeys(("starts_on", "ends_on"), h.dates),
                "signed_on": st.one_of(st.none(), h.dates),
                "funding_parts": parts,
            },
        )
    )
    agreement_id = data.draw(st.one_of(st.none(), h.id_of("agreement")))
    h.attempt(lambda: agreements.check_agreement(h.database, draft, agreement_id))
    h.attempt(lambda: agreements.save_agreement(h.database, draft, agreement_id, override=True))
    h.attempt(lambda: agreements.delete_agreement(h.database, data.draw(h.missing_ids)))


@HOSTILE
@given(data=st.data())
def test_the_training(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    valid = training.CourseDraft(h.unique("Gruppledarutbildning"), dt.date(2027, 3, 1), dt.date(2027, 3, 5),
                                 "Ryds kyrka", "Anna Lund")  # fmt: skip
    course = data.draw(
        h.vary(
            valid,
            {
                **dict.fromkeys(("name", "place", "trainers"), h.text),
                "starts_on": h.dates,
                "ends_on": h.dates,
            },
        )
    )
    course_id = data.draw(st.one_of(st.none(), h.id_of("course")))
    h.attempt(lambda: training.save_course(h.database, course, course_id))
    external = training.TraineeDraft(None, "Maja Ek", Organisation.MUNICIPALITY, "Linköpings kommun")
    trainee = data.draw(
        h.vary(
            external,
            {
                "leader_id": st.one_of(st.none(), h.id_of("leader")),
                "external_name": h.text,
                "organisation_name": h.text,
                "organisation": st.sampled_from(Organisation),
            },
        )
    )
    h.attempt(lambda: training.add_trainee(h.database, data.draw(h.id_of("course")), trainee))
    trainee_id = data.draw(h.id_of("trainee"))
    h.attempt(lambda: training.edit_trainee(h.database, trainee_id, trainee))
    h.attempt(lambda: training.complete_trainee(h.database, trainee_id, h.today))


@HOSTILE
@given(data=st.data())
def test_communication_efforts(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    valid = communication.EffortDraft(
        dt.date(2026, 10, 1), Party.PARISH, Channel.WEBSITE, "Skolkuratorer", "Text"
    )
    draft = data.draw(
        h.vary(
            valid,
            {
                "date": h.dates,
                "audience": h.text,
                "description": h.text,
                "party": st.sampled_from(Party),
                "channel": st.sampled_from(Channel),
            },
        )
    )
    effort_id = data.draw(st.one_of(st.none(), h.id_of("effort")))
    h.attempt(lambda: communication.save_effort(h.database, draft, effort_id))
    first, last = data.draw(st.one_of(st.none(), h.dates)), data.draw(st.one_of(st.none(), h.dates))
    h.attempt(lambda: communication.list_efforts(h.database, first, last))


@HOSTILE
@given(data=st.data())
def test_evaluations(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    group = h.ids.get("finished_group", h.ids["running_group"])
    entry = feedback.feedback_form(h.database, group)
    options = [option.id for question in entry.questions for option in question.options]
    counts = data.draw(
        st.one_of(
            st.just({}),
            st.dictionaries(st.sampled_from(options), st.integers(min_value=0, max_value=3), max_size=3),
            st.dictionaries(st.one_of(st.sampled_from(options), h.missing_ids), h.numbers, max_size=3),
        )
    )
    collected_on = data.draw(st.one_of(st.just(dt.date(2026, 11, 10)), h.dates))
    respondents = data.draw(st.one_of(st.just(6), h.numbers))
    quotes = data.draw(st.lists(h.text, max_size=3))
    group_id = data.draw(st.one_of(st.just(group), h.id_of("planned_group"), h.missing_ids))
    h.attempt(lambda: feedback.save_feedback(h.database, group_id, collected_on, respondents, counts, quotes))


@HOSTILE
@given(data=st.data())
def test_questionnaires(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    questionnaire_id = h.ids["questionnaire"]
    stored = feedback_questionnaires.get_questionnaire(h.database, questionnaire_id)
    questions = tuple(
        feedback_questionnaires.QuestionDraft(
            question.text,
            tuple(
                feedback_questionnaires.OptionDraft(option.label, option.id) for option in question.options
            ),
            question.id,
        )
        for question in stored.questions
    )
    valid = feedback_questionnaires.QuestionnaireDraft(stored.name, questions)
    first = questions[0]
    changed = st.one_of(
        st.builds(lambda text: (first.__class__(text, first.options, first.id), *questions[1:]), h.text),
        st.builds(
            lambda label: (
                first.__class__(
                    first.text, (first.options[0].__class__(label, None), *first.options[1:]), first.id
                ),
                *questions[1:],
            ),
            h.text,
        ),
        st.just(()),
        st.just(questions[1:]),
    )
    draft = data.draw(h.vary(valid, {"name": h.text, "questions": changed}))
    target = data.draw(h.id_of("questionnaire"))
    h.attempt(lambda: feedback_questionnaires.check_questionnaire(h.database, target, draft))
    h.attempt(lambda: feedback_questionnaires.save_questionnaire(h.database, target, draft, override=True))


@HOSTILE
@given(data=st.data())
def test_questionnaire_translations_and_the_printed_form(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    questionnaire_id = h.ids["questionnaire"]
    languages = {row.name: row.id for row in translations.translation_languages(h.database, questionnaire_id)}
    # A children's group, whose form shows this questionnaire in the group's language.
    group = next(row.id for row in feedback.feedback_groups(h.database) if row.kind is GroupKind.CHILDREN)
    own_language = languages.get(evaluation_forms.evaluation_form(h.database, group).language_name)
    texts = translations.get_translation(h.database, questionnaire_id, next(iter(languages.values()))).texts
    question_ids = [text.id for text in texts if text.kind is translations.TextKind.QUESTION]
    option_ids = [text.id for text in texts if text.kind is translations.TextKind.OPTION]
    draft = translations.TranslationDraft(
        data.draw(
            st.dictionaries(st.one_of(st.sampled_from(question_ids), h.missing_ids), h.text, max_size=3)
        ),
        data.draw(st.dictionaries(st.one_of(st.sampled_from(option_ids), h.missing_ids), h.text, max_size=3)),
    )
    language = data.draw(
        st.one_of(st.just(own_language or 0), st.sampled_from(sorted(languages.values())), h.missing_ids)
    )
    target = data.draw(h.id_of("questionnaire"))
    h.attempt(lambda: translations.save_translation(h.database, target, language, draft))
    # Whatever was stored prints: the group's form is drawn with every translation the register holds.
    group = data.draw(st.one_of(st.just(group), h.missing_ids))
    form = h.attempt(lambda: evaluation_forms.evaluation_form(h.database, group))
    if form is not None:
        assert build_evaluation_forms(io.BytesIO(), form, 1, h.today) >= 1


@HOSTILE
@given(data=st.data(), with_report=st.booleans())
def test_follow_up_meetings(hostile: Any, data: st.DataObject, with_report: bool) -> None:
    h = hostile
    valid = MeetingDraft(
        held_on=dt.date(2026, 11, 20), attendees="Utvecklingsledaren, samordnaren", notes="Gick igenom rapporten.",
        decisions="Nästa möte i maj.", period_from=dt.date(2026, 4, 1), period_to=dt.date(2026, 9, 30),
    )  # fmt: skip
    optional_dates = st.one_of(st.none(), h.dates)
    draft = data.draw(
        h.vary(
            valid,
            {
                **dict.fromkeys(("attendees", "notes", "decisions"), h.text),
                **dict.fromkeys(("period_from", "period_to"), optional_dates),
                "held_on": h.dates,
            },
        )
    )
    meeting_id = data.draw(st.one_of(st.none(), h.id_of("meeting")))
    h.attempt(lambda: check_meeting(h.database, draft, meeting_id, with_report=with_report))
    h.attempt(
        lambda: save_meeting(
            h.database, draft, meeting_id, with_report=with_report, override=True, today=h.today
        )
    )
