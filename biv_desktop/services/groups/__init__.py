"""Groups: the list, creating and changing a group, its detail, its planned sessions, its end, and finding one by what was typed.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from typing import TYPE_CHECKING

from biv_desktop.services.faces import lazy_face

if TYPE_CHECKING:
    from biv_desktop.services.groups.changes import (
        check_update,
        update_group,
    )
    from biv_desktop.services.groups.choices import (
        GroupFormChoices,
        InterpreterChoice,
        LeaderChoice,
        group_form_choices,
    )
    from biv_desktop.services.groups.copying import (
        copy_group,
        default_parents_draft,
        linked_parents_draft,
    )
    from biv_desktop.services.groups.creation import (
        create_group,
        create_parents_group,
        preview_parents_group,
    )
    from biv_desktop.services.groups.detail import (
        GroupDetail,
        SessionRow,
        StaffMember,
        get_group,
    )
    from biv_desktop.services.groups.drafts import (
        PARENTS_PREFIX,
        GroupDraft,
        ParentsDraft,
    )
    from biv_desktop.services.groups.finding import (
        find_group_id,
        find_premises_id,
    )
    from biv_desktop.services.groups.listing import (
        GroupRow,
        list_groups,
    )
    from biv_desktop.services.groups.planning import (
        GroupPreview,
        PreviewSession,
        check_group,
        preview_group,
    )
    from biv_desktop.services.groups.status import (
        StatusChange,
        advance_group_statuses,
        cancel_group,
        check_finish,
        finish_group,
    )

# Each module is imported when one of its names is first used (services/faces.py).
__getattr__ = lazy_face(
    __name__,
    {
        "biv_desktop.services.groups.changes": ("check_update", "update_group"),
        "biv_desktop.services.groups.choices": (
            "GroupFormChoices",
            "InterpreterChoice",
            "LeaderChoice",
            "group_form_choices",
        ),
        "biv_desktop.services.groups.copying": (
            "copy_group",
            "default_parents_draft",
            "linked_parents_draft",
        ),
        "biv_desktop.services.groups.creation": (
            "create_group",
            "create_parents_group",
            "preview_parents_group",
        ),
        "biv_desktop.services.groups.detail": ("GroupDetail", "SessionRow", "StaffMember", "get_group"),
        "biv_desktop.services.groups.drafts": ("PARENTS_PREFIX", "GroupDraft", "ParentsDraft"),
        "biv_desktop.services.groups.finding": ("find_group_id", "find_premises_id"),
        "biv_desktop.services.groups.listing": ("GroupRow", "list_groups"),
        "biv_desktop.services.groups.planning": (
            "GroupPreview",
            "PreviewSession",
            "check_group",
            "preview_group",
        ),
        "biv_desktop.services.groups.status": (
            "StatusChange",
            "advance_group_statuses",
            "cancel_group",
            "check_finish",
            "finish_group",
        ),
    },
)

__all__ = [
    "PARENTS_PREFIX",
    "GroupDetail",
    "GroupDraft",
    "GroupFormChoices",
    "GroupPreview",
    "GroupRow",
    "InterpreterChoice",
    "LeaderChoice",
    "ParentsDraft",
    "PreviewSession",
    "SessionRow",
    "StaffMember",
    "StatusChange",
    "advance_group_statuses",
    "cancel_group",
    "check_finish",
    "check_group",
    "check_update",
    "copy_group",
    "create_group",
    "create_parents_group",
    "default_parents_draft",
    "find_group_id",
    "find_premises_id",
    "finish_group",
    "get_group",
    "group_form_choices",
    "linked_parents_draft",
    "list_groups",
    "preview_group",
    "preview_parents_group",
    "update_group",
]
