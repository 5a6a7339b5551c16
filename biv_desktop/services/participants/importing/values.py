"""Reading one cell of the list: as text, as a birth year or date, as a day or a yes, as a phone number;
and telling text that must not be stored (a formula, characters that are not text) from text that may."""

import datetime as dt
import re
import unicodedata

from biv_desktop.services.participants.importing.columns import yes_no
from biv_desktop.services.participants.importing.reading import CellValue

__all__ = ["CellValue", "as_text", "birth", "day_or_yes", "phone", "shown", "unsafe_text"]

_YEAR = re.compile(r"(\d{4})(?:[.,]0+)?")
_DATE = re.compile(r"(\d{4})-?(\d{1,2})-?(\d{1,2})(?:[ T]00:00(?::00)?)?")
# A Swedish personal identity number: the date (with or without the century), then four digits.
_IDENTITY = re.compile(r"(\d{2}|\d{4})(\d{2})(\d{2})[-+]?\d{4}")
# Surrogates (a broken UTF-16 pair) and Unicode's noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF) are not text.
_NOT_TEXT = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "@")
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def as_text(value: CellValue) -> str:
    """A cell as the coordinator sees it: numbers without a needless ',0', days as 2015-03-04."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def shown(text: str, limit: int = 60) -> str:
    """Text made safe to show: no control characters or broken surrogates, and cut short when long."""
    text = _NOT_TEXT.sub("\ufffd", _CONTROL.sub("\ufffd", text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unsafe_text(text: str, *, allow_plus: bool = False) -> str | None:
    """Why ``text`` must not be stored (the rest of a Swedish sentence after the field's name), or None."""
    if not _SUSPECT.search(text) and text.lstrip()[:1] not in _FORMULA_START:
        return None  # the common case, in one scan
    if _NOT_TEXT.search(text):
        return "innehåller tecken som inte är text (t.ex. U+FFFE eller ett trasigt tecken). Rätta cellen i filen."
    if _CONTROL.search(text) or any(mark in text for mark in "\t\n\r"):
        return "innehåller osynliga styrtecken eller radbrytningar. Rätta cellen i filen."
    starts = text.lstrip()[:1]
    if starts in _FORMULA_START and not (allow_plus and starts == "+"):
        return (
            f"börjar med ”{starts}” och ser ut som en formel ({shown(text, 30)}). Rätta cellen i filen; "
            "programmet sparar inga formler."
        )
    return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def birth(value: CellValue, problems: list[str], warnings: list[str]) -> tuple[int | None, dt.date | None]:
    """The birth year and, when the cell has one, the date; a problem when the cell gives neither."""
    if isinstance(value, dt.datetime):
        return value.year, value.date()
    if isinstance(value, dt.date):
        return value.year, value
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value))
    text = as_text(value)
    if not text:
        problems.append("Födelseår saknas. Skriv året (t.ex. 2015) eller datumet (2015-03-04).")
        return None, None
    if match := _YEAR.fullmatch(text):
        return int(match.group(1)), None
    if match := _DATE.fullmatch(text):
        day = _day(*(int(part) for part in match.groups()))
        if day is not None:
            return day.year, day
    if match := _IDENTITY.fullmatch(text):
        century, month, day_of_month = match.groups()
        year = int(century) if len(century) == 4 else _year_of(int(century))
        day = _day(year, int(month), int(day_of_month))
        if day is not None:
            warnings.append(
                "Cellen har ett personnummer; bara födelsedatumet sparas, inte de fyra sista siffrorna."
            )
            return day.year, day
    problems.append(
        f"Födelseåret ”{shown(text, 30)}” förstås inte. Skriv året (t.ex. 2015) eller datumet (2015-03-04)."
    )
    return None, None


def _year_of(two_digits: int) -> int:
    this_year = dt.date.today().year
    year = 2000 + two_digits
    return year if year <= this_year else year - 100


def day_or_yes(value: CellValue, label: str, today: dt.date, problems: list[str]) -> dt.date | None:
    """A day for a date cell, ``today`` for ja/x, None for an empty cell or nej; a problem otherwise."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value > today:
            problems.append(f"{label}: datumet {value.isoformat()} ligger i framtiden.")
            return None
        return value
    text = as_text(value)
    if match := _DATE.fullmatch(text):
        day = _day(*(int(part) for part in match.groups()))
        if day is not None:
            return day_or_yes(day, label, today, problems)
    answer = yes_no(text)
    if answer is None:
        problems.append(
            f"{label}: ”{shown(text, 30)}” förstås inte. Skriv ett datum (2024-05-01), ja eller lämna tomt."
        )
        return None
    return today if answer else None


def phone(value: CellValue, warnings: list[str]) -> str:
    """The number as text; a number Excel stored as a figure gets back the leading zero it lost."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))
        if len(digits) == 9 and digits[0] in "1234578":
            warnings.append("Telefonnumret stod som ett tal i Excel; den inledande nollan är tillagd.")
            return "0" + digits
        return digits
    return unicodedata.normalize("NFC", as_text(value))
