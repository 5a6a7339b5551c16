"""Errors that carry a sentence for the user."""


class ValidationError(ValueError):
    """Bad input for one field, with a Swedish sentence saying what is wrong and how to fix it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message
