"""The schedule: sessions in a period with their staffing and conflicts, filters, and editing one session.

The fictional world: three groups in spring 2026, with the Easter break (6–12 April) marked.
  Somali children  Berga  Tuesdays 17–19   Karin + Anders, Yusuf (Somali)   from 3 March
  Arabic children  Ryd    Thursdays 17–19  Leyla + Karin, Amal (Arabic)     from 5 March
  Arabic parents   Berga  Wednesdays 18–20 Johan + Nils (untrained), Amal   from 4 March
"""

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import event, select

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.schedule import days_off
from biv_desktop.domain.schedule.conflicts import ConflictKind
from biv_desktop.domain.schedule.plan import plan_sessions
from biv_desktop.services.schedule import (
    Way,
    cancel_session,
    check_session_change,
    filter_choices,
    get_session,
    preview_cancel,
    restore_session,
    session_choices,
    sessions_between,
    update_session,
)
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    BreakWeek,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Premises,
)

EASTER_BREAK = (dt.date(2026, 4, 6), dt.date(2026, 4, 12))
SPRING = (dt.date(2026, 3, 1), dt.date(2026, 6, 30))


@dataclass
class World:
    database: Database
    ids: dict[str, int]

    def add_group(
        self, name: str, premises: str, start: dt.date, hours: tuple[int, int], staff: tuple[str, ...],
        language: str, count: int = 14, beside: str | None = None,
    ) -> int:  # fmt: skip
        """A running group with its weekly sessions planned around holidays and the Easter break; a
        parents' group if it meets `beside` a children's group."""
        leader1, leader2, interpreter = (self.ids.get(who) if who else None for who in staff)
        start_time, end_time = dt.time(hours[0]), dt.time(hours[1])
        with self.database.transaction() as session:
            group = Group(
                name=name, programme=Programme.BIV, language_id=self.ids[language],
                kind=GroupKind.PARENTS if beside else GroupKind.CHILDREN,
                children_group_id=self.ids[beside] if beside else None,
                premises_id=self.ids[premises], leader1_id=leader1, leader2_id=leader2,
                interpreter_id=interpreter, start_date=start, weekday=start.weekday(), start_time=start_time,
                end_time=end_time, status=GroupStatus.RUNNING,
            )  # fmt: skip
            session.add(group)
            session.flush()
            breaks = [days_off.BreakWeek("Påsklov", *EASTER_BREAK)]
            for planned in plan_sessions(
                start, start.weekday(), start_time, end_time, count=count, breaks=breaks
            ):
                session.add(
                    GroupSession(
                        group_id=group.id, number=planned.number, date=planned.date, start_time=start_time,
                        end_time=end_time, theme_title=f"Tema {planned.number}", leader1_id=leader1,
                        leader2_id=leader2, interpreter_id=interpreter, premises_id=self.ids[premises],
                    )
                )  # fmt: skip
            self.ids[name] = group.id
            return group.id

    def session_on(self, group: str, day: dt.date) -> int:
        with self.database.transaction() as session:
            return session.scalars(
                select(GroupSession.id).where(
                    GroupSession.group_id == self.ids[group], GroupSession.date == day
                )
            ).one()


