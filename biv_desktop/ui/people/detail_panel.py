"""The panel under a people list: the chosen person's details beside the sessions they are booked for."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from biv_desktop.services.staff import UpcomingSession
from biv_desktop.ui.people.widgets import UpcomingSessions, tr

FACTS_WIDTH = 340


class DetailPanel(QFrame):
    """Name, a few facts as label–value lines, and the sessions ahead."""

    def __init__(
        self, facts: Sequence[str], ahead_title: str, empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        facts_layout = QFormLayout()
        facts_layout.setHorizontalSpacing(12)
        for fact in facts:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts_layout.addRow(f"{fact}:", value)
            self.values[fact] = value
        self.ahead_heading = QLabel()
        heading_font = QFont(self.ahead_heading.font())
        heading_font.setBold(True)
        self.ahead_heading.setFont(heading_font)
        self._ahead_title = ahead_title
        self.upcoming = UpcomingSessions(empty_text)
        self.nothing = QLabel(tr("Välj någon i listan för att se mer."))
        self.nothing.setWordWrap(True)

        about = QVBoxLayout()
        about.setContentsMargins(0, 0, 0, 0)
        about.setSpacing(8)
        about.addWidget(self.nothing)
        about.addWidget(self.name)
        about.addLayout(facts_layout)
        self._actions = QVBoxLayout()
        about.addLayout(self._actions)
        about.addStretch(1)
        about_widget = QWidget()
        about_widget.setLayout(about)
        about_widget.setFixedWidth(FACTS_WIDTH)
        sessions = QVBoxLayout()
        sessions.setContentsMargins(0, 0, 0, 0)
        sessions.setSpacing(6)
        sessions.addWidget(self.ahead_heading)
        sessions.addWidget(self.upcoming, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(16)
        layout.addWidget(about_widget)
        layout.addLayout(sessions, 1)
        self._content = [self.name, self.ahead_heading, self.upcoming, *self.values.values()]
        self._facts_layout = facts_layout
        self.show_nothing()

    def add_action(self, button: QPushButton) -> None:
        """A button under the facts, about the chosen person (shown only while someone is chosen)."""
        self._actions.addWidget(button)
        self._content.append(button)
        button.setVisible(self.name.isVisible())

    def show_nothing(self) -> None:
        self._set_content_visible(False)

    def show_person(self, name: str, facts: dict[str, str], sessions: Sequence[UpcomingSession]) -> None:
        self._set_content_visible(True)
        self.name.setText(name)
        for fact, label in self.values.items():
            label.setText(facts.get(fact, "") or "–")
        self.ahead_heading.setText(f"{self._ahead_title} ({len(sessions)})")
        self.upcoming.set_sessions(sessions)

    def _set_content_visible(self, visible: bool) -> None:
        self.nothing.setVisible(not visible)
        for widget in self._content:
            widget.setVisible(visible)
        for row in range(self._facts_layout.rowCount()):
            self._facts_layout.setRowVisible(row, visible)
