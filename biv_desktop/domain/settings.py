"""The settings the coordinator can change, with their defaults (assumptions in DOMAIN.md live here)."""

AGE_BANDS = "age_bands"
SESSIONS_PER_GROUP = "sessions_per_group"
SESSION_MINUTES = "session_minutes"
GROUP_CAPACITY = "group_capacity"
COMPLETION_SESSIONS = "completion_sessions"
RETENTION_MONTHS_PARTICIPANTS = "retention_months_participants"
RETENTION_MONTHS_STAFF = "retention_months_staff"
# The follow-up report: counts from 1 up to this are shown as a range ("1–2"); 0 shows every count.
SMALL_COUNT_LIMIT = "small_count_limit"
# Whether parents' groups count toward the agreement's minimum of groups a year ("1") or not ("0").
PARENTS_GROUPS_COUNT = "parents_groups_count_toward_minimum"

DEFAULT_SETTINGS: dict[str, str] = {
    AGE_BANDS: "7-9, 10-12, 13-15, 16-20",
    SESSIONS_PER_GROUP: "14",
    SESSION_MINUTES: "120",
    GROUP_CAPACITY: "6",
    COMPLETION_SESSIONS: "10",
    RETENTION_MONTHS_PARTICIPANTS: "12",
    RETENTION_MONTHS_STAFF: "12",
    SMALL_COUNT_LIMIT: "2",
    PARENTS_GROUPS_COUNT: "1",
}
