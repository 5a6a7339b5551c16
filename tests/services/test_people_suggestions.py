"""Finding an interpreter for a group: the group's language, and free at its times."""

import datetime as dt

import pytest
from sqlalchemy import select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.staff.interpreters import InterpreterDraft, save_interpreter, set_interpreter_active
from biv_desktop.services.staff.people import list_languages
from biv_desktop.services.staff.suggestions import (
    SessionTime,
    suggest_interpreters,
    suggest_interpreters_for,
)
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupSession, Language, Premises

TODAY = dt.date(2026, 3, 10)  # a Tuesday
TUESDAY = TODAY + dt.timedelta(weeks=1)


def language_id(database: Database, iso_code: str) -> int:
    return next(row.id for row in list_languages(database) if row.iso_code == iso_code)


def interpreter(database: Database, name: str, *iso_codes: str) -> int:
    ids = frozenset(language_id(database, code) for code in iso_codes)
    return save_interpreter(database, InterpreterDraft(first_name=name, language_ids=ids), today=TODAY).id


def add_group(
    database: Database,
    name: str,
    iso_code: str,
    first: dt.date,
    *,
    sessions: int,
    start: dt.time = dt.time(17),
    interpreter_id: int | None = None,
) -> int:
    """A group meeting weekly from ``first`` for two hours; no sessions at all when ``sessions`` is 0."""
    end = dt.time(start.hour + 2, start.minute)
    with database.transaction() as session:
        place = session.scalars(select(Premises)).first() or Premises(name="Berga kyrka", district="Berga")
        group = Group(
            name=name,
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language=session.scalars(select(Language).where(Language.iso_code == iso_code)).one(),
            premises=place,
            start_date=first,
            weekday=first.weekday(),
            start_time=start,
            end_time=end,
            status=GroupStatus.PLANNED,
            interpreter_id=interpreter_id,
            sessions=[
                GroupSession(
                    number=number,
                    date=first + dt.timedelta(weeks=number - 1),
                    start_time=start,
                    end_time=end,
                    interpreter_id=interpreter_id,
                )
                for number in range(1, sessions + 1)
            ],
        )
        session.add(group)
        session.flush()
        return group.id


def test_suggestions_leave_out_the_busy_interpreter_and_the_one_without_the_language(
    database: Database,
) -> None:
    free = interpreter(database, "Hodan", "so")
    busy = interpreter(database, "Abdi", "so", "ar")
    interpreter(database, "Rana", "ar")  # does not speak Somali
    # Abdi interprets an Arabic group every Tuesday 16:00–18:00: it overlaps the new group at 17:00.
    add_group(database, "Arabiska barn", "ar", TUESDAY, sessions=4, start=dt.time(16), interpreter_id=busy)
    group = add_group(database, "Somaliska barn", "so", TUESDAY, sessions=4)

    suggestions = suggest_interpreters(database, group, TODAY)

    assert [(item.interpreter_id, item.availability) for item in suggestions] == [
        (free, "Ledig alla 4 träffar")
    ]
    assert suggestions[0].fully_free and suggestions[0].busy == ()


def test_one_free_at_some_sessions_is_listed_after_the_fully_free_with_the_clashes(
    database: Database,
) -> None:
    partly = interpreter(database, "Abdi", "so")
    fully = interpreter(database, "Sagal", "so")
    # Abdi's other group meets on the new group's first two Tuesdays only, 18:00–20:00.
    add_group(database, "Kvällsgruppen", "so", TUESDAY, sessions=2, start=dt.time(18), interpreter_id=partly)
    group = add_group(database, "Somaliska barn", "so", TUESDAY, sessions=4)

    suggestions = suggest_interpreters(database, group, TODAY)

    assert [item.interpreter_id for item in suggestions] == [fully, partly]
    abdi = suggestions[1]
    assert (abdi.free_sessions, abdi.total_sessions, abdi.availability) == (2, 4, "Ledig 2 av 4 träffar")
    assert abdi.busy == (
        "2026-03-17: Tolken är redan bokad 18:00–20:00 i Kvällsgruppen (träff 1).",
        "2026-03-24: Tolken är redan bokad 18:00–20:00 i Kvällsgruppen (träff 2).",
    )


def test_sessions_that_only_touch_are_not_a_clash(database: Database) -> None:
    yusuf = interpreter(database, "Yusuf", "so")
    add_group(
        database, "Eftermiddag", "so", TUESDAY, sessions=4, start=dt.time(15), interpreter_id=yusuf
    )  # to 17:00
    group = add_group(database, "Somaliska barn", "so", TUESDAY, sessions=4)
    [suggestion] = suggest_interpreters(database, group, TODAY)
    assert suggestion.fully_free


def test_the_groups_own_interpreter_is_free_for_it_and_marked_current(database: Database) -> None:
    yusuf = interpreter(database, "Yusuf", "so")
    group = add_group(database, "Somaliska barn", "so", TUESDAY, sessions=4, interpreter_id=yusuf)
    [suggestion] = suggest_interpreters(database, group, TODAY)
    assert suggestion.is_current and suggestion.fully_free


def test_inactive_interpreters_are_not_suggested(database: Database) -> None:
    yusuf = interpreter(database, "Yusuf", "so")
    set_interpreter_active(database, yusuf, False, TODAY)
    group = add_group(database, "Somaliska barn", "so", TUESDAY, sessions=2)
    assert suggest_interpreters(database, group, TODAY) == []


def test_a_group_without_sessions_yet_is_checked_at_its_planned_dates(database: Database) -> None:
    busy = interpreter(database, "Abdi", "so")
    free = interpreter(database, "Hodan", "so")
    # Abdi is booked on one Tuesday eight weeks ahead; the new group's 14 planned Tuesdays include it.
    add_group(database, "Annan grupp", "so", TUESDAY + dt.timedelta(weeks=7), sessions=1, interpreter_id=busy)
    group = add_group(database, "Ny grupp", "so", TUESDAY, sessions=0)

    by_id = {item.interpreter_id: item for item in suggest_interpreters(database, group, TODAY)}

    assert by_id[free].availability == "Ledig alla 14 träffar"
    assert by_id[busy].availability == "Ledig 13 av 14 träffar"


def test_a_group_still_in_the_form_is_checked_at_the_times_it_holds(database: Database) -> None:
    busy = interpreter(database, "Abdi", "so")
    add_group(database, "Annan grupp", "so", TUESDAY, sessions=1, interpreter_id=busy)
    times = [SessionTime(1, TUESDAY, dt.time(17), dt.time(19)), SessionTime(2, TUESDAY + dt.timedelta(weeks=1),
             dt.time(17), dt.time(19))]  # fmt: skip
    [suggestion] = suggest_interpreters_for(database, language_id(database, "so"), times)
    assert suggestion.availability == "Ledig 1 av 2 träffar"
    with pytest.raises(ValidationError, match="Språket finns inte längre"):
        suggest_interpreters_for(database, 9999, times)


def test_a_group_that_is_gone_says_so(database: Database) -> None:
    with pytest.raises(ValidationError, match="Gruppen finns inte längre; uppdatera listan"):
        suggest_interpreters(database, 404, TODAY)


def test_among_equally_free_the_groups_own_interpreter_comes_first(database: Database) -> None:
    interpreter(database, "Abdi", "so")
    yusuf = interpreter(database, "Yusuf", "so")
    group = add_group(database, "Somaliska barn", "so", TUESDAY, sessions=2, interpreter_id=yusuf)
    assert [item.name for item in suggest_interpreters(database, group, TODAY)] == ["Yusuf", "Abdi"]
