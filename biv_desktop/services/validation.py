"""Checks every service applies to what the user typed, with Swedish sentences naming the field."""

import datetime as dt
import json
import re
import unicodedata
from typing import Any

from biv_desktop.domain.characters import without_non_text
from biv_desktop.domain.errors import ValidationError

# Control characters (but not tab or newline, which multi-line notes may hold) never belong in the register.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Text this many times longer than a field takes is refused before it is looked at: a pasted 100 MB
# quote would otherwise be normalised and searched in full before its length was told.
_READ_NO_FURTHER = 4
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,20}$")


def _refuse_huge(value: str, field: str, label: str, max_length: int) -> None:
    if len(value) > max_length * _READ_NO_FURTHER + 1000:
        raise ValidationError(field, f"{label} får vara högst {max_length} tecken (nu {len(value)}).")


def clean_text(value: str, field: str, label: str, max_length: int, *, required: bool = False) -> str:
    """Trimmed, NFC-normalised text within its length, with what is not text (lone surrogates, U+FFFE,
    U+FFFF … see ``domain.characters``) removed; refused if required and empty, if too long (text far
    too long before anything else is done with it), or if it has control characters (NUL among them).
    ``label`` is the field's Swedish name as the form shows it, e.g. 'Förnamn'."""
    _refuse_huge(value, field, label, max_length)
    text = unicodedata.normalize("NFC", without_non_text(value)).strip()
    if _CONTROL.search(text):
        raise ValidationError(field, f"{label} innehåller osynliga styrtecken. Skriv in texten på nytt.")
    if required and not text:
        raise ValidationError(field, f"{label} måste fyllas i.")
    if len(text) > max_length:
        raise ValidationError(field, f"{label} får vara högst {max_length} tecken (nu {len(text)}).")
    return text


def clean_search(value: str) -> str:
    """Text to look for (a search box, a name to find): what cannot be stored cannot match, so characters
    that are not text (lone surrogates, non-characters, control characters) are dropped, never refused."""
    return unicodedata.normalize("NFC", _CONTROL.sub("", without_non_text(value))).strip()


def clean_multiline(value: str, field: str, label: str, max_length: int) -> str:
    """Like clean_text, but keeps line breaks (for notes, descriptions and quotes)."""
    _refuse_huge(value, field, label, max_length)
    lines = [clean_text(line, field, label, max_length) for line in value.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines).strip()
    if len(text) > max_length:
        raise ValidationError(field, f"{label} får vara högst {max_length} tecken (nu {len(text)}).")
    return text


def clean_phone(value: str, field: str, label: str = "Telefon") -> str:
    text = clean_text(value, field, label, 40)
    if text and not _PHONE.match(text):
        raise ValidationError(field, f"{label} ska bara innehålla siffror, mellanslag, bindestreck och +.")
    return text


def clean_email(value: str, field: str, label: str = "E-post") -> str:
    text = clean_text(value, field, label, 200)
    if text and not _EMAIL.match(text):
        raise ValidationError(field, f"{label} ser inte ut som en e-postadress (namn@exempel.se).")
    return text


def check_year(value: int, field: str, label: str, *, earliest: int = 1900, latest: int | None = None) -> int:
    latest = latest if latest is not None else dt.date.today().year
    if not earliest <= value <= latest:
        raise ValidationError(field, f"{label} måste ligga mellan {earliest} och {latest}.")
    return value


def check_date(
    value: dt.date, field: str, label: str, *, earliest: int = 2000, latest: int = 2100
) -> dt.date:
    """A date in the years the activity can plausibly concern; far-off dates are typing mistakes."""
    if not earliest <= value.year <= latest:
        raise ValidationError(field, f"{label} måste ligga mellan år {earliest} och {latest}.")
    return value


def check_count(value: int, field: str, label: str, *, low: int = 0, high: int = 1000) -> int:
    if not low <= value <= high:
        raise ValidationError(field, f"{label} måste vara ett tal mellan {low} och {high}.")
    return value


# What an imported JSON document may hold: the export's own nesting is 5 deep, and the register's whole
# numbers are SQLite's 64-bit integers.
MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


class _NumberTooLarge(ValueError):
    """An integer in a JSON document beyond what the register stores (64 bits)."""


def _json_int(text: str) -> int:
    # Refused by its length before int() reads it: a number of a million digits costs seconds to read.
    if len(text.lstrip("-")) > 19 or not -(2**63) <= int(text) < 2**63:
        raise _NumberTooLarge(text[:20])
    return int(text)


def _json_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} är inget tal i JSON", name, 0)


def json_depth_over(text: str, limit: int) -> bool:
    """Whether arrays and objects in the JSON ``text`` nest deeper than ``limit`` (strings not counted)."""
    depth = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        depth += 1 if bracket[0] in "[{" else -1
        if depth > limit:
            return True
    return False


def load_json(text: str, field: str, name: str) -> Any:
    """The JSON document in ``text``, or a ValidationError for ``field`` naming the file as ``name``
    ('Filen /usb/allt.json'): not JSON, nested deeper than MAX_JSON_DEPTH, or a whole number outside
    what the register can store. Checked before parsing, so no input can exhaust the parser's stack."""
    if json_depth_over(text, MAX_JSON_DEPTH):
        raise ValidationError(
            field, f"{name} är för djupt nästlad för att vara en export från BIV Desktop och läses inte in."
        )
    try:
        return json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
    except _NumberTooLarge:
        raise ValidationError(
            field,
            f"{name} innehåller ett för stort tal (större än vad databasen kan lagra) och läses inte in. "
            "Kontrollera att filen kommer från BIV Desktop.",
        ) from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            field, f"{name} är ingen giltig JSON-fil (fel på rad {error.lineno}, tecken {error.colno})."
        ) from None
    except RecursionError:  # a last guard; the depth check above comes first
        raise ValidationError(field, f"{name} är för djupt nästlad och läses inte in.") from None
