"""Why a printout could not be made, in a sentence the user can act on."""

from pathlib import Path


class ReportError(Exception):
    """A printout problem with a Swedish message that says what happened and what to do."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class ReportWriteError(ReportError):
    """The PDF file could not be written (full disk, no permission, read-only or missing folder)."""


class MissingFontError(ReportError):
    """A font the printouts need is missing from the installation."""
