"""The visual (left-to-right drawing) order of one line, by the Unicode bidirectional algorithm.

python-bidi (the Rust unicode-bidi crate underneath) resolves the embedding levels, pairs brackets and
reorders the line, but since version 0.5 it leaves out rule L4: a bracket or other mirrored character at a
right-to-left level must be drawn mirrored, or "سارة (Sara)" prints as ")Sara( ةراس". This module adds L4.
It reads the resolved levels from python-bidi's documented debug report, reorders with rule L2 itself to
know where each character lands, and only uses that order after checking it matches python-bidi's own;
if anything disagrees it keeps python-bidi's order unmirrored, which is never worse than without L4.
"""

import re
import unicodedata

from bidi import get_display
from bidi.mirror import MIRRORED

# The report prints the text (with newlines escaped) first, so the levels list starts on its own line.
_LEVELS_START = "\n    levels: ["
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def _levels(text: str, base_dir: str) -> list[int] | None:
    # One level per UTF-8 byte in the report; each character takes the level of its first byte.
    report = str(get_display(text, base_dir=base_dir, debug=True))
    start = report.find(_LEVELS_START)
    end = report.find("]", start + len(_LEVELS_START))
    if start < 0 or end < 0:
        return None
    byte_levels = [int(level) for level in _LEVEL.findall(report, start, end)]
    if len(byte_levels) != len(text.encode("utf-8")):
        return None
    levels: list[int] = []
    offset = 0
    for char in text:
        levels.append(byte_levels[offset])
        offset += len(char.encode("utf-8"))
    return levels


def _reordered(levels: list[int]) -> list[int]:
    # Rule L2: from the highest level down to the lowest odd one, reverse every stretch at that level
    # or above. The result lists, left to right, the logical index drawn at each place.
    order = list(range(len(levels)))
    placed = list(levels)
    odd_levels = [level for level in levels if level % 2]
    if not odd_levels:
        return order
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


def visual_order(text: str, right_to_left: bool) -> str:
    """The line's characters in drawing order, with brackets mirrored where they read right to left."""
    base_dir = "R" if right_to_left else "L"
    display = str(get_display(text, base_dir=base_dir))
    if not any(unicodedata.mirrored(char) for char in text):
        return display
    levels = _levels(text, base_dir)
    if levels is None:
        return display
    order = _reordered(levels)
    if "".join(text[index] for index in order) != display:
        return display
    return "".join(
        MIRRORED.get(text[index], text[index]) if levels[index] % 2 else text[index] for index in order
    )
