"""The participant register: what a row shows, searching it in either script or by age, and saving."""

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import event, select

from biv_desktop.domain.enums import Gender, ProgrammeStatus, Role
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.folding import fold
from biv_desktop.services.participants import SearchQuery
from biv_desktop.services.participants.editing import check_participant, save_participant
from biv_desktop.services.participants.families import FamilyDraft, save_family
from biv_desktop.services.participants.register import (
    ParticipantDraft,
    get_participant,
    list_participants,
    search_participants,
)
from biv_desktop.services.participants.waiting import add_to_waiting_list
from biv_desktop.store.database import Database
from biv_desktop.store.models import Language

TODAY = dt.date(2026, 3, 10)


def languages(database: Database) -> dict[str, int]:
    with database.transaction() as session:
        return {row.iso_code: row.id for row in session.scalars(select(Language))}


def add(database: Database, first: str, last: str, born: int, **extra: Any) -> int:
    return save_participant(
        database, ParticipantDraft(first_name=first, last_name=last, birth_year=born, **extra), today=TODAY
    ).id


@pytest.fixture
def register(database: Database) -> Database:
    """Two fictional families: the Haddads (Arabic, with names in Arabic script) and the Nooris (Dari)."""
    lang = languages(database)
    haddad = save_family(database, FamilyDraft("Haddad")).id
    noori = save_family(database, FamilyDraft("Noori")).id
    common = {"mother_tongue_id": lang["ar"], "family_id": haddad, "district": "Skäggetorp"}
    add(
        database,
        "Amal",
        "Haddad",
        1986,
        native_name="أمل حداد",
        role=Role.GUARDIAN,
        gender=Gender.FEMALE,
        consent_on=dt.date(2026, 1, 12),
        consent_by="eget samtycke",
        **common,
    )
    add(
        database,
        "Rana",
        "Haddad",
        2015,
        native_name="رنا حداد",
        gender=Gender.FEMALE,
        consent_on=dt.date(2026, 1, 12),
        consent_by="vårdnadshavare",
        **common,
    )
    add(database, "Ahmad", "Haddad", 2012, native_name="أحمد حداد", gender=Gender.MALE, **common)
    add(
        database,
        "Parisa",
        "Noori",
        2013,
        native_name="پریسا نوری",
        gender=Gender.FEMALE,
        family_id=noori,
        mother_tongue_id=lang["prs"],
        programme_status=ProgrammeStatus.RESIDENCE_PERMIT,
        district="Ryd",
    )
    return database


def names(rows: list[Any]) -> list[str]:
    return sorted(row.name for row in rows)


def test_a_row_shows_what_the_register_lists(register: Database) -> None:
    rows = {row.first_name: row for row in list_participants(register, TODAY)}
    rana = rows["Rana"]
    assert (rana.name, rana.native_name, rana.family_name, rana.birth_year, rana.age) == (
        "Rana Haddad",
        "رنا حداد",
        "Haddad",
        2015,
        11,
    )
    assert (rana.gender_label, rana.role, rana.language, rana.programme_status.label, rana.district) == (
        "Flicka",
        Role.CHILD,
        "arabiska",
        "Asylsökande",
        "Skäggetorp",
    )
    assert (rana.has_consent, rana.current_groups, rana.on_waiting_list) == (True, (), False)
    assert rows["Amal"].gender_label == "Kvinna"
    assert rows["Ahmad"].gender_label == "Pojke"
    assert not rows["Ahmad"].has_consent
    assert rows["Parisa"].programme.label == "BIS"


def test_search_finds_a_name_in_arabic_script(register: Database) -> None:
    assert names(search_participants(register, "رنا", TODAY)) == ["Rana Haddad"]
    assert names(search_participants(register, "حداد", TODAY)) == [
        "Ahmad Haddad",
        "Amal Haddad",
        "Rana Haddad",
    ]
    assert names(search_participants(register, "پریسا", TODAY)) == ["Parisa Noori"]


def test_search_in_arabic_script_ignores_how_alef_and_yeh_were_typed(register: Database) -> None:
    # Typed without the hamza most keyboards leave out: أحمد is found as احمد.
    assert names(search_participants(register, "احمد", TODAY)) == ["Ahmad Haddad"]
    # Typed on an Arabic keyboard, the Persian yeh of پریسا arrives as ي.
    assert names(search_participants(register, "پريسا", TODAY)) == ["Parisa Noori"]
    assert fold("Şahin ÖDEGAARD") == "sahin odegaard"


