"""Group leaders and interpreters: saving what the form holds, activity, languages and sessions ahead."""

import datetime as dt

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import (
    GroupKind,
    GroupStatus,
    InterpreterEngagement,
    Organisation,
    Programme,
    SessionStatus,
)
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.staff.interpreters import (
    InterpreterDraft,
    check_interpreter,
    get_interpreter,
    interpreter_bookings_ahead,
    list_interpreters,
    save_interpreter,
)
from biv_desktop.services.staff.leaders import (
    LeaderDraft,
    check_leader,
    get_leader,
    leader_sessions_ahead,
    list_leaders,
    save_leader,
    set_leader_active,
)
from biv_desktop.services.staff.people import list_languages
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupLeader, GroupSession, Language, Premises

TODAY = dt.date(2026, 3, 10)  # a Tuesday


def language_ids(database: Database, *iso_codes: str) -> frozenset[int]:
    return frozenset(row.id for row in list_languages(database) if row.iso_code in iso_codes)


def add_group(
    database: Database,
    name: str,
    first: dt.date,
    *,
    sessions: int = 3,
    leaders: tuple[int | None, int | None] = (None, None),
    interpreter: int | None = None,
    status: GroupStatus = GroupStatus.RUNNING,
    start: dt.time = dt.time(17),
    premises: str = "Berga kyrka",
) -> int:
    """A group meeting weekly from ``first``, each session staffed as given."""
    with database.transaction() as session:
        place = session.scalars(select(Premises).where(Premises.name == premises)).first()
        if place is None:
            place = Premises(name=premises, district=premises.split()[0])
        group = Group(
            name=name,
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language=session.scalars(select(Language).where(Language.iso_code == "so")).one(),
            premises=place,
            start_date=first,
            weekday=first.weekday(),
            start_time=start,
            end_time=dt.time(start.hour + 2),
            status=status,
        )
        group.sessions = [
            GroupSession(
                number=number,
                date=first + dt.timedelta(weeks=number - 1),
                start_time=start,
                end_time=dt.time(start.hour + 2),
                leader1_id=leaders[0],
                leader2_id=leaders[1],
                interpreter_id=interpreter,
            )
            for number in range(1, sessions + 1)
        ]
        session.add(group)
        session.flush()
        return group.id


def test_languages_are_listed_in_swedish_alphabetical_order(database: Database) -> None:
    names = [row.name for row in list_languages(database)]
    assert "somaliska" in names and "arabiska" in names
    assert names == sorted(names, key=lambda name: name.replace("å", "{").replace("ä", "|").replace("ö", "}"))