@pytest.fixture
def world(database: Database) -> World:
    ids: dict[str, int] = {}
    with database.transaction() as session:
        for language in session.scalars(select(Language).where(Language.iso_code.in_(["so", "ar", "sv"]))):
            ids[language.iso_code] = language.id
        people: dict[str, Any] = {
            "Berga": Premises(name="Berga kyrka", district="Berga"),
            "Ryd": Premises(name="Ryds kyrka", district="Ryd"),
            "Karin": GroupLeader(first_name="Karin", last_name="Holmgren", trained=True),
            "Anders": GroupLeader(first_name="Anders", last_name="Bergvik", trained=True),
            "Leyla": GroupLeader(first_name="Leyla", last_name="Samadi", trained=True),
            "Johan": GroupLeader(first_name="Johan", last_name="Ekdal", trained=True),
            "Nils": GroupLeader(first_name="Nils", last_name="Lund"),
            "Yusuf": Interpreter(first_name="Yusuf", last_name="Warsame", languages=[session.get(Language, ids["so"])]),
            "Amal": Interpreter(first_name="Amal", last_name="Haddad", languages=[session.get(Language, ids["ar"])]),
        }  # fmt: skip
        session.add_all(people.values())
        session.add(BreakWeek(name="Påsklov", starts_on=EASTER_BREAK[0], ends_on=EASTER_BREAK[1]))
        session.flush()
        ids.update({key: item.id for key, item in people.items()})
    built = World(database, ids)
    built.add_group(
        "Somaliska barn", "Berga", dt.date(2026, 3, 3), (17, 19), ("Karin", "Anders", "Yusuf"), "so"
    )
    built.add_group("Arabiska barn", "Ryd", dt.date(2026, 3, 5), (17, 19), ("Leyla", "Karin", "Amal"), "ar")
    built.add_group(
        "Arabiska föräldrar", "Berga", dt.date(2026, 3, 4), (18, 20), ("Johan", "Nils", "Amal"), "ar"
    )
    return built


def moved(world: World, session_id: int, **fields: Any) -> Any:
    return replace(get_session(world.database, session_id).change(), **fields)


# Listing.


def test_the_schedule_lists_a_periods_sessions_in_time_order_with_who_and_where(world: World) -> None:
    rows = sessions_between(world.database, dt.date(2026, 3, 9), dt.date(2026, 3, 15))
    assert [(r.date, r.group_name, r.number) for r in rows] == [
        (dt.date(2026, 3, 10), "Somaliska barn", 2),
        (dt.date(2026, 3, 11), "Arabiska föräldrar", 2),
        (dt.date(2026, 3, 12), "Arabiska barn", 2),
    ]
    somali = rows[0]
    assert (somali.weekday, somali.iso_week, somali.start_time, somali.end_time) == (
        1,
        (2026, 11),
        dt.time(17),
        dt.time(19),
    )
    assert (somali.theme, somali.premises, somali.status) == ("Tema 2", "Berga kyrka", SessionStatus.PLANNED)
    assert somali.leader_names == ("Karin Holmgren", "Anders Bergvik")
    assert somali.interpreter_name == "Yusuf Warsame"
    assert (somali.staffing_problems, somali.conflicts) == ((), ())


def test_an_untrained_leader_is_flagged_as_a_staffing_problem(world: World) -> None:
    rows = sessions_between(world.database, dt.date(2026, 3, 9), dt.date(2026, 3, 15))
    parents = next(r for r in rows if r.group_name == "Arabiska föräldrar")
    assert parents.understaffed
    assert parents.staffing_problems == ("Gruppledaren Nils Lund är inte utbildad.",)


@pytest.mark.parametrize(
    ("what", "value", "groups"),
    [
        ("leader_id", "Karin", {"Somaliska barn", "Arabiska barn"}),
        ("interpreter_id", "Amal", {"Arabiska barn", "Arabiska föräldrar"}),
        ("premises_id", "Berga", {"Somaliska barn", "Arabiska föräldrar"}),
        ("group_id", "Arabiska barn", {"Arabiska barn"}),
    ],
)
def test_the_schedule_is_narrowed_by_person_premises_or_group(
    world: World, what: str, value: str, groups: set[str]
) -> None:
    narrowed: dict[str, Any] = {what: world.ids[value]}
    rows = sessions_between(world.database, *SPRING, **narrowed)
    assert {row.group_name for row in rows} == groups
    assert len(rows) == 14 * len(groups)


