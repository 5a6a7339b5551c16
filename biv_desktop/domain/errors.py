"""Errors that carry a sentence for the user."""

from pathlib import Path


class UserError(Exception):
    """Every error a user should read: a Swedish sentence that says what happened and what to do.

    The window shows any of them with one helper (``ui.common.service_call``): a ``ValidationError`` beside
    its field, any other in a message box. ``path`` names the file concerned, when there is one."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError, ValueError):
    """Bad input for one field, with a Swedish sentence saying what is wrong and how to fix it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NeedsConfirmation(Exception):
    """The input is valid but breaks a rule the user may override (a conflict, a full group, an age outside
    the band). Carries one Swedish sentence per problem; calling again with ``override=True`` saves anyway."""

    def __init__(self, warnings: tuple[str, ...]) -> None:
        super().__init__(" ".join(warnings))
        self.warnings = warnings
