"""What each column of the coordinator's list means: the fields a column can fill, matched by its Swedish
header, and how a cell's words (kön, roll, status, samtycke) are read.

The status column is read this way (documented in the README and shown in the dialog):

- asylsökande, asyl, BIV, Barn i väntan → asylsökande (BIV);
- uppehållstillstånd, UT, PUT, TUT, BIS, Barn i start → uppehållstillstånd (BIS);
- väntelista, väntar, kö → on the waiting list, as asylsökande unless the same cell also names one of the
  above ("väntelista BIS");
- empty → asylsökande, as the participant form starts; anything else is a problem on the row.
"""

import re
import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache

from biv_desktop.domain.enums import Gender, ProgrammeStatus, Role


class ImportField(StrEnum):
    """What a column of the list fills in; IGNORE leaves the column out."""

    IGNORE = "ignore"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "full_name"
    NATIVE_NAME = "native_name"
    BIRTH = "birth"
    GENDER = "gender"
    LANGUAGE = "language"
    PHONE = "phone"
    ROLE = "role"
    FAMILY = "family"
    DISTRICT = "district"
    STATUS = "status"
    WAITING = "waiting"
    CONSENT = "consent"
    CONSENT_BY = "consent_by"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ImportField.IGNORE: "(importeras inte)",
    ImportField.FIRST_NAME: "Förnamn",
    ImportField.LAST_NAME: "Efternamn",
    ImportField.FULL_NAME: "Namn (förnamn och efternamn)",
    ImportField.NATIVE_NAME: "Namn i egen skrift",
    ImportField.BIRTH: "Född (år eller datum)",
    ImportField.GENDER: "Kön",
    ImportField.LANGUAGE: "Modersmål",
    ImportField.PHONE: "Telefon",
    ImportField.ROLE: "Roll (vårdnadshavare eller barn)",
    ImportField.FAMILY: "Familj",
    ImportField.DISTRICT: "Stadsdel",
    ImportField.STATUS: "Status (asyl/uppehållstillstånd/väntelista)",
    ImportField.WAITING: "Väntelista",
    ImportField.CONSENT: "Samtycke",
    ImportField.CONSENT_BY: "Samtycke av",
}

# Headers as folded by _fold: lower case, no accents on letters other than å, ä, ö, single spaces.
_HEADERS: dict[ImportField, tuple[str, ...]] = {
    ImportField.FIRST_NAME: ("förnamn", "fornamn", "tilltalsnamn", "förnamn barn"),
    ImportField.LAST_NAME: ("efternamn", "familjenamn", "släktnamn"),
    ImportField.FULL_NAME: ("namn", "för- och efternamn", "fullständigt namn", "deltagare"),
    ImportField.NATIVE_NAME: ("namn i egen skrift", "namn på eget språk", "eget språk namn", "egen skrift"),
    ImportField.BIRTH: ("född", "födelseår", "födelsedatum", "födelsedag", "fött", "år född", "född år"),
    ImportField.GENDER: ("kön", "flicka/pojke", "kön (f/p)"),
    ImportField.LANGUAGE: ("modersmål", "språk", "hemspråk", "förstaspråk", "modersmål/språk"),
    ImportField.PHONE: ("telefon", "tel", "tel.", "mobil", "telefonnummer", "mobilnummer", "telefon vh"),
    ImportField.ROLE: ("vårdnadshavare", "roll", "förälder", "förälder/barn", "vuxen/barn", "typ"),
    ImportField.FAMILY: ("familj", "familjenr", "familj nr", "familjenummer", "familje-id", "hushåll"),
    ImportField.DISTRICT: ("stadsdel", "bostadsområde", "område", "bor i"),
    ImportField.STATUS: ("status", "asylstatus", "program", "biv/bis"),
    ImportField.WAITING: ("väntelista", "på väntelista", "väntar", "anmäld", "väntar sedan"),
    ImportField.CONSENT: ("samtycke", "samtycke datum", "samtycke givet", "datum samtycke"),
    ImportField.CONSENT_BY: ("samtycke av", "samtycke från", "samtyckt av", "vem samtyckte"),
}
_BY_HEADER = {header: field for field, headers in _HEADERS.items() for header in headers}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().strip().rstrip(":").strip()
    return " ".join(text.split())


