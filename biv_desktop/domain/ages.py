"""Age bands and how old a participant counts as."""

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from biv_desktop.domain.errors import ValidationError

YOUNGEST, OLDEST = 7, 20
_BAND = re.compile(r"([0-9]{1,3})\s*-\s*([0-9]{1,3})")


def age_range_label(low: int | None, high: int | None) -> str:
    """Ages as every screen and paper writes them, e.g. '10–12 år'; '' for a group without ages (parents')."""
    return "" if low is None else f"{low}–{high} år"


@dataclass(frozen=True, order=True)
class AgeBand:
    """An inclusive range of ages, e.g. 10–12 år."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValidationError(
                "age_band", "Den lägsta åldern måste vara lägre än eller lika med den högsta."
            )
        if self.low < 0 or self.high > 120:
            raise ValidationError("age_band", "Åldrarna måste ligga mellan 0 och 120 år.")

    def __contains__(self, age: object) -> bool:
        return isinstance(age, int) and self.low <= age <= self.high

    @property
    def label(self) -> str:
        return age_range_label(self.low, self.high)


DEFAULT_AGE_BANDS = (AgeBand(7, 9), AgeBand(10, 12), AgeBand(13, 15), AgeBand(16, 20))


def age_in_year(birth_year: int, year: int) -> int:
    """The age a person reaches during a calendar year: the one age known from a birth year alone."""
    return year - birth_year


def age_on(birth_year: int, day: dt.date, birth_date: dt.date | None = None) -> int:
    """Age on a given day; exact when the birth date is known, otherwise the age reached that year."""
    if birth_date is None:
        return age_in_year(birth_year, day.year)
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (1 if before_birthday else 0)


def band_for(age: int, bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS) -> AgeBand | None:
    """The band an age falls in, if any."""
    return next((band for band in bands if age in band), None)


def parse_age_bands(text: str) -> tuple[AgeBand, ...]:
    """Read bands written as '7-9, 10-12, 13-15, 16-20' (hyphen or en dash), checking they do not overlap."""
    bands: list[AgeBand] = []
    for part in (p.strip() for p in text.replace("–", "-").split(",")):
        if not part:
            continue
        # ASCII digits only, at most three: str.isdigit would let superscripts and endless numbers through.
        found = _BAND.fullmatch(part)
        if found is None:
            raise ValidationError(
                "age_bands", f"”{part[:40]}” är inte ett åldersspann. Skriv t.ex. 7-9, 10-12."
            )
        bands.append(AgeBand(int(found[1]), int(found[2])))
    bands.sort()
    for before, after in itertools.pairwise(bands):
        if after.low <= before.high:
            raise ValidationError("age_bands", f"Åldersspannen {before.label} och {after.label} överlappar.")
    if not bands:
        raise ValidationError("age_bands", "Ange minst ett åldersspann.")
    return tuple(bands)
