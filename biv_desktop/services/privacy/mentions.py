"""Where a removed name is still written in free text (a session's note, a meeting's minutes …).

Anonymising clears the fields that hold a person's name, but the coordinator may also have written the
name in a note. Those texts are not changed automatically (a note is about more than one person); the
clean-up says where to look instead, without repeating the name.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.store.models import (
    CommunicationEffort,
    Enrollment,
    FeedbackForm,
    FeedbackQuote,
    FollowUpMeeting,
    Group,
    GroupSession,
    Premises,
    Trainee,
    TrainingCourse,
)

# Shorter name parts ("Li", "Bo") are also everyday words or parts of them; looking for them would mostly
# point at texts that do not name the person.
SHORTEST_NAME_PART = 3


@dataclass(frozen=True)
class Mention:
    """A free text that contains a word of a removed name, described by where it is (never by the name)."""

    place: str


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def names_of(*texts: str) -> list[str]:
    """The words of a person's names worth looking for in free text."""
    words = (word for text in texts for word in re.split(r"[\s,;()/-]+", _fold(text)))
    return [word for word in dict.fromkeys(words) if len(word) >= SHORTEST_NAME_PART]


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted(set(names), key=len, reverse=True)
    if not words:
        return None
    # A name is found as a whole word: "Ali" in "Ali kom sent", not in "Alingsås".
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)")


def _texts(session: Session) -> Iterator[tuple[str, str]]:
    """Every free text in the register that may hold a name, with a Swedish description of where it is."""
    for number, date, note, group in session.execute(
        select(GroupSession.number, GroupSession.date, GroupSession.note, Group.name)
        .join(Group, GroupSession.group_id == Group.id)
        .where(GroupSession.note != "")
    ):
        yield note, f"Anteckningen för träff {number} ({date.isoformat()}) i gruppen {group}"
    for reason, group in session.execute(
        select(Enrollment.leave_reason, Group.name)
        .join(Group, Enrollment.group_id == Group.id)
        .where(Enrollment.leave_reason != "")
    ):
        yield reason, f"Orsaken till att en deltagare lämnade gruppen {group}"
    for name, notes in session.execute(select(Premises.name, Premises.notes).where(Premises.notes != "")):
        yield notes, f"Anteckningarna om lokalen {name}"
    for held_on, attendees, notes, decisions in session.execute(
        select(
            FollowUpMeeting.held_on,
            FollowUpMeeting.attendees,
            FollowUpMeeting.notes,
            FollowUpMeeting.decisions,
        )
    ):
        meeting = f"Uppföljningsmötet {held_on.isoformat()}"
        yield attendees, f"{meeting}: deltagarna"
        yield notes, f"{meeting}: anteckningarna"
        yield decisions, f"{meeting}: besluten"
    for text, group in session.execute(
        select(FeedbackQuote.text, Group.name)
        .join(FeedbackForm, FeedbackQuote.form_id == FeedbackForm.id)
        .join(Group, FeedbackForm.group_id == Group.id)
    ):
        yield text, f"Ett citat i utvärderingen av gruppen {group}"
    for date, audience, description in session.execute(
        select(CommunicationEffort.date, CommunicationEffort.audience, CommunicationEffort.description)
    ):
        yield f"{audience}\n{description}", f"Kommunikationsinsatsen {date.isoformat()}"
    for external, course in session.execute(
        select(Trainee.external_name, TrainingCourse.name)
        .join(TrainingCourse, Trainee.course_id == TrainingCourse.id)
        .where(Trainee.external_name != "")
    ):
        yield external, f"En deltagare i utbildningen {course}"


def where_mentioned(session: Session, names: Iterable[str]) -> tuple[Mention, ...]:
    """The free texts that still contain one of ``names`` (words from ``names_of``), each place once."""
    pattern = _pattern(names)
    if pattern is None:
        return ()
    places = (place for text, place in _texts(session) if text and pattern.search(_fold(text)))
    return tuple(Mention(place) for place in dict.fromkeys(places))
