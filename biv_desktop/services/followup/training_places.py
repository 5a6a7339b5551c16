"""The municipality's places on the group-leader training, counted against the agreement year's quota.

The agreement guarantees the municipality places every agreement year (four in the agreement); a place
counts in the agreement year its course starts in. Places it leaves unused are paid back, so the
coordinator is warned when the year's end nears with places unused. The courses themselves are edited
in ``services.staff``, which shows these figures too.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import Organisation
from biv_desktop.domain.followup.period import add_months
from biv_desktop.services.followup.agreements import current_agreement_in
from biv_desktop.store.database import Database
from biv_desktop.store.models import Trainee, TrainingCourse

# The payback warning shows when fewer months than this remain of the agreement year.
WARN_MONTHS_BEFORE_YEAR_END = 3


@dataclass(frozen=True)
class MunicipalPlaces:
    """The municipality's training places in the agreement year: used against its quota, and a warning."""

    used: int
    quota: int
    year_starts_on: dt.date
    year_ends_on: dt.date
    warning: str = ""


def municipal_places_in(session: Session, today: dt.date) -> MunicipalPlaces | None:
    """The municipality's places in the agreement year holding ``today``, read inside another transaction.

    None when no agreement is in force. The warning says that unused places are paid back, when fewer
    than three months remain of the year.
    """
    current = current_agreement_in(session, today)
    if current is None:
        return None
    used = int(
        session.scalar(
            select(func.count())
            .select_from(Trainee)
            .join(TrainingCourse, Trainee.course_id == TrainingCourse.id)
            .where(
                Trainee.organisation == Organisation.MUNICIPALITY,
                TrainingCourse.starts_on >= current.year_starts_on,
                TrainingCourse.starts_on <= current.year_ends_on,
            )
        )
        or 0
    )
    quota = current.agreement.training_places_per_year
    warning = ""
    if used < quota and add_months(today, WARN_MONTHS_BEFORE_YEAR_END) > current.year_ends_on:
        warning = (
            f"Kommunen har använt {used} av {quota} utbildningsplatser och avtalsåret slutar "
            f"{current.year_ends_on.isoformat()}: outnyttjade platser ska betalas tillbaka."
        )
    return MunicipalPlaces(used, quota, current.year_starts_on, current.year_ends_on, warning)


def municipal_places(database: Database, today: dt.date | None = None) -> MunicipalPlaces | None:
    """The municipality's training places used against its quota this agreement year, with the warning."""
    with database.transaction() as session:
        return municipal_places_in(session, today or dt.date.today())
