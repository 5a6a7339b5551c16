"""What the group dialog offers to choose from: languages, premises, leaders, interpreters, plans and defaults."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.register.settings import settings_in
from biv_desktop.services.staff.people import LanguageRow
from biv_desktop.store.database import Database
from biv_desktop.store.models import GroupLeader, Interpreter, Language, Premises, ThemePlan


@dataclass(frozen=True)
class PremisesChoice:
    id: int
    name: str
    district: str

    @property
    def label(self) -> str:
        """E.g. 'Berga kyrka (Berga)'."""
        return f"{self.name} ({self.district})" if self.district and self.district != self.name else self.name


@dataclass(frozen=True)
class LeaderChoice:
    id: int
    name: str
    trained: bool
    active: bool

    @property
    def label(self) -> str:
        """The name, marked when the leader is not trained or no longer active."""
        notes = [
            note for note, show in (("ej utbildad", not self.trained), ("inaktiv", not self.active)) if show
        ]
        return f"{self.name} ({', '.join(notes)})" if notes else self.name


@dataclass(frozen=True)
class InterpreterChoice:
    id: int
    name: str
    language_ids: frozenset[int]
    language_names: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class PlanChoice:
    id: int
    name: str
    kind: GroupKind
    is_default: bool
    theme_count: int


@dataclass(frozen=True)
class GroupFormChoices:
    """Everything the group dialog's lists hold, and the defaults from the settings."""

    languages: tuple[LanguageRow, ...]
    premises: tuple[PremisesChoice, ...]
    leaders: tuple[LeaderChoice, ...]  # trained first, then by name
    interpreters: tuple[InterpreterChoice, ...]
    theme_plans: tuple[PlanChoice, ...]
    age_bands: tuple[AgeBand, ...]
    session_minutes: int
    group_capacity: int
    sessions_per_group: int

    def default_plan_id(self, kind: GroupKind) -> int | None:
        """The plan new groups of ``kind`` copy, if one is set."""
        return next((plan.id for plan in self.theme_plans if plan.kind is kind and plan.is_default), None)

    def interpreters_for(self, language_id: int | None) -> tuple[InterpreterChoice, ...]:
        """Those who speak the language first, then the others, each by name."""
        return tuple(sorted(self.interpreters, key=lambda item: language_id not in item.language_ids))


def group_form_choices(
    database: Database, *, keep_leader_ids: Iterable[int] = (), keep_interpreter_ids: Iterable[int] = ()
) -> GroupFormChoices:
    """The active leaders and interpreters (and the ``keep_`` ones, say a group's own, even if inactive)."""
    leaders_kept = [i for i in keep_leader_ids if i is not None]
    interpreters_kept = [i for i in keep_interpreter_ids if i is not None]
    with database.transaction() as session:
        settings = settings_in(session)
        languages = [
            LanguageRow(row.id, row.name, row.iso_code, row.script)
            for row in session.scalars(select(Language))
        ]
        premises = [
            PremisesChoice(row.id, row.name, row.district) for row in session.scalars(select(Premises))
        ]
        leaders = [
            LeaderChoice(row.id, row.full_name, row.trained, row.active)
            for row in session.scalars(
                select(GroupLeader).where(or_(GroupLeader.active.is_(True), GroupLeader.id.in_(leaders_kept)))
            )
        ]
        interpreters = [
            InterpreterChoice(
                row.id,
                row.full_name,
                frozenset(language.id for language in row.languages),
                tuple(language.name for language in row.languages),
                row.active,
            )
            for row in session.scalars(
                select(Interpreter)
                .where(or_(Interpreter.active.is_(True), Interpreter.id.in_(interpreters_kept)))
                .options(selectinload(Interpreter.languages))
            )
        ]
        plans = [
            PlanChoice(row.id, row.name, row.kind, row.is_default, len(row.themes))
            for row in session.scalars(select(ThemePlan).options(selectinload(ThemePlan.themes)))
        ]
    kinds = list(GroupKind)
    return GroupFormChoices(
        languages=tuple(sorted(languages, key=lambda row: swedish_sort_key(row.name))),
        premises=tuple(
            sorted(premises, key=lambda row: (swedish_sort_key(row.district), swedish_sort_key(row.name)))
        ),
        leaders=tuple(sorted(leaders, key=lambda row: (not row.trained, swedish_sort_key(row.name)))),
        interpreters=tuple(sorted(interpreters, key=lambda row: swedish_sort_key(row.name))),
        theme_plans=tuple(
            sorted(
                plans, key=lambda row: (kinds.index(row.kind), not row.is_default, swedish_sort_key(row.name))
            )
        ),
        age_bands=settings.age_bands,
        session_minutes=settings.session_minutes,
        group_capacity=settings.group_capacity,
        sessions_per_group=settings.sessions_per_group,
    )
