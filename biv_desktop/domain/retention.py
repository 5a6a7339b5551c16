"""How long personal data is kept (gallring): when a person's data is due, and what anonymising keeps.

A participant's data is needed while they wait for a place or are in a planned or running group. After
their last group ended (the day they left it, or for a group that is over, its last session) it is kept
for the retention period in the settings and is then due for anonymising. Someone who was never in a
group themselves (a guardian registered with the family, say) goes by their family: kept while a member
is still active, due a retention period after the family's last group ended. A group leader or an
interpreter is due a retention period after being marked inactive, unless still booked for sessions ahead.
"""

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from biv_desktop.domain.enums import GroupStatus

# What anonymising a participant removes and keeps, in the words the confirmation uses.
PARTICIPANT_REMOVED = (
    "namn (även namnet i egen skrift)",
    "födelsedatum",
    "vårdnadshavarens telefonnummer",
    "samtycket (datum och vem som gav det)",
    "kopplingen till familjen",
    "datum då statusen (BIV/BIS) ändrades",
    "orsaken till att hen lämnade en grupp",
)
PARTICIPANT_KEPT = (
    "födelseår",
    "kön",
    "roll (barn eller förälder)",
    "program och status (BIV/BIS)",
    "modersmål",
    "bostadsområde",
    "grupper och närvaro",
)
STAFF_REMOVED = ("namn", "telefonnummer", "e-postadress")
STAFF_KEPT = ("organisation", "utbildning", "språk", "vilka träffar hen lett eller tolkat")

# An anonymised leader or interpreter keeps this as first name: the register needs a name there.
ANONYMISED_STAFF_NAME = "Anonymiserad"
# How every screen and printout names a participant whose name was removed.
ANONYMISED_NAME = "Anonymiserad deltagare"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; a day the later month lacks becomes its last (31 March + 1 → 30 April)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class GroupSpan:
    """One enrolment of a participant, with what tells when their time in the group ended."""

    status: GroupStatus
    start_date: dt.date
    last_session: dt.date | None  # the group's last session that was not cancelled
    left_on: dt.date | None


def span_end(span: GroupSpan) -> dt.date | None:
    """When the participant's time in the group ended; None while they are in a planned or running group."""
    if span.left_on is not None:
        return span.left_on
    if span.status in (GroupStatus.PLANNED, GroupStatus.RUNNING):
        return None
    return span.last_session or span.start_date


@dataclass(frozen=True)
class Standing:
    """Whether a person's data is still in use: active (never due), or when their last group ended."""

    active: bool
    last_ended: dt.date | None  # None: never in a group (and no family member was either)


def own_standing(waiting: bool, spans: Iterable[GroupSpan]) -> Standing:
    """A participant's standing from their own place on the waiting list and their enrolments."""
    ends = [span_end(span) for span in spans]
    active = waiting or any(end is None for end in ends)
    return Standing(active, max((end for end in ends if end is not None), default=None))


def family_standing(own: Standing, had_groups: bool, family: Iterable[Standing]) -> Standing:
    """The standing of someone never in a group goes by their family's; others keep their own."""
    if own.active or had_groups:
        return own
    members = list(family)
    if any(member.active for member in members):
        return Standing(True, None)
    ended = [member.last_ended for member in members if member.last_ended is not None]
    return Standing(False, max(ended, default=None))


def due_since(standing: Standing, months: int) -> dt.date | None:
    """The day the data became due: ``months`` after the last group ended (None if there is no such day)."""
    if standing.active or standing.last_ended is None:
        return None
    return add_months(standing.last_ended, months)


def is_due(standing: Standing, months: int, today: dt.date) -> bool:
    """Whether the data is due for anonymising today; someone never in any group is due at once."""
    if standing.active:
        return False
    since = due_since(standing, months)
    return since is None or since <= today


def staff_due_since(inactive_since: dt.date | None, months: int) -> dt.date | None:
    """The day an inactive leader's or interpreter's data became due (None if the day they left is unknown)."""
    return None if inactive_since is None else add_months(inactive_since, months)


def staff_is_due(
    active: bool, inactive_since: dt.date | None, sessions_ahead: int, months: int, today: dt.date
) -> bool:
    """Whether an inactive leader's or interpreter's data is due; never while active or booked ahead."""
    if active or sessions_ahead:
        return False
    since = staff_due_since(inactive_since, months)
    return since is None or since <= today


def backup_kept_until(taken_on: dt.date, monthly: int) -> dt.date:
    """The latest day the rotation keeps a backup, if a backup is taken at least once a month.

    The rotation keeps the newest backup of each of the last ``monthly`` months that have one, so a
    backup is gone once that many later months have their own: at the latest on the first of the month
    ``monthly`` months after the one it was taken in.
    """
    return add_months(taken_on.replace(day=1), monthly)
