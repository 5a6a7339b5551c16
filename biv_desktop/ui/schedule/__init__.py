"""The schedule page: every session week by week, and the form for one session."""
