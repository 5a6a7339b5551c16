"""What editing the schedule hands out and takes in: one session for its form and the people and premises
it can be given, a change and its check, and the sessions a change moves or calls off.

Apart from the schedule's rows (``models``), which the schedule page lists without any of these.
"""

import datetime as dt
from dataclasses import dataclass

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.schedule.conflicts import Conflict
from biv_desktop.services.schedule.models import Choice, ScheduleRow


@dataclass(frozen=True)
class SessionChange:
    """What the session form edits: when and where, the theme, who works, and a note.

    `premises_id` None means the group's own premises; a leader or interpreter None means nobody.
    """

    date: dt.date
    start_time: dt.time
    end_time: dt.time
    premises_id: int | None
    theme_title: str
    theme_description: str
    leader1_id: int | None
    leader2_id: int | None
    interpreter_id: int | None
    note: str
    materials: str = ""  # what the leaders bring; copied from the theme, edited here


@dataclass(frozen=True)
class SessionDetail:
    """One session for its form: the listed row and what the form needs besides."""

    row: ScheduleRow
    own_premises_id: int | None  # None: held at the group's premises
    group_premises_id: int
    group_premises: str
    group_weekday: int
    group_start_time: dt.time
    group_end_time: dt.time
    language_id: int
    language_name: str
    theme_description: str
    leader1_id: int | None
    leader2_id: int | None
    parents_groups: tuple[str, ...] = ()  # linked parents' groups that can follow a change (their names)
    materials: str = ""

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def can_cancel(self) -> bool:
        """Only a planned session can be cancelled: a held one happened, a cancelled one already is."""
        return self.row.status is SessionStatus.PLANNED

    @property
    def can_restore(self) -> bool:
        return self.row.status is SessionStatus.CANCELLED

    def change(self) -> SessionChange:
        """The session as it stands, as a change to edit."""
        return SessionChange(
            date=self.row.date,
            start_time=self.row.start_time,
            end_time=self.row.end_time,
            premises_id=self.own_premises_id,
            theme_title=self.row.theme,
            theme_description=self.theme_description,
            leader1_id=self.leader1_id,
            leader2_id=self.leader2_id,
            interpreter_id=self.row.interpreter_id,
            note=self.row.note,
            materials=self.materials,
        )


@dataclass(frozen=True)
class SessionCheck:
    """A change as it would leave the session: all its conflicts and staffing problems, and which are new.

    Saving asks for confirmation of the new ones only: what the coordinator already accepted is not asked
    about again every time she edits a note.
    """

    conflicts: tuple[Conflict, ...]
    conflict_messages: tuple[str, ...]  # naming who is booked twice
    staffing_problems: tuple[str, ...]
    new_conflicts: tuple[Conflict, ...]
    new_conflict_messages: tuple[str, ...]
    new_staffing_problems: tuple[str, ...]
    shift: "ScheduleShift | None" = None  # a new date: every session it moves, in both linked groups

    @property
    def warnings(self) -> tuple[str, ...]:
        """The sentences to confirm before saving."""
        return self.new_conflict_messages + self.new_staffing_problems


@dataclass(frozen=True)
class ShiftedSession:
    """One session a change moves or calls off: before and after, and what it would clash with after."""

    session_id: int
    number: int
    theme: str
    date_before: dt.date
    date: dt.date
    status_before: SessionStatus
    status: SessionStatus
    conflict_messages: tuple[str, ...] = ()

    @property
    def cancelled(self) -> bool:
        return self.status is SessionStatus.CANCELLED and self.status_before is not SessionStatus.CANCELLED

    @property
    def moved(self) -> bool:
        return self.date != self.date_before


@dataclass(frozen=True)
class GroupShift:
    """What a change does to one group: its changed sessions, in plan order."""

    group_id: int
    group_name: str
    is_parents: bool  # a parents' group following its children's group
    sessions: tuple[ShiftedSession, ...]
    last_date_before: dt.date | None
    last_date: dt.date | None


@dataclass(frozen=True)
class ScheduleShift:
    """A planned change to the schedule, group by group: the preview, and what saving it did."""

    groups: tuple[GroupShift, ...] = ()
    parents_offered: tuple[str, ...] = ()  # linked parents' groups that can follow (their names)
    parents_problem: str = ""  # why the parents' group cannot follow, if it cannot

    @property
    def sessions(self) -> tuple[ShiftedSession, ...]:
        return tuple(item for group in self.groups for item in group.sessions)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The conflicts the changed sessions would have, each naming its group and date: to confirm."""
        return tuple(
            f"{group.group_name}, träff {item.number} {item.date.isoformat()}: {message}"
            for group in self.groups
            for item in group.sessions
            for message in item.conflict_messages
        )

    @property
    def is_empty(self) -> bool:
        return not self.sessions


@dataclass(frozen=True)
class PersonChoice:
    """A leader or interpreter to pick for a session, with what the staffing rule says about them."""

    id: int
    name: str
    active: bool
    trained: bool = False  # for leaders
    speaks_language: bool = False  # for interpreters: speaks the session's group language


@dataclass(frozen=True)
class SessionChoices:
    """Who and where a session can be given: active people (and whoever is booked now), every premises.

    Interpreters who speak the group's language come first.
    """

    leaders: tuple[PersonChoice, ...]
    interpreters: tuple[PersonChoice, ...]
    premises: tuple[Choice, ...]
