"""Changing a planned group's dates so that its sessions keep their shape: in plan order, on free days.

A session keeps its number, which is its theme's place in the plan (``numbering``). So the order of the themes
is the order of the numbers, and a schedule keeps its shape when the sessions that take place have dates that
rise with their numbers and none falls on a holiday or in a break. The closing session (the plan's last,
"Fest och avslutning") is then always the last one held, as long as it is never cancelled on its own.

Every change here either returns the group's new dates or refuses with a sentence (ValidationError); it never
returns a schedule out of shape:

- **Move only this one**: the session takes the new date, which must lie after the session before it and
  before the one after it.
- **Shift this and every later one**: the session takes the new date and each later planned session moves
  only as far as it must: to the group's weekday in the week after the session before it, or later if that
  day is off. A later session already far enough ahead stays where it is.
- **Cancel only this one**: the session is called off and its theme is not held (the user chose that). The
  closing session cannot be called off on its own.
- **Cancel and let the themes move up** (the default): the date is called off, but not the theme. The session
  and every later one shift to the next free week, so the closing theme takes the new last date.
- **Break weeks**: the first planned session on a day off and every later one shift, as above.
- **A parents' group that follows** gets the children's group's changes number by number: the same date when
  it met the same day, else its own day of the children's new week.
"""

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.days_off import DaysOff
from biv_desktop.domain.schedule.plan import next_free_date


class Way(Enum):
    """How far a move or a cancellation reaches."""

    ONLY_THIS = "only_this"
    SHIFT_LATER = "shift_later"


@dataclass(frozen=True)
class Slot:
    """One session of a group as the shape rules see it: its number (its theme's place), date and status."""

    number: int
    date: dt.date
    status: SessionStatus

    @property
    def takes_place(self) -> bool:
        return self.status is not SessionStatus.CANCELLED

    @property
    def planned(self) -> bool:
        return self.status is SessionStatus.PLANNED


@dataclass(frozen=True)
class GroupShape:
    """A group's sessions, its meeting weekday, and the days no session is held."""

    slots: tuple[Slot, ...]
    weekday: int
    days_off: DaysOff

    @staticmethod
    def of(slots: Iterable[Slot], weekday: int, days_off: DaysOff) -> "GroupShape":
        return GroupShape(tuple(sorted(slots, key=lambda slot: slot.number)), weekday, days_off)

    def slot(self, number: int) -> Slot:
        for slot in self.slots:
            if slot.number == number:
                return slot
        raise ValidationError("number", f"Gruppen har ingen träff {number}.")

    @property
    def closing_number(self) -> int:
        """The number of the plan's last session, the closing one."""
        return max(slot.number for slot in self.slots)

    def with_slots(self, slots: Iterable[Slot]) -> "GroupShape":
        return replace(self, slots=tuple(sorted(slots, key=lambda slot: slot.number)))

    def replaced(self, changed: Iterable[Slot]) -> "GroupShape":
        by_number = {slot.number: slot for slot in self.slots}
        by_number.update({slot.number: slot for slot in changed})
        return self.with_slots(by_number.values())

    def changes_from(self, before: "GroupShape") -> tuple[tuple[Slot, Slot], ...]:
        """Each session whose date or status differs from ``before``: (before, after), in plan order."""
        old = {slot.number: slot for slot in before.slots}
        return tuple((old[slot.number], slot) for slot in self.slots if old.get(slot.number, slot) != slot)


def week_after(day: dt.date, weekday: int) -> dt.date:
    """The group's weekday in the calendar week after ``day``'s."""
    monday_after = day + dt.timedelta(days=7 - day.weekday())
    return monday_after + dt.timedelta(days=weekday)


def _refuse_day_off(day: dt.date, days_off: DaysOff) -> None:
    reason = days_off.reason(day)
    if reason is not None:
        raise ValidationError("date", f"{day.isoformat()} hålls inga träffar ({reason}). Välj en annan dag.")


def _neighbours(shape: GroupShape, number: int) -> tuple[Slot | None, Slot | None]:
    """The sessions that take place just before and just after session ``number`` in the plan."""
    before = [slot for slot in shape.slots if slot.number < number and slot.takes_place]
    after = [slot for slot in shape.slots if slot.number > number and slot.takes_place]
    return (before[-1] if before else None, after[0] if after else None)


def _must_follow(previous: Slot | None, number: int, day: dt.date) -> None:
    if previous is not None and day <= previous.date:
        raise ValidationError(
            "date",
            f"Träff {number} måste ligga efter träff {previous.number} ({previous.date.isoformat()}), "
            "så att temana hålls i planens ordning.",
        )


def _planned(shape: GroupShape, number: int) -> Slot:
    slot = shape.slot(number)
    if slot.status is SessionStatus.HELD:
        raise ValidationError("status", f"Träff {number} är genomförd och kan inte flyttas eller ställas in.")
    if slot.status is SessionStatus.CANCELLED:
        raise ValidationError("status", f"Träff {number} är inställd. Återställ den först.")
    return slot


def shift_from(shape: GroupShape, number: int, first_date: dt.date) -> GroupShape:
    """Session ``number`` on ``first_date`` (a free day after the session before it), and each later planned
    session moved only as far as it must to stay in order on a free day."""
    _refuse_day_off(first_date, shape.days_off)
    _must_follow(_neighbours(shape, number)[0], number, first_date)
    moved = [replace(shape.slot(number), date=first_date)]
    previous = first_date
    for slot in shape.slots:
        if slot.number <= number or not slot.takes_place:
            continue
        earliest = week_after(previous, shape.weekday)
        if slot.date >= earliest and shape.days_off.reason(slot.date) is None:
            previous = slot.date
            continue  # far enough ahead already: it, and so every later one, can stay
        if not slot.planned:
            raise ValidationError(
                "status",
                f"Träff {slot.number} är genomförd och kan inte flyttas; senare träffar kan inte skjutas förbi den.",
            )
        found = next_free_date(max(earliest, slot.date), shape.days_off).date
        moved.append(replace(slot, date=found))
        previous = found
    return shape.replaced(moved)


