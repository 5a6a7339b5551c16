"""Preview, print and save as PDF for any printed sheet (ui/printing).

Other screens call ``print_session_sheet``, ``print_course_sheet`` or ``print_pack``; each opens the
preview window, whose buttons print through the system's print dialog or save the PDF where the user
chooses. ``SheetPrinting`` does the same for any sheet, given a function that writes its PDF to a path,
and offers its three actions for a menu. Pages are drawn with PDFium, as Qt's own PDF module is not part
of PySide6-Essentials.

Modules: pages (PDF pages to pictures), sheet_printing (SheetPrinting), preview (the preview window),
sheet_actions (the entry points for the other screens).
"""

from biv_desktop.ui.printing.pages import printers_installed
from biv_desktop.ui.printing.preview import SheetPreviewDialog
from biv_desktop.ui.printing.sheet_actions import print_course_sheet, print_pack, print_session_sheet
from biv_desktop.ui.printing.sheet_printing import SheetPrinting

__all__ = [
    "SheetPreviewDialog",
    "SheetPrinting",
    "print_course_sheet",
    "print_pack",
    "print_session_sheet",
    "printers_installed",
]
