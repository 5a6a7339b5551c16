"""Plain-Python domain: enums, rules, schedules and statistics. Imports nothing else of ours, and no Qt or SQL."""
