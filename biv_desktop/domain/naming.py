"""Names the program suggests for groups."""

import datetime as dt

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.calendar import term_label
from biv_desktop.domain.enums import GroupKind, Programme


def group_name(
    programme: Programme,
    kind: GroupKind,
    language: str,
    age_band: AgeBand | None,
    district: str,
    start: dt.date,
) -> str:
    """A group's suggested name after its premises' district, e.g. 'BIV Somaliska 10–12 år, Berga, vt 2026'.

    The district (Ryd, Berga, Skäggetorp) rather than the premises' full name keeps names short and is what
    the coordinator and the families call the place.
    """
    language_part = language[:1].upper() + language[1:]
    who = "föräldrar" if kind is GroupKind.PARENTS else (age_band.label if age_band else "barn")
    return f"{programme.label} {language_part} {who}, {district}, {term_label(start)}"
