"""Places, languages, break weeks and settings: what the planning refers to."""

import datetime as dt

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from biv_desktop.store.models.base import Base


class Language(Base):
    """A mother tongue or group language, named in Swedish."""

    __tablename__ = "language"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    iso_code: Mapped[str] = mapped_column(String(8), unique=True)
    script: Mapped[str] = mapped_column(String(4), default="Latn")  # ISO 15924, e.g. Latn, Arab, Ethi, Cyrl

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("length(trim(iso_code)) >= 2", name="iso_code_length"),
    )


class Premises(Base):
    """A place where groups meet."""

    __tablename__ = "premises"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    district: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(200), default="")
    capacity: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity_positive"),
    )


class BreakWeek(Base):
    """A school holiday or other break the coordinator marks: no sessions are planned in it."""

    __tablename__ = "break_week"

    name: Mapped[str] = mapped_column(String(120))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)


class Setting(Base):
    """One setting the coordinator can change, stored as text under a fixed key."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[str] = mapped_column(Text)
