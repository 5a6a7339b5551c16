"""Attendance: the room view, a group's grid, each mark saved as it is made, and walk-ins.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from typing import TYPE_CHECKING

from biv_desktop.services.faces import lazy_face

if TYPE_CHECKING:
    from biv_desktop.services.attendance.calls import (
        CallSettings,
        ChildToCall,
        Guardian,
        call_settings,
        children_to_call,
        save_call_settings,
    )
    from biv_desktop.services.attendance.marking import (
        StaffSlot,
        check_session_attendance,
        grid,
        mark,
        mark_all_present,
        save_session_attendance,
        session_attendance,
        set_staff_presence,
    )
    from biv_desktop.services.attendance.read_models import (
        AttendanceGrid,
        AttendeeRow,
        GridRow,
        GridSession,
        MarkChange,
        SessionAttendance,
        StaffAtSession,
        StaffPresence,
    )
    from biv_desktop.services.attendance.walk_in import (
        add_walk_in,
        check_walk_in,
        role_for,
    )

# Each module is imported when one of its names is first used (services/faces.py).
__getattr__ = lazy_face(
    __name__,
    {
        "biv_desktop.services.attendance.calls": (
            "CallSettings",
            "ChildToCall",
            "Guardian",
            "call_settings",
            "children_to_call",
            "save_call_settings",
        ),
        "biv_desktop.services.attendance.marking": (
            "StaffSlot",
            "check_session_attendance",
            "grid",
            "mark",
            "mark_all_present",
            "save_session_attendance",
            "session_attendance",
            "set_staff_presence",
        ),
        "biv_desktop.services.attendance.read_models": (
            "AttendanceGrid",
            "AttendeeRow",
            "GridRow",
            "GridSession",
            "MarkChange",
            "SessionAttendance",
            "StaffAtSession",
            "StaffPresence",
        ),
        "biv_desktop.services.attendance.walk_in": ("add_walk_in", "check_walk_in", "role_for"),
    },
)

__all__ = [
    "AttendanceGrid",
    "AttendeeRow",
    "CallSettings",
    "ChildToCall",
    "GridRow",
    "GridSession",
    "Guardian",
    "MarkChange",
    "SessionAttendance",
    "StaffAtSession",
    "StaffPresence",
    "StaffSlot",
    "add_walk_in",
    "call_settings",
    "check_session_attendance",
    "check_walk_in",
    "children_to_call",
    "grid",
    "mark",
    "mark_all_present",
    "role_for",
    "save_call_settings",
    "save_session_attendance",
    "session_attendance",
    "set_staff_presence",
]
