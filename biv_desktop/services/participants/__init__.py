"""Participants: the register of children and guardians, families, the waiting list, and enrolment in groups.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from biv_desktop.services.participants.editing import (
    OLDEST_PERSON,
    check_participant,
    save_participant,
)
from biv_desktop.services.participants.enrolment import (
    EnrolmentGroup,
    RosterRow,
    check_enrolment,
    enrol,
    enrol_several,
    enrolment_group,
    leave_group,
    open_groups,
    roster,
)
from biv_desktop.services.participants.families import (
    FamilyDraft,
    FamilyMember,
    FamilyRow,
    FamilyView,
    MemberGroup,
    delete_family,
    get_family,
    list_families,
    move_to_family,
    save_family,
)
from biv_desktop.services.participants.importing import (
    DuplicateChoice,
    ImportField,
    ImportFileError,
    ImportPreview,
    ImportSummary,
    NothingToImport,
    PreviewRow,
    SpreadsheetTable,
    import_participants,
    match_columns,
    preview_import,
    read_spreadsheet,
)
from biv_desktop.services.participants.register import (
    EnrollmentRow,
    EnrolmentRow,
    ParticipantDetail,
    ParticipantDraft,
    ParticipantRow,
    get_participant,
    list_participants,
    search_participants,
)
from biv_desktop.services.participants.search import (
    SearchQuery,
)
from biv_desktop.services.participants.waiting import (
    WaitingRow,
    add_to_waiting_list,
    remove_from_waiting_list,
    waiting_age_bands,
    waiting_list,
)

__all__ = [
    "OLDEST_PERSON",
    "DuplicateChoice",
    "EnrollmentRow",
    "EnrolmentGroup",
    "EnrolmentRow",
    "FamilyDraft",
    "FamilyMember",
    "FamilyRow",
    "FamilyView",
    "ImportField",
    "ImportFileError",
    "ImportPreview",
    "ImportSummary",
    "MemberGroup",
    "NothingToImport",
    "ParticipantDetail",
    "ParticipantDraft",
    "ParticipantRow",
    "PreviewRow",
    "RosterRow",
    "SearchQuery",
    "SpreadsheetTable",
    "WaitingRow",
    "add_to_waiting_list",
    "check_enrolment",
    "check_participant",
    "delete_family",
    "enrol",
    "enrol_several",
    "enrolment_group",
    "get_family",
    "get_participant",
    "import_participants",
    "leave_group",
    "list_families",
    "list_participants",
    "match_columns",
    "move_to_family",
    "open_groups",
    "preview_import",
    "read_spreadsheet",
    "remove_from_waiting_list",
    "roster",
    "save_family",
    "save_participant",
    "search_participants",
    "waiting_age_bands",
    "waiting_list",
]