def test_search_by_latin_name_family_language_programme_and_district(register: Database) -> None:
    assert names(search_participants(register, "rana", TODAY)) == ["Rana Haddad"]
    assert names(search_participants(register, "noori", TODAY)) == ["Parisa Noori"]
    assert names(search_participants(register, "dari", TODAY)) == ["Parisa Noori"]
    assert names(search_participants(register, "BIS", TODAY)) == ["Parisa Noori"]
    assert names(search_participants(register, "uppehållstillstånd", TODAY)) == ["Parisa Noori"]
    assert names(search_participants(register, "skäggetorp haddad a", TODAY)) == [
        "Ahmad Haddad",
        "Amal Haddad",
        "Rana Haddad",
    ]
    assert search_participants(register, "tigrinja", TODAY) == []


def test_a_number_matches_the_age_or_the_birth_year(register: Database) -> None:
    assert names(search_participants(register, "11", TODAY)) == ["Rana Haddad"]
    assert names(search_participants(register, "2012", TODAY)) == ["Ahmad Haddad"]
    # Written with Arabic-Indic digits, as an Arabic keyboard gives them.
    assert names(search_participants(register, "١١", TODAY)) == ["Rana Haddad"]
    assert names(search_participants(register, "13-15", TODAY)) == ["Ahmad Haddad", "Parisa Noori"]
    assert names(search_participants(register, "haddad 14", TODAY)) == ["Ahmad Haddad"]
    # A number is an age or a year, never part of one: 1 does not find the 11-year-old.
    assert search_participants(register, "1", TODAY) == []


def test_a_letter_typed_on_narrows_a_search_and_a_digit_typed_on_asks_another_number(
    register: Database,
) -> None:
    """What a list may look for among the rows it shows already (``narrows``), checked against the rows."""
    parse = SearchQuery.parse
    pairs = [("ra", "rana"), ("ha", "haddad ra"), ("13-15", "13-15 dari"), ("rana", "ra"), ("1", "11")]
    pairs += [("13-15", "13-16"), ("haddad", "haddad 14"), ("14", "14 haddad"), ("a", "haddad a")]
    narrowing = {(earlier, typed) for earlier, typed in pairs if parse(typed).narrows(parse(earlier))}
    assert narrowing == {
        ("ra", "rana"),
        ("ha", "haddad ra"),
        ("13-15", "13-15 dari"),
        ("haddad", "haddad 14"),
        ("14", "14 haddad"),
        ("a", "haddad a"),
    }
    for earlier, typed in narrowing:  # whoever the narrower search finds, the earlier one found too
        assert set(names(search_participants(register, typed, TODAY))) <= set(
            names(search_participants(register, earlier, TODAY))
        )
    # "11" is not looked for among those "1" found: nobody is 1 year old, Rana is 11.
    assert names(search_participants(register, "11", TODAY)) == ["Rana Haddad"]


