"""What every part of the demo generator shares: the seeded randomness, the dates and the seeded defaults."""

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.demo.schedule import AgreementYear, SessionCalendar
from biv_desktop.domain.enums import GroupKind, Mark
from biv_desktop.store.models import (
    Base,
    GroupLeader,
    GroupSession,
    Interpreter,
    InterpreterLanguage,
    Language,
    LeaderLanguage,
    Participant,
    Premises,
    Questionnaire,
    ThemePlan,
)

T = TypeVar("T")

# PTS keeps 070-174 06 05 – 070-174 06 99 for use in fiction: no real subscriber has these numbers.
FICTIONAL_PHONE_FIRST, FICTIONAL_PHONE_LAST = 5, 99

# The demo's group languages and, for each, mother tongues close enough to follow a group in it.
GROUP_LANGUAGES = ("ar", "so", "prs", "ti", "uk")
NEIGHBOUR_LANGUAGES: dict[str, tuple[str, ...]] = {
    "ar": ("ckb",),
    "so": (),
    "prs": ("ps", "fa"),
    "ti": ("am",),
    "uk": ("ru",),
}


@dataclass(frozen=True)
class Defaults:
    """The seeded rows the demo refers to: languages, default theme plans and questionnaires."""

    languages: dict[str, Language]
    theme_plans: dict[GroupKind, ThemePlan]
    questionnaires: dict[GroupKind, Questionnaire]

    @classmethod
    def load(cls, session: Session) -> "Defaults":
        languages = {language.iso_code: language for language in session.scalars(select(Language))}
        plans: dict[GroupKind, ThemePlan] = {}
        for plan in session.scalars(select(ThemePlan).order_by(ThemePlan.is_default.desc(), ThemePlan.id)):
            plans.setdefault(plan.kind, plan)
        forms: dict[GroupKind, Questionnaire] = {}
        for form in session.scalars(select(Questionnaire).order_by(Questionnaire.id)):
            forms.setdefault(form.kind, form)
        # Touch the collections now, inside the transaction, so later reads need no lazy loading.
        for plan in plans.values():
            _ = [theme.title for theme in plan.themes]
        for form in forms.values():
            _ = [option.label for question in form.questions for option in question.options]
        return cls(languages, plans, forms)


@dataclass
class World:
    """The state one demo build works in; everything random comes from ``rng``."""

    rng: random.Random
    today: dt.date
    years: list[AgreementYear]
    calendar: SessionCalendar
    defaults: Defaults
    premises: list[Premises] = field(default_factory=list)
    pending: list[Base] = field(default_factory=list)
    spoken: list[tuple[GroupLeader | Interpreter, Language]] = field(default_factory=list)
    # Attendance is by far the largest table: it is inserted in bulk once sessions and people have ids.
    marks: list[tuple[GroupSession, Participant, Mark]] = field(default_factory=list)

    def add(self, row: T) -> T:
        """Keep a new row for the one bulk insert at the end, in the order it was made."""
        assert isinstance(row, Base)
        self.pending.append(row)
        return row

    def speaks(self, person: GroupLeader | Interpreter, language: Language) -> None:
        """Note a language someone speaks; stored once the people have ids (see ``language_rows``)."""
        self.spoken.append((person, language))

    def language_rows(self) -> list[Base]:
        """The people's languages as rows, in the order noted (the relationship would insert them unordered)."""
        rows: list[Base] = []
        for person, language in self.spoken:
            if isinstance(person, GroupLeader):
                rows.append(LeaderLanguage(leader_id=person.id, language_id=language.id))
            else:
                rows.append(InterpreterLanguage(interpreter_id=person.id, language_id=language.id))
        return rows

    def mark_rows(self) -> list[dict[str, object]]:
        return [
            {"session_id": session.id, "participant_id": participant.id, "mark": mark}
            for session, participant, mark in self.marks
        ]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, options: "list[T] | tuple[T, ...]") -> T:
        return self.rng.choice(options)

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        """A random day in the closed range (the first day if the range is empty)."""
        span = (last - first).days
        return first + dt.timedelta(days=self.rng.randint(0, span)) if span > 0 else first

    def phone(self) -> str:
        """A mobile number from the range PTS reserves for fiction, written the Swedish way."""
        return f"070-174 06 {self.rng.randint(FICTIONAL_PHONE_FIRST, FICTIONAL_PHONE_LAST):02d}"

    def language(self, iso_code: str) -> Language:
        return self.defaults.languages[iso_code]

    @property
    def first_year(self) -> AgreementYear:
        return self.years[0]

    @property
    def last_year(self) -> AgreementYear:
        return self.years[-1]
