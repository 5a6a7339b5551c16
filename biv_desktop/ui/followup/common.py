"""What the follow-up and training screens share: their translation context and text fields."""

from PySide6.QtWidgets import QPlainTextEdit

from biv_desktop.ui.common.text import translator

tr = translator("FollowUp")


def text_box(lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field of a few lines' height; Tab moves on rather than typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def one_line(text: str) -> str:
    """Multi-line text shown in one table cell."""
    return " ".join(text.split())