def move(shape: GroupShape, number: int, new_date: dt.date, way: Way) -> GroupShape:
    """Session ``number`` moved to ``new_date``, alone or pushing the later ones ahead of it."""
    slot = _planned(shape, number)
    if new_date == slot.date:
        return shape
    if way is Way.SHIFT_LATER:
        return shift_from(shape, number, new_date)
    _refuse_day_off(new_date, shape.days_off)
    previous, following = _neighbours(shape, number)
    _must_follow(previous, number, new_date)
    if following is not None and new_date >= following.date:
        raise ValidationError(
            "date",
            f"Träff {number} måste ligga före träff {following.number} ({following.date.isoformat()}), så att "
            "temana hålls i planens ordning. Välj att flytta även de senare träffarna.",
        )
    return shape.replaced([replace(slot, date=new_date)])


def cancel(shape: GroupShape, number: int, way: Way) -> GroupShape:
    """Session ``number`` called off: its theme dropped (only this one) or moved up with the rest."""
    slot = _planned(shape, number)
    if way is Way.SHIFT_LATER:
        found = next_free_date(week_after(slot.date, shape.weekday), shape.days_off).date
        return shift_from(shape, number, found)
    if number == shape.closing_number:
        raise ValidationError(
            "status",
            "Avslutningen är alltid gruppens sista träff och kan inte ställas in ensam. Ställ in den och "
            "flytta fram den, eller avsluta gruppen.",
        )
    return shape.replaced([replace(slot, status=SessionStatus.CANCELLED)])


def restore(shape: GroupShape, number: int) -> GroupShape:
    """A cancelled session planned again on its date, if that date is still free and in order."""
    slot = shape.slot(number)
    if slot.status is not SessionStatus.CANCELLED:
        raise ValidationError("status", "Träffen är inte inställd.")
    _refuse_day_off(slot.date, shape.days_off)
    previous, following = _neighbours(shape, number)
    _must_follow(previous, number, slot.date)
    if following is not None and slot.date >= following.date:
        raise ValidationError(
            "date",
            f"Träff {number} ({slot.date.isoformat()}) skulle hamna efter träff {following.number} "
            f"({following.date.isoformat()}). Flytta den först till ett datum före träff {following.number}.",
        )
    return shape.replaced([replace(slot, status=SessionStatus.PLANNED)])


def clear_days_off(shape: GroupShape) -> GroupShape:
    """The group with its first planned session on a day off, and every later one, shifted to free days."""
    for slot in shape.slots:
        if slot.planned and shape.days_off.reason(slot.date) is not None:
            found = next_free_date(slot.date, shape.days_off).date
            previous = _neighbours(shape, slot.number)[0]
            if previous is not None and found <= previous.date:
                found = next_free_date(week_after(previous.date, shape.weekday), shape.days_off).date
            return shift_from(shape, slot.number, found)
    return shape


def _followed_date(parents: GroupShape, own: dt.date, before: dt.date, after: dt.date) -> dt.date:
    """Where a parents' session goes when its children's session moves from ``before`` to ``after``."""
    if own == before:
        day = after  # meeting the same day as the children: stays the same day
    else:
        # Meeting another day of the same week: moves as many weeks as the children's session did.
        weeks = (
            (after - dt.timedelta(days=after.weekday())) - (before - dt.timedelta(days=before.weekday()))
        ).days
        day = own + dt.timedelta(days=weeks)
    return next_free_date(day, parents.days_off).date


def follow(parents: GroupShape, children_before: GroupShape, children_after: GroupShape) -> GroupShape:
    """The parents' group given the children's group's change, number by number.

    Each parents' session whose children's session changed takes its new status, if it stood as the
    children's did (planned, or cancelled when the children's is restored); a held one stays. A parents'
    session held the same day as the children's takes the children's new date; one held another day of the
    week moves as many weeks as the children's did (the themes follow week by week). Refused if that would
    leave the parents' group out of shape.
    """
    changed = {
        after.number: (before, after) for before, after in children_after.changes_from(children_before)
    }
    moved = [
        replace(
            slot,
            date=_followed_date(
                parents, slot.date, changed[slot.number][0].date, changed[slot.number][1].date
            ),
            status=changed[slot.number][1].status,
        )
        for slot in parents.slots
        if slot.number in changed
        and slot.status is not SessionStatus.HELD
        and slot.status is changed[slot.number][0].status
    ]
    result = parents.replaced(moved)
    problem = shape_problem(result)
    if problem is not None:
        raise ValidationError("parents", f"Föräldragruppen kan inte följa med: {problem}")
    return result


def shape_problem(shape: GroupShape) -> str | None:
    """What is out of shape among the planned sessions that take place, or None."""
    held = [slot for slot in shape.slots if slot.takes_place]
    for slot in held:
        reason = shape.days_off.reason(slot.date)
        if slot.planned and reason is not None:
            return (
                f"träff {slot.number} skulle hamna {slot.date.isoformat()}, då inga träffar hålls ({reason})."
            )
    for earlier, later in itertools.pairwise(held):
        if later.date <= earlier.date:
            return (
                f"träff {later.number} ({later.date.isoformat()}) skulle inte ligga efter träff "
                f"{earlier.number} ({earlier.date.isoformat()})."
            )
    return None
