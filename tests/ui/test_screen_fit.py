"""On the office laptop (1366×768 less a taskbar: 1366×720 available) every page and dialog fits the screen
with its buttons visible, on both demo registers: 3 years (what a new user tries) and 20 years (the most).

Each demo is written once for this module (the 20-year one takes about 13 seconds) and every test opens
a copy afresh (the tests only open dialogs and cancel them; nothing they do is saved). pytest runs the
tests of one demo size together, so each is written only once.
"""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from biv_desktop.demo import write_demo_database
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.services.schedule import ScheduleRow
from biv_desktop.store.database import Database
from biv_desktop.store.register import open_register
from biv_desktop.ui.app import application
from biv_desktop.ui.attendance.session_dialog import SessionAttendanceDialog
from biv_desktop.ui.common.list_page import RecordPage as ListPage
from biv_desktop.ui.common.list_screen import ListTab
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.common.screen_fit import outer_geometry
from biv_desktop.ui.groups.detail_dialog import GroupDetailDialog
from biv_desktop.ui.groups.group_dialog import new_group_dialog
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.participants.import_dialog import ImportParticipantsDialog
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.printing.sheet_actions import print_course_sheet, print_pack
from biv_desktop.ui.schedule.page import SchedulePage
from support.qt import every_page

TODAY = dt.date(2026, 11, 25)
LAPTOP = QRect(0, 0, 1366, 720)


@pytest.fixture(scope="module", params=[3, 20], ids=["3 år", "20 år"])
def demo_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    years = int(request.param)
    path = tmp_path_factory.mktemp("demo") / f"demo-{years}.sqlite"
    write_demo_database(path, years=years, seed=2026, today=TODAY)
    return path


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every screen reports the laptop's available geometry to the program."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP))


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    database = open_register(copy, backups=None)
    yield database
    database.close()


def misfits(window: QWidget) -> list[str]:
    """What a user at the laptop could not reach in ``window``: its frame beyond the available screen, or
    a button box (or, in a dialog without one, a push button) outside it."""
    QApplication.processEvents()
    name = f"{type(window).__name__} «{window.windowTitle()}»"
    problems = []
    if not LAPTOP.contains(outer_geometry(window)):
        problems.append(f"{name}: {outer_geometry(window)} ligger utanför skärmen {LAPTOP}")
    boxes: list[QWidget] = [box for box in window.findChildren(QDialogButtonBox) if box.isVisibleTo(window)]
    if not boxes and isinstance(window, QDialog):
        boxes = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
    inside = window.rect()
    for box in boxes:
        place = QRect(box.mapTo(window, box.rect().topLeft()), box.size())
        if not inside.contains(place) or box.visibleRegion().isEmpty():
            label = box.text() if isinstance(box, QAbstractButton) else type(box).__name__
            problems.append(f"{name}: knappen/knapparna {label!r} {place} syns inte i {inside}")
    return problems


