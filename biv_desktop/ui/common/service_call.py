"""Running a service call from a screen: the one way the window meets an error a user should read.

A service either returns, or raises one of:

- ``NeedsConfirmation``: the user is asked (the one confirm box) and, on 'Spara ändå', the call runs again
  with ``override=True``;
- ``ValidationError``: shown beside its field when the screen gives ``invalid`` (a form's
  ``FieldErrors.show``, a screen's message line), else like any other user error;
- any other ``UserError`` (a busy or read-only register, a full disk, a report that could not be made):
  its Swedish sentence, which already says what to do, in a message box titled by what was being done.

Anything else is a bug: it is left to rise to the crash handler (``ui.crash``), which logs it and apologises.
"""

import enum
from collections.abc import Callable
from typing import Literal, TypeVar

from PySide6.QtWidgets import QWidget

from biv_desktop.domain.errors import NeedsConfirmation, UserError, ValidationError
from biv_desktop.ui.common.confirm import confirm_warnings, warn

T = TypeVar("T")


class Refused(enum.Enum):
    """What ``service_call`` returns when nothing was done: refused, or not confirmed by the user."""

    REFUSED = "refused"


REFUSED = Refused.REFUSED


def service_call(
    parent: QWidget | None,
    title: str,
    call: Callable[[bool], T],
    *,
    invalid: Callable[[ValidationError], None] | None = None,
    question: str = "",
    headline: str = "",
) -> "T | Literal[Refused.REFUSED]":
    """Run ``call(override)``, first with False; the service's result, or REFUSED after showing why.

    ``title`` names what the user was doing ("Spara gruppen"); it titles the boxes. ``question`` heads the
    confirm box ('Kontrollera innan du sparar:' when empty); ``headline``, when given, heads the error box
    ("Ingen togs bort.") with the error's sentence under it.
    """
    try:
        try:
            return call(False)
        except NeedsConfirmation as asked:
            if not confirm_warnings(parent, title, asked.warnings, question):
                return REFUSED
            return call(True)
    except ValidationError as error:
        if invalid is None:
            show_user_error(parent, title, error, headline)
        else:
            invalid(error)
    except UserError as error:
        show_user_error(parent, title, error, headline)
    return REFUSED


def show_user_error(parent: QWidget | None, title: str, error: UserError, headline: str = "") -> None:
    """A user error's own Swedish sentence (it says what to do next) in a warning box."""
    if headline:
        warn(parent, title, headline, error.message)
    else:
        warn(parent, title, error.message)


D = TypeVar("D")


def service_result(parent: QWidget | None, title: str, call: Callable[[], T], refused: D = None) -> T | D:  # type: ignore[assignment]
    """``service_call`` for a call with no form and nothing to confirm; ``refused`` after showing why."""
    result = service_call(parent, title, lambda _override: call())
    return refused if result is REFUSED else result
