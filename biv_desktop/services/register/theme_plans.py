"""Theme plans: the ordered session themes new groups copy, edited under settings.

Groups copy their themes into their sessions when they are created, so editing, copying or deleting a plan
never changes a group that already exists.
"""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.plan import MAX_SESSIONS
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import clean_multiline, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Theme, ThemePlan


@dataclass(frozen=True)
class ThemeRow:
    """One session's theme, at its place in the plan (1 is the first session)."""

    position: int
    title: str
    description: str = ""
    materials: str = ""


@dataclass(frozen=True)
class ThemePlanRow:
    """A plan as the list shows it."""

    id: int
    name: str
    kind: GroupKind
    is_default: bool
    theme_count: int


@dataclass(frozen=True)
class ThemePlanDetail:
    """A plan with its themes in order."""

    id: int
    name: str
    kind: GroupKind
    is_default: bool
    themes: tuple[ThemeRow, ...]


@dataclass(frozen=True)
class ThemeDraft:
    """One theme as the editor holds it; its place is its place in ThemePlanDraft.themes."""

    title: str
    description: str = ""
    materials: str = ""


@dataclass(frozen=True)
class ThemePlanDraft:
    """What the plan editor edits: name, kind and the themes in session order."""

    name: str
    kind: GroupKind
    themes: tuple[ThemeDraft, ...]


def theme_field(index: int, name: str) -> str:
    """The ValidationError field for one theme's field, e.g. 'themes.2.title' for the third theme's title."""
    return f"themes.{index}.{name}"


def _detail(plan: ThemePlan) -> ThemePlanDetail:
    themes = tuple(
        ThemeRow(theme.position, theme.title, theme.description, theme.materials) for theme in plan.themes
    )
    return ThemePlanDetail(plan.id, plan.name, plan.kind, plan.is_default, themes)


def list_theme_plans(database: Database) -> list[ThemePlanRow]:
    """Every plan: children's plans first, the default first within a kind, then by name."""
    kinds = list(GroupKind)
    with database.transaction() as session:
        plans = session.scalars(select(ThemePlan).options(selectinload(ThemePlan.themes))).all()
        rows = [ThemePlanRow(p.id, p.name, p.kind, p.is_default, len(p.themes)) for p in plans]
    return sorted(
        rows, key=lambda row: (kinds.index(row.kind), not row.is_default, swedish_sort_key(row.name))
    )


def get_theme_plan(database: Database, plan_id: int) -> ThemePlanDetail:
    """One plan with its themes in order."""
    with database.transaction() as session:
        return _detail(get_or_missing(session, ThemePlan, plan_id))


def default_theme_plan_in(session: Session, kind: GroupKind) -> ThemePlanDetail | None:
    """The plan new groups of ``kind`` copy, read inside another service's transaction; None if none is set."""
    plan = session.scalars(
        select(ThemePlan).where(ThemePlan.kind == kind, ThemePlan.is_default.is_(True)).order_by(ThemePlan.id)
    ).first()
    return _detail(plan) if plan is not None else None


def default_theme_plan(database: Database, kind: GroupKind) -> ThemePlanDetail | None:
    """The plan new groups of ``kind`` copy."""
    with database.transaction() as session:
        return default_theme_plan_in(session, kind)


def _clean_themes(themes: tuple[ThemeDraft, ...]) -> list[ThemeDraft]:
    if not themes:
        raise ValidationError("themes", "En temaplan måste ha minst ett tema. Lägg till ett tema.")
    if len(themes) > MAX_SESSIONS:
        raise ValidationError("themes", f"En temaplan kan ha högst {MAX_SESSIONS} teman (nu {len(themes)}).")
    cleaned = []
    for index, theme in enumerate(themes):
        label = f"Tema {index + 1}: "
        cleaned.append(
            ThemeDraft(
                title=clean_text(
                    theme.title, theme_field(index, "title"), f"{label}Rubriken", 160, required=True
                ),
                description=clean_multiline(
                    theme.description, theme_field(index, "description"), f"{label}Beskrivningen", 4000
                ),
                materials=clean_multiline(
                    theme.materials, theme_field(index, "materials"), f"{label}Material", 2000
                ),
            )
        )
    return cleaned


