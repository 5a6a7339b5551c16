"""Families, participants, enrolments, attendance and the waiting list."""

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import Gender, Mark, ProgrammeStatus, Role
from biv_desktop.domain.waiting import NamedGroup, Wish
from biv_desktop.store.models.base import Base, enum_type
from biv_desktop.store.models.groups import Group, GroupSession
from biv_desktop.store.models.reference import Language


class Family(Base):
    """Guardians and children who belong together."""

    __tablename__ = "family"

    name: Mapped[str] = mapped_column(String(160))

    members: Mapped[list["Participant"]] = relationship(back_populates="family", order_by="Participant.id")


class Participant(Base):
    """A child (7–20) or a parent/guardian. Deliberately little: no identity or case numbers, no case notes."""

    __tablename__ = "participant"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    native_name: Mapped[str] = mapped_column(String(200), default="")  # the name in the person's own script
    birth_year: Mapped[int]
    birth_date: Mapped[dt.date | None]
    gender: Mapped[Gender] = mapped_column(enum_type(Gender, "gender"), default=Gender.NOT_STATED)
    role: Mapped[Role] = mapped_column(enum_type(Role, "role"), default=Role.CHILD)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="SET NULL"), index=True)
    mother_tongue_id: Mapped[int | None] = mapped_column(ForeignKey("language.id", ondelete="RESTRICT"))
    programme_status: Mapped[ProgrammeStatus] = mapped_column(
        enum_type(ProgrammeStatus, "programme_status"), default=ProgrammeStatus.ASYLUM_SEEKING
    )
    status_changed_on: Mapped[dt.date | None]
    district: Mapped[str] = mapped_column(String(80), default="")
    guardian_phone: Mapped[str] = mapped_column(String(40), default="")
    consent_on: Mapped[dt.date | None]
    consent_by: Mapped[str] = mapped_column(String(200), default="")
    anonymised_on: Mapped[dt.date | None]

    family: Mapped[Family | None] = relationship(back_populates="members")
    mother_tongue: Mapped[Language | None] = relationship()

    __table_args__ = (
        CheckConstraint("birth_year BETWEEN 1900 AND 2200", name="birth_year_range"),
        CheckConstraint("length(trim(first_name)) > 0 OR anonymised_on IS NOT NULL", name="first_name"),
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Enrollment(Base):
    """A participant's place in a group, from joining to leaving."""

    __tablename__ = "enrollment"

    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("support_group.id", ondelete="CASCADE"), index=True)
    joined_on: Mapped[dt.date]
    left_on: Mapped[dt.date | None]
    leave_reason: Mapped[str] = mapped_column(String(300), default="")

    participant: Mapped[Participant] = relationship()
    group: Mapped[Group] = relationship()

    __table_args__ = (
        UniqueConstraint("participant_id", "group_id"),
        CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="left_after_joined"),
    )


class AttendanceMark(Base):
    """Whether a participant was at a session."""

    __tablename__ = "attendance_mark"

    session_id: Mapped[int] = mapped_column(ForeignKey("group_session.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    mark: Mapped[Mark] = mapped_column(enum_type(Mark, "mark"))

    session: Mapped[GroupSession] = relationship()
    participant: Mapped[Participant] = relationship()

    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)


class WaitingListEntry(Base):
    """A participant who wants a place in a coming group."""

    __tablename__ = "waiting_list_entry"

    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), unique=True)
    added_on: Mapped[dt.date]
    # What the person waits for, each optional: a named group (which implies its language and ages, so
    # those are then left empty), or a mother tongue and an age band. Nothing named: their own.
    group_id: Mapped[int | None] = mapped_column(ForeignKey("support_group.id", ondelete="SET NULL"))
    language_id: Mapped[int | None] = mapped_column(ForeignKey("language.id", ondelete="RESTRICT"))
    age_min: Mapped[int | None]
    age_max: Mapped[int | None]

    participant: Mapped[Participant] = relationship()
    group: Mapped[Group | None] = relationship()
    language: Mapped[Language | None] = relationship()

    __table_args__ = (
        CheckConstraint(
            "(age_min IS NULL AND age_max IS NULL) OR (age_min IS NOT NULL AND age_max IS NOT NULL "
            "AND age_min <= age_max AND age_min >= 0)",
            name="wish_age_band",
        ),
    )

    @property
    def wish(self) -> Wish:
        """What the entry names, by language name and ages, for ``domain.waiting.wanted_place``."""
        group = self.group
        named_group = None
        if group is not None:
            named_group = NamedGroup(group.language.name, _band(group.age_min, group.age_max))
        language = self.language.name if self.language is not None else None
        return Wish(named_group, language, _band(self.age_min, self.age_max))


def _band(low: int | None, high: int | None) -> AgeBand | None:
    return None if low is None or high is None else AgeBand(low, high)
