"""The Swedish words the follow-up report uses for what the figures are broken down by."""

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.calendar import MONTHS
from biv_desktop.domain.enums import Gender, GroupKind, Organisation, Programme, Role

NOT_RECORDED = "Ej angiven"

GENDER_HEADINGS: dict[Gender, str] = {
    Gender.FEMALE: "Flickor/kvinnor",
    Gender.MALE: "Pojkar/män",
    Gender.OTHER: "Annat",
    Gender.NOT_STATED: "Ej angivet",
}

KIND_PLURALS: dict[GroupKind, str] = {GroupKind.CHILDREN: "Barngrupper", GroupKind.PARENTS: "Föräldragrupper"}

ORGANISATION_LABELS: dict[Organisation, str] = {
    Organisation.PARISH: "pastoratet",
    Organisation.MUNICIPALITY: "kommunen",
    Organisation.OTHER: "annan organisation",
}


def programme_label(programme: Programme) -> str:
    """E.g. 'BIV – Barn i väntan'."""
    return f"{programme.label} – {programme.long_label}"


def age_group_label(role: Role, band: AgeBand | None) -> str:
    """The row of the age table: a band, children outside every band, or the parents."""
    if role is Role.GUARDIAN:
        return "Föräldrar/vårdnadshavare"
    return band.label if band is not None else "Barn utanför åldersspannen"


def short_age_group_label(role: Role, band: AgeBand | None) -> str:
    """The same, short enough for a chart's axis."""
    if role is Role.GUARDIAN:
        return "Föräldrar"
    return band.label if band is not None else "Övriga barn"


def name_label(name: str) -> str:
    """A language, premises or district as written, with a capital first letter; '' as not recorded."""
    name = name.strip()
    return name[:1].upper() + name[1:] if name else NOT_RECORDED


def month_label(year: int, month: int) -> str:
    """E.g. 'april 2024'."""
    return f"{MONTHS[month - 1]} {year}"


def short_month_label(year: int, month: int) -> str:
    """E.g. 'apr 24', for a chart's axis."""
    return f"{MONTHS[month - 1][:3]} {year % 100:02d}"