def _check_name_free(session: Session, name: str, plan_id: int | None) -> None:
    # Compared in Python: SQLite's lower() folds only A–Z, so "Övningar" and "övningar" would both pass it.
    others = session.execute(select(ThemePlan.id, ThemePlan.name)).all()
    if any(
        other_name.casefold() == name.casefold() and other_id != plan_id for other_id, other_name in others
    ):
        raise ValidationError("name", f"Det finns redan en temaplan som heter ”{name}”. Välj ett annat namn.")


def save_theme_plan(database: Database, draft: ThemePlanDraft, plan_id: int | None = None) -> ThemePlanDetail:
    """Create (``plan_id`` None) or replace a plan's name, kind and themes, in the draft's order.

    The first plan of a kind becomes that kind's default. A default plan keeps its kind: new groups of
    that kind would otherwise have no plan to copy.
    """
    name = clean_text(draft.name, "name", "Namn", 160, required=True)
    themes = _clean_themes(draft.themes)
    with database.transaction() as session:
        _check_name_free(session, name, plan_id)
        if plan_id is None:
            has_default = session.scalar(
                select(func.count()).where(ThemePlan.kind == draft.kind, ThemePlan.is_default.is_(True))
            )
            plan = ThemePlan(name=name, kind=draft.kind, is_default=not has_default)
            session.add(plan)
        else:
            plan = get_or_missing(session, ThemePlan, plan_id)
            if plan.is_default and plan.kind is not draft.kind:
                raise ValidationError(
                    "kind",
                    f"Planen är standard för {plan.kind.label.lower()}er och kan inte byta typ. "
                    "Gör en annan plan till standard först, eller kopiera planen.",
                )
            plan.name, plan.kind = name, draft.kind
            # Positions are unique within a plan, so the old themes go before the new order is written.
            plan.themes.clear()
            session.flush()
        plan.themes.extend(
            Theme(
                position=position, title=theme.title, description=theme.description, materials=theme.materials
            )
            for position, theme in enumerate(themes, start=1)
        )
        session.flush()
        return _detail(plan)


def _copy_name(session: Session, name: str) -> str:
    taken = {existing.lower() for existing in session.scalars(select(ThemePlan.name))}
    candidate = f"Kopia av {name}"[:160]
    number = 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate = f"Kopia av {name}"[: 160 - len(suffix)] + suffix
        number += 1
    return candidate


def copy_theme_plan(database: Database, plan_id: int) -> ThemePlanDetail:
    """A new plan with the same kind and themes, named 'Kopia av …'; it is not the default."""
    with database.transaction() as session:
        original = get_or_missing(session, ThemePlan, plan_id)
        copy = ThemePlan(
            name=_copy_name(session, original.name),
            kind=original.kind,
            is_default=False,
            themes=[
                Theme(position=t.position, title=t.title, description=t.description, materials=t.materials)
                for t in original.themes
            ],
        )
        session.add(copy)
        session.flush()
        return _detail(copy)


def set_default_theme_plan(database: Database, plan_id: int) -> ThemePlanDetail:
    """Make this the plan new groups of its kind copy; the kind's previous default stops being one."""
    with database.transaction() as session:
        plan = get_or_missing(session, ThemePlan, plan_id)
        for other in session.scalars(
            select(ThemePlan).where(ThemePlan.kind == plan.kind, ThemePlan.id != plan.id)
        ):
            other.is_default = False
        plan.is_default = True
        session.flush()
        return _detail(plan)


def delete_theme_plan(database: Database, plan_id: int) -> None:
    """Remove a plan that is not a default; groups that copied it keep their themes."""
    with database.transaction() as session:
        plan = get_or_missing(session, ThemePlan, plan_id)
        if plan.is_default:
            raise ValidationError(
                "id",
                f"”{plan.name}” är standardplan för {plan.kind.label.lower()}er. "
                "Gör en annan plan till standard innan du tar bort den här.",
            )
        session.delete(plan)
