"""Pieces of the session form: people to pick, the live list of problems, and asking before saving."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from biv_desktop.ui.common.styles import OK_STYLE, WARNING_TEXT_STYLE
from biv_desktop.ui.common.text import translator

if TYPE_CHECKING:
    # For the session form only: the schedule page, which takes its translator from here, needs neither.
    from biv_desktop.services.schedule import PersonChoice, SessionCheck

tr = translator("Schedule")


def command_button(window: QWidget, text: str, keys: str, run: Callable[[], None]) -> QPushButton:
    """A button that runs ``run``, also by ``keys`` anywhere in ``window`` (never the default button)."""
    button = QPushButton(text)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: run())
    action = QAction(text, window)
    action.setShortcut(QKeySequence(keys))
    action.triggered.connect(lambda _checked=False: run())
    window.addAction(action)
    return button


def conflict_question() -> str:
    """What heads the confirm box when a session's change brings conflicts or breaks the staffing rule."""
    return tr("Ändringen ger krockar eller bryter mot bemanningsregeln:")


def leader_label(person: PersonChoice) -> str:
    notes = [] if person.trained else [tr("ej utbildad")]
    if not person.active:
        notes.append(tr("inaktiv"))
    return f"{person.name} ({', '.join(notes)})" if notes else person.name


def interpreter_label(person: PersonChoice, language: str) -> str:
    notes = [] if person.speaks_language else [tr("talar inte {language}").format(language=language.lower())]
    if not person.active:
        notes.append(tr("inaktiv"))
    return f"{person.name} ({', '.join(notes)})" if notes else person.name


def leader_combo(people: Sequence[PersonChoice]) -> QComboBox:
    """Nobody, then the leaders by name, the untrained marked."""
    combo = QComboBox()
    combo.addItem(tr("– ingen –"), None)
    for person in people:
        combo.addItem(leader_label(person), person.id)
    return combo


def interpreter_combo(people: Sequence[PersonChoice], language: str) -> QComboBox:
    """Nobody, the interpreters who speak the group's language, a line, then the others, marked."""
    combo = QComboBox()
    combo.addItem(tr("– ingen –"), None)
    speakers = [person for person in people if person.speaks_language]
    others = [person for person in people if not person.speaks_language]
    for person in speakers:
        combo.addItem(interpreter_label(person, language), person.id)
    if speakers and others:
        combo.insertSeparator(combo.count())
    for person in others:
        combo.addItem(interpreter_label(person, language), person.id)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the item holding `value` (the first item, 'nobody' or 'all', if none does)."""
    position = combo.findData(value)
    combo.setCurrentIndex(position if position >= 0 else 0)


class ProblemsPanel(QLabel):
    """What the session would clash with and what it lacks, updated as the form changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(tr("Krockar och bemanning"))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for a few problems from the start, so the form does not jump as they come and go.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.lines: list[str] = []

    def show_check(self, check: SessionCheck) -> None:
        self.lines = [f"⚠ {message}" for message in check.conflict_messages]
        self.lines += [f"⚠ {problem}" for problem in check.staffing_problems]
        if self.lines:
            self._show("\n".join(self.lines), WARNING_TEXT_STYLE)
        else:
            self._show(tr("Inga krockar, och bemanningen följer regeln."), OK_STYLE)

    def show_note(self, text: str) -> None:
        self.lines = []
        self._show(text, "")

    def show_error(self, message: str) -> None:
        self.lines = [message]
        self._show(message, "color: #b00020;")

    def _show(self, text: str, style: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
