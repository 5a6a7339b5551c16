"""Hours for invoicing and for thanks: per interpreter and per agency, what was booked, held and cancelled late
in a period, and the hours worked; the same per group leader ("who served when").

The counting rules, for the sessions dated in the period:

- **Booked** (interpreter, agency): sessions whose interpreter booking is confirmed.
- **Held**: sessions marked held at which the person was recorded as present.
- **Cancelled late**: bookings cancelled less than ``LATE_CANCELLATION_HOURS`` (48) before the session's
  start; the agency may charge for them.
- **Hours**: the length of each held session the person was present at (17:00–19:00 counts 2.0).
- An interpreter's session counts for the agency its booking names; a session never booked counts for the
  interpreter's own agency (or 'Frilans').
- **Leaders**: booked is every session they are set to lead that takes place (not cancelled); held and
  hours as above, by whether they were recorded present.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from biv_desktop.domain.bookings import BookingState, hours
from biv_desktop.domain.enums import GroupStatus, SessionStatus
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.bookings.booking import bookings_by_session, read_booking
from biv_desktop.services.bookings.lists import check_period
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, GroupLeader, GroupSession


@dataclass(frozen=True)
class HoursLine:
    """One interpreter's, agency's or leader's figures for the period."""

    name: str
    booked: int
    held: int
    cancelled_late: int
    hours: float
    detail: str = ""  # the interpreter's agency; a leader's organisation


@dataclass(frozen=True)
class HoursReport:
    """The period's figures per interpreter, per agency and per leader, each list in Swedish name order."""

    first: dt.date
    last: dt.date
    interpreters: tuple[HoursLine, ...]
    agencies: tuple[HoursLine, ...]
    leaders: tuple[HoursLine, ...]


@dataclass
class _Tally:
    booked: int = 0
    held: int = 0
    late: int = 0
    hours: float = 0.0
    detail: str = ""

    def line(self, name: str) -> HoursLine:
        return HoursLine(name, self.booked, self.held, self.late, round(self.hours, 2), self.detail)


def _sessions(session: Session, first: dt.date, last: dt.date, *criteria: object) -> list[GroupSession]:
    query = (
        select(GroupSession)
        .where(GroupSession.date >= first, GroupSession.date <= last, *criteria)  # type: ignore[arg-type]
        .options(
            joinedload(GroupSession.group).options(
                joinedload(Group.language), joinedload(Group.premises), joinedload(Group.sessions)
            ),
            joinedload(GroupSession.interpreter),
            joinedload(GroupSession.leader1),
            joinedload(GroupSession.leader2),
        )
        .order_by(GroupSession.date, GroupSession.start_time)
    )
    return list(session.scalars(query).unique())


def _sorted(tallies: dict[str, _Tally]) -> tuple[HoursLine, ...]:
    return tuple(
        tally.line(name)
        for name, tally in sorted(tallies.items(), key=lambda item: swedish_sort_key(item[0]))
    )


def _interpreters(
    session: Session, rows: list[GroupSession]
) -> tuple[tuple[HoursLine, ...], tuple[HoursLine, ...]]:
    bookings = bookings_by_session(session, [row.id for row in rows])
    people: dict[str, _Tally] = defaultdict(_Tally)
    agencies: dict[str, _Tally] = defaultdict(_Tally)
    for row in rows:
        if row.interpreter is None:
            continue
        booking = read_booking(row, bookings.get(row.id))
        person = people[row.interpreter.full_name]
        agency = agencies[booking.agency_label or "Okänd förmedling"]
        person.detail = booking.agency_label
        for tally in (person, agency):
            if booking.state is BookingState.CONFIRMED:
                tally.booked += 1
            if booking.cancelled_late:
                tally.late += 1
            if row.status is SessionStatus.HELD and row.interpreter_present:
                tally.held += 1
                tally.hours += hours(row.start_time, row.end_time)
    return _sorted(people), _sorted(agencies)


def _leader_tallies(rows: list[GroupSession], only: int | None = None) -> dict[str, _Tally]:
    leaders: dict[str, _Tally] = defaultdict(_Tally)
    for row in rows:
        for leader, present in ((row.leader1, row.leader1_present), (row.leader2, row.leader2_present)):
            if leader is None or (only is not None and leader.id != only):
                continue
            tally = leaders[leader.full_name]
            tally.detail = leader.organisation.label_with(leader.organisation_name)
            if row.status is not SessionStatus.CANCELLED and row.group.status is not GroupStatus.CANCELLED:
                tally.booked += 1
            if row.status is SessionStatus.HELD and present:
                tally.held += 1
                tally.hours += hours(row.start_time, row.end_time)
    return leaders


def hours_report(database: Database, first: dt.date, last: dt.date) -> HoursReport:
    """The period's bookings, sessions held and hours per interpreter, per agency and per leader."""
    check_period(first, last)
    with database.transaction() as session:
        rows = _sessions(session, first, last)
        interpreters, agencies = _interpreters(session, rows)
        return HoursReport(first, last, interpreters, agencies, _sorted(_leader_tallies(rows)))


@dataclass(frozen=True)
class ServedGroup:
    """A group a leader served in during the period: its name, first and last session they were at, count."""

    name: str
    first: dt.date
    last: dt.date
    sessions: int


@dataclass(frozen=True)
class ServiceRecord:
    """What a certificate of volunteer service (intyg) says about a leader for a period."""

    leader_name: str
    trained_on: dt.date | None
    first: dt.date
    last: dt.date
    sessions: int
    hours: float
    groups: tuple[ServedGroup, ...]


def service_record(database: Database, leader_id: int, first: dt.date, last: dt.date) -> ServiceRecord:
    """The sessions a leader was recorded present at in the period, with their hours and groups."""
    check_period(first, last)
    with database.transaction() as session:
        leader = get_or_missing(session, GroupLeader, leader_id, "leader_id")
        rows = _sessions(
            session,
            first,
            last,
            or_(GroupSession.leader1_id == leader_id, GroupSession.leader2_id == leader_id),
        )
        served: dict[str, list[dt.date]] = defaultdict(list)
        total = 0.0
        for row in rows:
            present = row.leader1_present if row.leader1_id == leader_id else row.leader2_present
            if row.status is SessionStatus.HELD and present:
                served[row.group.name].append(row.date)
                total += hours(row.start_time, row.end_time)
        groups = tuple(
            ServedGroup(name, min(days), max(days), len(days))
            for name, days in sorted(served.items(), key=lambda item: min(item[1]))
        )
        return ServiceRecord(
            leader_name=leader.full_name,
            trained_on=leader.trained_on,
            first=first,
            last=last,
            sessions=sum(group.sessions for group in groups),
            hours=round(total, 2),
            groups=groups,
        )
