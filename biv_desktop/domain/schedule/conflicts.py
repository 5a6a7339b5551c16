"""Booking conflicts: people or premises booked twice at once, and sessions on a holiday or in a break."""

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from biv_desktop.domain.enums import SwedishEnum
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.days_off import SWEDISH_HOLIDAYS, BreakWeek, DaysOff, HolidayCalendar


class ConflictKind(SwedishEnum):
    HOLIDAY = "holiday", "Helgdag"
    BREAK_WEEK = "break_week", "Uppehåll"
    PERSON_DOUBLE_BOOKED = "person_double_booked", "Dubbelbokad person"
    PREMISES_DOUBLE_BOOKED = "premises_double_booked", "Dubbelbokad lokal"


# Calendar problems first, then people, then rooms: the order a list of conflicts is shown in.
_KIND_ORDER = {kind: rank for rank, kind in enumerate(ConflictKind)}


@dataclass(frozen=True)
class Booking:
    """One session as the conflict rules see it: when, where, who, and how to name it to the user.

    `session_key` identifies the session (an id, or anything unique for one not saved yet); bookings with
    the same key are the same session and never conflict with each other. Cancelled sessions are not
    bookings. `label` names the session in messages, e.g. 'BIV Arabiska 10–12 år, Berga, vt 2026 (träff 3)'.
    """

    session_key: Hashable
    date: dt.date
    start: dt.time
    end: dt.time
    premises_id: int | None = None
    leader_ids: tuple[int, ...] = ()
    interpreter_id: int | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValidationError("end_time", "Sluttiden måste vara efter starttiden.")

    def overlaps(self, other: "Booking") -> bool:
        """Whether the two meet at the same time; one ending at 19:00 and one starting then do not."""
        return self.date == other.date and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Conflict:
    """One problem with a session, with a Swedish sentence for the user.

    For a double booking `other_key` and `other_label` name the other session, and `leader_ids` or
    `interpreter_id` say who is booked twice.
    """

    kind: ConflictKind
    session_key: Hashable
    message: str
    other_key: Hashable | None = None
    other_label: str = ""
    leader_ids: tuple[int, ...] = ()
    interpreter_id: int | None = None


def _times(booking: Booking) -> str:
    return f"{booking.start:%H:%M}–{booking.end:%H:%M}"


def _name(booking: Booking) -> str:
    return booking.label.strip() or "en annan träff"


def _pair_conflicts(candidate: Booking, other: Booking) -> list[Conflict]:
    """What `candidate` clashes with in `other`, which it is known to overlap in time."""
    found: list[Conflict] = []
    shared_leaders = tuple(sorted(set(candidate.leader_ids) & set(other.leader_ids)))
    if shared_leaders:
        who = (
            "Båda gruppledarna är redan bokade" if len(shared_leaders) > 1 else "Gruppledaren är redan bokad"
        )
        found.append(
            Conflict(
                ConflictKind.PERSON_DOUBLE_BOOKED,
                candidate.session_key,
                f"{who} {_times(other)} i {_name(other)}.",
                other.session_key,
                other.label,
                leader_ids=shared_leaders,
            )
        )
    if candidate.interpreter_id is not None and candidate.interpreter_id == other.interpreter_id:
        found.append(
            Conflict(
                ConflictKind.PERSON_DOUBLE_BOOKED,
                candidate.session_key,
                f"Tolken är redan bokad {_times(other)} i {_name(other)}.",
                other.session_key,
                other.label,
                interpreter_id=candidate.interpreter_id,
            )
        )
    if candidate.premises_id is not None and candidate.premises_id == other.premises_id:
        found.append(
            Conflict(
                ConflictKind.PREMISES_DOUBLE_BOOKED,
                candidate.session_key,
                f"Lokalen är redan bokad {_times(other)} för {_name(other)}.",
                other.session_key,
                other.label,
            )
        )
    return found


