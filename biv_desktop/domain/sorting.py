"""Sorting names the Swedish way, on paper as on screen."""

# Swedish alphabetical order puts å, ä, ö after z; code point order would put ä before å.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def swedish_sort_key(text: str) -> str:
    """A key that sorts names the Swedish way (case-insensitive, å ä ö last)."""
    return text.casefold().translate(_SWEDISH_ORDER)
