"""Taking attendance: the session view for the room and the group's attendance grid.

Entry points for other screens:

- ``open_session_attendance(parent, database, session_id)`` opens the room view for one session and
  returns whether anything was recorded (so the caller knows to refresh).
- ``AttendanceGridWidget(database, group_id)`` is the grid a group's detail view embeds.
"""

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from biv_desktop.store.database import Database


def open_session_attendance(
    parent: "QWidget | None", database: "Database", session_id: int, *, today: dt.date | None = None
) -> bool:
    """The room view for a session; its modules load when it is first opened, not with the page that
    offers it (the overview, the schedule)."""
    from biv_desktop.ui.attendance import session_dialog

    return session_dialog.open_session_attendance(parent, database, session_id, today=today)
