"""The follow-up report's settings: how small counts are shown, and whether parents' groups count toward the
agreement's minimum of groups a year. Kept apart from the planning settings, which new groups go by."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain import settings as keys
from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.database import Database
from biv_desktop.store.models import Setting

# Above this, a count shown as "1–10" says too little to be worth reporting.
LARGEST_SMALL_COUNT_LIMIT = 9


@dataclass(frozen=True)
class ReportSettings:
    """small_count_limit: counts from 1 to it are shown as "1–N" in the report's breakdowns (0: every count
    as it is). parents_groups_count: whether parents' groups count toward the minimum of groups a year."""

    small_count_limit: int = 2
    parents_groups_count: bool = True


def report_settings_in(session: Session) -> ReportSettings:
    """The report's settings, read inside an open transaction; a damaged value reads as its default."""
    stored = {
        row.key: row.value
        for row in session.scalars(
            select(Setting).where(Setting.key.in_((keys.SMALL_COUNT_LIMIT, keys.PARENTS_GROUPS_COUNT)))
        )
    }
    limit_text = stored.get(keys.SMALL_COUNT_LIMIT, "").strip()
    limit = int(limit_text) if limit_text.isdigit() and len(limit_text) <= 2 else -1
    if limit != 0 and not 2 <= limit <= LARGEST_SMALL_COUNT_LIMIT:
        limit = int(keys.DEFAULT_SETTINGS[keys.SMALL_COUNT_LIMIT])
    parents = stored.get(keys.PARENTS_GROUPS_COUNT, keys.DEFAULT_SETTINGS[keys.PARENTS_GROUPS_COUNT])
    return ReportSettings(small_count_limit=limit, parents_groups_count=parents.strip() != "0")


def load_report_settings(database: Database) -> ReportSettings:
    with database.transaction() as session:
        return report_settings_in(session)


def save_report_settings(database: Database, settings: ReportSettings) -> ReportSettings:
    """Save the report's settings; a ValidationError on 'small_count_limit' for a limit that is not 0 or 2–9."""
    limit = settings.small_count_limit
    if limit != 0 and not 2 <= limit <= LARGEST_SMALL_COUNT_LIMIT:
        raise ValidationError(
            "small_count_limit",
            f"Gränsen för små antal ska vara 0 (visa alla antal som de är) eller mellan 2 och "
            f"{LARGEST_SMALL_COUNT_LIMIT}.",
        )
    values = {
        keys.SMALL_COUNT_LIMIT: str(limit),
        keys.PARENTS_GROUPS_COUNT: "1" if settings.parents_groups_count else "0",
    }
    with database.transaction() as session:
        existing = {row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(values)))}
        for key, value in values.items():
            if key in existing:
                existing[key].value = value
            else:
                session.add(Setting(key=key, value=value))
        session.flush()
        return report_settings_in(session)
