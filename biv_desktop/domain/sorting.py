"""Swedish alphabetical order, as the screens sort (Qt's collation for Swedish) and so also on paper.

Å, Ä and Ö are letters of their own after Z (Æ sorts as Ä, Ø as Ö); Ü sorts as Y; any other accented
letter sorts with its plain letter (É with E, Ç with C, Ñ with N), before it only when the names are
otherwise the same. Case never decides the order before the letters do.
"""

import unicodedata

# The characters after "z" in code point order keep å, ä, ö last and in that order.
_SWEDISH_LETTERS = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y"}


def _base_letter(char: str) -> str:
    if char in _SWEDISH_LETTERS:
        return _SWEDISH_LETTERS[char]
    return unicodedata.normalize("NFD", char)[0]


def swedish_sort_key(text: str) -> str:
    """A key that sorts names the Swedish way: case-insensitive, å ä ö last, é with e and ü with y."""
    folded = unicodedata.normalize("NFC", text.casefold())
    letters = "".join(_base_letter(char) for char in folded)
    # After the letters, the accents (then the case) break a tie, so equal keys mean equal names.
    return f"{letters}\x00{unicodedata.normalize('NFD', folded)}\x00{text}"