def test_conflicts_are_found_among_all_sessions_even_when_filtered(world: World) -> None:
    thursday = dt.date(2026, 3, 12)
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 10))
    update_session(world.database, somali, moved(world, somali, date=thursday), override=True)
    [row] = sessions_between(world.database, thursday, thursday, group_id=world.ids["Somaliska barn"])
    assert [c.kind for c in row.conflicts] == [ConflictKind.PERSON_DOUBLE_BOOKED]
    assert row.conflict_messages == (
        "Gruppledaren är redan bokad 17:00–19:00 i Arabiska barn (träff 2). Gäller Karin Holmgren.",
    )
    assert row.conflicts[0].leader_ids == (world.ids["Karin"],)


def test_a_parents_group_beside_its_childrens_group_shares_the_premises_without_conflict(
    world: World,
) -> None:
    world.add_group(
        "Somaliska föräldrar", "Berga", dt.date(2026, 3, 3), (17, 19), ("Leyla", "", ""), "so",
        beside="Somaliska barn",
    )  # fmt: skip
    rows = sessions_between(world.database, dt.date(2026, 3, 10), dt.date(2026, 3, 10))
    assert [(r.group_name, r.premises, r.conflicts) for r in rows] == [
        ("Somaliska barn", "Berga kyrka", ()),
        ("Somaliska föräldrar", "Berga kyrka", ()),
    ]
    # Another group in the same room at that time still double-books it.
    parents = world.session_on("Arabiska föräldrar", dt.date(2026, 3, 11))
    change = moved(world, parents, date=dt.date(2026, 3, 10))
    kinds = [c.kind for c in check_session_change(world.database, parents, change).conflicts]
    assert kinds == [ConflictKind.PREMISES_DOUBLE_BOOKED, ConflictKind.PREMISES_DOUBLE_BOOKED]


def test_filter_choices_offer_the_periods_groups_and_every_premises(world: World) -> None:
    choices = filter_choices(world.database, dt.date(2026, 3, 2), dt.date(2026, 3, 4))
    assert [c.name for c in choices.groups] == ["Arabiska föräldrar", "Somaliska barn"]
    assert [c.name for c in choices.premises] == ["Berga kyrka", "Ryds kyrka"]
    assert [c.name for c in choices.interpreters] == ["Amal Haddad", "Yusuf Warsame"]
    assert len(choices.leaders) == 5


def test_a_period_that_ends_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as raised:
        sessions_between(world.database, dt.date(2026, 3, 10), dt.date(2026, 3, 9))
    assert raised.value.field == "last"


def test_the_schedule_is_read_in_the_same_few_queries_however_many_sessions(world: World) -> None:
    statements: list[str] = []

    def count_reads(_connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if " FROM " in statement:  # reads of tables, not the transaction's own bookkeeping
            statements.append(statement)

    event.listen(world.database.engine, "before_cursor_execute", count_reads)
    sessions_between(world.database, dt.date(2026, 3, 9), dt.date(2026, 3, 9))
    one_day = len(statements)
    statements.clear()
    sessions_between(world.database, *SPRING)
    assert len(statements) == one_day <= 7


# Moving, and the conflicts it finds.


def test_moving_a_session_onto_another_groups_session_with_the_same_leader_needs_an_override(
    world: World,
) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 10))
    change = moved(world, somali, date=dt.date(2026, 3, 12))

    check = check_session_change(world.database, somali, change)
    assert [c.kind for c in check.new_conflicts] == [ConflictKind.PERSON_DOUBLE_BOOKED]
    with pytest.raises(NeedsConfirmation) as asked:
        update_session(world.database, somali, change)
    assert asked.value.warnings == (
        "Gruppledaren är redan bokad 17:00–19:00 i Arabiska barn (träff 2). Gäller Karin Holmgren.",
    )
    assert get_session(world.database, somali).row.date == dt.date(2026, 3, 10)  # nothing saved

    saved = update_session(world.database, somali, change, override=True)
    assert saved.date == dt.date(2026, 3, 12)
    assert saved.has_conflicts
    other = world.session_on("Arabiska barn", dt.date(2026, 3, 12))
    assert get_session(world.database, other).row.conflicts[0].other_key == somali


