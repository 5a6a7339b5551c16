"""Personal schedules in the window: a leader's, an interpreter's or a group's, printed or as a calendar."""
