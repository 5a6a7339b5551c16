"""The rules for placing a participant in a group, as warnings the coordinator may override.

Groups are divided by age and mother tongue, are either BIV or BIS, hold about six participants, and a
participant takes part in one group at a time. None of that is absolute (a sibling one year too young, a
Pashto speaker who follows Dari well), so each broken rule is a Swedish sentence, not a refusal.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from biv_desktop.domain.ages import age_on, age_range_label
from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, ProgrammeStatus, Role


@dataclass(frozen=True)
class Candidate:
    """What the rules need to know about the participant being placed."""

    birth_year: int
    birth_date: dt.date | None
    role: Role
    mother_tongue: str  # the language's Swedish name; '' when not recorded
    programme_status: ProgrammeStatus


@dataclass(frozen=True)
class GroupPlaces:
    """What the rules need to know about the group: its band, language, programme and free places."""

    name: str
    kind: GroupKind
    programme: Programme
    language: str
    age_min: int | None
    age_max: int | None
    start_date: dt.date
    status: GroupStatus
    capacity: int
    enrolled: int  # participants in the group now, not counting the candidate


@dataclass(frozen=True)
class CurrentGroup:
    """Another group the participant is in and has not left."""

    name: str
    status: GroupStatus


def age_in_group(candidate: Candidate, group: GroupPlaces) -> int:
    """The age the participant counts as in a group: their age on the group's start date.

    Exact when the birth date is known (a child whose birthday falls after the start is a year younger,
    as they would say themselves); from a birth year alone, the age reached in the year the group starts,
    the only age a birth year gives. The register shows the same age on the group's roster.
    """
    return age_on(candidate.birth_year, group.start_date, candidate.birth_date)


def _age_warning(candidate: Candidate, group: GroupPlaces) -> str | None:
    if group.age_min is None or group.age_max is None:
        return None
    age = age_in_group(candidate, group)
    if group.age_min <= age <= group.age_max:
        return None
    return f"Deltagaren är {age} år, gruppen är för {age_range_label(group.age_min, group.age_max)}."


def _role_warning(candidate: Candidate, group: GroupPlaces) -> str | None:
    if candidate.role is Role.CHILD and group.kind is GroupKind.PARENTS:
        return "Deltagaren är registrerad som barn, men gruppen är en föräldragrupp."
    if candidate.role is Role.GUARDIAN and group.kind is GroupKind.CHILDREN:
        return "Deltagaren är registrerad som förälder/vårdnadshavare, men gruppen är en barngrupp."
    return None


def _language_warning(candidate: Candidate, group: GroupPlaces) -> str | None:
    if not candidate.mother_tongue:
        return f"Deltagarens modersmål är inte angivet; gruppen hålls på {group.language}."
    if candidate.mother_tongue.casefold() != group.language.casefold():
        return f"Deltagarens modersmål är {candidate.mother_tongue}, gruppen hålls på {group.language}."
    return None


def _programme_warning(candidate: Candidate, group: GroupPlaces) -> str | None:
    status = candidate.programme_status
    if status.programme is group.programme:
        return None
    return (
        f"Deltagarens status är {status.label.lower()} ({status.programme.label}), "
        f"gruppen är en {group.programme.label}-grupp ({group.programme.long_label})."
    )


def _places_warning(group: GroupPlaces) -> str | None:
    if group.enrolled < group.capacity:
        return None
    return f"Gruppen är full: {group.enrolled} deltagare på {group.capacity} platser."


def _status_warning(group: GroupPlaces) -> str | None:
    if group.status is GroupStatus.FINISHED:
        return "Gruppen är redan avslutad."
    return None


def _other_group_warning(other: CurrentGroup) -> str:
    if other.status is GroupStatus.PLANNED:
        return f"Deltagaren är redan anmäld till den planerade gruppen ”{other.name}”."
    return f"Deltagaren går redan i gruppen ”{other.name}”."


def enrolment_warnings(
    candidate: Candidate, group: GroupPlaces, other_groups: Sequence[CurrentGroup] = ()
) -> tuple[str, ...]:
    """Every rule the placement breaks, one Swedish sentence each; empty when it breaks none.

    ``other_groups`` are the planned or running groups the participant is already in and has not left.
    """
    found = (
        _status_warning(group),
        _role_warning(candidate, group),
        _age_warning(candidate, group),
        _language_warning(candidate, group),
        _programme_warning(candidate, group),
        _places_warning(group),
    )
    return (
        *(warning for warning in found if warning is not None),
        *(_other_group_warning(other) for other in other_groups),
    )
