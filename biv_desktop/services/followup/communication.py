"""Communication efforts: what each party did to make the groups known (the agreement asks both to)."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from biv_desktop.domain.enums import Channel, Party
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import check_date, clean_multiline, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import CommunicationEffort


@dataclass(frozen=True)
class EffortRow:
    """A communication effort as the list and the editor show it."""

    id: int
    date: dt.date
    party: Party
    channel: Channel
    audience: str
    description: str


@dataclass(frozen=True)
class EffortDraft:
    """What the effort editor edits."""

    date: dt.date
    party: Party
    channel: Channel
    audience: str = ""
    description: str = ""


def _row(effort: CommunicationEffort) -> EffortRow:
    return EffortRow(
        effort.id, effort.date, effort.party, effort.channel, effort.audience, effort.description
    )


def list_efforts(
    database: Database, first: dt.date | None = None, last: dt.date | None = None
) -> list[EffortRow]:
    """The efforts dated first–last (every one when not given), the latest first."""
    query = select(CommunicationEffort)
    if first is not None:
        query = query.where(CommunicationEffort.date >= first)
    if last is not None:
        query = query.where(CommunicationEffort.date <= last)
    with database.transaction() as session:
        efforts = session.scalars(
            query.order_by(CommunicationEffort.date.desc(), CommunicationEffort.id.desc())
        ).all()
        return [_row(effort) for effort in efforts]


def save_effort(database: Database, draft: EffortDraft, effort_id: int | None = None) -> EffortRow:
    """Create (``effort_id`` None) or update an effort. It needs a date and a description."""
    day = check_date(draft.date, "date", "Datum")
    audience = clean_text(draft.audience, "audience", "Målgrupp", 200)
    description = clean_multiline(draft.description, "description", "Beskrivning", 4000)
    if not description:
        raise ValidationError("description", "Beskriv kort vad som gjordes, t.ex. ”Informerade på APT”.")
    with database.transaction() as session:
        if effort_id is None:
            effort = CommunicationEffort(date=day, party=draft.party, channel=draft.channel)
            session.add(effort)
        else:
            effort = get_or_missing(session, CommunicationEffort, effort_id)
        effort.date, effort.party, effort.channel = day, draft.party, draft.channel
        effort.audience, effort.description = audience, description
        session.flush()
        return _row(effort)


def delete_effort(database: Database, effort_id: int) -> None:
    """Remove an effort; reports stored with meetings keep their figures."""
    with database.transaction() as session:
        session.delete(get_or_missing(session, CommunicationEffort, effort_id))
