"""The attendance face's names, for the type checker and for lazy_face (services/faces.py)."""

from biv_desktop.services.attendance.calls import CallSettings as CallSettings
from biv_desktop.services.attendance.calls import ChildToCall as ChildToCall
from biv_desktop.services.attendance.calls import Guardian as Guardian
from biv_desktop.services.attendance.calls import call_settings as call_settings
from biv_desktop.services.attendance.calls import children_to_call as children_to_call
from biv_desktop.services.attendance.calls import save_call_settings as save_call_settings
from biv_desktop.services.attendance.marking import StaffSlot as StaffSlot
from biv_desktop.services.attendance.marking import check_session_attendance as check_session_attendance
from biv_desktop.services.attendance.marking import grid as grid
from biv_desktop.services.attendance.marking import mark as mark
from biv_desktop.services.attendance.marking import mark_all_present as mark_all_present
from biv_desktop.services.attendance.marking import save_session_attendance as save_session_attendance
from biv_desktop.services.attendance.marking import session_attendance as session_attendance
from biv_desktop.services.attendance.marking import set_staff_presence as set_staff_presence
from biv_desktop.services.attendance.read_models import AttendanceGrid as AttendanceGrid
from biv_desktop.services.attendance.read_models import AttendeeRow as AttendeeRow
from biv_desktop.services.attendance.read_models import GridRow as GridRow
from biv_desktop.services.attendance.read_models import GridSession as GridSession
from biv_desktop.services.attendance.read_models import MarkChange as MarkChange
from biv_desktop.services.attendance.read_models import SessionAttendance as SessionAttendance
from biv_desktop.services.attendance.read_models import StaffAtSession as StaffAtSession
from biv_desktop.services.attendance.read_models import StaffPresence as StaffPresence
from biv_desktop.services.attendance.walk_in import add_walk_in as add_walk_in
from biv_desktop.services.attendance.walk_in import check_walk_in as check_walk_in
from biv_desktop.services.attendance.walk_in import role_for as role_for
