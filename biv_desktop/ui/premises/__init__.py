"""The premises page and its editor."""
