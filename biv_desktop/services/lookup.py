"""Fetching what the user picked from a list, with one sentence per kind of thing for when it is gone.

A list on screen can be out of date: someone deleted the row in another window, or a restore replaced the
register. Every use case that takes an id reads it through ``get_or_missing``, so the user reads the same
sentence, with the same way forward, wherever it happens. Shared by the areas only.
"""

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import ORMOption

from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.models import (
    Agreement,
    Base,
    BreakWeek,
    CommunicationEffort,
    Enrollment,
    Family,
    FollowUpMeeting,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Participant,
    Premises,
    Questionnaire,
    ThemePlan,
    Trainee,
    TrainingCourse,
)

Model = TypeVar("Model", bound=Base)

MISSING: dict[type[Base], str] = {
    Agreement: "Avtalet finns inte längre; uppdatera listan.",
    BreakWeek: "Uppehållet finns inte längre; uppdatera listan.",
    CommunicationEffort: "Insatsen finns inte längre; uppdatera listan.",
    Enrollment: "Anmälan finns inte längre; uppdatera listan.",
    Family: "Familjen finns inte längre; uppdatera listan.",
    FollowUpMeeting: "Mötet finns inte längre; uppdatera listan.",
    Group: "Gruppen finns inte längre; uppdatera listan.",
    GroupLeader: "Gruppledaren finns inte längre; uppdatera listan.",
    GroupSession: "Träffen finns inte längre; uppdatera listan.",
    Interpreter: "Tolken finns inte längre; uppdatera listan.",
    Language: "Språket finns inte längre; uppdatera listan.",
    Participant: "Deltagaren finns inte längre; uppdatera listan.",
    Premises: "Lokalen finns inte längre; uppdatera listan.",
    Questionnaire: "Frågeformuläret finns inte längre; uppdatera listan.",
    ThemePlan: "Temaplanen finns inte längre; uppdatera listan.",
    Trainee: "Deltagaren finns inte längre på kursen; uppdatera listan.",
    TrainingCourse: "Kursen finns inte längre; uppdatera listan.",
}


def missing(model: type[Base], field: str = "id") -> ValidationError:
    """The error saying a ``model`` the user picked is gone, on ``field``."""
    return ValidationError(field, MISSING[model])


def get_or_missing(
    session: Session,
    model: type[Model],
    item_id: int,
    field: str = "id",
    options: Sequence[ORMOption] = (),
) -> Model:
    """The ``model`` row with this id (loaded with ``options``); otherwise a ValidationError on ``field``
    saying the list is out of date."""
    item = session.get(model, item_id, options=options)
    if item is None:
        raise missing(model, field)
    return item


def check_exists(session: Session, model: type[Base], item_id: int | None, field: str) -> None:
    """Nothing when ``item_id`` is None or names an existing row; otherwise the missing sentence on ``field``."""
    if item_id is not None and session.get(model, item_id) is None:
        raise missing(model, field)
