"""The overview page: the agreement year at a glance and this week's sessions."""
