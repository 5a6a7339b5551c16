"""Booking the demo's group leaders and interpreters for groups and sessions.

Staff are booked by the day: a leader or interpreter with a session on a day is not booked for another
that day. The demo's groups meet on weekday afternoons at times that overlap, so sharing a day would
mean being in two places at once.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from biv_desktop.demo.schedule import Term
from biv_desktop.demo.world import World
from biv_desktop.store.models import GroupLeader, Interpreter

LEADERS_PER_GROUP = 2


@dataclass
class Diary:
    """The days someone is booked, and how many groups they have each term (to share the work out)."""

    days: set[dt.date] = field(default_factory=set)
    groups: dict[Term, int] = field(default_factory=dict)

    def is_free(self, dates: Sequence[dt.date]) -> bool:
        return self.days.isdisjoint(dates)

    def book(self, term: Term, dates: Sequence[dt.date]) -> None:
        """Book a group's dates."""
        self.days.update(dates)
        self.groups[term] = self.groups.get(term, 0) + 1

    def book_day(self, day: dt.date) -> None:
        """Book one session, standing in for someone."""
        self.days.add(day)


@dataclass(eq=False)
class LeaderPlan:
    """A group leader and the dates the demo plans them by."""

    leader: GroupLeader
    joins_on: dt.date
    trained_on: dt.date | None = None
    leaves_on: dt.date | None = None
    diary: Diary = field(default_factory=Diary)

    def can_lead(self, first: dt.date, last: dt.date) -> bool:
        return self.joins_on <= first and (self.leaves_on is None or self.leaves_on > last)

    def is_trained(self, day: dt.date) -> bool:
        return self.trained_on is not None and self.trained_on <= day


@dataclass(eq=False)
class InterpreterPlan:
    """An interpreter, the languages they work in and when they work for the parish."""

    interpreter: Interpreter
    languages: tuple[str, ...]
    joins_on: dt.date
    leaves_on: dt.date | None = None
    diary: Diary = field(default_factory=Diary)

    def can_work(self, iso_code: str, first: dt.date, last: dt.date) -> bool:
        return (
            iso_code in self.languages
            and self.joins_on <= first
            and (self.leaves_on is None or self.leaves_on > last)
        )


@dataclass
class Staff:
    """Everyone who staffs the groups, with the bookings made so far."""

    leaders: list[LeaderPlan] = field(default_factory=list)
    interpreters: list[InterpreterPlan] = field(default_factory=list)

    def free_leaders(self, dates: Sequence[dt.date]) -> list[LeaderPlan]:
        """Leaders trained by the first date, with the parish to the last and booked on none of them."""
        first, last = dates[0], dates[-1]
        return [
            plan
            for plan in self.leaders
            if plan.can_lead(first, last) and plan.is_trained(first) and plan.diary.is_free(dates)
        ]

    def free_interpreters(self, iso_code: str, dates: Sequence[dt.date]) -> list[InterpreterPlan]:
        first, last = dates[0], dates[-1]
        return [
            plan
            for plan in self.interpreters
            if plan.can_work(iso_code, first, last) and plan.diary.is_free(dates)
        ]

    def can_staff(self, iso_code: str, dates: Sequence[dt.date], groups: int = 1) -> bool:
        """Whether that many groups meeting on these dates could each have two trained leaders and an interpreter."""
        return (
            len(self.free_leaders(dates)) >= LEADERS_PER_GROUP * groups
            and len(self.free_interpreters(iso_code, dates)) >= groups
        )

    def pick_leaders(
        self, world: World, term: Term, dates: Sequence[dt.date]
    ) -> tuple[GroupLeader, GroupLeader]:
        """Two trained leaders free on all the dates, those with the fewest groups this term first.

        Planning only places a group where such leaders are free; should none be, a recruit not yet
        trained stands in (a staffing problem the program shows), and only then someone already booked.
        """
        first, last = dates[0], dates[-1]
        able = [plan for plan in self.leaders if plan.can_lead(first, last)]
        pools = (
            self.free_leaders(dates),
            [plan for plan in able if not plan.is_trained(first) and plan.diary.is_free(dates)],
            able,
        )
        chosen: list[LeaderPlan] = []
        for pool in pools:
            for plan in _least_booked(world, term, pool):
                if len(chosen) < LEADERS_PER_GROUP and plan not in chosen:
                    chosen.append(plan)
        for plan in chosen:
            plan.diary.book(term, dates)
        return chosen[0].leader, chosen[1].leader

    def pick_interpreter(
        self, world: World, iso_code: str, term: Term, dates: Sequence[dt.date]
    ) -> Interpreter | None:
        """An interpreter in the language free on all the dates; none rather than one booked elsewhere."""
        candidates = _least_booked(world, term, self.free_interpreters(iso_code, dates))
        if not candidates:
            return None
        candidates[0].diary.book(term, dates)
        return candidates[0].interpreter

    def substitute(self, world: World, day: dt.date) -> GroupLeader | None:
        """A trained leader free that day who can stand in for one who is away (the group's own are booked)."""
        free = self.free_leaders((day,))
        if not free:
            return None
        chosen = world.pick(free)
        chosen.diary.book_day(day)
        return chosen.leader

    def untrained_substitute(self, day: dt.date) -> GroupLeader | None:
        """The recruit who joined last, still waiting for the training and free that day, booked for it."""
        recruits = [
            plan
            for plan in self.leaders
            if plan.can_lead(day, day) and not plan.is_trained(day) and plan.diary.is_free((day,))
        ]
        chosen = max(recruits, key=lambda plan: plan.joins_on, default=None)
        if chosen is None:
            return None
        chosen.diary.book_day(day)
        return chosen.leader


StaffPlan = TypeVar("StaffPlan", LeaderPlan, InterpreterPlan)


def _least_booked(world: World, term: Term, plans: list[StaffPlan]) -> list[StaffPlan]:
    """The plans in random order, then those with the fewest groups this term first."""
    ordered = list(plans)
    world.rng.shuffle(ordered)
    ordered.sort(key=lambda plan: plan.diary.groups.get(term, 0))
    return ordered
