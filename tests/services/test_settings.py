"""The settings under Inställningar: checked values, age bands, and break weeks with what they cover."""

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.register.break_weeks import (
    BreakWeekDraft,
    check_break_week,
    delete_break_week,
    list_break_weeks,
    preview_break_week,
    save_break_week,
)
from biv_desktop.services.register.settings import SettingsDraft, load_settings, save_settings, set_age_bands
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Language, Premises, Setting

DEFAULTS = SettingsDraft(
    age_bands="7-9, 10-12, 13-15, 16-20",
    sessions_per_group=14,
    session_minutes=120,
    group_capacity=6,
    completion_sessions=10,
    retention_months_participants=12,
    retention_months_staff=12,
)
SPORTLOV = BreakWeekDraft("Sportlov", dt.date(2026, 2, 23), dt.date(2026, 3, 1))  # week 9


def test_a_new_register_has_the_domains_defaults(database: Database) -> None:
    settings = load_settings(database)
    assert settings.age_bands == (AgeBand(7, 9), AgeBand(10, 12), AgeBand(13, 15), AgeBand(16, 20))
    assert (settings.sessions_per_group, settings.session_minutes, settings.group_capacity) == (14, 120, 6)
    assert (settings.completion_sessions, settings.retention_months_participants) == (10, 12)