def test_sessions_that_only_touch_in_time_do_not_conflict(world: World) -> None:
    parents = world.session_on("Arabiska föräldrar", dt.date(2026, 3, 11))
    change = moved(world, parents, date=dt.date(2026, 3, 10), start_time=dt.time(19), end_time=dt.time(21))
    assert check_session_change(world.database, parents, change).conflicts == ()
    assert update_session(world.database, parents, change).conflicts == ()


def test_two_groups_in_the_same_premises_at_once_conflict(world: World) -> None:
    parents = world.session_on("Arabiska föräldrar", dt.date(2026, 3, 11))
    change = moved(world, parents, date=dt.date(2026, 3, 10))  # 18–20 in Berga, beside Somali 17–19
    [conflict] = check_session_change(world.database, parents, change).conflicts
    assert conflict.kind is ConflictKind.PREMISES_DOUBLE_BOOKED
    assert conflict.message == "Lokalen är redan bokad 17:00–19:00 för Somaliska barn (träff 2)."
    # Held in Ryd instead, it clashes with nothing.
    elsewhere = replace(change, premises_id=world.ids["Ryd"])
    assert check_session_change(world.database, parents, elsewhere).conflicts == ()
    assert update_session(world.database, parents, elsewhere).premises == "Ryds kyrka"


def test_moving_onto_a_holiday_or_into_a_break_is_refused_with_its_name(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 5, 12))
    with pytest.raises(ValidationError, match="Kristi himmelsfärdsdag"):
        check_session_change(world.database, somali, moved(world, somali, date=dt.date(2026, 5, 14)))
    first = world.session_on("Somaliska barn", dt.date(2026, 3, 31))
    with pytest.raises(ValidationError, match="Påsklov"):
        update_session(
            world.database, first, moved(world, first, date=dt.date(2026, 4, 7)), way=Way.SHIFT_LATER
        )
    assert get_session(world.database, first).row.date == dt.date(2026, 3, 31)


def test_a_conflict_already_accepted_is_not_asked_about_again(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 10))
    update_session(world.database, somali, moved(world, somali, date=dt.date(2026, 3, 12)), override=True)
    check = check_session_change(world.database, somali, moved(world, somali, note="Ta med lera"))
    assert [c.kind for c in check.conflicts] == [ConflictKind.PERSON_DOUBLE_BOOKED]
    assert check.warnings == ()
    assert (
        update_session(world.database, somali, moved(world, somali, note="Ta med lera")).note == "Ta med lera"
    )


def test_bad_times_and_dates_are_refused_in_swedish(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 10))
    with pytest.raises(ValidationError) as raised:
        check_session_change(world.database, somali, moved(world, somali, end_time=dt.time(16)))
    assert (raised.value.field, raised.value.message) == (
        "end_time",
        "Sluttiden måste vara efter starttiden.",
    )
    with pytest.raises(ValidationError) as raised:
        update_session(world.database, somali, moved(world, somali, date=dt.date(1926, 3, 10)))
    assert (raised.value.field, raised.value.message) == (
        "date",
        "Datumet måste ligga mellan år 2000 och 2100.",
    )
    with pytest.raises(ValidationError) as raised:
        update_session(world.database, somali, moved(world, somali, leader2_id=world.ids["Karin"]))
    assert raised.value.field == "leader2_id"
    with pytest.raises(ValidationError, match="Träffen finns inte längre"):
        get_session(world.database, 9999)


# Substitutes and themes.


