"""Privacy: clean-up (gallring), deletion on request, the register extract, and where removed names remain.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from typing import TYPE_CHECKING

from biv_desktop.services.faces import lazy_face

if TYPE_CHECKING:
    from biv_desktop.services.privacy.clean_up import (
        CleanUpResult,
        DuePerson,
        PersonKey,
        PersonKind,
        anonymise,
        delete_participant,
        due_for_clean_up,
    )
    from biv_desktop.services.privacy.extract import (
        register_extract,
    )
    from biv_desktop.services.privacy.files import (
        TraceReport,
        checkpoint,
        remove_older_backups,
        remove_traces,
    )

# Each module is imported when one of its names is first used (services/faces.py).
__getattr__ = lazy_face(
    __name__,
    {
        "biv_desktop.services.privacy.clean_up": (
            "CleanUpResult",
            "DuePerson",
            "PersonKey",
            "PersonKind",
            "anonymise",
            "delete_participant",
            "due_for_clean_up",
        ),
        "biv_desktop.services.privacy.extract": ("register_extract",),
        "biv_desktop.services.privacy.files": (
            "TraceReport",
            "checkpoint",
            "remove_older_backups",
            "remove_traces",
        ),
    },
)

__all__ = [
    "CleanUpResult",
    "DuePerson",
    "PersonKey",
    "PersonKind",
    "TraceReport",
    "anonymise",
    "checkpoint",
    "delete_participant",
    "due_for_clean_up",
    "register_extract",
    "remove_older_backups",
    "remove_traces",
]
