"""The schedule: every session in a period with its staffing and conflicts, and editing one session.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from typing import TYPE_CHECKING

from biv_desktop.services.faces import lazy_face

if TYPE_CHECKING:
    from biv_desktop.domain.schedule.reshaping import Way
    from biv_desktop.services.schedule.break_shift import (
        BreakWeekShift,
        preview_break_week_shift,
        save_break_week_and_shift,
    )
    from biv_desktop.services.schedule.editing import (
        cancel_session,
        check_session_change,
        preview_cancel,
        restore_session,
        update_session,
    )
    from biv_desktop.services.schedule.models import (
        FilterChoices,
        GroupShift,
        PersonChoice,
        ScheduleRow,
        ScheduleShift,
        SessionChange,
        SessionCheck,
        SessionDetail,
        ShiftedSession,
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

# Each module is imported when one of its names is first used (services/faces.py).
__getattr__ = lazy_face(
    __name__,
    {
        "biv_desktop.domain.schedule.reshaping": ("Way",),
        "biv_desktop.services.schedule.break_shift": (
            "BreakWeekShift",
            "preview_break_week_shift",
            "save_break_week_and_shift",
        ),
        "biv_desktop.services.schedule.editing": (
            "cancel_session",
            "check_session_change",
            "preview_cancel",
            "restore_session",
            "update_session",
        ),
        "biv_desktop.services.schedule.models": (
            "FilterChoices",
            "GroupShift",
            "PersonChoice",
            "ScheduleRow",
            "ScheduleShift",
            "SessionChange",
            "SessionCheck",
            "SessionDetail",
            "ShiftedSession",
        ),
        "biv_desktop.services.schedule.period": (
            "filter_choices",
            "get_session",
            "session_choices",
            "sessions_between",
        ),
        "biv_desktop.services.schedule.personal": (
            "PersonalSchedule",
            "ScheduleEntry",
            "group_schedule",
            "interpreter_schedule",
            "leader_schedule",
        ),
    },
)

__all__ = [
    "BreakWeekShift",
    "FilterChoices",
    "GroupShift",
    "PersonChoice",
    "PersonalSchedule",
    "ScheduleEntry",
    "ScheduleRow",
    "ScheduleShift",
    "SessionChange",
    "SessionCheck",
    "SessionDetail",
    "ShiftedSession",
    "Way",
    "cancel_session",
    "check_session_change",
    "filter_choices",
    "get_session",
    "group_schedule",
    "interpreter_schedule",
    "leader_schedule",
    "preview_break_week_shift",
    "preview_cancel",
    "restore_session",
    "save_break_week_and_shift",
    "session_choices",
    "sessions_between",
    "update_session",
]
