"""What a session is called and whether it takes place: one rule for every screen and printout.

A session keeps the number of its place in the group's plan, which is also its theme's number: moving it
to another day, changing its staff, or cancelling other sessions does not renumber it. The count ("av 14")
is the length of the plan, cancelled sessions included, so the last of fourteen is always "Träff 14 av 14"
and a leader holding the paper and the coordinator looking at the screen name the same session.

A session takes place unless it, or its whole group, is cancelled.
"""

from biv_desktop.domain.enums import GroupStatus, SessionStatus


def takes_place(status: SessionStatus, group_status: GroupStatus) -> bool:
    """Whether the session will be (or was) held: neither it nor its group is cancelled."""
    return status is not SessionStatus.CANCELLED and group_status is not GroupStatus.CANCELLED


def booking_label(group_name: str, number: int) -> str:
    """How a conflict names a session: 'BIV Arabiska 7–9 år, Ryd, ht 2025 (träff 3)'."""
    return f"{group_name} (träff {number})"


def session_label(number: int, plan_length: int, *, held: bool = True) -> str:
    """'Träff 3 av 14', or 'Träff 3 av 14 – inställd' for a session that does not take place."""
    label = f"Träff {number} av {max(plan_length, number)}"
    return label if held else f"{label} – inställd"
