"""Taking attendance: the session view for the room and the group's attendance grid.

Entry points for other screens:

- ``open_session_attendance(parent, database, session_id)`` opens the room view for one session and
  returns whether anything was recorded (so the caller knows to refresh).
- ``AttendanceGridWidget(database, group_id)`` is the grid a group's detail view embeds.
"""
