"""Personal schedules as a printout (A4) and as an .ics calendar file, from ``services.schedule``'s
``PersonalSchedule``. Neither names a participant: a schedule is about when and where, and who works.
"""

from biv_desktop.reports.schedules.calendar_file import calendar_bytes, session_uid, write_calendar
from biv_desktop.reports.schedules.printout import build_schedule, write_schedule

__all__ = ["build_schedule", "calendar_bytes", "session_uid", "write_calendar", "write_schedule"]
