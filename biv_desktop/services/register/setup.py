"""How far a register is set up: premises, leaders, interpreters, the agreement, break weeks and theme plans.

A new register starts empty. The overview shows these steps as a checklist until each is done, so the
coordinator knows what to enter before planning the first group. The counts are read straight from the
tables (this area uses no other area, and every step is one count).
"""

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.schedule.school_year import SchoolYear, planning_school_year
from biv_desktop.domain.wording import how_many
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Agreement,
    BreakWeek,
    GroupLeader,
    Interpreter,
    Premises,
    Theme,
    ThemePlan,
)

# A group is led by two leaders, so a register with one leader cannot staff a group yet.
LEADERS_PER_GROUP = 2


class SetupStep(Enum):
    """The things a register needs before groups can be planned, in the order the checklist shows them."""

    PREMISES = "premises"
    LEADERS = "leaders"
    INTERPRETERS = "interpreters"
    AGREEMENT = "agreement"
    BREAK_WEEKS = "break_weeks"
    THEME_PLANS = "theme_plans"


@dataclass(frozen=True)
class SetupItem:
    """One step of the checklist: whether it is done and its state in a few Swedish words."""

    step: SetupStep
    done: bool
    state: str


@dataclass(frozen=True)
class RegisterSetup:
    """The checklist of a register; ``school_year`` is the one its break weeks are counted for."""

    items: tuple[SetupItem, ...]
    school_year: SchoolYear

    @property
    def complete(self) -> bool:
        return all(item.done for item in self.items)

    @property
    def remaining(self) -> int:
        return sum(1 for item in self.items if not item.done)

    def item(self, step: SetupStep) -> SetupItem:
        return next(item for item in self.items if item.step is step)


def _count(session: Session, model: type, *conditions: object) -> int:
    statement = select(func.count()).select_from(model)
    for condition in conditions:
        statement = statement.where(condition)  # type: ignore[arg-type]
    return session.scalar(statement) or 0


def _premises(session: Session) -> SetupItem:
    count = _count(session, Premises)
    state = how_many(count, "lokal", "lokaler") if count else "Inga lokaler ännu"
    return SetupItem(SetupStep.PREMISES, count > 0, state)


def _leaders(session: Session) -> SetupItem:
    count = _count(session, GroupLeader, GroupLeader.active.is_(True))
    if count == 0:
        state = "Inga gruppledare ännu"
    elif count < LEADERS_PER_GROUP:
        state = "1 gruppledare – en grupp behöver två"
    else:
        state = f"{count} gruppledare"
    return SetupItem(SetupStep.LEADERS, count >= LEADERS_PER_GROUP, state)


def _interpreters(session: Session) -> SetupItem:
    count = _count(session, Interpreter, Interpreter.active.is_(True))
    state = how_many(count, "tolk", "tolkar") if count else "Inga tolkar ännu"
    return SetupItem(SetupStep.INTERPRETERS, count > 0, state)


def _agreement(session: Session, today: dt.date) -> SetupItem:
    in_force = session.scalars(
        select(Agreement)
        .where(Agreement.starts_on <= today, Agreement.ends_on >= today)
        .order_by(Agreement.ends_on.desc())
        .limit(1)
    ).first()
    if in_force is not None:
        return SetupItem(SetupStep.AGREEMENT, True, f"Gäller till och med {in_force.ends_on.isoformat()}")
    coming = session.scalars(
        select(Agreement).where(Agreement.starts_on > today).order_by(Agreement.starts_on).limit(1)
    ).first()
    if coming is not None:
        return SetupItem(SetupStep.AGREEMENT, True, f"Nästa avtal börjar {coming.starts_on.isoformat()}")
    ended = session.scalar(select(func.max(Agreement.ends_on)))
    state = f"Avtalet slutade {ended.isoformat()}" if ended is not None else "Inget avtal ännu"
    return SetupItem(SetupStep.AGREEMENT, False, state)


def _break_weeks(session: Session, school_year: SchoolYear) -> SetupItem:
    count = _count(
        session,
        BreakWeek,
        BreakWeek.starts_on <= school_year.ends_on,
        BreakWeek.ends_on >= school_year.starts_on,
    )
    if count == 0:
        return SetupItem(SetupStep.BREAK_WEEKS, False, f"Inga lov för läsåret {school_year.label} ännu")
    return SetupItem(SetupStep.BREAK_WEEKS, True, f"{count} lov under läsåret {school_year.label}")


def _theme_plans(session: Session) -> SetupItem:
    count = _count(session, ThemePlan)
    with_themes = select(Theme.plan_id)
    missing = [
        kind
        for kind in GroupKind
        if _count(
            session,
            ThemePlan,
            ThemePlan.kind == kind,
            ThemePlan.is_default.is_(True),
            ThemePlan.id.in_(with_themes),
        )
        == 0
    ]
    if count == 0:
        return SetupItem(SetupStep.THEME_PLANS, False, "Inga temaplaner ännu")
    plans = how_many(count, "temaplan", "temaplaner")
    if not missing:
        return SetupItem(SetupStep.THEME_PLANS, True, f"{plans}, med standardplan för båda grupptyperna")
    kinds = " och ".join(
        {GroupKind.CHILDREN: "barngrupper", GroupKind.PARENTS: "föräldragrupper"}[kind] for kind in missing
    )
    return SetupItem(SetupStep.THEME_PLANS, False, f"{plans}, men ingen standardplan för {kinds}")


def register_setup(database: Database, today: dt.date | None = None) -> RegisterSetup:
    """Each setup step with its state, as the overview's checklist shows them."""
    today = today or dt.date.today()
    school_year = planning_school_year(today)
    with database.transaction() as session:
        items = (
            _premises(session),
            _leaders(session),
            _interpreters(session),
            _agreement(session, today),
            _break_weeks(session, school_year),
            _theme_plans(session),
        )
    return RegisterSetup(items, school_year)
