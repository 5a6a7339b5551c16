"""Errors that carry a sentence for the user."""


class ValidationError(ValueError):
    """Bad input for one field, with a Swedish sentence saying what is wrong and how to fix it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


class NeedsConfirmation(Exception):
    """The input is valid but breaks a rule the user may override (a conflict, a full group, an age outside
    the band). Carries one Swedish sentence per problem; calling again with ``override=True`` saves anyway."""

    def __init__(self, warnings: tuple[str, ...]) -> None:
        super().__init__(" ".join(warnings))
        self.warnings = warnings
