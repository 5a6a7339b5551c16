"""What a person on the waiting list waits for: the one rule behind the demand per language × age band,
on the waiting-list screen and in the follow-up report alike.

An entry may name a group, or a mother tongue and an age band. What it names wins; a named group gives
its own language and ages (none for a parents' group); what is still open is the person's own: their
mother tongue, and for a child the age band of the age reached in the year counted (the one age known
from a birth year alone, as in the follow-up's age table); a guardian waits for a parents' group.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from biv_desktop.domain.ages import AgeBand, age_in_year, band_for
from biv_desktop.domain.enums import Role


@dataclass(frozen=True)
class NamedGroup:
    """The group an entry names, as far as the wish goes: its language, and its ages (None: parents')."""

    language: str
    band: AgeBand | None


@dataclass(frozen=True)
class Wish:
    """What an entry names; each part None when not named."""

    group: NamedGroup | None = None
    language: str | None = None
    band: AgeBand | None = None


@dataclass(frozen=True)
class WantedPlace:
    """The kind of group a person waits for: a language, and a parents' group or a children's age band
    (band None for a child: outside every band)."""

    language: str
    parents: bool
    band: AgeBand | None

    @property
    def kind_label(self) -> str:
        """'7–9 år', 'föräldragrupp' or 'annan ålder', as the demand is written."""
        if self.parents:
            return "föräldragrupp"
        return self.band.label if self.band is not None else "annan ålder"


def wanted_place(
    wish: Wish, role: Role, own_language: str, birth_year: int, on: dt.date, bands: tuple[AgeBand, ...]
) -> WantedPlace:
    """The place a person waits for on ``on``: the entry's named language and band, else the named
    group's, else the person's own mother tongue and age band ("" when the language is not known)."""
    group = wish.group
    language = wish.language or (group.language if group is not None else own_language)
    if wish.band is not None:
        return WantedPlace(language, False, wish.band)
    if group is not None:
        return WantedPlace(language, group.band is None, group.band)
    if role is Role.GUARDIAN:
        return WantedPlace(language, True, None)
    return WantedPlace(language, False, band_for(age_in_year(birth_year, on.year), bands))


def bands_in_order(bands: Sequence[AgeBand], found: Iterable[AgeBand | None]) -> tuple[AgeBand, ...]:
    """The settings' ``bands``, then the other bands ``found`` (a named group's own ages), youngest first:
    the order the waiting list's figures and the report's columns take."""
    return (*bands, *sorted({band for band in found if band is not None} - set(bands)))
