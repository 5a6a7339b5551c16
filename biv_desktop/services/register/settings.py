"""The planning settings the coordinator changes (age bands, sessions, capacity, retention), read and saved.

Break weeks are in ``services.break_weeks`` and theme plans in ``services.theme_plans``. Other services
read the settings inside their own transaction with ``settings_in(session)``.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain import settings as keys
from biv_desktop.domain.ages import AgeBand, parse_age_bands
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.plan import MAX_SESSIONS
from biv_desktop.services.validation import check_count, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Setting

SESSION_MINUTES_RANGE = (15, 600)
CAPACITY_RANGE = (1, 40)
RETENTION_MONTHS_RANGE = (1, 120)


@dataclass(frozen=True)
class PlanningSettings:
    """The settings as typed values; what new groups, reports and the privacy clean-up go by."""

    age_bands: tuple[AgeBand, ...]
    sessions_per_group: int
    session_minutes: int
    group_capacity: int
    completion_sessions: int  # sessions attended for a participant to count as having completed a group
    retention_months_participants: int
    retention_months_staff: int

    @property
    def age_bands_text(self) -> str:
        """The bands as the coordinator writes them, e.g. '7-9, 10-12, 13-15, 16-20'."""
        return ", ".join(f"{band.low}-{band.high}" for band in self.age_bands)


@dataclass(frozen=True)
class SettingsDraft:
    """What the Allmänt tab edits: the age bands as typed, the rest as numbers."""

    age_bands: str
    sessions_per_group: int
    session_minutes: int
    group_capacity: int
    completion_sessions: int
    retention_months_participants: int
    retention_months_staff: int


def _number(stored: dict[str, str], key: str) -> int:
    """A stored number; the default if the stored text is missing or not a number."""
    text = stored.get(key, "").strip()
    return int(text) if text.isdigit() else int(keys.DEFAULT_SETTINGS[key])


def _bands(stored: dict[str, str]) -> tuple[AgeBand, ...]:
    try:
        return parse_age_bands(stored.get(keys.AGE_BANDS, keys.DEFAULT_SETTINGS[keys.AGE_BANDS]))
    except ValidationError:
        # A value damaged outside the program: planning goes on with the defaults until it is saved again.
        return parse_age_bands(keys.DEFAULT_SETTINGS[keys.AGE_BANDS])


def settings_in(session: Session) -> PlanningSettings:
    """The settings, read inside a transaction another service already has open."""
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return PlanningSettings(
        age_bands=_bands(stored),
        sessions_per_group=_number(stored, keys.SESSIONS_PER_GROUP),
        session_minutes=_number(stored, keys.SESSION_MINUTES),
        group_capacity=_number(stored, keys.GROUP_CAPACITY),
        completion_sessions=_number(stored, keys.COMPLETION_SESSIONS),
        retention_months_participants=_number(stored, keys.RETENTION_MONTHS_PARTICIPANTS),
        retention_months_staff=_number(stored, keys.RETENTION_MONTHS_STAFF),
    )


def load_settings(database: Database) -> PlanningSettings:
    """The settings as they stand."""
    with database.transaction() as session:
        return settings_in(session)


def check_age_bands(text: str) -> tuple[AgeBand, ...]:
    """The bands typed as '7-9, 10-12, …', or a ValidationError on 'age_bands' saying what is wrong."""
    text = clean_text(text, "age_bands", "Åldersspannen", 200)
    try:
        return parse_age_bands(text)
    except ValidationError as error:
        # AgeBand names its own field 'age_band'; the form knows the field as 'age_bands'.
        raise ValidationError("age_bands", error.message) from error


def _validated(draft: SettingsDraft) -> PlanningSettings:
    bands = check_age_bands(draft.age_bands)
    sessions = check_count(
        draft.sessions_per_group, "sessions_per_group", "Antal träffar per grupp", low=1, high=MAX_SESSIONS
    )
    low, high = SESSION_MINUTES_RANGE
    minutes = check_count(
        draft.session_minutes, "session_minutes", "Träffens längd i minuter", low=low, high=high
    )
    low, high = CAPACITY_RANGE
    capacity = check_count(draft.group_capacity, "group_capacity", "Platser per grupp", low=low, high=high)
    if not 1 <= draft.completion_sessions <= sessions:
        raise ValidationError(
            "completion_sessions",
            f"Gränsen för att ha gått klart en grupp måste vara mellan 1 och {sessions} träffar "
            "(antalet träffar per grupp).",
        )
    low, high = RETENTION_MONTHS_RANGE
    participants = check_count(
        draft.retention_months_participants,
        "retention_months_participants",
        "Gallring av deltagare",
        low=low,
        high=high,
    )
    staff = check_count(
        draft.retention_months_staff, "retention_months_staff", "Gallring av personal", low=low, high=high
    )
    return PlanningSettings(
        bands, sessions, minutes, capacity, draft.completion_sessions, participants, staff
    )


def _store(session: Session, values: dict[str, str]) -> None:
    existing = {row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(values)))}
    for key, value in values.items():
        if key in existing:
            existing[key].value = value
        else:
            session.add(Setting(key=key, value=value))


def save_settings(database: Database, draft: SettingsDraft) -> PlanningSettings:
    """Check every value and save them together; a ValidationError names the first field that is wrong."""
    valid = _validated(draft)
    with database.transaction() as session:
        _store(
            session,
            {
                keys.AGE_BANDS: valid.age_bands_text,
                keys.SESSIONS_PER_GROUP: str(valid.sessions_per_group),
                keys.SESSION_MINUTES: str(valid.session_minutes),
                keys.GROUP_CAPACITY: str(valid.group_capacity),
                keys.COMPLETION_SESSIONS: str(valid.completion_sessions),
                keys.RETENTION_MONTHS_PARTICIPANTS: str(valid.retention_months_participants),
                keys.RETENTION_MONTHS_STAFF: str(valid.retention_months_staff),
            },
        )
        return settings_in(session)


def set_age_bands(database: Database, text: str) -> tuple[AgeBand, ...]:
    """Save new age bands typed as '7-9, 10-12, …' (checked: well formed, not overlapping)."""
    bands = check_age_bands(text)
    with database.transaction() as session:
        _store(session, {keys.AGE_BANDS: ", ".join(f"{band.low}-{band.high}" for band in bands)})
    return bands
