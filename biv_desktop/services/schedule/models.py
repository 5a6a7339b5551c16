"""What the schedule lists: its rows, and what a period's list can be narrowed to.

What editing hands out and takes in (one session for its form, a change, the shifts it makes) is in
``editing_models``: listing the schedule builds none of those eight types.
"""

import datetime as dt
from dataclasses import dataclass

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.schedule.conflicts import Conflict


@dataclass(frozen=True)
class ScheduleRow:
    """One session as the schedule lists it, with what breaks the staffing rule and what it clashes with.

    `premises` is where the session is held: its own premises, or else its group's. Cancelled sessions have
    neither staffing problems nor conflicts (they will not take place).
    """

    id: int
    group_id: int
    group_name: str
    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    theme: str
    premises_id: int
    premises: str
    leader_ids: tuple[int, ...]
    leader_names: tuple[str, ...]
    interpreter_id: int | None
    interpreter_name: str
    status: SessionStatus
    note: str
    staffing_problems: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    conflict_messages: tuple[str, ...]  # the conflicts' sentences, naming who is booked twice

    @property
    def weekday(self) -> int:
        """Monday 0 … Sunday 6."""
        return self.date.weekday()

    @property
    def iso_week(self) -> tuple[int, int]:
        """The ISO year and week the session falls in, e.g. (2026, 11)."""
        year, week, _ = self.date.isocalendar()
        return year, week

    @property
    def understaffed(self) -> bool:
        return bool(self.staffing_problems)

    @property
    def has_conflicts(self) -> bool:
        return bool(self.conflicts)


@dataclass(frozen=True)
class Choice:
    """Something to pick in a list: premises or a group."""

    id: int
    name: str


@dataclass(frozen=True)
class FilterChoices:
    """What the schedule can be narrowed to for a period: premises, people and groups."""

    premises: tuple[Choice, ...]
    leaders: tuple[Choice, ...]
    interpreters: tuple[Choice, ...]
    groups: tuple[Choice, ...]
