"""Group leaders, interpreters and the group-leader training."""

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from biv_desktop.domain.enums import InterpreterEngagement, Organisation
from biv_desktop.store.models.base import Base, enum_type
from biv_desktop.store.models.reference import Language


class GroupLeader(Base):
    """A person who leads groups, two to a group; trained through the group-leader training."""

    __tablename__ = "group_leader"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[Organisation] = mapped_column(
        enum_type(Organisation, "organisation"), default=Organisation.PARISH
    )
    organisation_name: Mapped[str] = mapped_column(String(120), default="")
    trained: Mapped[bool] = mapped_column(default=False)
    trained_on: Mapped[dt.date | None]
    active: Mapped[bool] = mapped_column(default=True)
    inactive_since: Mapped[dt.date | None]

    languages: Mapped[list[Language]] = relationship(secondary="leader_language", order_by=Language.name)

    __table_args__ = (
        CheckConstraint("length(trim(first_name)) > 0", name="first_name_not_empty"),
        CheckConstraint("trained OR trained_on IS NULL", name="trained_on_needs_trained"),
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class LeaderLanguage(Base):
    """A language a group leader speaks."""

    __tablename__ = "leader_language"

    leader_id: Mapped[int] = mapped_column(ForeignKey("group_leader.id", ondelete="CASCADE"), index=True)
    language_id: Mapped[int] = mapped_column(ForeignKey("language.id", ondelete="RESTRICT"))

    __table_args__ = (UniqueConstraint("leader_id", "language_id"),)


class Interpreter(Base):
    """An interpreter booked for groups in the languages they speak."""

    __tablename__ = "interpreter"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    engagement: Mapped[InterpreterEngagement] = mapped_column(
        enum_type(InterpreterEngagement, "engagement"), default=InterpreterEngagement.AGENCY
    )
    agency_name: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(default=True)
    inactive_since: Mapped[dt.date | None]

    languages: Mapped[list[Language]] = relationship(secondary="interpreter_language", order_by=Language.name)

    __table_args__ = (CheckConstraint("length(trim(first_name)) > 0", name="first_name_not_empty"),)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class InterpreterLanguage(Base):
    """A language an interpreter works in."""

    __tablename__ = "interpreter_language"

    interpreter_id: Mapped[int] = mapped_column(ForeignKey("interpreter.id", ondelete="CASCADE"), index=True)
    language_id: Mapped[int] = mapped_column(ForeignKey("language.id", ondelete="RESTRICT"))

    __table_args__ = (UniqueConstraint("interpreter_id", "language_id"),)


class TrainingCourse(Base):
    """A group-leader training course; the municipality is guaranteed places on these every year."""

    __tablename__ = "training_course"

    name: Mapped[str] = mapped_column(String(160))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    place: Mapped[str] = mapped_column(String(160), default="")
    trainers: Mapped[str] = mapped_column(String(300), default="")

    trainees: Mapped[list["Trainee"]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="Trainee.id"
    )

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)


class Trainee(Base):
    """A place on a course: one of our leaders, or a named person from elsewhere (e.g. the municipality)."""

    __tablename__ = "trainee"

    course_id: Mapped[int] = mapped_column(ForeignKey("training_course.id", ondelete="CASCADE"), index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("group_leader.id", ondelete="SET NULL"))
    external_name: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[Organisation] = mapped_column(enum_type(Organisation, "organisation"))
    organisation_name: Mapped[str] = mapped_column(String(120), default="")
    completed: Mapped[bool] = mapped_column(default=False)
    completed_on: Mapped[dt.date | None]

    course: Mapped[TrainingCourse] = relationship(back_populates="trainees")
    leader: Mapped[GroupLeader | None] = relationship()

    __table_args__ = (
        UniqueConstraint("course_id", "leader_id"),
        CheckConstraint("leader_id IS NOT NULL OR length(trim(external_name)) > 0", name="who"),
        CheckConstraint("completed OR completed_on IS NULL", name="completed_on_needs_completed"),
    )

    @property
    def name(self) -> str:
        return self.leader.full_name if self.leader is not None else self.external_name
