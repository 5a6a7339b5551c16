"""Text reduced to what a comparison of names looks at: no case, no accents, one form per Arabic letter.

Searching people and finding a registered name in a quote both compare folded text, so a name is found
however it was typed: case and accents are ignored, and the Arabic-script letters that keyboards write
differently (alef with or without hamza, Persian and Arabic yeh and kaf, teh marbuta, vowel marks and
tatweel) count as the same letter.
"""

import unicodedata

# Letters that different Arabic, Persian and Dari keyboards produce for the same name.
_ARABIC_VARIANTS = str.maketrans(
    {
        "ى": "ي",  # alef maksura
        "ی": "ي",  # Persian yeh
        "ۍ": "ي",  # Pashto yeh
        "ې": "ي",
        "ک": "ك",  # Persian keheh
        "ة": "ه",  # teh marbuta
        "ۀ": "ه",
        "ـ": None,  # tatweel, a stretching stroke with no meaning
        "\u200c": None,  # zero-width non-joiner, common in Persian names
        "\u200d": None,
    }
)


def fold(text: str) -> str:
    """Text reduced to what a search compares: no case, no accents or vowel marks, one form per letter."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Dropping combining marks takes accents off Latin letters and the hamza and madda off alef.
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped.translate(_ARABIC_VARIANTS))