def _calendar_conflicts(booking: Booking, days_off: DaysOff) -> list[Conflict]:
    found: list[Conflict] = []
    holiday = days_off.holiday_on(booking.date)
    if holiday is not None:
        found.append(
            Conflict(
                ConflictKind.HOLIDAY,
                booking.session_key,
                f"Träffen ligger på en helgdag: {holiday} ({booking.date.isoformat()}).",
            )
        )
    pause = days_off.break_on(booking.date)
    if pause is not None:
        found.append(
            Conflict(
                ConflictKind.BREAK_WEEK,
                booking.session_key,
                f"Träffen ligger under ett uppehåll: {pause.label}.",
            )
        )
    return found


# Sorted by kind, then by the other session's time and name, so lists read the same wherever they are shown.
_SortKey = tuple[int, dt.time, dt.time, str]


def _sort_key(conflict: Conflict, other: Booking | None) -> _SortKey:
    if other is None:
        return (_KIND_ORDER[conflict.kind], dt.time.min, dt.time.min, "")
    return (_KIND_ORDER[conflict.kind], other.start, other.end, other.label)


def find_conflicts(
    candidate: Booking,
    others: Iterable[Booking],
    holidays: HolidayCalendar = SWEDISH_HOLIDAYS,
    breaks: Iterable[BreakWeek] = (),
) -> list[Conflict]:
    """Everything wrong with booking `candidate` beside `others`: for creating, moving or substituting."""
    keyed = [(_sort_key(c, None), c) for c in _calendar_conflicts(candidate, DaysOff(holidays, breaks))]
    for other in others:
        if other.session_key != candidate.session_key and candidate.overlaps(other):
            keyed.extend((_sort_key(c, other), c) for c in _pair_conflicts(candidate, other))
    keyed.sort(key=lambda item: item[0])
    return [conflict for _, conflict in keyed]


def find_all_conflicts(
    bookings: Iterable[Booking],
    holidays: HolidayCalendar = SWEDISH_HOLIDAYS,
    breaks: Iterable[BreakWeek] = (),
) -> dict[Hashable, list[Conflict]]:
    """Every session's conflicts among many, by session key; sessions without conflicts are left out.

    Gives the same as `find_conflicts` for each booking against all the others, but compares only
    bookings on the same day, swept in order of start time, so years of sessions take little time.
    Each booking needs its own `session_key`.
    """
    by_day: dict[dt.date, list[Booking]] = defaultdict(list)
    seen: set[Hashable] = set()
    for booking in bookings:
        if booking.session_key in seen:
            raise ValueError(f"Two bookings share the session key {booking.session_key!r}.")
        seen.add(booking.session_key)
        by_day[booking.date].append(booking)

    days_off = DaysOff(holidays, breaks)
    keyed: dict[Hashable, list[tuple[_SortKey, Conflict]]] = defaultdict(list)
    for day_bookings in by_day.values():
        day_bookings.sort(key=lambda item: (item.start, item.end))
        running: list[Booking] = []
        for booking in day_bookings:
            keyed[booking.session_key].extend(
                (_sort_key(c, None), c) for c in _calendar_conflicts(booking, days_off)
            )
            # Sorted by start, so an earlier booking overlaps this one exactly when it ends after this starts;
            # one that has ended cannot overlap any later booking either.
            running = [earlier for earlier in running if earlier.end > booking.start]
            for earlier in running:
                keyed[booking.session_key].extend(
                    (_sort_key(c, earlier), c) for c in _pair_conflicts(booking, earlier)
                )
                keyed[earlier.session_key].extend(
                    (_sort_key(c, booking), c) for c in _pair_conflicts(earlier, booking)
                )
            running.append(booking)

    result: dict[Hashable, list[Conflict]] = {}
    for key, entries in keyed.items():
        if entries:
            entries.sort(key=lambda item: item[0])
            result[key] = [conflict for _, conflict in entries]
    return result
