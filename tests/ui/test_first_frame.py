"""Doing something right after a window's first frame (ui/first_frame.py): how the window opens its
register once it is on screen, and opens it all the same when it paints nothing (started minimised)."""

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from biv_desktop.ui.first_frame import after_first_frame


def test_the_action_runs_once_after_the_first_frame_however_often_the_window_paints(qtbot: QtBot) -> None:
    window = QLabel("Öppnar databasen…")
    qtbot.addWidget(window)
    calls: list[bool] = []
    after_first_frame(window, lambda: calls.append(window.isVisible()), latest=5000)
    assert calls == []  # nothing before the window is shown
    window.show()
    qtbot.waitUntil(lambda: calls == [True])
    window.repaint()
    window.setText("Översikt")
    qtbot.wait(50)
    assert calls == [True]


def test_a_window_that_paints_nothing_gets_its_action_after_the_latest_moment(qtbot: QtBot) -> None:
    window = QLabel("Öppnar databasen…")  # never shown, as a window started minimised paints nothing
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_frame(window, lambda: calls.append("öppnad"), latest=30)
    qtbot.waitUntil(lambda: calls == ["öppnad"], timeout=2000)
    window.show()  # painted later: the action is not run again
    qtbot.wait(50)
    assert calls == ["öppnad"]
