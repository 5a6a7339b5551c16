"""A walk-in: a guest who turns up at a session is registered on the spot, enrolled and marked present.

The guest becomes a participant like any other, with what the room knows: a first name (the last name if
given), the birth year and the gender. The rest follows from the group: a children's group takes a child
and a parents' group an adult guardian; the mother tongue is the group's language and the programme
status the group's programme (asylum-seeking for BIV, residence permit for BIS); no family. They are
enrolled from the session's day, so they belong on this session and the ones after it.
"""

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.ages import OLDEST, YOUNGEST, age_on, age_range_label
from biv_desktop.domain.enums import Gender, GroupKind, Mark, ProgrammeStatus, Role
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.attendance.marking import record_mark, session_for_marks
from biv_desktop.services.attendance.read_models import MarkChange
from biv_desktop.services.attendance.reading import read_change
from biv_desktop.services.participants.editing import ADULT_AGE, OLDEST_PERSON
from biv_desktop.services.validation import check_year, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Enrollment, Group, GroupSession, Participant


def _clean(
    first_name: str, last_name: str, birth_year: int, gender: Gender, today: dt.date
) -> tuple[str, str, int, Gender]:
    first = clean_text(first_name, "first_name", "Förnamnet", 100, required=True)
    last = clean_text(last_name, "last_name", "Efternamnet", 100)
    year = check_year(
        birth_year, "birth_year", "Födelseåret", earliest=today.year - OLDEST_PERSON, latest=today.year
    )
    try:
        chosen = Gender(gender)
    except ValueError:
        raise ValidationError("gender", "Välj kön.") from None
    return first, last, year, chosen


def role_for(kind: GroupKind) -> Role:
    """The role a walk-in takes in a group: a guardian in a parents' group, a child otherwise."""
    return Role.GUARDIAN if kind is GroupKind.PARENTS else Role.CHILD


def _check_age(group: Group, birth_year: int) -> int:
    age = age_on(birth_year, group.start_date)
    if group.kind is GroupKind.PARENTS and age < ADULT_AGE:
        raise ValidationError(
            "birth_year",
            f"Födelseåret ger {age} år, men föräldragruppen är för vuxna. Kontrollera födelseåret; "
            "ett barn läggs till i en barngrupp.",
        )
    return age


def _warnings(session: Session, group: Group, first: str, last: str, birth_year: int) -> tuple[str, ...]:
    warnings = []
    age = _check_age(group, birth_year)
    if group.kind is GroupKind.CHILDREN:
        if group.age_min is not None and group.age_max is not None:
            if not group.age_min <= age <= group.age_max:
                warnings.append(
                    f"Gästen är {age} år, gruppen är för {age_range_label(group.age_min, group.age_max)}."
                )
        elif not YOUNGEST <= age <= OLDEST:
            warnings.append(
                f"Gästen är {age} år; grupperna är för barn och unga {age_range_label(YOUNGEST, OLDEST)}."
            )
    # Without a last name, a child already registered under their full name is matched on the first name.
    same = (
        select(func.count())
        .select_from(Participant)
        .where(
            func.lower(Participant.first_name) == first.lower(),
            Participant.birth_year == birth_year,
            Participant.anonymised_on.is_(None),
        )
    )
    if last:
        same = same.where(func.lower(Participant.last_name) == last.lower())
    if session.scalar(same):
        name = f"{first} {last}".strip()
        warnings.append(
            f"Det finns redan en deltagare som heter {name} och är född {birth_year}. Är det samma person, "
            "anmäl hen till gruppen i stället för att lägga till en ny."
        )
    return tuple(warnings)


def _assess(
    session: Session, session_id: int, first: str, last: str, birth_year: int, today: dt.date
) -> tuple[GroupSession, tuple[str, ...]]:
    group_session = session_for_marks(session, session_id, today)
    return group_session, _warnings(session, group_session.group, first, last, birth_year)


def check_walk_in(
    database: Database,
    session_id: int,
    first_name: str,
    birth_year: int,
    gender: Gender,
    last_name: str = "",
    *,
    today: dt.date | None = None,
) -> tuple[str, ...]:
    """The warnings adding the walk-in would raise (an age outside the group's band, a possible duplicate),
    after the same validation, so the dialog can show them first."""
    today = today or dt.date.today()
    first, last, year, _gender = _clean(first_name, last_name, birth_year, gender, today)
    with database.transaction() as session:
        return _assess(session, session_id, first, last, year, today)[1]


def add_walk_in(
    database: Database,
    session_id: int,
    first_name: str,
    birth_year: int,
    gender: Gender,
    last_name: str = "",
    *,
    override: bool = False,
    today: dt.date | None = None,
) -> MarkChange:
    """Register a guest at a session: a new participant, enrolled from the session's day, marked present.

    Raises ValidationError for a field that is wrong (Swedish sentence, field name as the argument's) or a
    session that is cancelled or still to come; NeedsConfirmation for warnings unless ``override``.
    """
    today = today or dt.date.today()
    first, last, year, chosen = _clean(first_name, last_name, birth_year, gender, today)
    with database.transaction() as session:
        group_session, warnings = _assess(session, session_id, first, last, year, today)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        group = group_session.group
        person = Participant(
            first_name=first,
            last_name=last,
            birth_year=year,
            gender=chosen,
            role=role_for(group.kind),
            mother_tongue_id=group.language_id,
            programme_status=next(s for s in ProgrammeStatus if s.programme is group.programme),
        )
        session.add(person)
        session.flush()
        session.add(Enrollment(participant_id=person.id, group_id=group.id, joined_on=group_session.date))
        session.flush()
        record_mark(session, group_session, person, Mark.PRESENT)
        return read_change(session, group_session, person, today)
