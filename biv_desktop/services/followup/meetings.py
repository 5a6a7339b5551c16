"""Follow-up meetings: who met, what was said and decided, and the report that was discussed.

The agreement asks for a documented follow-up at least every half year. Recording a meeting "with its
report" stores the report's figures as they are that day (``FollowUpFigures`` as JSON), so the figures
discussed can be reopened and exported again unchanged even after the register changes.
"""

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.domain.followup.period import Period, add_months, default_halves
from biv_desktop.services.followup.report import figures_in
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.validation import check_date, clean_multiline
from biv_desktop.store.database import Database
from biv_desktop.store.models import Agreement, FollowUpMeeting

# Follow-up is due every half year; a month more gives the municipality time to call the meeting.
OVERDUE_AFTER_MONTHS = 7


@dataclass(frozen=True)
class MeetingRow:
    """A follow-up meeting as the list and the editor show it."""

    id: int
    held_on: dt.date
    attendees: str
    notes: str
    decisions: str
    period_from: dt.date | None
    period_to: dt.date | None
    has_report: bool
    report_compiled_on: dt.date | None

    @property
    def period(self) -> Period | None:
        if self.period_from is None or self.period_to is None:
            return None
        return Period(self.period_from, self.period_to)


@dataclass(frozen=True)
class MeetingDraft:
    """What the meeting editor edits; the period is the one the discussed report covers."""

    held_on: dt.date
    attendees: str = ""
    notes: str = ""
    decisions: str = ""
    period_from: dt.date | None = None
    period_to: dt.date | None = None


@dataclass(frozen=True)
class FollowUpDue:
    """When the next follow-up is due: the end of the current half of the agreement year.

    ``overdue`` when the last recorded meeting is more than about six months old (see
    OVERDUE_AFTER_MONTHS); with no meeting recorded yet nothing is overdue.
    """

    due_on: dt.date
    half_starts_on: dt.date
    last_meeting_on: dt.date | None
    overdue: bool


def _compiled_on(report_json: str) -> dt.date | None:
    # Only the list's date is read here; reopening the report checks the whole tree.
    try:
        value = json.loads(report_json).get("compiled_on")
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except (ValueError, AttributeError):
        return None


def _row(meeting: FollowUpMeeting) -> MeetingRow:
    return MeetingRow(
        id=meeting.id,
        held_on=meeting.held_on,
        attendees=meeting.attendees,
        notes=meeting.notes,
        decisions=meeting.decisions,
        period_from=meeting.period_from,
        period_to=meeting.period_to,
        has_report=bool(meeting.report_json),
        report_compiled_on=_compiled_on(meeting.report_json) if meeting.report_json else None,
    )


def list_meetings(database: Database) -> list[MeetingRow]:
    """Every follow-up meeting, the latest first."""
    with database.transaction() as session:
        meetings = session.scalars(
            select(FollowUpMeeting).order_by(FollowUpMeeting.held_on.desc(), FollowUpMeeting.id.desc())
        ).all()
        return [_row(meeting) for meeting in meetings]


def get_meeting(database: Database, meeting_id: int) -> MeetingRow:
    with database.transaction() as session:
        return _row(get_or_missing(session, FollowUpMeeting, meeting_id))


def _clean(draft: MeetingDraft, with_report: bool) -> MeetingDraft:
    held_on = check_date(draft.held_on, "held_on", "Mötesdatum")
    first, last = draft.period_from, draft.period_to
    if (first is None) != (last is None):
        raise ValidationError("period_from", "Ange både första och sista dag för perioden, eller ingen.")
    if first is not None and last is not None:
        check_date(first, "period_from", "Periodens första dag")
        check_date(last, "period_to", "Periodens sista dag")
        if last < first:
            raise ValidationError("period_to", "Periodens sista dag kan inte ligga före dess första dag.")
    elif with_report:
        raise ValidationError("period_from", "Välj vilken period rapporten som diskuterades gäller.")
    return MeetingDraft(
        held_on=held_on,
        attendees=clean_multiline(draft.attendees, "attendees", "Deltagare", 2000),
        notes=clean_multiline(draft.notes, "notes", "Anteckningar", 20000),
        decisions=clean_multiline(draft.decisions, "decisions", "Beslut", 20000),
        period_from=first,
        period_to=last,
    )


