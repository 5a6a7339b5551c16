"""The schedule: every session in a period with its staffing and conflicts, and what the period's list can
be narrowed to. One session, for its form and its changes, is read and written in ``editing``.
"""

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.register.break_weeks import break_weeks_in
from biv_desktop.services.schedule.loading import (
    SessionFacts,
    all_conflicts,
    load_facts,
    load_register,
)
from biv_desktop.services.schedule.models import Choice, FilterChoices, ScheduleRow
from biv_desktop.services.validation import check_date
from biv_desktop.store.database import Database
from biv_desktop.store.models import GroupLeader, GroupSession, Interpreter, Premises

# A longer period than this is surely a typing mistake in a date field.
LONGEST_PERIOD_DAYS = 40 * 366


def _check_period(first: dt.date, last: dt.date) -> None:
    check_date(first, "first", "Första dagen")
    check_date(last, "last", "Sista dagen")
    if last < first:
        raise ValidationError("last", "Sista dagen måste vara samma dag som den första eller senare.")
    if (last - first).days > LONGEST_PERIOD_DAYS:
        raise ValidationError("last", "Perioden är för lång. Välj högst 40 år.")


def _matches(
    facts: SessionFacts,
    premises_id: int | None,
    leader_id: int | None,
    interpreter_id: int | None,
    group_id: int | None,
) -> bool:
    return (
        (premises_id is None or facts.premises_id == premises_id)
        and (leader_id is None or leader_id in facts.leader_ids)
        and (interpreter_id is None or facts.interpreter_id == interpreter_id)
        and (group_id is None or facts.group_id == group_id)
    )


def sessions_between(
    database: Database,
    first: dt.date,
    last: dt.date,
    *,
    premises_id: int | None = None,
    leader_id: int | None = None,
    interpreter_id: int | None = None,
    group_id: int | None = None,
) -> list[ScheduleRow]:
    """The sessions from `first` to `last` inclusive, in time order, narrowed by the filters given.

    Conflicts are found among all the sessions of those days, whatever the filters show: a leader's
    session clashes with another group's even when only that leader's sessions are listed.
    Sessions of cancelled groups are left out.
    """
    _check_period(first, last)
    with database.transaction() as session:
        register = load_register(session)
        facts = load_facts(session, GroupSession.date >= first, GroupSession.date <= last)
        conflicts = all_conflicts(facts, break_weeks_in(session))
        return [
            register.row(item, conflicts.get(item.id, ()))
            for item in facts
            if _matches(item, premises_id, leader_id, interpreter_id, group_id)
        ]


def _by_name(choices: Iterable[Choice]) -> tuple[Choice, ...]:
    return tuple(sorted(choices, key=lambda choice: swedish_sort_key(choice.name)))


def premises_choices(session: Session) -> tuple[Choice, ...]:
    """Every premises, by name: what the period's filter and a session's form offer."""
    return _by_name(Choice(row.id, row.name) for row in session.scalars(select(Premises)))


def filter_choices(database: Database, first: dt.date, last: dt.date) -> FilterChoices:
    """What the schedule for a period can be narrowed to: every premises, the active people and those
    booked in the period, and the groups meeting in it."""
    _check_period(first, last)
    with database.transaction() as session:
        in_period = load_facts(session, GroupSession.date >= first, GroupSession.date <= last)
        booked_leaders = {i for item in in_period for i in item.leader_ids}
        booked_interpreters = {item.interpreter_id for item in in_period if item.interpreter_id is not None}
        leaders = session.scalars(
            select(GroupLeader).where(or_(GroupLeader.active.is_(True), GroupLeader.id.in_(booked_leaders)))
        )
        interpreters = session.scalars(
            select(Interpreter).where(
                or_(Interpreter.active.is_(True), Interpreter.id.in_(booked_interpreters))
            )
        )
        groups = {item.group_id: item.group_name for item in in_period}
        return FilterChoices(
            premises=premises_choices(session),
            leaders=_by_name(Choice(row.id, row.full_name) for row in leaders),
            interpreters=_by_name(Choice(row.id, row.full_name) for row in interpreters),
            groups=_by_name(Choice(group_id, name) for group_id, name in groups.items()),
        )
