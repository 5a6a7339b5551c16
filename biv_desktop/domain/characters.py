"""Characters that are not text: what no register, XML file (xlsx) or PDF can hold, removed wherever text
comes in or goes out.

Lone surrogates (half of a character pair, which text pasted from another program can carry) cannot be
written as UTF-8 at all. Non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of
every plane) are forbidden in XML, so one of them in a district or a quote made the whole xlsx unreadable.
Both carry nothing a reader could miss, so they are dropped, never refused.
"""

import re

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
NONCHARACTER = re.compile(
    "[\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


def without_non_text(text: str) -> str:
    """The text with lone surrogates and non-characters (U+FFFE, U+FFFF …) removed."""
    if text.isascii():
        return text
    return NONCHARACTER.sub("", LONE_SURROGATE.sub("", text))