def _warnings(meeting: FollowUpMeeting | None, clean: MeetingDraft, with_report: bool) -> tuple[str, ...]:
    if meeting is None or not meeting.report_json:
        return ()
    stored = (meeting.period_from, meeting.period_to)
    if not with_report:
        if stored != (clean.period_from, clean.period_to):
            raise ValidationError(
                "period_from",
                "Mötet har en sparad rapport för en annan period. Spara mötet med rapporten igen för att "
                "byta period, eller behåll perioden.",
            )
        return ()
    compiled_on = _compiled_on(meeting.report_json)
    when = f" (sammanställd {compiled_on.isoformat()})" if compiled_on else ""
    return (
        f"Mötet har redan en sparad rapport{when}. Den ersätts med siffrorna som de ser ut i dag, "
        "och de gamla siffrorna går inte att få tillbaka.",
    )


def check_meeting(
    database: Database, draft: MeetingDraft, meeting_id: int | None = None, *, with_report: bool = False
) -> tuple[str, ...]:
    """What the user should confirm before saving: a stored report that would be replaced."""
    clean = _clean(draft, with_report)
    with database.transaction() as session:
        meeting = get_or_missing(session, FollowUpMeeting, meeting_id) if meeting_id is not None else None
        return _warnings(meeting, clean, with_report)


def save_meeting(
    database: Database,
    draft: MeetingDraft,
    meeting_id: int | None = None,
    *,
    with_report: bool = False,
    override: bool = False,
    today: dt.date | None = None,
) -> MeetingRow:
    """Create (``meeting_id`` None) or update a follow-up meeting.

    ``with_report`` stores the figures of the report for the draft's period, compiled on ``today`` (the
    real today unless given), exactly as ``follow_up_figures`` gives them. A stored report stays as it was
    when the meeting is saved without; replacing one raises NeedsConfirmation unless ``override``.
    """
    clean = _clean(draft, with_report)
    with database.transaction() as session:
        meeting = get_or_missing(session, FollowUpMeeting, meeting_id) if meeting_id is not None else None
        warnings = _warnings(meeting, clean, with_report)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        report_json = None
        if with_report and clean.period_from is not None and clean.period_to is not None:
            period = Period(clean.period_from, clean.period_to)
            # Computed before this meeting is written: its figures are those it discussed, and its own
            # decisions are not yet among them.
            report_json = figures_in(session, period, today or dt.date.today()).to_json()
        if meeting is None:
            meeting = FollowUpMeeting(held_on=clean.held_on)
            session.add(meeting)
        meeting.held_on = clean.held_on
        meeting.attendees, meeting.notes, meeting.decisions = clean.attendees, clean.notes, clean.decisions
        meeting.period_from, meeting.period_to = clean.period_from, clean.period_to
        if report_json is not None:
            meeting.report_json = report_json
        session.flush()
        return _row(meeting)


def meeting_report(database: Database, meeting_id: int) -> FollowUpFigures | None:
    """The figures stored with a meeting, as they were; None if it was saved without a report."""
    with database.transaction() as session:
        text = get_or_missing(session, FollowUpMeeting, meeting_id).report_json
    if not text:
        return None
    try:
        return FollowUpFigures.from_json(text)
    except ValueError as error:
        raise ValidationError(
            "report",
            "Den sparade rapporten går inte att läsa: den är skadad eller sparad av en nyare version av "
            "programmet. Mötets anteckningar finns kvar.",
        ) from error


def delete_meeting(database: Database, meeting_id: int) -> None:
    """Remove a meeting recorded by mistake, with its stored report."""
    with database.transaction() as session:
        session.delete(get_or_missing(session, FollowUpMeeting, meeting_id))


def next_follow_up_due_in(session: Session, today: dt.date) -> FollowUpDue:
    """When the next follow-up is due, read inside another service's transaction."""
    agreements = [
        (first, last) for first, last in session.execute(select(Agreement.starts_on, Agreement.ends_on))
    ]
    half = next(half for half in default_halves(agreements, today) if today in half)
    last_meeting = session.scalar(
        select(func.max(FollowUpMeeting.held_on)).where(FollowUpMeeting.held_on <= today)
    )
    overdue = last_meeting is not None and add_months(last_meeting, OVERDUE_AFTER_MONTHS) < today
    return FollowUpDue(half.last, half.first, last_meeting, overdue)


def next_follow_up_due(database: Database, today: dt.date | None = None) -> FollowUpDue:
    """The end of the current half of the agreement year, and whether the follow-up is overdue."""
    with database.transaction() as session:
        return next_follow_up_due_in(session, today or dt.date.today())
