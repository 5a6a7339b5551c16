"""Searching people by what the coordinator remembers: a name in either script, a language, an age.

Every word typed must begin a word of the row ("ras" finds Rasha, "bis" finds BIS but not arabiska).
Text is folded before it is compared, so that a name is found however it was typed: case and accents
are ignored, and the Arabic-script letters that keyboards write differently count as the same letter
(``domain.folding.fold``).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from biv_desktop.domain.folding import fold

_AGE_RANGE = re.compile(r"^(\d{1,3})[-–](\d{1,3})$")
# Hyphens, commas and other punctuation separate words: Al-Zahraa is found by "zahraa".
_SEPARATORS = re.compile(r"[\W_]+")


def _words(text: str) -> list[str]:
    return [word for word in _SEPARATORS.split(fold(text)) if word]


@lru_cache(maxsize=8192)
def _part_key(part: str) -> str:
    # Most parts recur from row to row (languages, statuses, places, group names, common first names):
    # folded once, not once per person (2,338 people took 0.13 s to fold).
    return "".join(f" {word}" for word in _words(part))


def search_key(*parts: str) -> str:
    """The folded words a row is searched in, each after a space, made once when the row is read."""
    return "".join(_part_key(part) for part in parts)


@dataclass(frozen=True)
class SearchQuery:
    """What the user typed, split into words: each text word must begin a word of the row, a number (11, 2015)
    must be the age or the birth year, and a range (13-15) must hold the age."""

    words: tuple[str, ...] = ()
    numbers: tuple[int, ...] = ()
    age_ranges: tuple[tuple[int, int], ...] = ()

    @classmethod
    def parse(cls, text: str) -> "SearchQuery":
        words: list[str] = []
        numbers: list[int] = []
        ranges: list[tuple[int, int]] = []
        for typed in text.split():
            age_range = _AGE_RANGE.match(typed)
            if typed.isdecimal():  # Arabic-Indic digits (١١) count as well as 11
                numbers.append(int(typed))
            elif age_range:
                low, high = sorted((int(age_range[1]), int(age_range[2])))
                ranges.append((low, high))
            else:
                words.extend(_words(typed))
        return cls(tuple(words), tuple(numbers), tuple(ranges))

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.numbers or self.age_ranges)

    def narrows(self, earlier: "SearchQuery") -> bool:
        """Whether every row this query matches is one ``earlier`` matches too, as when a letter is typed on:
        each earlier word begins a word of this one, and the earlier numbers and ranges are all still asked."""
        return (
            set(earlier.numbers) <= set(self.numbers)
            and set(earlier.age_ranges) <= set(self.age_ranges)
            and all(any(word.startswith(old) for word in self.words) for old in earlier.words)
        )

    def matches(self, key: str, age: int, birth_year: int) -> bool:
        """Whether a row with this search key, age and birth year has every word and number typed."""
        return (
            all(number in (age, birth_year) for number in self.numbers)
            and all(low <= age <= high for low, high in self.age_ranges)
            and all(f" {word}" in key for word in self.words)
        )
