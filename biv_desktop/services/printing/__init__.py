"""What the printed attendance sheets show: one session, a whole course, or a print pack of a period; and a
running group's contact list and the diplomas of its closing session.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from typing import TYPE_CHECKING

from biv_desktop.services.faces import lazy_face

if TYPE_CHECKING:
    from biv_desktop.services.printing.contacts import Contact, ContactList, contact_list
    from biv_desktop.services.printing.diplomas import DiplomaName, Diplomas, closing_diplomas
    from biv_desktop.services.printing.sheets import (
        course_sheet,
        print_pack,
        session_sheet,
        session_sheet_by_number,
    )

# Each module is imported when one of its names is first used (services/faces.py).
__getattr__ = lazy_face(
    __name__,
    {
        "biv_desktop.services.printing.contacts": ("Contact", "ContactList", "contact_list"),
        "biv_desktop.services.printing.diplomas": ("DiplomaName", "Diplomas", "closing_diplomas"),
        "biv_desktop.services.printing.sheets": (
            "course_sheet",
            "print_pack",
            "session_sheet",
            "session_sheet_by_number",
        ),
    },
)

__all__ = [
    "Contact",
    "ContactList",
    "DiplomaName",
    "Diplomas",
    "closing_diplomas",
    "contact_list",
    "course_sheet",
    "print_pack",
    "session_sheet",
    "session_sheet_by_number",
]