def test_a_substitute_interpreter_without_the_groups_language_breaks_the_staffing_rule(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 17))
    change = moved(world, somali, interpreter_id=world.ids["Amal"])
    with pytest.raises(NeedsConfirmation) as asked:
        update_session(world.database, somali, change)
    assert asked.value.warnings == ("Tolken Amal Haddad talar inte somaliska.",)
    update_session(world.database, somali, change, override=True)

    [row] = sessions_between(world.database, dt.date(2026, 3, 17), dt.date(2026, 3, 17))
    assert row.interpreter_name == "Amal Haddad"
    assert row.staffing_problems == ("Tolken Amal Haddad talar inte somaliska.",)
    # The substitute is for that session only.
    other_weeks = sessions_between(world.database, *SPRING, group_id=world.ids["Somaliska barn"])
    assert {r.interpreter_name for r in other_weeks if r.id != somali} == {"Yusuf Warsame"}


def test_a_substitute_leader_is_checked_against_their_other_bookings(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 17))
    parents = world.session_on("Arabiska föräldrar", dt.date(2026, 3, 18))
    update_session(world.database, parents, moved(world, parents, date=dt.date(2026, 3, 17)), override=True)
    check = check_session_change(world.database, somali, moved(world, somali, leader2_id=world.ids["Johan"]))
    assert any(
        c.kind is ConflictKind.PERSON_DOUBLE_BOOKED and c.leader_ids == (world.ids["Johan"],)
        for c in check.new_conflicts
    )


def test_the_theme_and_note_are_saved_tidied(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 17))
    update_session(
        world.database,
        somali,
        moved(world, somali, theme_title="  Framtiden ", theme_description="Rita\r\nmåla "),
    )
    detail = get_session(world.database, somali)
    assert (detail.row.theme, detail.theme_description) == ("Framtiden", "Rita\nmåla")


def test_the_forms_choices_put_interpreters_who_speak_the_language_first(world: World) -> None:
    choices = session_choices(world.database, world.session_on("Somaliska barn", dt.date(2026, 3, 17)))
    assert [(c.name, c.speaks_language) for c in choices.interpreters] == [
        ("Yusuf Warsame", True),
        ("Amal Haddad", False),
    ]
    assert ("Nils Lund", False) in [(c.name, c.trained) for c in choices.leaders]


# Cancelling and restoring.


def group_dates(world: World, group: str) -> list[tuple[int, dt.date, SessionStatus, str]]:
    rows = sessions_between(
        world.database, dt.date(2026, 1, 1), dt.date(2026, 12, 31), group_id=world.ids[group]
    )
    return sorted((r.number, r.date, r.status, r.theme) for r in rows)


def test_cancelling_lets_the_remaining_themes_move_up_so_the_last_stays_last(world: World) -> None:
    # Three Thursdays, 23 April to 7 May; the Thursday after the last is Ascension Day, 14 May.
    world.add_group(
        "Somaliska tonåringar", "Ryd", dt.date(2026, 4, 23), (15, 17), ("Leyla", "Johan", ""), "so", count=3
    )
    first = world.session_on("Somaliska tonåringar", dt.date(2026, 4, 23))

    shift = cancel_session(world.database, first)  # the default way: the themes move up

    assert group_dates(world, "Somaliska tonåringar") == [
        (1, dt.date(2026, 4, 30), SessionStatus.PLANNED, "Tema 1"),
        (2, dt.date(2026, 5, 7), SessionStatus.PLANNED, "Tema 2"),
        (3, dt.date(2026, 5, 21), SessionStatus.PLANNED, "Tema 3"),  # past Ascension Day, and still last
    ]
    assert [(s.number, s.date_before, s.date) for s in shift.sessions] == [
        (1, dt.date(2026, 4, 23), dt.date(2026, 4, 30)),
        (2, dt.date(2026, 4, 30), dt.date(2026, 5, 7)),
        (3, dt.date(2026, 5, 7), dt.date(2026, 5, 21)),
    ]
    assert (
        get_session(world.database, first).row.note == "Träffen 2026-04-23 ställdes in; temat flyttades fram."
    )


