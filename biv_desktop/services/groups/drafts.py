"""What the group dialog edits, and checking it: every field with a Swedish sentence, references looked up."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import GroupKind, Programme
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.naming import group_name
from biv_desktop.domain.schedule.plan import (
    DEFAULT_SESSION_MINUTES,
    assign_themes,
    check_weekday,
    end_time_after,
)
from biv_desktop.domain.schedule.staffing import StaffedPerson, staffing_problems
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.read_models import from_row
from biv_desktop.services.register.settings import CAPACITY_RANGE, SESSION_MINUTES_RANGE
from biv_desktop.services.validation import check_count, check_date, clean_text
from biv_desktop.store.models import GroupLeader, Interpreter, Language, Premises, ThemePlan

PARENTS_PREFIX = "parents."


@dataclass(frozen=True)
class GroupDraft:
    """What the group dialog edits: the group's set-up, when it meets and who leads it.

    ``name`` empty means the suggested name (programme, language, ages, district and term). The first
    session is on the first free ``weekday`` on or after ``start_date``. ``theme_plan_id`` None gives
    sessions without themes. ``age_min``/``age_max`` are for children's groups; parents' groups have none.
    """

    programme: Programme
    kind: GroupKind
    language_id: int | None
    premises_id: int | None
    start_date: dt.date
    weekday: int
    start_time: dt.time
    length_minutes: int = DEFAULT_SESSION_MINUTES
    age_min: int | None = None
    age_max: int | None = None
    leader1_id: int | None = None
    leader2_id: int | None = None
    interpreter_id: int | None = None
    capacity: int = 6
    theme_plan_id: int | None = None
    name: str = ""

    def parents_draft(self) -> "ParentsDraft":
        """What of this draft a parents' group beside a saved children's group takes as its own."""
        return from_row(ParentsDraft, self)


@dataclass(frozen=True)
class ParentsDraft:
    """What a children's group's parents' group has of its own; language, premises and programme it shares.

    ``start_date`` None means from the children's group's first session, so the parents' sessions follow
    the children's themes week by week.
    """

    weekday: int
    start_time: dt.time
    length_minutes: int = DEFAULT_SESSION_MINUTES
    leader1_id: int | None = None
    leader2_id: int | None = None
    interpreter_id: int | None = None
    capacity: int = 6
    theme_plan_id: int | None = None
    start_date: dt.date | None = None


@dataclass(frozen=True)
class PlannedTheme:
    """A theme copied from the plan into one session."""

    title: str
    description: str = ""
    materials: str = ""


@dataclass(frozen=True)
class CheckedGroup:
    """A draft with every field checked and its references looked up: ready to plan and to save."""

    draft: GroupDraft  # trimmed; leaders in order (a lone leader first)
    end_time: dt.time
    language_name: str
    premises_name: str
    district: str
    leaders: tuple[StaffedPerson, ...]
    interpreter: StaffedPerson | None
    themes: tuple[PlannedTheme, ...]

    @property
    def age_band(self) -> AgeBand | None:
        if self.draft.age_min is None or self.draft.age_max is None:
            return None
        return AgeBand(self.draft.age_min, self.draft.age_max)

    def name_for(self, first_session: dt.date) -> str:
        """The name typed, or the suggested one for a group starting on ``first_session``."""
        if self.draft.name:
            return self.draft.name
        draft = self.draft
        return group_name(
            draft.programme, draft.kind, self.language_name, self.age_band, self.district, first_session
        )

    def themes_for(self, count: int) -> list[PlannedTheme | None]:
        return assign_themes(count, self.themes)

    @property
    def staffing_problems(self) -> tuple[str, ...]:
        assert self.draft.language_id is not None  # checked
        return tuple(
            staffing_problems(self.leaders, self.interpreter, self.draft.language_id, self.language_name)
        )


def _language(session: Session, language_id: int | None) -> Language:
    if language_id is None:
        raise ValidationError("language_id", "Välj gruppens språk.")
    language = get_or_missing(session, Language, language_id, "language_id")
    return language


def _premises(session: Session, premises_id: int | None) -> Premises:
    if premises_id is None:
        raise ValidationError("premises_id", "Välj lokalen där gruppen träffas.")
    premises = get_or_missing(session, Premises, premises_id, "premises_id")
    return premises


def _age(draft: GroupDraft) -> tuple[int | None, int | None]:
    if draft.kind is GroupKind.PARENTS:
        return None, None
    if draft.age_min is None or draft.age_max is None:
        raise ValidationError("age_band", "Välj ett åldersspann för barngruppen.")
    band = AgeBand(draft.age_min, draft.age_max)  # refuses a reversed band, naming the field 'age_band'
    return band.low, band.high


def _leaders(session: Session, draft: GroupDraft) -> tuple[StaffedPerson, ...]:
    if draft.leader1_id is not None and draft.leader1_id == draft.leader2_id:
        raise ValidationError(
            "leader2_id", "Samma person är vald som båda gruppledarna. Välj en annan andra gruppledare."
        )
    found: list[StaffedPerson] = []
    for field, leader_id in (("leader1_id", draft.leader1_id), ("leader2_id", draft.leader2_id)):
        if leader_id is None:
            continue
        leader = get_or_missing(session, GroupLeader, leader_id, field)
        found.append(StaffedPerson(leader.id, leader.full_name, trained=leader.trained))
    return tuple(found)


def _interpreter(session: Session, interpreter_id: int | None) -> StaffedPerson | None:
    if interpreter_id is None:
        return None
    interpreter = get_or_missing(session, Interpreter, interpreter_id, "interpreter_id")
    return StaffedPerson(
        interpreter.id,
        interpreter.full_name,
        language_ids=frozenset(language.id for language in interpreter.languages),
    )


def _themes(session: Session, plan_id: int | None) -> tuple[PlannedTheme, ...]:
    if plan_id is None:
        return ()
    plan = get_or_missing(session, ThemePlan, plan_id, "theme_plan_id")
    return tuple(PlannedTheme(theme.title, theme.description, theme.materials) for theme in plan.themes)


def check_draft(session: Session, draft: GroupDraft) -> CheckedGroup:
    """Check every field of ``draft`` in the order the form shows them; the first fault raises."""
    name = clean_text(draft.name, "name", "Namnet", 200)
    language = _language(session, draft.language_id)
    premises = _premises(session, draft.premises_id)
    age_min, age_max = _age(draft)
    start_date = check_date(draft.start_date, "start_date", "Startdatumet")
    check_weekday(draft.weekday)
    low, high = SESSION_MINUTES_RANGE
    check_count(draft.length_minutes, "length_minutes", "Träffens längd i minuter", low=low, high=high)
    end_time = end_time_after(draft.start_time, draft.length_minutes)
    leaders = _leaders(session, draft)
    interpreter = _interpreter(session, draft.interpreter_id)
    low, high = CAPACITY_RANGE
    check_count(draft.capacity, "capacity", "Antal platser", low=low, high=high)
    themes = _themes(session, draft.theme_plan_id)
    ids = [leader.id for leader in leaders]
    clean = replace(
        draft,
        name=name,
        start_date=start_date,
        age_min=age_min,
        age_max=age_max,
        leader1_id=ids[0] if ids else None,
        leader2_id=ids[1] if len(ids) > 1 else None,
    )
    return CheckedGroup(
        draft=clean,
        end_time=end_time,
        language_name=language.name,
        premises_name=premises.name,
        district=premises.district.strip() or premises.name,
        leaders=leaders,
        interpreter=interpreter,
        themes=themes,
    )


def parents_group_draft(children: GroupDraft, parents: ParentsDraft, children_start: dt.date) -> GroupDraft:
    """The whole draft of a children's group's parents' group: the children's language, premises and
    programme, the parents' own time and staff, from ``children_start`` unless it has its own start."""
    return GroupDraft(
        programme=children.programme,
        kind=GroupKind.PARENTS,
        language_id=children.language_id,
        premises_id=children.premises_id,
        start_date=parents.start_date or children_start,
        weekday=parents.weekday,
        start_time=parents.start_time,
        length_minutes=parents.length_minutes,
        leader1_id=parents.leader1_id,
        leader2_id=parents.leader2_id,
        interpreter_id=parents.interpreter_id,
        capacity=parents.capacity,
        theme_plan_id=parents.theme_plan_id,
    )


@contextmanager
def parents_fields() -> Iterator[None]:
    """Report a parents' group's faults under 'parents.<field>', so the form shows them in its own box."""
    try:
        yield
    except ValidationError as error:
        if error.field.startswith(PARENTS_PREFIX):
            raise
        raise ValidationError(PARENTS_PREFIX + error.field, f"Föräldragruppen: {error.message}") from error
