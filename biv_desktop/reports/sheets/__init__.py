"""Printed attendance sheets, drawn from the read models of services.printing.

session_sheet: one session on A4 portrait. course_sheet: a whole course on A4 landscape, blank or filled.
pack: every session sheet of a period in one PDF. labels: the Swedish words and neutral file names.
shapes and cells: the drawn boxes, check marks and table cells the sheets share.
"""

from biv_desktop.reports.sheets.course_sheet import build_course_sheet, write_course_sheet
from biv_desktop.reports.sheets.labels import course_sheet_file_name, pack_file_name, session_sheet_file_name
from biv_desktop.reports.sheets.pack import EmptyPackError, PackResult, build_print_pack, write_print_pack
from biv_desktop.reports.sheets.session_sheet import build_session_sheet, write_session_sheet

__all__ = [
    "EmptyPackError",
    "PackResult",
    "build_course_sheet",
    "build_print_pack",
    "build_session_sheet",
    "course_sheet_file_name",
    "pack_file_name",
    "session_sheet_file_name",
    "write_course_sheet",
    "write_print_pack",
    "write_session_sheet",
]