def test_a_new_leader_is_saved_with_languages_and_organisation(database: Database) -> None:
    draft = LeaderDraft(
        first_name="  Karin ",
        last_name="Holmgren",
        phone="070-174 06 12",
        email="karin@example.se",
        organisation=Organisation.MUNICIPALITY,
        language_ids=language_ids(database, "so", "ar"),
    )
    row = save_leader(database, draft, today=TODAY)

    assert row.full_name == "Karin Holmgren"
    assert row.language_names == ("arabiska", "somaliska")
    assert row.organisation_label == "Kommunen"
    assert row.active and row.inactive_since is None
    assert row.trained_label == "Ej utbildad"
    assert get_leader(database, row.id, TODAY) == row
    assert [leader.full_name for leader in list_leaders(database, TODAY)] == ["Karin Holmgren"]


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (LeaderDraft(first_name="  "), "first_name", "Förnamn måste fyllas i."),
        (LeaderDraft(first_name="Karin", email="karin.example.se"), "email",
         "E-post ser inte ut som en e-postadress (namn@exempel.se)."),
        (LeaderDraft(first_name="Karin", phone="ring mig"), "phone",
         "Telefon ska bara innehålla siffror, mellanslag, bindestreck och +."),
        (LeaderDraft(first_name="Karin", organisation=Organisation.OTHER), "organisation_name",
         "Skriv vilken organisation gruppledaren kommer från."),
        (LeaderDraft(first_name="Karin", language_ids=frozenset({9999})), "language_ids",
         "Ett av de valda språken finns inte längre. Stäng och öppna formuläret igen."),
    ],
)  # fmt: skip
def test_bad_leader_input_is_refused_with_a_swedish_message_on_its_field(
    database: Database, draft: LeaderDraft, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_leader(database, draft, today=TODAY)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert list_leaders(database, TODAY) == []


def test_a_leader_who_is_gone_is_reported_as_such(database: Database) -> None:
    with pytest.raises(ValidationError, match="Gruppledaren finns inte längre; uppdatera listan"):
        save_leader(database, LeaderDraft(first_name="Karin"), leader_id=404, today=TODAY)


def test_a_second_leader_with_the_same_name_needs_confirmation(database: Database) -> None:
    save_leader(database, LeaderDraft(first_name="Karin", last_name="Holmgren"), today=TODAY)
    twin = LeaderDraft(first_name="karin", last_name="holmgren")
    assert check_leader(database, twin) == ("Det finns redan en gruppledare som heter karin holmgren.",)
    with pytest.raises(NeedsConfirmation):
        save_leader(database, twin, today=TODAY)
    save_leader(database, twin, override=True, today=TODAY)
    assert len(list_leaders(database, TODAY)) == 2


def test_deactivating_records_the_day_and_reactivating_clears_it(database: Database) -> None:
    leader = save_leader(database, LeaderDraft(first_name="Anders"), today=TODAY)
    stopped = set_leader_active(database, leader.id, False, today=TODAY)
    assert (stopped.active, stopped.inactive_since) == (False, TODAY)
    # Saving the form again later keeps the day they stopped.
    again = save_leader(
        database, LeaderDraft(first_name="Anders", active=False), leader.id, today=TODAY.replace(day=20)
    )
    assert again.inactive_since == TODAY
    back = save_leader(database, LeaderDraft(first_name="Anders", active=True), leader.id, today=TODAY)
    assert (back.active, back.inactive_since) == (True, None)


def test_deactivating_a_leader_with_sessions_ahead_warns_that_the_bookings_stay(database: Database) -> None:
    leader = save_leader(database, LeaderDraft(first_name="Leyla", last_name="Samadi"), today=TODAY)
    add_group(database, "Grupp A", TODAY, sessions=2, leaders=(leader.id, None))
    leaving = LeaderDraft(first_name="Leyla", last_name="Samadi", active=False)
    with pytest.raises(NeedsConfirmation) as asked:
        save_leader(database, leaving, leader.id, today=TODAY)
    assert asked.value.warnings == (
        "Leyla Samadi är bokad på 2 träffar framöver. Bokningarna ligger kvar tills du byter gruppledare i schemat.",
    )
    assert get_leader(database, leader.id, TODAY).active
    assert not save_leader(database, leaving, leader.id, override=True, today=TODAY).active


def test_trained_comes_from_the_leaders_flag_and_shows_when(database: Database) -> None:
    with database.transaction() as session:
        leader = GroupLeader(first_name="Johan", trained=True, trained_on=dt.date(2026, 2, 15))
        session.add(leader)
        session.flush()
        leader_id = leader.id
    row = save_leader(database, LeaderDraft(first_name="Johan", last_name="Ekdal"), leader_id, today=TODAY)
    assert (row.trained, row.trained_on, row.trained_label) == (
        True,
        dt.date(2026, 2, 15),
        "Utbildad 2026-02-15",
    )


def test_sessions_ahead_are_the_leaders_own_from_today_soonest_first(database: Database) -> None:
    karin = save_leader(database, LeaderDraft(first_name="Karin"), today=TODAY).id
    anders = save_leader(database, LeaderDraft(first_name="Anders"), today=TODAY).id
    # Began three weeks ago: only the sessions from today on count.
    add_group(database, "Tisdagsgruppen", TODAY - dt.timedelta(weeks=3), sessions=5, leaders=(karin, anders))
    add_group(database, "Måndagsgruppen", TODAY + dt.timedelta(days=6), sessions=2, leaders=(None, karin),
              start=dt.time(15), premises="Ryds kyrka")  # fmt: skip
    add_group(
        database, "Inställd grupp", TODAY, sessions=2, leaders=(karin, None), status=GroupStatus.CANCELLED
    )
    add_group(database, "Annans grupp", TODAY, sessions=2, leaders=(anders, None))
    with database.transaction() as session:
        cancelled = session.scalars(
            select(GroupSession).where(GroupSession.date == TODAY + dt.timedelta(weeks=1))
        )
        for row in cancelled:
            if row.group.name == "Tisdagsgruppen":
                row.status = SessionStatus.CANCELLED

    ahead = leader_sessions_ahead(database, karin, TODAY)

    assert [(item.group_name, item.number, item.date.isoformat(), f"{item.start_time:%H:%M}", item.premises)
            for item in ahead] == [
        ("Tisdagsgruppen", 4, "2026-03-10", "17:00", "Berga kyrka"),
        ("Måndagsgruppen", 1, "2026-03-16", "15:00", "Ryds kyrka"),
        ("Måndagsgruppen", 2, "2026-03-23", "15:00", "Ryds kyrka"),
    ]  # fmt: skip
    assert {item.role for item in ahead} == {"Gruppledare"}
    listed = {row.first_name: row for row in list_leaders(database, TODAY)}
    assert (listed["Karin"].sessions_ahead, listed["Karin"].next_session_on) == (3, TODAY)
    assert listed["Anders"].sessions_ahead == 3


def test_an_interpreter_needs_at_least_one_language(database: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        save_interpreter(database, InterpreterDraft(first_name="Yusuf"), today=TODAY)
    assert refused.value.field == "language_ids"
    assert refused.value.message == "Välj minst ett språk som tolken tolkar på."


def test_an_interpreter_is_saved_and_listed_with_engagement(database: Database) -> None:
    draft = InterpreterDraft(
        first_name="Yusuf",
        last_name="Warsame",
        email="yusuf@example.se",
        engagement=InterpreterEngagement.AGENCY,
        agency_name="Tolkcentralen Öst",
        language_ids=language_ids(database, "so"),
    )
    row = save_interpreter(database, draft, today=TODAY)
    assert row.engagement_label == "Tolkförmedling: Tolkcentralen Öst"
    assert row.language_names == ("somaliska",)
    assert list_interpreters(database, TODAY) == [row]
    assert get_interpreter(database, row.id, TODAY) == row


def test_bookings_ahead_and_a_dropped_language_the_interpreter_is_booked_in(database: Database) -> None:
    somali = language_ids(database, "so")
    yusuf = save_interpreter(database, InterpreterDraft(first_name="Yusuf", language_ids=somali), today=TODAY)
    add_group(database, "Somaliska barn", TODAY + dt.timedelta(days=1), sessions=3, interpreter=yusuf.id)

    ahead = interpreter_bookings_ahead(database, yusuf.id, TODAY)
    assert [(item.number, item.role) for item in ahead] == [(1, "Tolk"), (2, "Tolk"), (3, "Tolk")]
    assert get_interpreter(database, yusuf.id, TODAY).bookings_ahead == 3

    arabic_only = InterpreterDraft(first_name="Yusuf", language_ids=language_ids(database, "ar"))
    assert check_interpreter(database, arabic_only, yusuf.id, TODAY) == (
        "Yusuf är bokad på 3 träffar på somaliska framöver.",
    )
    with pytest.raises(NeedsConfirmation):
        save_interpreter(database, arabic_only, yusuf.id, today=TODAY)
    assert get_interpreter(database, yusuf.id, TODAY).language_names == ("somaliska",)
