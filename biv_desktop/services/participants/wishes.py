"""What a waiting-list entry may name: a group, or a mother tongue and an age band, checked so that the
entry never says two different things (a named group implies its own language and ages)."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enrolment_rules import enrolment_warnings
from biv_desktop.domain.enums import GroupKind, GroupStatus, Role
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.participants.enrolment import candidate_of, places_of
from biv_desktop.services.register.settings import settings_in
from biv_desktop.store.models import Group, Language, Participant, WaitingListEntry


@dataclass(frozen=True)
class WaitingWish:
    """What the coordinator names for someone on the waiting list; each part None when not named."""

    group_id: int | None = None
    language_id: int | None = None
    age_band: AgeBand | None = None


def apply_wish(
    session: Session, entry: WaitingListEntry, person: Participant, wish: WaitingWish, override: bool
) -> None:
    """Store ``wish`` on the entry after checking it; a ValidationError in Swedish names what is wrong.

    A named group the person does not fit (by age, mother tongue or programme: the enrolment rules) is
    a NeedsConfirmation unless ``override``; that it is full is no warning here, it is why they wait."""
    if wish.group_id is not None:
        group = get_or_missing(session, Group, wish.group_id, "group_id")
        _check_group(group, person, wish)
        # Counted as empty: a full group is the very reason to wait for it.
        warnings = enrolment_warnings(candidate_of(person), places_of(group, 0))
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        # The group gives the language and ages: stored once, with the group, so they cannot disagree.
        entry.group_id, entry.language_id, entry.age_min, entry.age_max = group.id, None, None, None
        return
    if wish.language_id is not None:
        get_or_missing(session, Language, wish.language_id, "language_id")
    band = wish.age_band
    if band is not None:
        if person.role is Role.GUARDIAN:
            raise ValidationError(
                "age_band", "En förälder väntar på en föräldragrupp, som inte har något åldersspann."
            )
        bands = settings_in(session).age_bands
        if band not in bands:
            raise ValidationError(
                "age_band",
                f"Välj ett av åldersspannen i inställningarna: {', '.join(b.label for b in bands)}.",
            )
    entry.group_id, entry.language_id = None, wish.language_id
    entry.age_min, entry.age_max = (band.low, band.high) if band is not None else (None, None)


def _check_group(group: Group, person: Participant, wish: WaitingWish) -> None:
    if group.status in (GroupStatus.FINISHED, GroupStatus.CANCELLED):
        raise ValidationError(
            "group_id",
            f"Gruppen {group.name} är {group.status.label.lower()}. Välj en planerad eller pågående grupp.",
        )
    if group.kind is GroupKind.PARENTS and person.role is Role.CHILD:
        raise ValidationError(
            "group_id", f"{person.full_name} är ett barn och {group.name} en föräldragrupp."
        )
    if group.kind is GroupKind.CHILDREN and person.role is Role.GUARDIAN:
        raise ValidationError(
            "group_id", f"{person.full_name} är förälder/vårdnadshavare och {group.name} en barngrupp."
        )
    if wish.language_id is not None and wish.language_id != group.language_id:
        raise ValidationError(
            "language_id",
            f"Gruppen {group.name} har språket {group.language.name}. Välj inget annat språk, eller ingen "
            "grupp om deltagaren väntar på ett annat språk.",
        )
    ages = None if group.age_min is None or group.age_max is None else AgeBand(group.age_min, group.age_max)
    if wish.age_band is not None and wish.age_band != ages:
        raise ValidationError(
            "age_band",
            f"Gruppen {group.name} är för {ages.label if ages else 'föräldrar'}. Välj inget annat "
            "åldersspann, eller ingen grupp om deltagaren väntar på en annan åldersgrupp.",
        )