def test_listing_reads_a_large_register_in_a_fixed_number_of_queries(register: Database) -> None:
    for number in range(60):
        add(register, f"Barn{number}", "Testsson", 2014)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(register.engine, "before_cursor_execute", count)
    try:
        rows = list_participants(register, TODAY)
    finally:
        event.remove(register.engine, "before_cursor_execute", count)
    assert len(rows) == 64
    # Reads of the tables (the store also asks SQLite for its change count, which reads none).
    assert (
        len([s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM" in s.upper()]) == 2
    )


def test_get_participant_gives_the_form_its_draft(register: Database) -> None:
    rana = next(row for row in list_participants(register, TODAY) if row.first_name == "Rana")
    detail = get_participant(register, rana.id, TODAY)
    assert detail.draft.native_name == "رنا حداد"
    assert detail.draft.consent_by == "vårdnadshavare"
    assert (detail.name, detail.family_name, detail.language, detail.age) == (
        "Rana Haddad",
        "Haddad",
        "arabiska",
        11,
    )
    assert detail.enrollments == ()
    with pytest.raises(ValidationError, match="Deltagaren finns inte längre"):
        get_participant(register, 9999, TODAY)


def test_saving_trims_text_and_updates(register: Database) -> None:
    pid = add(
        register, "  Omid ", " Rahimi ", 2011, native_name=" امید رحیمی ", guardian_phone="070-174 06 12"
    )
    detail = get_participant(register, pid, TODAY)
    assert (detail.draft.first_name, detail.draft.last_name, detail.draft.native_name) == (
        "Omid",
        "Rahimi",
        "امید رحیمی",
    )
    row = save_participant(
        register, ParticipantDraft("Omid", 2011, last_name="Rahimi", district="Berga"), pid, today=TODAY
    )
    assert row.district == "Berga"
    assert len(list_participants(register, TODAY)) == 5


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (ParticipantDraft("  ", 2014), "first_name", "Förnamnet måste fyllas i."),
        (ParticipantDraft("Sara", 1890), "birth_year", "Födelseåret måste ligga mellan 1916 och 2026."),
        (ParticipantDraft("Sara", 2027), "birth_year", "Födelseåret måste ligga mellan 1916 och 2026."),
        (
            ParticipantDraft("Sara", 2014, birth_date=dt.date(2015, 4, 2)),
            "birth_date",
            "Födelsedatumet 2015-04-02 stämmer inte med födelseåret 2014. Ändra ett av dem.",
        ),
        (
            ParticipantDraft("Sara", 2012, role=Role.GUARDIAN),
            "birth_year",
            "En förälder/vårdnadshavare är vuxen, men födelseåret ger 14 år. Är det ett barn, välj rollen Barn.",
        ),
        (
            ParticipantDraft("Sara", 2014, consent_on=dt.date(2026, 1, 5)),
            "consent_by",
            "Skriv vem som gav samtycket, t.ex. vårdnadshavare eller eget samtycke.",
        ),
        (
            ParticipantDraft("Sara", 2014, consent_by="mamma"),
            "consent_on",
            "Ange vilket datum samtycket gavs.",
        ),
        (
            ParticipantDraft("Sara", 2014, consent_on=dt.date(2026, 4, 1), consent_by="mamma"),
            "consent_on",
            "Datumet för samtycket kan inte ligga i framtiden.",
        ),
        (
            ParticipantDraft("Sara", 2014, guardian_phone="ring mamma"),
            "guardian_phone",
            "Vårdnadshavarens telefon ska bara innehålla siffror, mellanslag, bindestreck och +.",
        ),
        (
            ParticipantDraft("Sara", 2014, family_id=9999),
            "family_id",
            "Familjen finns inte längre; välj en annan eller skapa en ny.",
        ),
    ],
)
def test_bad_input_names_its_field_in_swedish(
    database: Database, draft: ParticipantDraft, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_participant(database, draft, today=TODAY)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert list_participants(database, TODAY) == []


def test_a_child_outside_7_to_20_warns_and_is_saved_on_override(database: Database) -> None:
    draft = ParticipantDraft("Yara", 2021, last_name="Saleh")
    assert check_participant(database, draft, today=TODAY) == (
        "Barnet är 5 år; grupperna är för barn och unga 7–20 år.",
    )
    with pytest.raises(NeedsConfirmation):
        save_participant(database, draft, today=TODAY)
    assert list_participants(database, TODAY) == []
    assert save_participant(database, draft, override=True, today=TODAY).age == 5


def test_a_guardian_born_long_ago_is_no_warning(database: Database) -> None:
    assert check_participant(database, ParticipantDraft("Samir", 1960, role=Role.GUARDIAN), today=TODAY) == ()


def test_the_same_name_and_birth_year_warns_of_a_duplicate(register: Database) -> None:
    assert check_participant(register, ParticipantDraft("rana", 2015, last_name="HADDAD"), today=TODAY) == (
        "Det finns redan en deltagare som heter rana HADDAD och är född 2015. "
        "Kontrollera att det inte är samma person.",
    )
    rana = next(row for row in list_participants(register, TODAY) if row.first_name == "Rana")
    # Saving Rana herself is no duplicate.
    assert (
        check_participant(register, ParticipantDraft("Rana", 2015, last_name="Haddad"), rana.id, TODAY) == ()
    )


def test_a_changed_programme_status_is_dated_today_unless_given(register: Database) -> None:
    ahmad = next(row for row in list_participants(register, TODAY) if row.first_name == "Ahmad")
    draft = get_participant(register, ahmad.id, TODAY).draft
    from dataclasses import replace

    save_participant(
        register, replace(draft, programme_status=ProgrammeStatus.RESIDENCE_PERMIT), ahmad.id, today=TODAY
    )
    assert get_participant(register, ahmad.id, TODAY).draft.status_changed_on == TODAY
    given = dt.date(2026, 2, 1)
    save_participant(
        register,
        replace(draft, programme_status=ProgrammeStatus.ASYLUM_SEEKING, status_changed_on=given),
        ahmad.id,
        today=TODAY,
    )
    assert get_participant(register, ahmad.id, TODAY).draft.status_changed_on == given


def test_the_row_says_who_waits(register: Database) -> None:
    ahmad = next(row for row in list_participants(register, TODAY) if row.first_name == "Ahmad")
    add_to_waiting_list(register, ahmad.id, dt.date(2026, 1, 20), today=TODAY)
    row = next(row for row in list_participants(register, TODAY) if row.first_name == "Ahmad")
    assert (row.on_waiting_list, row.waiting_since) == (True, dt.date(2026, 1, 20))
