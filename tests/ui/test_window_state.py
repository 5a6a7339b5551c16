"""The window remembers, per user, where it was and how it looked: place, size, maximised, splitters,
column widths and the last folder, through a real settings file; a broken or foreign file gives the
defaults."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QFileDialog, QSplitter
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common import window_state
from biv_desktop.ui.common.list_page import RecordPage
from biv_desktop.ui.common.screen_fit import outer_geometry
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.opening import choose_database_file
from biv_desktop.ui.participants.page import ParticipantsPage
from support.qt import every_page
from support.register import FixtureRegister


@pytest.fixture(autouse=True)
def laptop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1366, 720))


def open_window(qtbot: QtBot, register: FixtureRegister) -> MainWindow:
    window = MainWindow(register.database, today=register.today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def reopen(qtbot: QtBot, register: FixtureRegister, window: MainWindow, settings_file: Path) -> MainWindow:
    """Quit (the state is written to the file) and start again, reading the file afresh."""
    window.close()
    window_state.settings().sync()
    window_state.use_settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    return open_window(qtbot, register)


def test_the_window_opens_where_and_as_large_as_it_was_left(
    qtbot: QtBot, register: FixtureRegister, own_settings: Path
) -> None:
    window = open_window(qtbot, register)
    assert window.height() <= 720  # the first time: the default size, fitted to the laptop
    window.setGeometry(140, 90, 1200, 560)
    again = reopen(qtbot, register, window, own_settings)
    assert own_settings.is_file()
    assert again.size().toTuple() == (1200, 560)
    assert again.geometry().topLeft().toTuple() == (140, 90)
    assert not again.isMaximized()


def test_the_first_start_fills_a_laptops_screen_and_keeps_its_size_on_a_larger_one(
    qtbot: QtBot, register: FixtureRegister, own_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 1280 pixels wide on the laptop, the pages' tables scrolled sideways and cut their last column.
    window = open_window(qtbot, register)
    assert outer_geometry(window).width() == 1366
    assert QRect(0, 0, 1366, 720).contains(outer_geometry(window))
    window.close()
    window_state.use_settings(QSettings(str(own_settings.with_name("other.ini")), QSettings.Format.IniFormat))
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1920, 1040))
    assert open_window(qtbot, register).size() == QSize(1280, 800)


def test_a_maximised_window_opens_maximised(
    qtbot: QtBot, register: FixtureRegister, own_settings: Path
) -> None:
    window = open_window(qtbot, register)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    again = reopen(qtbot, register, window, own_settings)
    assert again.isMaximized()


def test_splitters_and_column_widths_are_kept(
    qtbot: QtBot, register: FixtureRegister, own_settings: Path
) -> None:
    window = open_window(qtbot, register)
    leaders = next(page for page in every_page(window) if isinstance(page, RecordPage))
    window.navigation.setCurrentRow(every_page(window).index(leaders))
    splitter = leaders.findChild(QSplitter)
    assert splitter is not None
    splitter.setSizes([150, 450])
    people = next(page for page in every_page(window) if isinstance(page, ParticipantsPage))
    window.navigation.setCurrentRow(every_page(window).index(people))
    people.register.table.setColumnWidth(0, 333)
    kept_sizes = splitter.sizes()

    again = reopen(qtbot, register, window, own_settings)
    leaders = next(page for page in every_page(again) if isinstance(page, RecordPage))
    again.navigation.setCurrentRow(every_page(again).index(leaders))
    # The same share for each part (the page's height may differ by a few pixels before it is laid out).
    restored = leaders.findChild(QSplitter)
    assert restored is not None
    sizes = restored.sizes()
    assert sizes[0] / sum(sizes) == pytest.approx(kept_sizes[0] / sum(kept_sizes), abs=0.02)
    assert kept_sizes[0] / sum(kept_sizes) == pytest.approx(0.25, abs=0.02)
    people = next(page for page in every_page(again) if isinstance(page, ParticipantsPage))
    again.navigation.setCurrentRow(every_page(again).index(people))
    people.refresh()  # reading the register again does not fit the columns over the user's widths
    assert people.register.table.columnWidth(0) == 333


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage [[[ \n= = =\n",
        b"[window]\nMainWindow\\geometry=not a geometry\nMainWindow\\maximised=perhaps\n"
        b"[folders]\npdf=/no/such/folder\n",
    ],
    ids=["broken", "foreign"],
)
def test_a_broken_or_foreign_settings_file_gives_the_defaults(
    qtbot: QtBot, register: FixtureRegister, own_settings: Path, content: bytes
) -> None:
    own_settings.parent.mkdir(parents=True, exist_ok=True)
    own_settings.write_bytes(content)
    window_state.use_settings(QSettings(str(own_settings), QSettings.Format.IniFormat))
    window = open_window(qtbot, register)
    assert not window.isMaximized()
    # The first start's size: on the laptop, the whole screen.
    assert outer_geometry(window).width() == 1366
    assert QRect(0, 0, 1366, 720).contains(outer_geometry(window))
    assert window_state.last_folder("pdf") == window_state.documents_folder()


def test_file_choosers_start_in_documents_and_then_where_the_user_saved(
    own_settings: Path, tmp_path: Path
) -> None:
    assert window_state.last_folder("pdf") == window_state.documents_folder()
    chosen = tmp_path / "utskrifter"
    chosen.mkdir()
    window_state.remember_folder("pdf", chosen / "narvarolista.pdf")
    window_state.settings().sync()
    window_state.use_settings(QSettings(str(own_settings), QSettings.Format.IniFormat))
    assert window_state.last_folder("pdf") == chosen
    assert window_state.last_folder("backup") == window_state.documents_folder()


def test_a_file_chooser_opened_from_the_window_neither_ends_the_program_nor_loses_the_state(
    qtbot: QtBot, register: FixtureRegister, tmp_path: Path
) -> None:
    # Qt's own file chooser (Linux without a desktop's dialogs): its splitter, met by the filter that keeps
    # the state, raised an error that ended the program at Arkiv → Öppna databas….
    window = open_window(qtbot, register)

    def cancel() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, QFileDialog)
        chooser.reject()

    QTimer.singleShot(300, cancel)
    assert choose_database_file(window, tmp_path) is None
    window.resize(900, 640)
    window.close()
    reopened = open_window(qtbot, register)
    assert reopened.size() == QSize(900, 640)
