"""A count line keeps one size while its number changes, and takes a new size for a new total or font."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.count_line import show_count


def line(shown: int, total: int) -> str:
    return f"Visar {shown} av {total} deltagare"


def test_the_line_keeps_its_size_as_the_number_shown_changes(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    show_count(label, line(2340, 2340), line(2340, 2340))
    size = label.size()
    for shown in (12, 7, 140, 2340):
        show_count(label, line(shown, 2340), line(2340, 2340))
        assert label.text() == line(shown, 2340)
        assert label.size() == size
        assert label.width() >= label.sizeHint().width()  # the whole line shows


def test_a_new_total_or_a_larger_font_gives_the_line_room(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    show_count(label, line(9, 99), line(99, 99))
    narrow = label.width()
    show_count(label, line(9, 10099), line(10099, 10099))
    assert label.width() > narrow

    wide = label.width()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    label.setFont(font)
    show_count(label, line(9, 10099), line(10099, 10099))
    assert label.width() > wide
    assert label.width() >= label.sizeHint().width()
