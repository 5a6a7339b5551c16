"""Where the keyboard is shows on buttons: the focused button has a blue frame, the others do not."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.ui import app

FOCUS_BLUE = QColor("#1565c0")


def left_edge(button: QAbstractButton) -> QColor:
    image = button.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


def shown_in_a_row(qtbot: QtBot, *buttons: QAbstractButton) -> QWidget:
    """The program's application (its focus frame) and a window showing ``buttons`` side by side; the
    caller keeps the window, which closes when nothing holds it."""
    app.application()
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    for button in buttons:
        layout.addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_focused_button_has_a_blue_frame(qtbot: QtBot) -> None:
    first, second = QPushButton("&Ny deltagare…"), QPushButton("Redigera…")
    _window = shown_in_a_row(qtbot, first, second)
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    assert left_edge(second) == FOCUS_BLUE
    assert left_edge(first) != FOCUS_BLUE


def test_a_focused_tool_button_has_the_frame_too_and_keeps_its_size(qtbot: QtBot) -> None:
    button, tool = QPushButton("Spara"), QToolButton()
    tool.setText("Skriv ut")
    _window = shown_in_a_row(qtbot, button, tool)
    size = tool.size()
    tool.setFocus()
    qtbot.waitUntil(tool.hasFocus)
    assert left_edge(tool) == FOCUS_BLUE
    assert left_edge(button) != FOCUS_BLUE
    assert tool.size() == size


def test_the_frame_follows_the_focus_and_the_button_size(qtbot: QtBot) -> None:
    first, second = QPushButton("Spara"), QPushButton("Avbryt")
    _window = shown_in_a_row(qtbot, first, second)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    qtbot.waitUntil(lambda: left_edge(first) != FOCUS_BLUE)  # the old frame goes with the focus
    assert left_edge(second) == FOCUS_BLUE
    second.setFixedWidth(second.width() + 80)
    qtbot.waitUntil(
        lambda: second.grab().toImage().pixelColor(second.width() - 2, second.height() // 2) == FOCUS_BLUE
    )


def test_a_focused_button_closed_with_its_dialog_leaves_the_frame_to_the_next(qtbot: QtBot) -> None:
    staying = QPushButton("Stanna")
    window = shown_in_a_row(qtbot, staying)
    going = QPushButton("Stäng", window)
    going.show()
    going.setFocus()
    qtbot.waitUntil(going.hasFocus)
    going.deleteLater()  # the focused button goes, and its frame with it
    qtbot.waitUntil(
        lambda: (
            not any(isinstance(child, QPushButton) and child.text() == "Stäng" for child in window.children())
        )
    )
    staying.setFocus()
    qtbot.waitUntil(staying.hasFocus)
    assert left_edge(staying) == FOCUS_BLUE
