"""Hostile input to the services about people, places and settings: each call either succeeds or is refused
with a Swedish ValidationError, a refusal leaves every table as it was, and the database stays whole
(integrity_check and foreign_key_check) either way. The values and the checks are in conftest.py's
``hostile``; the planning services are in test_hostile_input_planning.py, the follow-up records in
test_hostile_input_followup.py.

Calls that once crashed are kept as examples in ``test_once_known_crashes_are_refused_in_swedish``.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biv_desktop.domain.enums import Gender, GroupKind, InterpreterEngagement, Organisation, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.groups.finding import find_group_id, find_premises_id
from biv_desktop.services.participants import enrolment
from biv_desktop.services.participants import families as participants_families
from biv_desktop.services.participants import waiting as participants_waiting
from biv_desktop.services.participants.editing import check_participant, save_participant
from biv_desktop.services.participants.register import ParticipantDraft, search_participants
from biv_desktop.services.privacy.clean_up import PersonKey, PersonKind, anonymise, delete_participant
from biv_desktop.services.privacy.extract import register_extract
from biv_desktop.services.register import break_weeks, premises, theme_plans
from biv_desktop.services.register import settings as planning_settings
from biv_desktop.services.staff import interpreters, leaders
from biv_desktop.store.database import Database

HOSTILE = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# Participants, families, the waiting list and placing in groups ------------------------------------------


@HOSTILE
@given(data=st.data(), existing=st.booleans())
def test_saving_a_participant(hostile: Any, data: st.DataObject, existing: bool) -> None:
    h = hostile
    valid = ParticipantDraft(
        first_name="Nora", birth_year=2015, last_name="Lindqvist", native_name="نورا", birth_date=dt.date(2015, 6, 1),
        gender=Gender.FEMALE, role=Role.CHILD, family_id=h.ids["family"], mother_tongue_id=h.ids["language"],
        status_changed_on=dt.date(2026, 2, 1), district="Ryd", guardian_phone="070-111 22 33",
        consent_on=dt.date(2026, 1, 10), consent_by="vårdnadshavare",
    )  # fmt: skip
    texts = ("first_name", "last_name", "native_name", "district", "guardian_phone", "consent_by")
    optional_dates = st.one_of(st.none(), h.dates)
    draft = data.draw(
        h.vary(
            valid,
            {
                **dict.fromkeys(texts, h.text),
                **dict.fromkeys(("birth_date", "status_changed_on", "consent_on"), optional_dates),
                **dict.fromkeys(("family_id", "mother_tongue_id"), h.maybe_missing()),
                "birth_year": h.numbers,
                "role": st.sampled_from(Role),
            },
        )
    )
    participant_id = data.draw(h.id_of("participant")) if existing else None
    h.attempt(lambda: check_participant(h.database, draft, participant_id, h.today))
    h.attempt(lambda: save_participant(h.database, draft, participant_id, override=True, today=h.today))


@HOSTILE
@given(data=st.data())
def test_families(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    draft = participants_families.FamilyDraft(data.draw(h.text))
    family_id = data.draw(st.one_of(st.none(), h.id_of("family")))
    h.attempt(lambda: participants_families.save_family(h.database, draft, family_id))
    person, target = data.draw(h.id_of("participant")), data.draw(st.one_of(st.none(), h.id_of("family")))
    h.attempt(lambda: participants_families.move_to_family(h.database, person, target, h.today))
    h.attempt(lambda: participants_families.delete_family(h.database, data.draw(h.id_of("family"))))


@HOSTILE
@given(data=st.data())
def test_the_waiting_list_and_groups(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    day, reason = data.draw(st.one_of(st.none(), h.dates)), data.draw(h.text)
    person = data.draw(h.id_of("participant"))
    h.attempt(lambda: participants_waiting.add_to_waiting_list(h.database, person, day, h.today))
    waiting = data.draw(h.id_of("waiting"))
    h.attempt(lambda: participants_waiting.remove_from_waiting_list(h.database, waiting))
    group = data.draw(h.id_of("running_group"))
    h.attempt(lambda: enrolment.enrol(h.database, person, group, day or h.today, override=True))
    enrollment, left_on = data.draw(h.id_of("enrollment")), data.draw(st.one_of(st.just(h.today), h.dates))
    h.attempt(lambda: enrolment.leave_group(h.database, enrollment, left_on, reason))


@HOSTILE
@given(data=st.data())
def test_searching_and_finding_by_name(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    query = data.draw(h.text)
    assert isinstance(h.attempt(lambda: search_participants(h.database, query, h.today)), list)
    h.attempt(lambda: find_premises_id(h.database, query))
    h.attempt(lambda: find_group_id(h.database, query))


# People who work in the groups, premises, settings, breaks and theme plans ------------------------------


@HOSTILE
@given(data=st.data(), active=st.booleans())
def test_leaders_and_interpreters(hostile: Any, data: st.DataObject, active: bool) -> None:
    h = hostile
    language = frozenset({h.ids["language"]})
    hostile_fields = {
        **dict.fromkeys(("first_name", "last_name", "phone", "email"), h.text),
        "language_ids": st.frozensets(h.missing_ids, max_size=2),
    }
    valid_leader = leaders.LeaderDraft(
        "Lena",
        "Ström",
        "070-123 45 67",
        "lena@example.se",
        Organisation.OTHER,
        "Röda korset",
        language,
        active,
    )
    leader = data.draw(h.vary(valid_leader, {**hostile_fields, "organisation_name": h.text}))
    leader_id = data.draw(st.one_of(st.none(), h.id_of("leader")))
    h.attempt(lambda: leaders.save_leader(h.database, leader, leader_id, override=True, today=h.today))
    other = data.draw(h.id_of("leader"))
    h.attempt(lambda: leaders.set_leader_active(h.database, other, active, h.today))
    valid_interpreter = interpreters.InterpreterDraft(
        "Samir", "Haddad", "070-765 43 21", "samir@example.se", InterpreterEngagement.AGENCY, "Tolkförmedlingen",
        language, active,
    )  # fmt: skip
    interpreter = data.draw(h.vary(valid_interpreter, {**hostile_fields, "agency_name": h.text}))
    interpreter_id = data.draw(st.one_of(st.none(), h.id_of("interpreter")))
    h.attempt(
        lambda: interpreters.save_interpreter(
            h.database, interpreter, interpreter_id, override=True, today=h.today
        )
    )


@HOSTILE
@given(data=st.data())
def test_premises(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    valid = premises.PremisesDraft(h.unique("Lokal"), "Berga", "Storgatan 1", 20, "Nyckel i receptionen.")
    texts = dict.fromkeys(("name", "district", "address", "notes"), h.text)
    draft = data.draw(h.vary(valid, {**texts, "capacity": st.one_of(st.none(), h.numbers)}))
    premises_id = data.draw(st.one_of(st.none(), h.id_of("premises")))
    h.attempt(lambda: premises.save_premises(h.database, draft, premises_id, h.today))


@HOSTILE
@given(data=st.data())
def test_settings(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    valid = planning_settings.SettingsDraft("7-9, 10-12, 13-15, 16-20", 14, 120, 6, 10, 12, 12)
    numeric = ("sessions_per_group", "session_minutes", "group_capacity", "completion_sessions",
               "retention_months_participants", "retention_months_staff")  # fmt: skip
    draft = data.draw(h.vary(valid, {"age_bands": h.text, **dict.fromkeys(numeric, h.numbers)}))
    h.attempt(lambda: planning_settings.save_settings(h.database, draft))
    h.attempt(lambda: planning_settings.set_age_bands(h.database, draft.age_bands))


@HOSTILE
@given(data=st.data())
def test_break_weeks(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    valid = break_weeks.BreakWeekDraft("Sportlov", dt.date(2027, 2, 15), dt.date(2027, 2, 21))
    draft = data.draw(h.vary(valid, {"name": h.text, "starts_on": h.dates, "ends_on": h.dates}))
    break_id = data.draw(st.one_of(st.none(), h.id_of("break_week")))
    h.attempt(lambda: break_weeks.preview_break_week(h.database, draft.starts_on, draft.ends_on))
    h.attempt(lambda: break_weeks.save_break_week(h.database, draft, break_id, override=True))
    h.attempt(lambda: break_weeks.delete_break_week(h.database, data.draw(h.id_of("break_week"))))


@HOSTILE
@given(data=st.data())
def test_theme_plans(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    one = theme_plans.ThemeDraft("Vem är jag?", "Vi ritar.", "Kritor")
    valid = theme_plans.ThemePlanDraft(h.unique("Temaplan"), GroupKind.CHILDREN, (one,))
    themes = st.lists(st.builds(theme_plans.ThemeDraft, h.text, h.text, h.text), max_size=16).map(tuple)
    draft = data.draw(h.vary(valid, {"name": h.text, "themes": themes, "kind": st.sampled_from(GroupKind)}))
    plan_id = data.draw(st.one_of(st.none(), h.id_of("theme_plan")))
    h.attempt(lambda: theme_plans.save_theme_plan(h.database, draft, plan_id))
    h.attempt(lambda: theme_plans.copy_theme_plan(h.database, data.draw(h.id_of("theme_plan"))))
    h.attempt(lambda: theme_plans.set_default_theme_plan(h.database, data.draw(h.id_of("theme_plan"))))
    h.attempt(lambda: theme_plans.delete_theme_plan(h.database, data.draw(h.missing_ids)))


# Privacy ---------------------------------------------------------------------------------------------------


@HOSTILE
@given(data=st.data())
def test_clean_up_and_register_extract(hostile: Any, data: st.DataObject) -> None:
    h = hostile
    people = st.one_of(
        st.builds(PersonKey, st.just(PersonKind.PARTICIPANT), h.id_of("participant")),
        st.builds(PersonKey, st.just(PersonKind.LEADER), h.id_of("leader")),
        st.builds(PersonKey, st.sampled_from(PersonKind), h.missing_ids),
    )
    chosen = data.draw(st.lists(people, max_size=3))
    h.attempt(lambda: anonymise(h.database, chosen, h.today))
    if data.draw(st.booleans()):
        participant_id = data.draw(h.id_of("participant"))
        h.attempt(lambda: register_extract(h.database, participant_id=participant_id, today=h.today))
    else:
        family_id = data.draw(h.id_of("family"))
        h.attempt(lambda: register_extract(h.database, family_id=family_id, today=h.today))
    h.attempt(lambda: register_extract(h.database))
    h.attempt(lambda: delete_participant(h.database, data.draw(h.missing_ids)))


# Known crashes -----------------------------------------------------------------------------------------------


def _save_theme_plan_twice(database: Database) -> None:
    draft = theme_plans.ThemePlanDraft(
        "Övningar", GroupKind.CHILDREN, (theme_plans.ThemeDraft("Vem är jag?"),)
    )
    theme_plans.save_theme_plan(database, draft)
    theme_plans.save_theme_plan(database, draft)


@pytest.mark.parametrize(
    "call",
    [
        lambda database: find_group_id(database, "²"),
        lambda database: find_group_id(database, "9" * 30),
        lambda database: planning_settings.set_age_bands(database, "²-3"),
        lambda database: planning_settings.set_age_bands(database, "1-" + "9" * 5000),
        _save_theme_plan_twice,
    ],
    ids=[
        # str.isdigit accepts superscript digits that int() refuses: ValueError.
        "lookup.find_group_id-superscript-digit",
        # A number beyond 64 bits reaches SQLite: OverflowError.
        "lookup.find_group_id-30-digits",
        # domain.ages.parse_age_bands checks with str.isdigit too: ValueError.
        "settings.set_age_bands-superscript-digit",
        # int() refuses more than 4,300 digits: ValueError.
        "settings.set_age_bands-5000-digits",
        # The name check compares with SQLite's lower(), which folds only A–Z: a second "Övningar" gets past
        # it and breaks the unique constraint (IntegrityError).
        "theme_plans.save_theme_plan-same-name-with-a-capital-beyond-ascii",
    ],
)
def test_once_known_crashes_are_refused_in_swedish(hostile: Any, call: Callable[[Database], object]) -> None:
    """Calls that once raised something other than a ValidationError; each is now refused in Swedish."""
    with pytest.raises(ValidationError):
        call(hostile.database)
