"""Finding a registered person's name in a quote, so that no feedback quote names anyone.

A quote is split into words, and each word is compared, folded (``domain.folding``: no case, no accents,
one form per Arabic letter), with the words of every registered name: participants and guardians (in Latin
letters and in their own script), group leaders and interpreters. A name is found as a whole word: "Ali"
in "Ali kom sent", never in "Alingsås". Name parts shorter than ``SHORTEST_NAME_WORD`` letters ("Li",
"Bo") are everyday words too and are not looked for.

Where a name is found: on entry the quote is refused, naming the word; before a report is printed the word
is replaced by ``MASK`` (a quote saved before this check, or a name registered after the quote was).
"""

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from biv_desktop.domain.folding import fold

SHORTEST_NAME_WORD = 3
MASK = "[namn]"
# Joiners and the tatweel sit inside Arabic-script words, marks on their letters: all part of the word.
_IN_WORD = frozenset("\u200c\u200d\u0640")


@dataclass(frozen=True)
class NameInText:
    """A word of a text that is a registered name: where it is, and the word as written in the text."""

    start: int
    end: int
    word: str


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN" or char in _IN_WORD


def words_in(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of the text with where it starts and ends: letters, marks and digits, joiners included."""
    start: int | None = None
    for index, char in enumerate(text):
        if _is_word_char(char):
            if start is None:
                start = index
        elif start is not None:
            yield start, index, text[start:index]
            start = None
    if start is not None:
        yield start, len(text), text[start:]


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The folded words of the names worth looking for in free text."""
    # Each distinct name and word once: the same first names and surnames recur all over a register (a
    # follow-up on the 20-year demo register reads 23,000 name parts, a few hundred of them distinct).
    words = {word for name in set(names) for _start, _end, word in words_in(name)}
    return frozenset(folded for word in words if len(folded := fold(word)) >= SHORTEST_NAME_WORD)


def names_in(text: str, names: frozenset[str]) -> tuple[NameInText, ...]:
    """The words of the text that are one of the folded name words, in reading order."""
    return tuple(NameInText(start, end, word) for start, end, word in words_in(text) if fold(word) in names)


def masked(text: str, found: Iterable[NameInText]) -> str:
    """The text with every found name replaced by MASK."""
    pieces: list[str] = []
    at = 0
    for name in sorted(found, key=lambda name: name.start):
        pieces += [text[at : name.start], MASK]
        at = name.end
    pieces.append(text[at:])
    return "".join(pieces)


def marked(text: str, found: Iterable[NameInText], *, context: int = 30) -> str:
    """The part of the text around its first found name with every found name in the part in ⟦ ⟧, for a
    message that shows the user which word to change."""
    names = sorted(found, key=lambda name: name.start)
    if not names:
        return text
    first = max(0, names[0].start - context)
    last = min(len(text), names[-1].end + context)
    pieces = ["…" if first else ""]
    at = first
    for name in names:
        if name.end > last:
            break
        pieces += [text[at : name.start], f"⟦{name.word}⟧"]
        at = name.end
    pieces += [text[at:last], "…" if last < len(text) else ""]
    return "".join(pieces)
