"""Registered names kept out of the feedback quotes: refused on entry, masked before a report is printed.

The names are everyone's the register holds: participants and guardians (in Latin letters and in their own
script), group leaders, interpreters and outside trainees on the leader training. Anonymised people have
no name left to look for. The rule itself (whole words, folded) is ``domain.followup.names``.
"""

from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.followup.names import marked, masked, name_words, names_in
from biv_desktop.domain.retention import ANONYMISED_STAFF_NAME
from biv_desktop.store.models import GroupLeader, Interpreter, Participant, Trainee


def _names(session: Session) -> Iterator[str]:
    for first, last, native in session.execute(
        select(Participant.first_name, Participant.last_name, Participant.native_name).where(
            Participant.anonymised_on.is_(None)
        )
    ):
        yield from (first, last, native)
    for model in (GroupLeader, Interpreter):
        for first, last in session.execute(
            select(model.first_name, model.last_name).where(model.first_name != ANONYMISED_STAFF_NAME)
        ):
            yield from (first, last)
    yield from session.scalars(select(Trainee.external_name).where(Trainee.external_name != ""))


def registered_name_words(session: Session) -> frozenset[str]:
    """The folded words of every name in the register, read inside an open transaction."""
    return name_words(_names(session))


class NameInQuoteError(ValidationError):
    """A quote holds a registered name: which quote (its number in the form, from 1) and the words."""

    def __init__(self, number: int, words: tuple[str, ...], message: str) -> None:
        super().__init__("quotes", message)
        self.number = number
        self.words = words


def refuse_quotes_with_names(session: Session, quotes: Sequence[tuple[int, str]]) -> None:
    """A NameInQuoteError for the first quote holding a registered name, showing the words; quotes are
    given with their numbers in the form."""
    names = registered_name_words(session)
    for number, quote in quotes:
        found = names_in(quote, names)
        if found:
            unique = tuple(dict.fromkeys(name.word for name in found))
            words = ", ".join(f"”{word}”" for word in unique)
            raise NameInQuoteError(
                number,
                unique,
                f"Citat {number} innehåller {'ett namn' if len(found) == 1 else 'namn'} som finns i registret: "
                f"{words} ({marked(quote, found)}). Citaten ska vara utan namn: ta bort eller skriv om "
                "det markerade innan du sparar.",
            )


def mask_quotes(names: frozenset[str], quotes: Sequence[str]) -> tuple[tuple[str, ...], int]:
    """The quotes with every name of ``names`` (``registered_name_words``) replaced by ``[namn]``, and how
    many were replaced."""
    result: list[str] = []
    replaced = 0
    for quote in quotes:
        found = names_in(quote, names)
        replaced += len(found)
        result.append(masked(quote, found) if found else quote)
    return tuple(result), replaced
