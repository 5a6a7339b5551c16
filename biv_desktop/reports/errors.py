"""Why a printout could not be made, in a sentence the user can act on."""

from biv_desktop.domain.errors import UserError


class ReportError(UserError):
    """A printout problem with a Swedish message that says what happened and what to do."""


class ReportWriteError(ReportError):
    """The PDF file could not be written (full disk, no permission, read-only or missing folder)."""


class MissingFontError(ReportError):
    """A font the printouts need is missing from the installation."""