def test_saved_settings_are_read_back(database: Database) -> None:
    draft = dataclasses.replace(
        DEFAULTS, age_bands="7–10, 11–14", sessions_per_group=12, completion_sessions=9
    )
    saved = save_settings(database, draft)
    assert saved == load_settings(database)
    assert saved.age_bands_text == "7-10, 11-14"
    assert saved.sessions_per_group == 12


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"age_bands": "7-9, 8-12"}, "age_bands", "Åldersspannen 7–9 år och 8–12 år överlappar."),
        ({"age_bands": "12-9"}, "age_bands", "Den lägsta åldern måste vara lägre än eller lika med den högsta."),
        ({"age_bands": "barn"}, "age_bands", "”barn” är inte ett åldersspann. Skriv t.ex. 7-9, 10-12."),
        ({"sessions_per_group": 0}, "sessions_per_group", "Antal träffar per grupp måste vara ett tal mellan 1 och 52."),
        ({"session_minutes": 5}, "session_minutes", "Träffens längd i minuter måste vara ett tal mellan 15 och 600."),
        ({"group_capacity": 0}, "group_capacity", "Platser per grupp måste vara ett tal mellan 1 och 40."),
        ({"completion_sessions": 15}, "completion_sessions",
         "Gränsen för att ha gått klart en grupp måste vara mellan 1 och 14 träffar (antalet träffar per grupp)."),
        ({"retention_months_staff": 0}, "retention_months_staff",
         "Gallring av personal måste vara ett tal mellan 1 och 120."),
    ],
)  # fmt: skip
def test_bad_settings_are_refused_on_their_field_and_nothing_is_saved(
    database: Database, change: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_settings(database, dataclasses.replace(DEFAULTS, **{"group_capacity": 8, **change}))  # type: ignore[arg-type]
    assert (refused.value.field, refused.value.message) == (field, message)
    assert load_settings(database).group_capacity == 6


def test_age_bands_alone_are_checked_and_saved(database: Database) -> None:
    with pytest.raises(ValidationError, match="överlappar"):
        set_age_bands(database, "7-9, 8-12")
    assert set_age_bands(database, "16-20, 7-9") == (AgeBand(7, 9), AgeBand(16, 20))
    assert load_settings(database).age_bands_text == "7-9, 16-20"


def test_a_setting_damaged_outside_the_program_falls_back_to_its_default(database: Database) -> None:
    with database.transaction() as session:
        for row in session.scalars(select(Setting)):
            row.value = "trasig"
    settings = load_settings(database)
    assert (settings.sessions_per_group, settings.age_bands_text) == (14, "7-9, 10-12, 13-15, 16-20")


def add_group_meeting_on(database: Database, name: str, dates: list[dt.date], status: GroupStatus) -> None:
    with database.transaction() as session:
        group = Group(
            name=name,
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language=session.scalars(select(Language).where(Language.iso_code == "ar")).one(),
            premises=Premises(name=f"Lokal för {name}", district="Ryd"),
            start_date=dates[0],
            weekday=dates[0].weekday(),
            start_time=dt.time(17),
            end_time=dt.time(19),
            status=status,
            sessions=[
                GroupSession(number=number, date=day, start_time=dt.time(17), end_time=dt.time(19))
                for number, day in enumerate(dates, start=1)
            ],
        )
        session.add(group)


def test_break_weeks_are_saved_listed_earliest_first_and_deleted(database: Database) -> None:
    autumn = save_break_week(
        database, BreakWeekDraft(" Höstlov ", dt.date(2026, 10, 26), dt.date(2026, 11, 1))
    )
    sport = save_break_week(database, SPORTLOV)
    assert [(row.name, row.weeks_label, row.days) for row in list_break_weeks(database)] == [
        ("Sportlov", "v. 9", 7),
        ("Höstlov", "v. 44", 7),
    ]
    delete_break_week(database, sport.id)
    assert list_break_weeks(database) == [autumn]
    with pytest.raises(ValidationError, match="Uppehållet finns inte längre"):
        delete_break_week(database, sport.id)


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (BreakWeekDraft("", dt.date(2026, 2, 23), dt.date(2026, 3, 1)), "name", "Namn måste fyllas i."),
        (BreakWeekDraft("Sportlov", dt.date(2026, 3, 1), dt.date(2026, 2, 23)), "ends_on",
         "Uppehållet måste sluta samma dag som det börjar eller senare."),
        (BreakWeekDraft("Sportlov", dt.date(2026, 1, 1), dt.date(2027, 6, 1)), "ends_on",
         "Ett uppehåll kan vara högst ett år. Kontrollera sista dagen."),
        (BreakWeekDraft("Sportlov", dt.date(1926, 2, 23), dt.date(2026, 3, 1)), "starts_on",
         "Första dagen måste ligga mellan år 2000 och 2100."),
    ],
)  # fmt: skip
def test_bad_break_weeks_are_refused_on_their_field(
    database: Database, draft: BreakWeekDraft, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_break_week(database, draft)
    assert (refused.value.field, refused.value.message) == (field, message)


def test_a_new_break_previews_the_planned_sessions_inside_it_and_asks_before_saving(
    database: Database,
) -> None:
    add_group_meeting_on(database, "Tisdagsgruppen", [dt.date(2026, 2, 17), dt.date(2026, 2, 24), dt.date(2026, 3, 3)],
                         GroupStatus.RUNNING)  # fmt: skip
    add_group_meeting_on(database, "Inställda gruppen", [dt.date(2026, 2, 25)], GroupStatus.CANCELLED)
    add_group_meeting_on(database, "Torsdagsgruppen", [dt.date(2026, 2, 26)], GroupStatus.RUNNING)
    with database.transaction() as session:
        thursday = session.scalars(
            select(GroupSession).where(GroupSession.date == dt.date(2026, 2, 26))
        ).one()
        thursday.status = SessionStatus.CANCELLED

    preview = preview_break_week(database, SPORTLOV.starts_on, SPORTLOV.ends_on)

    assert [(item.group_name, item.number, item.date.isoformat()) for item in preview] == [
        ("Tisdagsgruppen", 2, "2026-02-24")
    ]
    warning = "1 planerad träff i 1 grupp ligger under uppehållet. De flyttas inte av sig själva: flytta dem i schemat."
    assert check_break_week(database, SPORTLOV) == (warning,)
    with pytest.raises(NeedsConfirmation) as asked:
        save_break_week(database, SPORTLOV)
    assert asked.value.warnings == (warning,)
    assert list_break_weeks(database) == []
    saved = save_break_week(database, SPORTLOV, override=True)
    # Saving it again unchanged has nothing new to warn about; the sessions stay where they were.
    assert check_break_week(database, SPORTLOV, saved.id) == ()
    assert preview_break_week(database, SPORTLOV.starts_on, SPORTLOV.ends_on) == preview


def test_an_overlapping_break_is_pointed_out(database: Database) -> None:
    save_break_week(database, SPORTLOV)
    overlapping = BreakWeekDraft("Studiedag", dt.date(2026, 3, 1), dt.date(2026, 3, 2))
    assert check_break_week(database, overlapping) == (
        "Uppehållet överlappar Sportlov (2026-02-23–2026-03-01).",
    )