class DialogCheck:
    """Stands in for QDialog.exec: shows each dialog, notes what does not fit, and cancels it."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.problems: list[str] = []

    def exec(self, dialog: QDialog) -> int:
        dialog.show()
        self.check(dialog)
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    def check(self, window: QWidget) -> None:
        self.seen.append(type(window).__name__)
        self.problems += misfits(window)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogCheck:
    check = DialogCheck()
    monkeypatch.setattr(QDialog, "exec", lambda dialog: check.exec(dialog))
    # A question on the way (e.g. "Ta bort …?") is answered No, so nothing changes.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: int(QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    return check


@pytest.fixture
def window(qtbot: QtBot, laptop: None, demo: Database) -> MainWindow:
    application()  # as the program starts: Swedish, its fonts and its style sheet
    main_window = MainWindow(demo, demo=True, today=TODAY)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def test_the_window_opens_within_the_laptops_screen_and_every_page_keeps_it_there(window: MainWindow) -> None:
    assert misfits(window) == []
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        show_every_tab(window)
        assert misfits(window) == [], window.current_page().title
        # A page may ask for more room than the screen has (the Deltagare page's eight buttons did).
        assert window.minimumSizeHint().width() <= LAPTOP.width(), window.current_page().title


def show_every_tab(window: MainWindow) -> None:
    """Go to every tab of the page shown, as a user does: a tab not in view is built when first shown."""
    for tabs in window.current_page().findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)


def test_every_list_editor_fits(window: MainWindow, dialogs: DialogCheck) -> None:
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        show_every_tab(window)
    screens = window.findChildren(ListTab) + window.findChildren(ListPage)
    assert len(screens) >= 7  # leaders, interpreters, premises, courses, agreements, feedback, meetings …
    for screen in screens:
        screen.refresh()
        screen.edit(None)
        rows = screen.model.rows()
        if rows:
            screen.edit(rows[0])
    assert dialogs.problems == []
    assert len(dialogs.seen) >= 2 * len(screens) - 2


def test_the_group_dialogs_and_the_participant_dialogs_fit(window: MainWindow, dialogs: DialogCheck) -> None:
    database = window.database
    group = max(list_groups(database), key=lambda g: g.participant_count)
    dialogs.check(shown(new_group_dialog(database, TODAY, window)))
    detail = shown(GroupDetailDialog(database, group.id, TODAY, window))
    dialogs.check(detail)
    detail.edit()
    detail.add_participant()
    detail.tabs.setCurrentIndex(2)  # the attendance grid, the widest tab
    dialogs.check(detail)
    detail.close()

    window.navigation.setCurrentRow(
        every_page(window).index(next(p for p in every_page(window) if isinstance(p, ParticipantsPage)))
    )
    page = window.current_page()
    assert isinstance(page, ParticipantsPage)
    page.register.table.selectRow(0)
    page.register.new_participant()
    page.register.edit_selected()
    page.register.enrol_selected()
    page.tabs.setCurrentWidget(page.waiting)
    page.waiting.table.selectRow(0)
    page.waiting.change_wish()
    dialogs.check(shown(ImportParticipantsDialog(database, today=TODAY, parent=window)))
    assert dialogs.problems == []
    assert {
        "GroupDialog",
        "GroupDetailDialog",
        "EnrolDialog",
        "ParticipantDialog",
        "EnrolInGroupDialog",
        "WaitingWishDialog",
    } <= set(dialogs.seen)


def test_the_new_group_dialog_scrolls_its_form_on_a_lower_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A font with taller lines (Noto Sans) made the form and the parents' group 736 pixels high, beyond
    # the laptop's 720; a lower screen (a 1366×768 laptop at 125 % scaling: 614 less the taskbar) too.
    low = QRect(0, 0, 1093, 566)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(low))
    dialog = shown(new_group_dialog(window.database, TODAY, window))
    QApplication.processEvents()
    assert low.contains(outer_geometry(dialog))
    assert dialog.rect().contains(
        QRect(dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft()), dialog.buttons.size())
    )
    scroll = dialog.parents_box.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0  # the form scrolls
    # Only down: every field is as wide as it needs, none cut off behind a sideways scroll bar.
    form = scroll.widget()
    assert form is not None and scroll.viewport().width() >= form.minimumSizeHint().width()
    dialog.reject()


def test_the_session_attendance_and_the_print_previews_fit(window: MainWindow, dialogs: DialogCheck) -> None:
    database = window.database
    schedule = next(p for p in every_page(window) if isinstance(p, SchedulePage))
    window.navigation.setCurrentRow(every_page(window).index(schedule))
    # A busy month of the demo, the period the print pack covers too.
    first, last = TODAY - dt.timedelta(days=60), TODAY
    schedule.period.set_period(first, last)
    schedule.refresh()
    rows = [schedule.proxy.index(n, 0).data(ROW_ROLE) for n in range(schedule.proxy.rowCount())]
    session = next(row for row in rows if isinstance(row, ScheduleRow))
    assert schedule.select_session(session.id)
    schedule.open_current()
    dialogs.check(shown(SessionAttendanceDialog(database, session.id, today=TODAY, parent=window)))

    group = max(list_groups(database), key=lambda g: g.participant_count)
    course = print_course_sheet(window, database, group.id, TODAY)
    pack = print_pack(window, database, first, last)
    for preview in (course, pack):
        assert preview is not None
        dialogs.check(preview)
        preview.close()
    window.privacy_actions.open_clean_up()
    assert dialogs.problems == []
    assert "SessionDialog" in dialogs.seen and "CleanUpDialog" in dialogs.seen


DialogT = TypeVar("DialogT", bound=QDialog)


def shown(dialog: DialogT) -> DialogT:
    dialog.show()
    return dialog
