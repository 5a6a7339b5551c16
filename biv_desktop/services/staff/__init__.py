"""Staff: group leaders, interpreters (and who could interpret for a group), and the group-leader training.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from typing import TYPE_CHECKING

from biv_desktop.services.faces import lazy_face

if TYPE_CHECKING:
    # The training's places are the agreement's obligation (services.followup); the training page shows them.
    from biv_desktop.services.followup.training_places import MunicipalPlaces, municipal_places
    from biv_desktop.services.staff.interpreters import (
        InterpreterDraft,
        InterpreterRow,
        check_interpreter,
        get_interpreter,
        interpreter_bookings_ahead,
        list_interpreters,
        save_interpreter,
        set_interpreter_active,
    )
    from biv_desktop.services.staff.leaders import (
        LeaderDraft,
        LeaderRow,
        check_leader,
        get_leader,
        leader_sessions_ahead,
        list_leaders,
        save_leader,
        set_leader_active,
    )
    from biv_desktop.services.staff.people import (
        LanguageRow,
        UpcomingSession,
        list_languages,
    )
    from biv_desktop.services.staff.suggestions import (
        InterpreterSuggestion,
        SessionTime,
        suggest_interpreters,
        suggest_interpreters_for,
    )
    from biv_desktop.services.staff.training import (
        CourseDraft,
        CourseRow,
        TraineeDraft,
        TraineeRow,
        TrainingCourseRow,
        add_trainee,
        complete_trainee,
        delete_course,
        edit_trainee,
        get_course,
        list_courses,
        remove_trainee,
        save_course,
        undo_completion,
    )

# Each module is imported when one of its names is first used (services/faces.py).
__getattr__ = lazy_face(
    __name__,
    {
        "biv_desktop.services.followup.training_places": ("MunicipalPlaces", "municipal_places"),
        "biv_desktop.services.staff.interpreters": (
            "InterpreterDraft",
            "InterpreterRow",
            "check_interpreter",
            "get_interpreter",
            "interpreter_bookings_ahead",
            "list_interpreters",
            "save_interpreter",
            "set_interpreter_active",
        ),
        "biv_desktop.services.staff.leaders": (
            "LeaderDraft",
            "LeaderRow",
            "check_leader",
            "get_leader",
            "leader_sessions_ahead",
            "list_leaders",
            "save_leader",
            "set_leader_active",
        ),
        "biv_desktop.services.staff.people": ("LanguageRow", "UpcomingSession", "list_languages"),
        "biv_desktop.services.staff.suggestions": (
            "InterpreterSuggestion",
            "SessionTime",
            "suggest_interpreters",
            "suggest_interpreters_for",
        ),
        "biv_desktop.services.staff.training": (
            "CourseDraft",
            "CourseRow",
            "TraineeDraft",
            "TraineeRow",
            "TrainingCourseRow",
            "add_trainee",
            "complete_trainee",
            "delete_course",
            "edit_trainee",
            "get_course",
            "list_courses",
            "remove_trainee",
            "save_course",
            "undo_completion",
        ),
    },
)

__all__ = [
    "CourseDraft",
    "CourseRow",
    "InterpreterDraft",
    "InterpreterRow",
    "InterpreterSuggestion",
    "LanguageRow",
    "LeaderDraft",
    "LeaderRow",
    "MunicipalPlaces",
    "SessionTime",
    "TraineeDraft",
    "TraineeRow",
    "TrainingCourseRow",
    "UpcomingSession",
    "add_trainee",
    "check_interpreter",
    "check_leader",
    "complete_trainee",
    "delete_course",
    "edit_trainee",
    "get_course",
    "get_interpreter",
    "get_leader",
    "interpreter_bookings_ahead",
    "leader_sessions_ahead",
    "list_courses",
    "list_interpreters",
    "list_languages",
    "list_leaders",
    "municipal_places",
    "remove_trainee",
    "save_course",
    "save_interpreter",
    "save_leader",
    "set_interpreter_active",
    "set_leader_active",
    "suggest_interpreters",
    "suggest_interpreters_for",
    "undo_completion",
]
