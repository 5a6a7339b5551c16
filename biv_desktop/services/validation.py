"""Checks every service applies to what the user typed, with Swedish sentences naming the field."""

import datetime as dt
import re
import unicodedata

from biv_desktop.domain.errors import ValidationError

# Control characters (but not tab or newline, which multi-line notes may hold) never belong in the register.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,20}$")


def clean_text(value: str, field: str, label: str, max_length: int, *, required: bool = False) -> str:
    """Trimmed, NFC-normalised text within its length; refused if required and empty, or if it has control
    characters. ``label`` is the field's Swedish name as the form shows it, e.g. 'Förnamn'."""
    text = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(text):
        raise ValidationError(field, f"{label} innehåller osynliga styrtecken. Skriv in texten på nytt.")
    if required and not text:
        raise ValidationError(field, f"{label} måste fyllas i.")
    if len(text) > max_length:
        raise ValidationError(field, f"{label} får vara högst {max_length} tecken (nu {len(text)}).")
    return text


def clean_multiline(value: str, field: str, label: str, max_length: int) -> str:
    """Like clean_text, but keeps line breaks (for notes, descriptions and quotes)."""
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
