"""The schedule: every session in a period with its staffing and conflicts, and editing one session.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from biv_desktop.services.schedule.editing import (
    cancel_session,
    check_session_change,
    preview_replacement,
    restore_session,
    update_session,
)
from biv_desktop.services.schedule.models import (
    FilterChoices,
    PersonChoice,
    ScheduleRow,
    SessionChange,
    SessionCheck,
    SessionDetail,
)
from biv_desktop.services.schedule.period import (
    filter_choices,
    get_session,
    session_choices,
    sessions_between,
)
from biv_desktop.services.schedule.personal import (
    PersonalSchedule,
    ScheduleEntry,
    group_schedule,
    interpreter_schedule,
    leader_schedule,
)

__all__ = [
    "FilterChoices",
    "PersonChoice",
    "PersonalSchedule",
    "ScheduleEntry",
    "ScheduleRow",
    "SessionChange",
    "SessionCheck",
    "SessionDetail",
    "cancel_session",
    "check_session_change",
    "filter_choices",
    "get_session",
    "group_schedule",
    "interpreter_schedule",
    "leader_schedule",
    "preview_replacement",
    "restore_session",
    "session_choices",
    "sessions_between",
    "update_session",
]