def field_for_header(header: str) -> ImportField:
    """The field a header names, or IGNORE for a header the program does not know."""
    return _BY_HEADER.get(_fold(header), ImportField.IGNORE)


def header_score(headers: Sequence[str]) -> int:
    """How many distinct known headers a row has: a header row has at least two, one of them a name."""
    fields = {field_for_header(header) for header in headers} - {ImportField.IGNORE}
    has_name = bool(fields & {ImportField.FIRST_NAME, ImportField.FULL_NAME})
    return len(fields) if has_name else 0


def match_columns(headers: Sequence[str]) -> tuple[ImportField, ...]:
    """Each column's field by its header; a second column with the same field is left out."""
    taken: set[ImportField] = set()
    mapping = []
    for header in headers:
        field = field_for_header(header)
        if field in taken:
            field = ImportField.IGNORE
        taken.add(field)
        mapping.append(field)
    return tuple(mapping)


# ---- the words in the cells -----------------------------------------------------------------------

_GENDERS = {
    Gender.FEMALE: ("f", "k", "flicka", "kvinna", "tjej", "kvinnlig", "dotter", "mamma", "mor"),
    Gender.MALE: ("p", "m", "pojke", "man", "kille", "manlig", "son", "pappa", "far"),
    Gender.OTHER: ("annat", "a", "icke-binär", "ickebinär"),
    Gender.NOT_STATED: ("", "-", "ej angivet", "vet ej", "okänt", "uppgift saknas"),
}
_GENDER_WORDS = {word: gender for gender, words in _GENDERS.items() for word in words}

_ROLES = {
    Role.GUARDIAN: (
        "ja", "j", "x", "vårdnadshavare", "vh", "förälder", "mamma", "pappa", "mor", "far", "vuxen",
        "förälder/vårdnadshavare", "1",
    ),
    Role.CHILD: ("", "nej", "n", "-", "barn", "dotter", "son", "ungdom", "0"),
}  # fmt: skip
_ROLE_WORDS = {word: role for role, words in _ROLES.items() for word in words}

_ASYLUM = ("asylsökande", "asyl", "biv", "barn i väntan", "asylsökande (biv)")
_PERMIT = ("uppehållstillstånd", "ut", "put", "tut", "bis", "barn i start", "uppehållstillstånd (bis)")
_WAITING = ("väntelista", "väntelistan", "på väntelista", "väntar", "kö", "i kö")
_YES = ("ja", "j", "x", "yes", "1", "sant", "true")
_NO = ("", "nej", "n", "-", "no", "0", "falskt", "false")


@lru_cache(maxsize=1024)  # a list repeats the same few words thousands of times
def gender_from(text: str) -> Gender | None:
    """The gender a cell names (flicka, pojke, kvinna, man, F/P/K/M, annat), None when not understood."""
    return _GENDER_WORDS.get(_fold(text))


@lru_cache(maxsize=1024)  # a list repeats the same few words thousands of times
def role_from(text: str) -> Role | None:
    """Guardian for ja/x/förälder/vårdnadshavare, child for an empty cell, nej or barn; None otherwise."""
    return _ROLE_WORDS.get(_fold(text))


@lru_cache(maxsize=1024)  # a list repeats the same few words thousands of times
def status_from(text: str) -> tuple[ProgrammeStatus, bool] | None:
    """The programme status and whether the person waits for a place, or None when not understood."""
    folded = _fold(text)
    waiting = False
    for word in sorted(_WAITING, key=len, reverse=True):
        if re.search(rf"(^|[\s,;/()+-]){re.escape(word)}($|[\s,;/()+-])", folded):
            waiting = True
            folded = folded.replace(word, " ", 1)
            break
    rest = " ".join(re.sub(r"[,;/()+-]", " ", folded).split())
    if not rest:
        return ProgrammeStatus.ASYLUM_SEEKING, waiting
    if rest in _ASYLUM:
        return ProgrammeStatus.ASYLUM_SEEKING, waiting
    if rest in _PERMIT:
        return ProgrammeStatus.RESIDENCE_PERMIT, waiting
    return None


@lru_cache(maxsize=1024)  # a list repeats the same few words thousands of times
def yes_no(text: str) -> bool | None:
    """True for ja/x, False for an empty cell or nej, None when not understood."""
    folded = _fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


def fold_key(text: str) -> str:
    """A name or a family's key compared the way a person reads it: case and spacing do not matter."""
    return _fold(text)
