"""Counting attendance: totals per session and per participant, the attendance rate, and missed sessions
in a row.

The rules, decided once for the whole program:

- Only **held** sessions count. Planned sessions have not taken place yet; cancelled ones never did, so
  they neither count nor break a run of missed sessions.
- A participant **without a mark** at a held session is not counted as present (nor as absent): they are
  counted apart as *unmarked*, so the coordinator sees what is still to be filled in.
- The **attendance rate** is present / (present + absent + notified absence): the share of the marked
  sessions the participant was at. Notified absence lowers the rate like any absence, and is shown on
  its own so the coordinator can tell "called in" from "did not come".
- A **notified absence ahead**: before a session's day only "anmäld frånvaro" can be recorded (a parent
  calls on Monday about Thursday); present and absent are recorded from the session's day on. Such a mark
  does not make the session held, and it counts like any notified absence once the session is held.
- A participant has **missed sessions in a row** when two or more held sessions one after another are
  marked absent or notified absence, with no session marked present in between. Sessions without a mark
  are skipped (nothing is known about them), like cancelled ones.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from biv_desktop.domain.enums import Mark, SessionStatus

# Two missed sessions in a row is when the leaders reach out.
MISSES_IN_A_ROW = 2


@dataclass(frozen=True)
class Tally:
    """How many marks of each kind, and how many of those expected are still missing."""

    present: int = 0
    absent: int = 0
    notified: int = 0
    unmarked: int = 0

    @property
    def marked(self) -> int:
        return self.present + self.absent + self.notified

    @property
    def missed(self) -> int:
        """Absences of either kind."""
        return self.absent + self.notified

    @property
    def rate(self) -> float | None:
        """The share present of those marked, 0.0–1.0; None when nothing is marked yet."""
        return attendance_rate(self)

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            present=self.present + other.present,
            absent=self.absent + other.absent,
            notified=self.notified + other.notified,
            unmarked=self.unmarked + other.unmarked,
        )


@dataclass(frozen=True)
class SessionMark:
    """One participant at one session: the session's status, the mark if any, and whether the
    participant belonged on that session (was enrolled in the group that day)."""

    session_id: int
    status: SessionStatus
    mark: Mark | None
    expected: bool = True


def belongs_on(joined_on: dt.date, left_on: dt.date | None, day: dt.date) -> bool:
    """Whether someone enrolled from ``joined_on`` (until ``left_on``, inclusive) is expected on ``day``."""
    return joined_on <= day and (left_on is None or left_on >= day)


def tally(marks: Iterable[Mark | None]) -> Tally:
    """Count the marks of the people expected at one held session (None for someone not marked)."""
    present = absent = notified = unmarked = 0
    for mark in marks:
        if mark is Mark.PRESENT:
            present += 1
        elif mark is Mark.ABSENT:
            absent += 1
        elif mark is Mark.NOTIFIED_ABSENCE:
            notified += 1
        else:
            unmarked += 1
    return Tally(present=present, absent=absent, notified=notified, unmarked=unmarked)


def session_totals(status: SessionStatus, marks: Iterable[Mark | None]) -> Tally:
    """One session's totals: its marks if it was held, nothing if it was planned or cancelled."""
    if status is not SessionStatus.HELD:
        return Tally()
    return tally(marks)


def participant_totals(sessions: Iterable[SessionMark]) -> Tally:
    """One participant's totals over the held sessions. A mark counts wherever it is (it records that
    they came or not); a missing mark counts as unmarked only where they belonged on the session."""
    counted = (
        item.mark
        for item in sessions
        if item.status is SessionStatus.HELD and (item.mark is not None or item.expected)
    )
    return tally(counted)


def attendance_rate(totals: Tally) -> float | None:
    """present / (present + absent + notified), or None when nothing is marked."""
    return totals.present / totals.marked if totals.marked else None


def missed_in_a_row(
    sessions: Sequence[SessionMark], at_least: int = MISSES_IN_A_ROW
) -> tuple[tuple[int, ...], ...]:
    """The runs of ``at_least`` or more missed held sessions, each as its session ids in order.

    ``sessions`` are one participant's, in the order they took place. A session marked present ends a
    run; planned, cancelled and unmarked sessions are passed over without ending it.
    """
    runs: list[tuple[int, ...]] = []
    current: list[int] = []
    for item in sessions:
        if item.status is not SessionStatus.HELD or item.mark is None:
            continue
        if item.mark is Mark.PRESENT:
            if len(current) >= at_least:
                runs.append(tuple(current))
            current = []
        else:
            current.append(item.session_id)
    if len(current) >= at_least:
        runs.append(tuple(current))
    return tuple(runs)


def misses_now(sessions: Sequence[SessionMark], *, count_notified: bool = True) -> int:
    """How many held sessions the participant has missed since they were last present (0 if they were
    present at the latest marked one): a run still going is the one to act on.

    With ``count_notified`` False a notified absence is passed over like an unmarked session: the family
    called, so it neither adds to the run nor ends it."""
    count = 0
    for item in reversed(sessions):
        if item.status is not SessionStatus.HELD or item.mark is None:
            continue
        if item.mark is Mark.NOTIFIED_ABSENCE and not count_notified:
            continue
        if item.mark is Mark.PRESENT:
            break
        count += 1
    return count


def next_mark(mark: Mark | None) -> Mark:
    """The mark one click or Space gives: present, then absent, then notified absence, then present again."""
    order = (Mark.PRESENT, Mark.ABSENT, Mark.NOTIFIED_ABSENCE)
    if mark is None:
        return Mark.PRESENT
    return order[(order.index(mark) + 1) % len(order)]


def allowed_ahead(mark: Mark | None) -> bool:
    """Whether a mark may be recorded for a session still to come: only a notified absence (or none)."""
    return mark is None or mark is Mark.NOTIFIED_ABSENCE


def next_mark_ahead(mark: Mark | None) -> Mark | None:
    """The mark one click gives at a session still to come: notified absence, then none again."""
    return None if mark is Mark.NOTIFIED_ABSENCE else Mark.NOTIFIED_ABSENCE
