"""How far a register is set up: the overview's checklist reads every step's state from register_setup."""

import datetime as dt

from sqlalchemy import delete, update

from biv_desktop.domain.schedule.school_year import SchoolYear
from biv_desktop.services import register
from biv_desktop.services.register import SetupStep, register_setup
from biv_desktop.store.database import Database
from biv_desktop.store.models import ThemePlan
from support import factories

TODAY = dt.date(2026, 11, 25)


def states(database: Database, today: dt.date = TODAY) -> dict[SetupStep, tuple[bool, str]]:
    setup = register_setup(database, today)
    return {item.step: (item.done, item.state) for item in setup.items}


def test_a_new_register_lacks_everything_but_its_default_theme_plans(database: Database) -> None:
    setup = register_setup(database, TODAY)
    assert [item.step for item in setup.items] == list(SetupStep)
    assert states(database) == {
        SetupStep.PREMISES: (False, "Inga lokaler ännu"),
        SetupStep.LEADERS: (False, "Inga gruppledare ännu"),
        SetupStep.INTERPRETERS: (False, "Inga tolkar ännu"),
        SetupStep.AGREEMENT: (False, "Inget avtal ännu"),
        SetupStep.BREAK_WEEKS: (False, "Inga lov för läsåret 2026/27 ännu"),
        SetupStep.THEME_PLANS: (True, "2 temaplaner, med standardplan för båda grupptyperna"),
    }
    assert not setup.complete
    assert setup.remaining == 5
    assert setup.school_year == SchoolYear(2026)


def test_each_step_is_done_once_the_register_has_what_it_needs(database: Database) -> None:
    for name in ("Ryds kyrka", "Berga kyrka", "Skäggetorps kyrka"):
        factories.premises(database, name)
    factories.leader(database, "Karin")
    assert states(database)[SetupStep.LEADERS] == (False, "1 gruppledare – en grupp behöver två")
    factories.leader(database, "Per", "Lindqvist")
    factories.leader(database, "Sven", "Berg", inactive_since=dt.date(2026, 1, 1))
    factories.interpreter(database)
    factories.agreement(database, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    register.save_break_week(
        database, register.BreakWeekDraft("Höstlov", dt.date(2026, 10, 26), dt.date(2026, 11, 1))
    )
    assert states(database) == {
        SetupStep.PREMISES: (True, "3 lokaler"),
        SetupStep.LEADERS: (True, "2 gruppledare"),
        SetupStep.INTERPRETERS: (True, "1 tolk"),
        SetupStep.AGREEMENT: (True, "Gäller till och med 2027-03-31"),
        SetupStep.BREAK_WEEKS: (True, "1 lov under läsåret 2026/27"),
        SetupStep.THEME_PLANS: (True, "2 temaplaner, med standardplan för båda grupptyperna"),
    }
    assert register_setup(database, TODAY).complete


def test_an_inactive_interpreter_does_not_count(database: Database) -> None:
    factories.interpreter(database, active=False)
    assert states(database)[SetupStep.INTERPRETERS] == (False, "Inga tolkar ännu")


def test_an_ended_agreement_is_not_enough_but_a_coming_one_is(database: Database) -> None:
    factories.agreement(database, dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert states(database)[SetupStep.AGREEMENT] == (False, "Avtalet slutade 2026-03-31")
    factories.agreement(database, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert states(database)[SetupStep.AGREEMENT] == (True, "Nästa avtal börjar 2027-01-01")


def test_break_weeks_count_for_the_school_year_being_planned(database: Database) -> None:
    register.save_break_week(
        database, register.BreakWeekDraft("Jullov", dt.date(2026, 12, 20), dt.date(2027, 1, 8))
    )
    register.save_break_week(
        database, register.BreakWeekDraft("Påsklov", dt.date(2027, 3, 29), dt.date(2027, 4, 4))
    )
    assert states(database)[SetupStep.BREAK_WEEKS] == (True, "2 lov under läsåret 2026/27")
    # From May the coming school year is the one being planned, and it has no breaks yet.
    assert states(database, dt.date(2027, 5, 3))[SetupStep.BREAK_WEEKS] == (
        False,
        "Inga lov för läsåret 2027/28 ännu",
    )


def test_a_kind_without_a_default_plan_is_named(database: Database) -> None:
    # Only a register brought in from elsewhere can lack a default plan: the program never removes one.
    with database.transaction() as session:
        session.execute(update(ThemePlan).where(ThemePlan.kind == "parents").values(is_default=False))
    assert states(database)[SetupStep.THEME_PLANS] == (
        False,
        "2 temaplaner, men ingen standardplan för föräldragrupper",
    )
    with database.transaction() as session:
        session.execute(delete(ThemePlan))
    assert states(database)[SetupStep.THEME_PLANS] == (False, "Inga temaplaner ännu")
