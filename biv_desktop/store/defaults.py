"""What a new register starts with: languages, the default theme plans, questionnaires and settings."""

import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.settings import DEFAULT_SETTINGS
from biv_desktop.paths import resource_dir
from biv_desktop.store.models import (
    AnswerOption,
    Language,
    Question,
    Questionnaire,
    Setting,
    Theme,
    ThemePlan,
)


def defaults_dir() -> Path:
    return resource_dir() / "defaults"


def _load(name: str) -> Any:
    return json.loads((defaults_dir() / name).read_text(encoding="utf-8"))


def seed_defaults(session: Session) -> None:
    """Fill a new, empty register with the defaults the coordinator then edits."""
    for entry in _load("languages.json"):
        session.add(Language(name=entry["name"], iso_code=entry["iso_code"], script=entry["script"]))
    for plan in _load("theme_plans.json"):
        session.add(
            ThemePlan(
                name=plan["name"],
                kind=GroupKind(plan["kind"]),
                is_default=True,
                themes=[
                    Theme(
                        position=position,
                        title=theme["title"],
                        description=theme.get("description", ""),
                        materials=theme.get("materials", ""),
                    )
                    for position, theme in enumerate(plan["themes"], start=1)
                ],
            )
        )
    for form in _load("questionnaires.json"):
        session.add(
            Questionnaire(
                name=form["name"],
                kind=GroupKind(form["kind"]),
                questions=[
                    Question(
                        position=q_position,
                        text=question["text"],
                        options=[
                            AnswerOption(position=o_position, label=label)
                            for o_position, label in enumerate(question["options"], start=1)
                        ],
                    )
                    for q_position, question in enumerate(form["questions"], start=1)
                ],
            )
        )
    for key, value in DEFAULT_SETTINGS.items():
        session.add(Setting(key=key, value=value))
