"""Theme plans, groups and their sessions."""

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    Connection,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    and_,
    event,
    func,
    inspect,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.store.models.base import Base, enum_type
from biv_desktop.store.models.people import GroupLeader, Interpreter
from biv_desktop.store.models.reference import Language, Premises


class ThemePlan(Base):
    """A named, ordered list of session themes that new groups copy."""

    __tablename__ = "theme_plan"

    name: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[GroupKind] = mapped_column(enum_type(GroupKind, "kind"))
    is_default: Mapped[bool] = mapped_column(default=False)

    themes: Mapped[list["Theme"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Theme.position"
    )


class Theme(Base):
    """One session's theme in a plan."""

    __tablename__ = "theme"

    plan_id: Mapped[int] = mapped_column(ForeignKey("theme_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    materials: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[ThemePlan] = relationship(back_populates="themes")

    __table_args__ = (
        UniqueConstraint("plan_id", "position"),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
    )


class Group(Base):
    """A support group: about six participants of one age band and language meeting 14 times."""

    __tablename__ = "support_group"

    name: Mapped[str] = mapped_column(String(200))
    programme: Mapped[Programme] = mapped_column(enum_type(Programme, "programme"))
    kind: Mapped[GroupKind] = mapped_column(enum_type(GroupKind, "kind"))
    children_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("support_group.id", ondelete="SET NULL"), index=True
    )
    language_id: Mapped[int] = mapped_column(ForeignKey("language.id", ondelete="RESTRICT"), index=True)
    age_min: Mapped[int | None]
    age_max: Mapped[int | None]
    premises_id: Mapped[int] = mapped_column(ForeignKey("premises.id", ondelete="RESTRICT"), index=True)
    leader1_id: Mapped[int | None] = mapped_column(ForeignKey("group_leader.id", ondelete="SET NULL"))
    leader2_id: Mapped[int | None] = mapped_column(ForeignKey("group_leader.id", ondelete="SET NULL"))
    interpreter_id: Mapped[int | None] = mapped_column(ForeignKey("interpreter.id", ondelete="SET NULL"))
    capacity: Mapped[int] = mapped_column(default=6)
    start_date: Mapped[dt.date]
    weekday: Mapped[int]
    start_time: Mapped[dt.time]
    end_time: Mapped[dt.time]
    status: Mapped[GroupStatus] = mapped_column(enum_type(GroupStatus, "status"), default=GroupStatus.PLANNED)
    theme_plan_id: Mapped[int | None] = mapped_column(ForeignKey("theme_plan.id", ondelete="SET NULL"))

    language: Mapped[Language] = relationship()
    premises: Mapped[Premises] = relationship()
    leader1: Mapped[GroupLeader | None] = relationship(foreign_keys=[leader1_id])
    leader2: Mapped[GroupLeader | None] = relationship(foreign_keys=[leader2_id])
    interpreter: Mapped[Interpreter | None] = relationship()
    children_group: Mapped["Group | None"] = relationship(remote_side="Group.id")
    sessions: Mapped[list["GroupSession"]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="GroupSession.number"
    )

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("end_time > start_time", name="ends_after_start"),
        CheckConstraint(
            "(age_min IS NULL AND age_max IS NULL) OR (age_min IS NOT NULL AND age_max IS NOT NULL "
            "AND age_min <= age_max AND age_min >= 0)",
            name="age_band",
        ),
        CheckConstraint("kind = 'parents' OR children_group_id IS NULL", name="only_parents_link"),
        CheckConstraint(
            "leader1_id IS NULL OR leader2_id IS NULL OR leader1_id <> leader2_id", name="two_leaders"
        ),
    )


class GroupSession(Base):
    """One meeting of a group (gruppträff): number, date, theme and who was actually there.

    Numbers run 1–14, each its theme's place in the plan; a move or cancellation changes dates, never numbers.
    """

    __tablename__ = "group_session"

    group_id: Mapped[int] = mapped_column(ForeignKey("support_group.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    date: Mapped[dt.date] = mapped_column(index=True)
    start_time: Mapped[dt.time]
    end_time: Mapped[dt.time]
    theme_title: Mapped[str] = mapped_column(String(160), default="")
    theme_description: Mapped[str] = mapped_column(Text, default="")
    # What the leaders bring: copied from the theme when the group is planned, edited per session.
    materials: Mapped[str] = mapped_column(Text, default="")
    premises_id: Mapped[int | None] = mapped_column(ForeignKey("premises.id", ondelete="RESTRICT"))
    status: Mapped[SessionStatus] = mapped_column(
        enum_type(SessionStatus, "status"), default=SessionStatus.PLANNED
    )
    # Staffing for this session: copied from the group, changed here for a substitute.
    leader1_id: Mapped[int | None] = mapped_column(ForeignKey("group_leader.id", ondelete="SET NULL"))
    leader2_id: Mapped[int | None] = mapped_column(ForeignKey("group_leader.id", ondelete="SET NULL"))
    interpreter_id: Mapped[int | None] = mapped_column(ForeignKey("interpreter.id", ondelete="SET NULL"))
    # Who was actually there; None until attendance is taken.
    leader1_present: Mapped[bool | None]
    leader2_present: Mapped[bool | None]
    interpreter_present: Mapped[bool | None]
    note: Mapped[str] = mapped_column(String(500), default="")
    # Counts changes a calendar shows (when, where, what, who, status): an exported .ics's SEQUENCE.
    revision: Mapped[int] = mapped_column(default=0, server_default="0")

    group: Mapped[Group] = relationship(back_populates="sessions")
    premises: Mapped[Premises | None] = relationship()
    leader1: Mapped[GroupLeader | None] = relationship(foreign_keys=[leader1_id])
    leader2: Mapped[GroupLeader | None] = relationship(foreign_keys=[leader2_id])
    interpreter: Mapped[Interpreter | None] = relationship()

    __table_args__ = (
        UniqueConstraint("group_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("end_time > start_time", name="ends_after_start"),
    )


# What a calendar entry of the session shows: a change to any of them is a new revision.
CALENDAR_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "status",
    "premises_id",
    "theme_title",
    "theme_description",
    "leader1_id",
    "leader2_id",
    "interpreter_id",
)


@event.listens_for(GroupSession, "before_update")
def _count_revision(_mapper: Mapper[GroupSession], _connection: Connection, target: GroupSession) -> None:
    """Bump the session's revision whenever a calendar-visible field changed, whoever changed it."""
    state = inspect(target)
    if any(state.attrs[name].history.has_changes() for name in CALENDAR_FIELDS):
        target.revision = (target.revision or 0) + 1


def session_takes_place() -> ColumnElement[bool]:
    """The domain's rule (``domain.schedule.numbering.takes_place``) as SQL; the query joins Group."""
    return and_(GroupSession.status != SessionStatus.CANCELLED, Group.status != GroupStatus.CANCELLED)


def effective_premises_id() -> ColumnElement[int]:
    """Where a session meets: its own premises, or else its group's; the query joins Group."""
    return func.coalesce(GroupSession.premises_id, Group.premises_id)