def test_the_preview_is_what_cancelling_saves(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 17))
    previewed = preview_cancel(world.database, somali)
    assert get_session(world.database, somali).row.date == dt.date(2026, 3, 17)  # nothing saved yet

    assert cancel_session(world.database, somali) == previewed
    dates = {number: day for number, day, _status, _theme in group_dates(world, "Somaliska barn")}
    assert [item.number for item in previewed.sessions] == list(range(3, 15))
    assert all(dates[item.number] == item.date for item in previewed.sessions)


def test_cancelling_only_this_one_drops_its_theme_and_moves_nothing(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 17))
    before = group_dates(world, "Somaliska barn")
    shift = cancel_session(world.database, somali, way=Way.ONLY_THIS)
    assert [(s.number, s.cancelled, s.moved) for s in shift.sessions] == [(3, True, False)]
    after = group_dates(world, "Somaliska barn")
    assert [row[:2] for row in after] == [row[:2] for row in before]
    assert after[2][2] is SessionStatus.CANCELLED
    assert get_session(world.database, somali).can_restore


def test_the_closing_session_cannot_be_cancelled_alone(world: World) -> None:
    last = world.session_on("Somaliska barn", group_dates(world, "Somaliska barn")[-1][1])
    with pytest.raises(ValidationError, match="Avslutningen"):
        cancel_session(world.database, last, way=Way.ONLY_THIS)
    assert get_session(world.database, last).row.status is SessionStatus.PLANNED


def test_a_cancelled_session_frees_its_people_and_can_be_restored(world: World) -> None:
    arabic = world.session_on("Arabiska barn", dt.date(2026, 3, 12))
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 10))
    cancel_session(world.database, arabic, way=Way.ONLY_THIS)
    change = moved(world, somali, date=dt.date(2026, 3, 12))
    assert check_session_change(world.database, somali, change).conflicts == ()
    update_session(world.database, somali, change)

    with pytest.raises(NeedsConfirmation) as asked:
        restore_session(world.database, arabic)
    assert asked.value.warnings == (
        "Gruppledaren är redan bokad 17:00–19:00 i Somaliska barn (träff 2). Gäller Karin Holmgren.",
    )
    assert restore_session(world.database, arabic, override=True).status is SessionStatus.PLANNED


def test_a_held_session_cannot_be_cancelled(world: World) -> None:
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 3))
    with world.database.transaction() as session:
        session.get_one(GroupSession, somali).status = SessionStatus.HELD
    assert not get_session(world.database, somali).can_cancel
    with pytest.raises(ValidationError, match="En genomförd träff kan inte ställas in"):
        cancel_session(world.database, somali)
    with pytest.raises(ValidationError, match="Träffen är inte inställd"):
        restore_session(world.database, somali)


def test_a_shift_that_would_clash_needs_an_override_and_a_refusal_changes_nothing(world: World) -> None:
    # Shifted a week, the Somali group's last session would be Tuesday 16 June 17–19; the parents' group
    # meets then with Karin.
    parents = world.session_on("Arabiska föräldrar", dt.date(2026, 6, 10))
    update_session(
        world.database,
        parents,
        moved(world, parents, date=dt.date(2026, 6, 16), start_time=dt.time(17), end_time=dt.time(19),
              leader2_id=world.ids["Karin"], premises_id=world.ids["Ryd"]),
    )  # fmt: skip
    somali = world.session_on("Somaliska barn", dt.date(2026, 3, 17))
    before = group_dates(world, "Somaliska barn")
    assert preview_cancel(world.database, somali).sessions[-1].date == dt.date(2026, 6, 16)
    with pytest.raises(NeedsConfirmation) as asked:
        cancel_session(world.database, somali)
    assert asked.value.warnings[0].startswith(
        "Somaliska barn, träff 14 2026-06-16: Gruppledaren är redan bokad"
    )
    assert group_dates(world, "Somaliska barn") == before
    shift = cancel_session(world.database, somali, override=True)
    last = shift.sessions[-1]
    assert get_session(world.database, last.session_id).row.has_conflicts
