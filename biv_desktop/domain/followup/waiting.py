"""Demand in a follow-up period: the waiting list at the period's end, by language and age group."""

from collections import Counter

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import Role
from biv_desktop.domain.followup.figures import WaitingCount, WaitingFigures
from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.records import FollowUpRecords
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.domain.waiting import bands_in_order, wanted_place


def waiting_figures(records: FollowUpRecords, period: Period) -> WaitingFigures | None:
    """Those on the waiting list on the period's last day (or on the day it was read, if earlier), by
    the language and age group they wait for (``domain.waiting``: what the entry names, else a child's
    age reached in that day's year, as in the age table); parents apart. None when the list was not read."""
    if records.waiting_read_on is None:
        return None
    on = min(period.last, records.waiting_read_on)
    bands = records.rules.age_bands
    keys: Counter[tuple[str, Role, AgeBand | None]] = Counter()
    for person in records.waiting:
        if person.added_on > on:
            continue
        place = wanted_place(person.wish, person.role, person.language, person.birth_year, on, bands)
        if place.parents:
            keys[(place.language, Role.GUARDIAN, None)] += 1
        else:
            keys[(place.language, Role.CHILD, place.band)] += 1
    # A named group's own ages may differ from the bands in the settings: they come after them.
    order = {band: index for index, band in enumerate(bands_in_order(bands, (band for _, _, band in keys)))}

    def position(key: tuple[str, Role, AgeBand | None]) -> tuple[str, int]:
        language, role, band = key
        rank = order[band] if band is not None else len(order) + (role is Role.GUARDIAN)
        return swedish_sort_key(language), rank

    return WaitingFigures(
        on=on,
        exact=records.waiting_read_on <= period.last,
        bands=bands,
        counts=tuple(WaitingCount(*key, keys[key]) for key in sorted(keys, key=position)),
        total=sum(keys.values()),
    )
