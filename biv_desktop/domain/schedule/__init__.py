"""A group's sessions: their dates around holidays and break weeks, staffing, and booking conflicts."""
