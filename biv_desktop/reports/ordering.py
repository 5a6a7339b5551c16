"""The Unicode bidirectional algorithm for one line: each character's embedding level, and the drawing order.

The levels come from python-bidi's documented pure-Python implementation (`bidi.algorithm`: rules P2–P3,
X1–X10, W1–W7, N1–N2, I1–I2), called step by step so the levels themselves are at hand. That
implementation predates rule N0 (bracket pairs, Unicode 6.3), so this module adds it between the weak and
the neutral rules: without it "سارة Sara (Ek)" would print its closing bracket at the far left. Isolate
controls (LRI, RLI, FSI, PDI) are not supported there; they are treated as ignorable, as X9 treats the
boundary-neutral characters (ZWNJ, ZWJ), which take the level of the character before them.

A line is then drawn as runs of one level each: a run is shaped by HarfBuzz in its own direction (which
also mirrors brackets at right-to-left levels, rule L4) and the runs are put in drawing order by rule L2.
"""

import unicodedata
from collections.abc import Sequence
from typing import Any

from bidi import algorithm
from bidi.mirror import MIRRORED

# Bidi classes the algorithm removes (X9) or does not know (the isolates): they take the level before them.
_IGNORED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN", "LRI", "RLI", "FSI", "PDI"})
# The largest number of nested brackets BD16 keeps track of.
_BRACKET_DEPTH = 63
# Types that count as strong for the bracket rule (numbers count as right to left).
_STRONG = {"L": "L", "R": "R", "EN": "R", "AN": "R"}
# Classes that can lift a character above level 0 in a left-to-right line.
_RAISING = frozenset({"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO"})
# Rule L1: whitespace at the end of the line goes back to the paragraph's level.
_TRAILING = frozenset({"WS", "S", "B", "BN"}) | _IGNORED

_Char = dict[str, Any]


def _opening_partner(char: str) -> str | None:
    # A bracket pair (BD14–BD15): an opening punctuation mark whose mirror image is a closing one.
    partner = str(MIRRORED.get(char, ""))
    if unicodedata.category(char) == "Ps" and partner and unicodedata.category(partner) == "Pe":
        return partner
    return None


def _bracket_pairs(chars: Sequence[_Char]) -> list[tuple[int, int]]:
    """BD16: the bracket pairs of a run, as (opening, closing) indexes, in order of their opening."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, char in enumerate(chars):
        if char["type"] != "ON":
            continue
        partner = _opening_partner(char["ch"])
        if partner is not None:
            if len(stack) == _BRACKET_DEPTH:
                break
            stack.append((partner, index))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == char["ch"]:
                pairs.append((stack[depth][1], index))
                del stack[depth:]
                break
    return sorted(pairs)


def _strong(char: _Char) -> str | None:
    return _STRONG.get(char["type"])


def _resolve_brackets(storage: dict[str, Any]) -> None:
    """Rule N0: a bracket pair takes the direction of the text inside it, or of the text before it."""
    chars: list[_Char] = storage["chars"]
    for run in storage["runs"]:
        start, length = run["start"], run["length"]
        members = chars[start : start + length]
        embedding = "R" if members[0]["level"] % 2 else "L"
        for opening, closing in _bracket_pairs(members):
            inside = {_strong(char) for char in members[opening + 1 : closing]} - {None}
            if not inside:
                continue  # N0 d: no strong type inside, the brackets stay neutral
            if embedding in inside:
                direction = embedding  # N0 b
            else:
                before = next(
                    (strong for char in reversed(members[:opening]) if (strong := _strong(char)) is not None),
                    run["sor"],
                )
                direction = before  # N0 c1 (context opposite too) or c2 (the embedding's direction)
            for index in (opening, closing):
                members[index]["type"] = direction
                # Marks on a bracket follow it (they took the bracket's type, ON, under W1).
                following = index + 1
                while following < len(members) and members[following]["orig"] == "NSM":
                    members[following]["type"] = direction
                    following += 1


def embedding_levels(text: str, right_to_left: bool) -> list[int]:
    """The resolved embedding level of every character of one line (even: left to right, odd: right to left)."""
    base = 1 if right_to_left else 0
    if not right_to_left and not any(unicodedata.bidirectional(char) in _RAISING for char in text):
        return [0] * len(text)  # nothing in a left-to-right line leaves level 0: most names, every label
    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if right_to_left else "L"
    algorithm.get_embedding_levels(text, storage)
    every_char: list[_Char] = list(storage["chars"])
    for char in every_char:
        if char["type"] in _IGNORED:
            char["type"] = char["orig"] = "BN"
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    _resolve_brackets(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    kept = {id(char) for char in storage["chars"]}
    levels: list[int] = []
    for char in every_char:
        levels.append(char["level"] if id(char) in kept else (levels[-1] if levels else base))
    # L1: whitespace (and what X9 removed) at the end of the line.
    for index in range(len(every_char) - 1, -1, -1):
        if every_char[index]["orig"] not in _TRAILING:
            break
        levels[index] = base
    return levels


def drawing_order(levels: Sequence[int]) -> list[int]:
    """Rule L2 over a line's runs (or characters) with these levels: their indexes from left to right."""
    order = list(range(len(levels)))
    odd_levels = [level for level in levels if level % 2]
    if not odd_levels:
        return order
    placed = list(levels)
    for level in range(max(levels), min(odd_levels) - 1, -1):
        index = 0
        while index < len(placed):
            if placed[index] < level:
                index += 1
                continue
            end = index
            while end < len(placed) and placed[end] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            placed[index:end] = placed[index:end][::-1]
            index = end
    return order
