"""The Qt binding the program runs on keeps Python's own objects whole: a working day calls Qt methods and
emits signals tens of thousands of times, and a binding that drops a reference to None (or True) at each
call ends the program with "Fatal Python error: none_dealloc" (PySide6 6.12.0 on Python 3.11 did)."""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

CALLS = 2000


class Announcer(QObject):
    said = Signal()


def test_calling_qt_methods_that_return_nothing_keeps_none_alive(qtbot: QtBot) -> None:
    button = QPushButton("Spara")
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        button.setEnabled(number % 2 == 0)
        button.setText("Spara")
    # Other threads may hold or drop a few references meanwhile; a fault drops one per call.
    assert sys.getrefcount(None) > before - CALLS // 10


def test_emitting_signals_keeps_true_alive(qtbot: QtBot) -> None:
    announcer = Announcer()
    heard: list[int] = []
    announcer.said.connect(lambda: heard.append(1))
    before = sys.getrefcount(True)
    for _number in range(CALLS):
        announcer.said.emit()
    assert len(heard) == CALLS
    assert sys.getrefcount(True) > before - CALLS // 10
