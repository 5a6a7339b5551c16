"""A session's interpreter booking with the agency (or a freelance interpreter), and its state."""

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from biv_desktop.domain.bookings import BookingState
from biv_desktop.store.models.base import Base, enum_type
from biv_desktop.store.models.groups import GroupSession


class InterpreterBooking(Base):
    """Where the booking of one session's interpreter stands; no row means nothing is booked yet."""

    __tablename__ = "interpreter_booking"

    session_id: Mapped[int] = mapped_column(ForeignKey("group_session.id", ondelete="CASCADE"), unique=True)
    state: Mapped[BookingState] = mapped_column(enum_type(BookingState, "state"))
    agency: Mapped[str] = mapped_column(String(120), default="")
    freelance: Mapped[bool] = mapped_column(default=False)
    changed_at: Mapped[dt.datetime]

    session: Mapped[GroupSession] = relationship()
